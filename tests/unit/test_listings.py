"""Listing checks: the search address, found / not found / removed moving requests on, and
evidence kept inside the encrypted store through backup, restore and erase."""

import datetime as dt

import pytest

from borrador.core.errors import ValidationError
from borrador.services import open_store
from borrador.services.listings import MAX_EVIDENCE_BYTES
from borrador.services.safety import restore_backup
from tests.helpers.common import PASSPHRASE, FixedClock, all_files
from tests.helpers.people import sample_person

D = dt.date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00IHDR-canary-evidence-bytes" * 20
PDF = b"%PDF-1.7\n% evidence canary\n"


@pytest.fixture
def person(session):
    return session.people.add(sample_person())


def test_search_address_from_the_catalog_pattern_or_what_to_type(session, person):
    link = session.listings.link(person.id, "truepeoplesearch")
    assert link.url == (
        "https://www.truepeoplesearch.com/results?name=xiomara%20inventada&citystatezip=il"
    )
    none = session.listings.link(person.id, "spokeo")
    assert none.url == "" and none.what_to_type == "Xiomara Pruebas Inventada, IL"


def test_catalog_search_urls_are_https_with_known_fields(session):
    with_url = [e for e in session.catalog.catalog().entries.values() if e.search_url]
    assert {e.slug for e in with_url} >= {"truepeoplesearch", "fastpeoplesearch"}
    for entry in with_url:
        assert entry.search_url.startswith("https://") and "{last}" in entry.search_url
        assert "people-search" in entry.categories


def test_evidence_is_type_checked_by_content_and_size_capped(session, person, tmp_path):
    fake = tmp_path / "shot.png"
    fake.write_bytes(b"GIF89a not what it says")
    with pytest.raises(ValidationError, match=r"shot\.png is not a PNG"):
        session.listings.record(person.id, "spokeo", "found", evidence=fake)
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-")
        handle.truncate(MAX_EVIDENCE_BYTES + 1)
    with pytest.raises(ValidationError, match="over 10 MB"):
        session.listings.record(person.id, "spokeo", "found", evidence=big)
    assert session.listings.history(person.id) == []  # nothing half-recorded


def test_removed_completes_the_request_and_found_again_opens_a_linked_one(session, person):
    request = session.requests.create(person.id, "spokeo", "opt-out")
    session.requests.change_status(request.id, "sent", on=D(2026, 11, 1), channel="web")
    done = session.listings.record(person.id, "spokeo", "removed", on=D(2026, 11, 10))
    assert done.request.status == "completed" and done.request.recheck_on is not None
    again = session.listings.record(person.id, "spokeo", "found", on=D(2026, 11, 20))
    assert again.request.parent_id == request.id and again.request.status == "drafted"
    assert again.check.request_id == again.request.id


def test_not_found_after_a_completed_removal_schedules_the_next_recheck(session, person):
    request = session.requests.create(person.id, "spokeo", "opt-out")
    session.requests.change_status(request.id, "sent", on=D(2026, 10, 1), channel="web")
    session.requests.change_status(request.id, "completed", on=D(2026, 10, 5))
    result = session.listings.record(person.id, "spokeo", "not-found", on=D(2026, 11, 20))
    assert result.request.id == request.id and result.request.recheck_on > D(2026, 11, 20)
    assert [c.result for c in session.listings.history(person.id)] == ["not-found"]


def test_evidence_round_trip_through_backup_restore_and_erase(session, person, paths, tmp_path):
    shot = tmp_path / "listing.png"
    shot.write_bytes(PNG)
    paper = tmp_path / "listing.pdf"
    paper.write_bytes(PDF)
    first = session.listings.record(person.id, "spokeo", "found", evidence=shot)
    session.listings.record(person.id, "truepeoplesearch", "found", evidence=paper)
    info, data = session.listings.evidence(first.check.evidence_id)
    assert (info.media_type, data) == ("image/png", PNG)
    shot.unlink()
    paper.unlink()
    session.db.checkpoint()
    # Only inside the encrypted database: no loose copy anywhere in the data folder.
    for path in all_files(paths.root):
        assert b"canary" not in path.read_bytes(), path
    archive = session.safety.backup(tmp_path / "backup.zip")
    session.safety.erase_person(person.id)
    assert session.repos.listings.evidence_info() == []
    session.close()
    restore_backup(paths, archive, PASSPHRASE)
    with open_store(paths, passphrase=PASSPHRASE, clock=FixedClock()) as restored:
        kinds = [e.media_type for e in restored.listings.evidence_list(person.id)]
        assert kinds == ["image/png", "application/pdf"]
        assert restored.listings.evidence(first.check.evidence_id)[1] == PNG
        restored.safety.erase_person(person.id)
        assert restored.repos.listings.evidence_info() == []
        assert restored.db.query("SELECT count(*) FROM listing_checks")[0][0] == 0
