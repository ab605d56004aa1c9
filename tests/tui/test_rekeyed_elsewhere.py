"""Another window re-keys the store (a volunteer removed there): this one says so and locks,
and never stops with an internal error."""

from borrador.services import open_store
from tests.helpers.common import PASSPHRASE, FixedClock
from tests.helpers.tui import SIZE, TOMAS


async def test_a_rekey_elsewhere_locks_this_window_with_a_reason(clinic_app):
    app = clinic_app
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        with open_store(app.paths, passphrase=PASSPHRASE, clock=FixedClock()) as other:
            other.clinic.remove_volunteer("Tomás")
        await pilot.press("f2")  # any screen that reads the store
        await pilot.pause()
        await pilot.press("f1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.return_code in (None, 0)
        assert app.session is None and type(app.screen).__name__ == "UnlockScreen"
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "re-encrypted" in shown
    # and the remaining volunteer's passphrase opens it again; Tomás's no longer does
    with open_store(app.paths, passphrase=PASSPHRASE, clock=FixedClock()) as again:
        assert again.people.all()
    assert TOMAS


async def test_a_rekey_seen_by_a_worker_also_locks(clinic_app):
    app = clinic_app
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        with open_store(app.paths, passphrase=PASSPHRASE, clock=FixedClock()) as other:
            other.clinic.remove_volunteer("Tomás")
        await pilot.press("r")  # the dashboard reloads in a worker thread
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert app.session is None and type(app.screen).__name__ == "UnlockScreen"
