"""Kept pages (app.page_cache): served again cheaply, never after their data changed.

Each test here changes data the way the portal does (a form, a commit) and checks that
the next page shows it, or that a change elsewhere leaves the kept page in use.
"""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from redis import Redis
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.models import AccessLog, AccessWhat, Citizen, JobLogEntry
from app.page_cache.store import Kept, PageStore
from app.page_cache.versions import EVERYTHING
from tests.pages import log_in
from tests.statements import CITIZEN_PAGES, statements_of

ENTRY = {
    "kind": "application",
    "title": "Lagermedarbejder",
    "employer": "Coolsped A/S",
    "on_date": date.today().isoformat(),
    "status": "sent",
    "note": "",
}


@pytest.fixture
def store(app):
    return app.extensions["page_cache"]


def _hits(store) -> int:
    return store.hits


def test_a_kept_page_costs_the_log_in_and_a_look_at_the_versions(
    app, client, citizen, store
) -> None:
    served = statements_of(app, client, "/privatliv")  # a page that is never kept
    for path in CITIZEN_PAGES:
        drawn = statements_of(app, client, path)
        before = _hits(store)
        kept = statements_of(app, client, path, kept=True)
        assert _hits(store) > before, path
        # The account (with its citizen record) and the versions; Mine data also
        # its newest read.
        assert kept <= served + 2, (path, kept, served)
        assert kept < drawn, (path, kept, drawn)


def test_what_a_form_saves_shows_on_the_next_page(
    client, get_page, post_form, citizen, store
) -> None:
    for path in ("/joblog", "/mine-data"):
        get_page(path)
        get_page(path)
    before = get_page("/mine-data").get_text()
    assert post_form("/joblog/ny", ENTRY).status_code == 302
    get_page("/joblog")  # the saved message, which is never kept
    hits = _hits(store)
    assert "Coolsped" in get_page("/joblog").get_text()
    assert get_page("/mine-data").get_text() != before
    # Both were drawn again, not served from before the change.
    assert _hits(store) == hits


def test_another_citizens_change_keeps_my_page(
    client, get_page, post_form, make_citizen, citizen, store
) -> None:
    get_page("/joblog")
    log_in(client, make_citizen(first_name="Jonas", last_name="Holm").user)
    assert post_form("/joblog/ny", ENTRY).status_code == 302
    log_in(client, citizen.user)
    hits = _hits(store)
    assert "Coolsped" not in get_page("/joblog").get_text()
    assert _hits(store) == hits + 1


def test_each_person_and_language_has_their_own_page(
    client, get_page, make_citizen, citizen
) -> None:
    assert "Mette" in get_page("/min-side").get_text()
    log_in(client, make_citizen(first_name="Jonas", last_name="Holm").user)
    page = get_page("/min-side").get_text()
    assert "Jonas" in page and "Mette" not in page
    assert get_page("/min-side").html["lang"] == "da"
    english = get_page("/min-side", headers={"Accept-Language": "en"})
    assert english.html["lang"] == "en"
    assert get_page("/min-side").html["lang"] == "da"


def test_a_kept_page_carries_a_token_of_the_session_that_asks(
    client, get_page, citizen, store
) -> None:
    get_page("/joblog")
    log_in(client, citizen.user)  # a new session, with a token of its own
    hits = _hits(store)
    page = client.get("/joblog").get_data(as_text=True)
    assert _hits(store) == hits + 1
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    answer = client.post("/joblog/ny", data={**ENTRY, "csrf_token": token})
    assert answer.status_code == 302


def test_a_message_waiting_to_be_shown_is_not_kept(
    client, get_page, post_form, citizen
) -> None:
    post_form("/joblog/ny", ENTRY)
    shown = get_page("/joblog").select(".alert-success")
    assert shown, "the saved message is on the page after the form"
    assert not get_page("/joblog").select(".alert-success")


