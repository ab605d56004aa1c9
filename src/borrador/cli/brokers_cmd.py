"""`borrador brokers …` and `borrador catalog …`: search the catalog, import state registries."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from borrador.cli import brokers_output as out
from borrador.cli import output
from borrador.cli.app import current_paths, open_session
from borrador.core.broker_filters import FILTER_NAMES, FILTERS


@contextlib.contextmanager
def catalog_access() -> Iterator[Any]:
    """The catalog service: with the user's imported entries when a store exists."""
    from borrador.services import store_exists

    if store_exists(current_paths()):
        with open_session() as session:
            yield session.catalog
        return
    from borrador.services.catalog import CatalogService

    yield CatalogService(registry=None)


@contextlib.contextmanager
def catalog_with_reports() -> Iterator[tuple[Any, Any]]:
    """The catalog service and, when a store exists, the problems users reported with its
    channels (the store is opened once for both)."""
    from borrador.services import store_exists

    if store_exists(current_paths()):
        with open_session() as session:
            yield session.catalog, session.corrections
        return
    from borrador.services.catalog import CatalogService

    yield CatalogService(registry=None), None


def _report_catalog_errors(service: Any) -> None:
    for error in service.curated.errors:
        click.echo(f"borrador: catalog file skipped: {error}", err=True)


@click.group()
def brokers() -> None:
    """The catalog of data brokers and agencies."""


@brokers.command("list")
@click.option("--search", "query", default="", help="Name, brand, product, domain or category.")
@click.option("--pack", help="Only the members of a pack (see 'borrador brokers packs').")
@click.option(
    "--flag",
    "flags",
    multiple=True,
    type=click.Choice(FILTER_NAMES),
    help="Only entries with this flag; repeat to require several. "
    + "; ".join(f"{name}: {text}" for name, text in FILTERS.items()),
)
@click.option("--json", "as_json", is_flag=True)
def list_(query: str, pack: str | None, flags: tuple[str, ...], as_json: bool) -> None:
    """List catalog entries; ICE suppliers and exact matches first."""
    with catalog_access() as service:
        _report_catalog_errors(service)
        found = service.search(query, pack, flags)
        catalog = service.catalog()
        if as_json:
            click.echo(output.dumps([out.broker_json(e, catalog) for e in found]))
        elif not found:
            click.echo("Nothing matches. Try fewer letters, or 'borrador brokers packs'.")
        else:
            click.echo("\n".join(out.broker_line(e) for e in found))


@brokers.command("show")
@click.argument("slug")
@click.option("--json", "as_json", is_flag=True)
def show(slug: str, as_json: bool) -> None:
    """Everything the catalog knows about one broker or agency."""
    with catalog_with_reports() as (service, corrections):
        catalog = service.catalog()
        entry = service.details(slug.strip().lower())
        metrics = service.request_metrics(entry.slug)
        reports = corrections.for_broker(entry.slug) if corrections else []
        if as_json:
            shown = out.broker_json(entry, catalog, full=True)
            shown["request_metrics"] = [
                {"state": state, "registrant": registrant, "metrics": numbers}
                for state, registrant, numbers in metrics
            ]
            shown["reported_problems"] = [
                {"channel": r.channel, "target": r.target, "problem": r.problem,
                 "reported_on": r.reported_on, "request_id": r.request_id} for r in reports
            ]  # fmt: skip
            click.echo(output.dumps(shown))
        else:
            click.echo(out.broker_text(entry, catalog))
            if metrics:
                click.echo(out.metrics_text(metrics))
            for r in reports:
                click.echo(f"  You reported on {r.reported_on} (request {r.request_id}): "
                           f"{r.problem} — {r.channel} {r.target}".rstrip())  # fmt: skip


@brokers.command("packs")
@click.option("--json", "as_json", is_flag=True)
def packs(as_json: bool) -> None:
    """The packs: named sets of brokers that one action selects."""
    with catalog_access() as service:
        catalog = service.catalog()
        rows = [(p, [m.slug for m in catalog.pack_members(p.id)]) for p in catalog.packs.values()]
    if as_json:
        click.echo(output.dumps([{"id": p.id, "title": p.title, "description": p.description,
                                  "members": members} for p, members in rows]))  # fmt: skip
        return
    for p, members in rows:
        click.echo(f"{p.id:<24} {p.title} ({len(members)}): {', '.join(members) or '-'}")


@click.group("catalog")
def catalog_group() -> None:
    """Extend the catalog from the state data-broker registries."""


@catalog_group.command("import-registry")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--state", type=click.Choice(["ca", "vt"]), help="Which registry (detected if left out)."
)
@click.option("--json", "as_json", is_flag=True)
def import_registry(file: Path, state: str | None, as_json: bool) -> None:
    """Import a California or Vermont registry CSV into your encrypted store."""
    with open_session() as session:
        report = session.registry.import_file(file, state)
    if as_json:
        click.echo(output.dumps({
            "file": report.file, "format": report.format, "state": report.state,
            "added": report.added, "updated": report.updated, "unchanged": report.unchanged,
            "matched": report.matched,
            "skipped": [{"line": line, "reason": reason} for line, reason in report.skipped],
        }))  # fmt: skip
        return
    click.echo(
        f"{file}: read as {report.format}. Added {report.added}, updated "
        f"{report.updated}, unchanged {report.unchanged}."
    )
    if report.matched:
        click.echo(f"Matched to catalog entries (not listed twice): {len(report.matched)}")
        for name, slugs in sorted(report.matched.items()):
            click.echo(f"  {name} -> {', '.join(slugs)}")
    for line, reason in report.skipped:
        click.echo(f"  line {line}: skipped — {reason}")


@catalog_group.command("check")
@click.option("--json", "as_json", is_flag=True)
def check(as_json: bool) -> None:
    """What needs checking again: entries last verified more than 12 months ago, entries or
    channels without a source, channels you reported (requests report). Exits 1 on errors."""
    from borrador.services import SystemClock

    today = SystemClock().today()
    with catalog_with_reports() as (service, corrections):
        reported = corrections.reported_targets() if corrections else []
        findings = service.check(today, reported)
    errors = [f for f in findings if f.severity == "error"]
    if as_json:
        click.echo(output.dumps({
            "today": today.isoformat(), "errors": len(errors),
            "warnings": len(findings) - len(errors),
            "findings": [{"severity": f.severity, "slug": f.slug, "field": f.field,
                          "problem": f.problem} for f in findings],
        }))  # fmt: skip
    else:
        for f in findings:
            click.echo(f"{f.severity}: {f.slug}: {f.field}: {f.problem}")
        click.echo(f"{len(errors)} errors, {len(findings) - len(errors)} warnings "
                   f"(as of {today}).")  # fmt: skip
    if errors:
        click.get_current_context().exit(1)


def _add_corrections_command() -> None:
    from borrador.cli.corrections_cmd import corrections

    catalog_group.add_command(corrections)


_add_corrections_command()
