"""The kill matrix (issue 13): every write path killed at each of its fault points (before,
during and after each file and commit). After each kill: the store opens (with the old or
the new passphrase), nothing acknowledged is lost, and a scan of the data folder, the output
folders and the temp folder finds no plaintext file that is not logged (so erasable); then
`erase --person` and `erase --everything` leave no canary anywhere.

Each kill runs in a forked child (helpers.kills), so a case costs a fork and a floor-KDF
unlock, never a full Argon2id run. The fast variant runs one point per path; `slow` all."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from borrador.core.errors import StoreError
from borrador.keys import FLOOR
from borrador.letters.context import Agent
from borrador.services import init_store, open_store
from borrador.services.files import write_export
from borrador.services.safety import erase_everything, restore_backup
from tests.helpers.common import PASSPHRASE, FixedClock
from tests.helpers.kills import holding, logged_paths, run_killed
from tests.helpers.people import sample_person
from tests.helpers.registry_files import ca_cppa_2024, many_rows

CANARY = b"Kanarienvogel13Mtx"
OTHER = b"Zorzalino13Mtx"
NEW_PASSPHRASE = "otra frase de paso distinta y larga"
VOLUNTEER = "frase de la voluntaria que se va"


@dataclasses.dataclass
class World:
    paths: object
    root: Path  # everything this case writes lives under it
    out: Path
    tmp: Path
    canary_id: int
    other_id: int

    def roots(self) -> list[Path]:
        return [self.paths.root, self.out, self.tmp]  # type: ignore[attr-defined]

    def open(self):  # type: ignore[no-untyped-def]
        for passphrase in (PASSPHRASE, NEW_PASSPHRASE):
            try:
                return open_store(self.paths, passphrase=passphrase, clock=FixedClock())
            except StoreError as exc:
                if "wrong" not in str(exc):
                    raise
        raise AssertionError("no passphrase opens the store")


def build(paths, base: Path, clinic: bool = False) -> World:  # type: ignore[no-untyped-def]
    out, tmp = base / "out", base / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    with init_store(paths, PASSPHRASE, kdf=FLOOR, clock=FixedClock()) as s:
        mine = s.people.add(sample_person(name=f"{CANARY.decode()} Inventada", state="CA",
                                          other_names=[]))  # fmt: skip
        theirs = s.people.add(sample_person(name=f"{OTHER.decode()} Inventado", state="CA",
                                            other_names=[]))  # fmt: skip
        s.letters.make(mine.id, ["acxiom"], "delete", fmt="txt", out_dir=out / "before")
        write_export(paths, out / "all.csv", s.exports.requests_csv().encode(), kind="csv")
        s.safety.backup(out / "backup.zip")
        if clinic:
            s.profile.save(Agent(name="Clinica Ejemplo", phone="555-0100"))
            s.clinic.enable(PASSPHRASE, "Rosa", FLOOR)
            s.clinic.add_volunteer("Tomas", VOLUNTEER, FLOOR)
    return World(paths, base, out, tmp, mine.id or 0, theirs.id or 0)


def _bundle(world: World) -> tuple[Path, str]:
    from borrador.home.paths import Paths

    other = Paths(world.root / "elsewhere")
    with init_store(other, PASSPHRASE, kdf=FLOOR, clock=FixedClock()) as s:
        p = s.people.add(sample_person(name=f"{CANARY.decode()} Traslado", state="CA",
                                       other_names=[]))  # fmt: skip
        s.requests.create(p.id, "spokeo", "delete")
        target = world.out / "in.borrador"
        words = s.handoff.export(p.id, target, FLOOR)
    import shutil

    shutil.rmtree(other.root)  # only the bundle travels
    return target, words


def op_letters(w: World) -> None:
    agent = Agent(name="Rosa Voluntaria", organisation="Clinica", email="r@example.org")
    with w.open() as s:
        s.letters.make(w.canary_id, ["acxiom", "epsilon", "experian"], "delete", fmt="txt",
                       out_dir=w.out / "batch", agent=agent)  # fmt: skip


def op_registry(w: World) -> None:
    source = w.tmp / "registry.csv"
    source.write_bytes(ca_cppa_2024(many_rows(120)))
    with w.open() as s:
        s.registry.import_file(source)


def op_backup(w: World) -> None:
    with w.open() as s:
        s.safety.backup(w.out / "second.zip")


def op_restore(w: World) -> None:
    restore_backup(w.paths, w.out / "backup.zip", PASSPHRASE)  # type: ignore[arg-type]


def op_passphrase(w: World) -> None:
    with w.open() as s:
        s.keys.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, FLOOR)


def op_erase(w: World) -> None:
    erase_everything(w.paths)  # type: ignore[arg-type]


def op_handoff(w: World) -> None:
    bundle, words = w.bundle  # type: ignore[attr-defined]
    with w.open() as s:
        s.handoff.import_file(bundle, words)


def op_handoff_export(w: World) -> None:
    with w.open() as s:
        s.handoff.export(w.canary_id, w.out / "out.borrador", FLOOR)


def op_erase_person(w: World) -> None:
    with w.open() as s:
        s.safety.erase_person(w.canary_id)


def op_rekey(w: World) -> None:
    with w.open() as s:
        s.clinic.remove_volunteer("Tomas")


PATHS: dict[str, tuple[Callable[[World], None], list[str]]] = {
    "letters batch": (op_letters, ["file.half-written", "file.before-rename",
                                   "file.before-rename#4", "letters.after-file",
                                   "letters.after-file#3", "letters.after-insert",
                                   "letters.before-commit", "letters.after-commit"]),
    "registry import": (op_registry, ["registry.row", "registry.row#60",
                                      "registry.before-commit"]),
    "backup": (op_backup, ["backup.after-copy", "file.half-written", "file.before-rename",
                           "backup.during-zip", "file.before-rename#2"]),
    "restore": (op_restore, ["restore.after-journal", "restore.setting-aside",
                             "restore.setting-aside#2", "restore.between-files",
                             "restore.after-swap", "file.before-rename#2",
                             "restore.after-done"]),
    "passphrase change": (op_passphrase, ["file.half-written", "file.before-rename"]),
    "panic erase": (op_erase, ["erase.shredding", "erase.shredding#3", "erase.shredding#8",
                               "erase.after-known-files"]),
    "hand-off import": (op_handoff, ["handoff.before-commit"]),
    "hand-off export": (op_handoff_export, ["file.half-written", "file.before-rename"]),
    "erase one person": (op_erase_person, ["erase.shredding", "erase.shredding#2",
                                           "erase-person.after-files"]),
    "re-key": (op_rekey, ["file.before-rename", "rekey.after-prepare", "rekey.after-rekey",
                          "file.before-rename#2"]),
}  # fmt: skip

CASES = [(path, point) for path, (_, points) in PATHS.items() for point in points]
FAST = {path: points[len(points) // 2] for path, (_, points) in PATHS.items()}


@dataclasses.dataclass
class Tally:
    tried: int = 0
    reached: int = 0
    opened: int = 0
    must_open: int = 0
    unlogged: int = 0
    after_person: int = 0
    after_everything: int = 0


def kill_and_check(path: str, point: str, paths, base: Path, tally: Tally) -> None:  # type: ignore[no-untyped-def]
    operation, _ = PATHS[path]
    world = build(paths, base, clinic=path == "re-key")
    if path == "hand-off import":
        world.bundle = _bundle(world)  # type: ignore[attr-defined]
    tally.tried += 1
    tally.reached += run_killed(point, lambda: operation(world))
    unlogged = [
        p
        for p in holding(CANARY, *world.roots()) + holding(OTHER, *world.roots())
        if str(p) not in logged_paths(world.paths.exports_log)
    ]  # type: ignore[attr-defined]
    tally.unlogged += len(unlogged)
    assert unlogged == [], (path, point, unlogged)
    if path == "panic erase":  # cut short: running it again must finish the job
        erase_everything(world.paths)  # type: ignore[arg-type]
        assert not world.paths.root.exists()  # type: ignore[attr-defined]
        tally.after_everything += len(holding(CANARY, *world.roots())) + len(
            holding(OTHER, *world.roots())
        )
        return
    tally.must_open += 1
    with world.open() as s:
        tally.opened += 1
        names = {p.name for p in s.people.all()}
        assert {f"{CANARY.decode()} Inventada", f"{OTHER.decode()} Inventado"} <= names
        s.safety.erase_person(world.canary_id)
        for extra in [p for p in s.people.all() if CANARY.decode() in p.name]:
            s.safety.erase_person(extra.id or 0)  # the resident a hand-off brought in
    tally.after_person += len(holding(CANARY, *world.roots()))
    erase_everything(world.paths)  # type: ignore[arg-type]
    tally.after_everything += len(holding(CANARY, *world.roots())) + len(
        holding(OTHER, *world.roots())
    )


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def run_matrix(cases: list[tuple[str, str]], tmp_path: Path, figure, label: str) -> Tally:  # type: ignore[no-untyped-def]
    from borrador.home.paths import Paths

    tally = Tally()
    for n, (path, point) in enumerate(cases):
        base = tmp_path / f"case{n}"
        kill_and_check(path, point, Paths(base / "home"), base, tally)
    figure(f"kill matrix ({label}): {tally.tried} kill points tried over {len(PATHS)} write "
           f"paths, {tally.reached} reached; stores that opened {tally.opened} of "
           f"{tally.must_open}; unlogged plaintext files {tally.unlogged}; canary hits after "
           f"erase --person {tally.after_person}, after erase --everything "
           f"{tally.after_everything}")  # fmt: skip
    assert tally.opened == tally.must_open
    assert tally.unlogged == tally.after_person == tally.after_everything == 0
    return tally


def test_kill_matrix_fast(tmp_path, figure, private_tmp):  # type: ignore[no-untyped-def]
    tally = run_matrix(list(FAST.items()), tmp_path, figure, "fast")
    assert tally.reached == len(FAST)  # every point chosen is on its path


@pytest.mark.slow
def test_kill_matrix_every_point(tmp_path, figure, private_tmp):  # type: ignore[no-untyped-def]
    tally = run_matrix(CASES, tmp_path, figure, "every point")
    assert tally.reached == len(CASES)