def test_every_serving_of_the_queue_and_case_view_is_logged(
    db, client, make_caseworker, make_citizen, make_case, login, store
) -> None:
    citizen = make_citizen(first_name="Ali", last_name="Hassan")
    make_case(citizen)
    login(make_caseworker(101))

    def reads(what: AccessWhat) -> int:
        return db.scalar(
            select(func.count())
            .select_from(AccessLog)
            .where(AccessLog.citizen_id == citizen.id, AccessLog.what == what)
        )

    for path, what in (
        ("/sagsbehandler/koe", AccessWhat.QUEUE),
        (f"/sagsbehandler/borger/{citizen.id}", AccessWhat.CASE_VIEW),
    ):
        hits = _hits(store)
        for _ in range(3):
            assert client.get(path).status_code == 200
        assert _hits(store) == hits + 2, path
        assert reads(what) == 3, path


def test_a_caseworkers_note_shows_at_once(
    db, client, make_caseworker, make_citizen, make_case, login, post_form
) -> None:
    citizen = make_citizen(first_name="Ali", last_name="Hassan")
    worker = make_caseworker(101)
    make_case(citizen, claimed_by=worker)
    login(worker)
    path = f"/sagsbehandler/borger/{citizen.id}"
    client.get(path)
    answer = post_form(f"{path}/notat", {"note": "Ringede om praktik hos Coolsped."})
    assert answer.status_code in (302, 303)
    assert "Ringede om praktik" in client.get(path).get_data(as_text=True)


def test_workers_share_kept_pages_through_redis(redis_url: str) -> None:
    key = ("portal.dashboard", "/min-side?", "da", "7", date.today(), (), (1, 2), None)
    page = Kept("<p>Min side</p>", [], (), 100, time.time() + 60)
    first = PageStore(60, 2**20, Redis.from_url(redis_url))
    second = PageStore(60, 2**20, Redis.from_url(redis_url))
    assert second.get(key) is None
    first.put(key, page)
    assert second.get(key) == page  # drawn by one worker, served by another
    assert second.get((*key[:-2], (1, 3), None)) is None  # another version: a miss


def test_redis_gone_is_a_miss_not_an_error() -> None:
    gone = PageStore(60, 2**20, Redis.from_url("redis://127.0.0.1:1/0"))
    key = ("x",)
    assert gone.get(key) is None
    gone.put(key, Kept("<p>x</p>", [], (), 100, time.time() + 60))
    assert gone.get(key) is not None  # kept in the worker's own memory


def test_a_bulk_write_raises_only_the_citizens_it_names(db, make_citizen) -> None:
    jonas = make_citizen(first_name="Jonas")
    # A session of the app's kind on the test's connection (the test's own session
    # raises every version at once, see tests/databases.py).
    writes = Session(bind=db.connection())
    writes.execute(
        update(JobLogEntry).where(JobLogEntry.citizen_id == jonas.id).values(note="")
    )
    assert writes.info["page_citizens"] == {jonas.id}
    assert EVERYTHING not in writes.info["page_scopes"]
    writes.execute(update(Citizen).where(Citizen.id == jonas.id).values(city="Valby"))
    # No citizen_id column: which pages it changes is not told, so all of them.
    assert EVERYTHING in writes.info["page_scopes"]
    writes.close()


def test_a_staff_read_keeps_mine_data_and_shows_on_its_own_page(
    client, get_page, make_caseworker, make_citizen, make_case, store
) -> None:
    citizen = make_citizen(first_name="Ali", last_name="Hassan")
    make_case(citizen)
    worker = make_caseworker(101)
    log_in(client, citizen.user)
    get_page("/mine-data")
    category = "/mine-data/kategori/access-log"
    before = get_page(category).get_text(" ", strip=True)
    log_in(client, worker)
    get_page(f"/sagsbehandler/borger/{citizen.id}")  # a logged read
    log_in(client, citizen.user)
    hits = _hits(store)
    get_page("/mine-data")  # the overview names the datum, not how many reads
    assert _hits(store) == hits + 1
    assert get_page(category).get_text(" ", strip=True) != before
