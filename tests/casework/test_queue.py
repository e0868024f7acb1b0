"""The caseworker queue: scoping, filters, sorting, pagination, counts, claim and release."""

from __future__ import annotations

import re

from sqlalchemy import event, select

from app.casework.services import queue
from app.labels import ACCESS_PURPOSE_LABELS, ACCESS_WHAT_LABELS
from app.models import (
    AccessLog,
    AccessPurpose,
    AccessWhat,
    Case,
    CaseStatus,
    ChangeRecord,
    RouteReason,
    Track,
)
from tests.factories import caseworker_id


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def _names(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("table.queue-table tbody a")]


def test_queue_shows_own_municipality_with_reasons(
    get_page, caseworker, make_citizen, make_case
):
    make_case(make_citizen(101, first_name="Ali", last_name="Hassan"))
    make_case(make_citizen(751, first_name="Lone", last_name="Berg"))
    soup = get_page("/sagsbehandler/koe")
    assert _names(soup) == ["Ali Hassan"]
    row = soup.select_one("table.queue-table tbody tr").get_text(" ", strip=True)
    # The stored assessment does not say the citizen's wish: no claim about it.
    assert "Screeningen (eget ønske eller skønnet) (skøn: cirka 62 af 100)" in row
    assert "Tid som ledig i denne periode: 40 uger (hæver skønnet)" in row
    assert "2 dage" in row
    assert "Dansk" in row


def test_each_citizen_shown_in_the_queue_is_access_logged_once(
    db, get_page, caseworker, make_citizen, make_case
):
    shown = make_citizen(101, first_name="Ali", last_name="Hassan")
    other_town = make_citizen(751, first_name="Lone", last_name="Berg")
    make_case(shown)
    make_case(other_town)
    get_page("/sagsbehandler/koe")
    rows = db.scalars(select(AccessLog)).all()
    assert [(row.citizen_id, row.what, row.purpose) for row in rows] == [
        (shown.id, AccessWhat.QUEUE, AccessPurpose.ALLOCATING_CASES)
    ]
    assert rows[0].actor_user_id == caseworker.id
    # The citizen reads it in words on "Hvem har set mine data".
    assert AccessWhat.QUEUE in ACCESS_WHAT_LABELS
    assert AccessPurpose.ALLOCATING_CASES in ACCESS_PURPOSE_LABELS


def test_other_municipality_caseworker_sees_nothing(
    get_page, make_caseworker, login, make_citizen, make_case
):
    make_case(make_citizen(101, first_name="Ali", last_name="Hassan"))
    login(make_caseworker(751))
    soup = get_page("/sagsbehandler/koe")
    assert _names(soup) == []
    assert "Ingen borgere passer" in soup.get_text()
    assert "0 borgere venter" in _text(soup.select_one("#queue-counts"))


def test_filters_and_sorting(get_page, caseworker, make_citizen, make_case):
    make_case(
        make_citizen(first_name="Asked", last_name="Early"),
        queue_reason=RouteReason.ASKED_FOR_PERSON,
        priority=0.2,
        waited_days=40,
        language="en",
    )
    make_case(
        make_citizen(first_name="Model", last_name="High"),
        priority=0.9,
        waited_days=1,
    )
    make_case(
        make_citizen(first_name="Self", last_name="Service"),
        priority=0.5,
        waited_days=10,
    )
    assert _names(get_page("/sagsbehandler/koe")) == [
        "Model High",
        "Self Service",
        "Asked Early",
    ]
    assert _names(get_page("/sagsbehandler/koe?sort=waiting")) == [
        "Asked Early",
        "Self Service",
        "Model High",
    ]
    assert _names(get_page("/sagsbehandler/koe?reason=asked")) == ["Asked Early"]
    assert _names(get_page("/sagsbehandler/koe?waited=28")) == ["Asked Early"]
    assert _names(get_page("/sagsbehandler/koe?waited=7")) == [
        "Self Service",
        "Asked Early",
    ]
    assert _names(get_page("/sagsbehandler/koe?language=en")) == ["Asked Early"]


def test_track_filter(get_page, caseworker, make_citizen, make_case, make_assessment):
    make_case(make_citizen(first_name="On", last_name="Support"))
    objector = make_citizen(first_name="Self", last_name="Service")
    make_assessment(objector, track=Track.SELF_SERVICE)
    make_case(objector, assess=False)
    assert _names(get_page("/sagsbehandler/koe?track=self_service")) == ["Self Service"]


def test_hostile_filters_show_the_whole_queue(
    get_page, caseworker, make_citizen, make_case
):
    make_case(make_citizen(first_name="Ali", last_name="Hassan"))
    soup = get_page(
        "/sagsbehandler/koe?reason=%3Cscript%3E&waited=-1&sort=x&page=abc&track=\x00"
    )
    assert _names(soup) == ["Ali Hassan"]
    assert "ikke gyldige" in soup.get_text()
    assert "<script>" not in str(soup.select_one("select#reason"))


def test_pagination(get_page, caseworker, make_citizen, make_case):
    for n in range(queue.QUEUE_PER_PAGE + 3):
        make_case(
            make_citizen(first_name=f"Borger{n:02d}", last_name="Test"),
            priority=1 - n / 100,
        )
    first = get_page("/sagsbehandler/koe")
    assert len(_names(first)) == queue.QUEUE_PER_PAGE
    next_link = first.select_one("nav.pagination a.button-next")["href"]
    second = get_page(next_link)
    assert _names(second) == [f"Borger{n:02d} Test" for n in range(20, 23)]


def test_filters_survive_pagination(get_page, caseworker, make_citizen, make_case):
    for n in range(queue.QUEUE_PER_PAGE + 1):
        make_case(make_citizen(first_name=f"B{n}", last_name="T"), language="en")
    first = get_page("/sagsbehandler/koe?language=en&sort=waiting")
    href = first.select_one("nav.pagination a.button-next")["href"]
    assert "language=en" in href and "sort=waiting" in href


def test_queue_partial_for_htmx(client, caseworker, make_citizen, make_case):
    make_case(make_citizen(first_name="Ali", last_name="Hassan"))
    response = client.get("/sagsbehandler/koe", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert "<html" not in html and "Ali Hassan" in html
    assert "HX-Request" in response.headers["Vary"]


def _statements_for(app, get_page, url: str) -> int:
    statements: list[str] = []
    engine = app.extensions["db_engine"]

    def count(*args):
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
        get_page(url)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(statements)


def test_no_query_per_row(app, db, get_page, caseworker, make_citizen, make_case):
    other = make_caseworker_in(db, caseworker)
    make_case(make_citizen(first_name="B0", last_name="T"))
    one_row = _statements_for(app, get_page, "/sagsbehandler/koe")
    for n in range(1, 8):
        make_case(
            make_citizen(first_name=f"B{n}", last_name="T"),
            claimed_by=other if n % 2 else None,
        )
    eight_rows = _statements_for(app, get_page, "/sagsbehandler/koe")
    assert eight_rows == one_row


def make_caseworker_in(db, caseworker):
    from app.auth.passwords import hash_password
    from app.models import Caseworker, Role, User

    user = User(
        role=Role.CASEWORKER,
        display_name="Kollega Jensen",
        email="kollega@test.jobunivers.dk",
        password_hash=hash_password("x-y-z-1234567"),
        municipality_id=caseworker.municipality_id,
    )
    db.add(user)
    db.flush()
    db.add(Caseworker(user_id=user.id, job_title="Jobkonsulent"))
    db.flush()
    return user


def test_counts_live_region(client, get_page, caseworker, make_citizen, make_case, db):
    other = make_caseworker_in(db, caseworker)
    make_case(make_citizen())
    make_case(make_citizen())
    make_case(make_citizen(), claimed_by=caseworker)
    make_case(make_citizen(), claimed_by=other)
    make_case(make_citizen(), status=CaseStatus.CLOSED)
    soup = get_page("/sagsbehandler/koe")
    region = soup.select_one("#queue-counts")
    assert region["aria-live"] == "polite"
    assert region["hx-trigger"] == "every 30s"
    text = _text(region)
    assert "2 borgere venter" in text
    assert "1 sag taget af dig" in text
    assert "1 sag taget af kolleger" in text
    partial = client.get("/sagsbehandler/koe/antal", headers={"HX-Request": "true"})
    assert "<html" not in partial.get_data(as_text=True)
    get_page("/sagsbehandler/koe/antal")  # the full page without JavaScript
    start = _text(get_page("/sagsbehandler"))
    assert "2 borgere venter" in start


def test_claim_next_takes_highest_priority_then_oldest(
    client, post_form, caseworker, make_citizen, make_case, db
):
    low = make_citizen(first_name="Low")
    old = make_citizen(first_name="Old")
    new = make_citizen(first_name="New")
    make_case(low, priority=0.1, waited_days=50)
    make_case(old, priority=0.8, waited_days=5)
    make_case(new, priority=0.8, waited_days=1)
    response = post_form("/sagsbehandler/koe/tag-naeste")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/sagsbehandler/borger/{old.id}")
    claimed = db.scalars(select(Case).where(Case.citizen_id == old.id)).one()
    db.refresh(claimed)
    assert claimed.status is CaseStatus.CLAIMED
    assert claimed.claimed_by_id == caseworker_id(db, caseworker)
    history = db.scalars(
        select(ChangeRecord.field).where(
            ChangeRecord.table_name == "case_file", ChangeRecord.row_id == claimed.id
        )
    ).all()
    assert {"status", "claimed_by_id", "claimed_at"} <= set(history)
    second = post_form("/sagsbehandler/koe/tag-naeste")
    assert second.headers["Location"].endswith(f"/sagsbehandler/borger/{new.id}")


def test_claim_next_with_an_empty_queue(client, post_form, caseworker):
    response = post_form("/sagsbehandler/koe/tag-naeste", follow_redirects=True)
    assert "Ingen borgere venter" in response.get_data(as_text=True)


def test_claim_next_needs_csrf(client, caseworker, make_citizen, make_case, db):
    made = make_case(make_citizen())
    response = client.post("/sagsbehandler/koe/tag-naeste", data={})
    assert response.status_code == 400
    db.refresh(made)
    assert made.status is CaseStatus.QUEUED


def test_claim_specific_and_release(post_form, caseworker, make_citizen, make_case, db):
    citizen = make_citizen()
    made = make_case(citizen)
    assert post_form(f"/sagsbehandler/borger/{citizen.id}/tag").status_code == 302
    db.refresh(made)
    assert made.status is CaseStatus.CLAIMED
    response = post_form(f"/sagsbehandler/borger/{citizen.id}/frigiv")
    assert response.status_code == 302
    db.refresh(made)
    assert made.status is CaseStatus.QUEUED and made.claimed_by_id is None


def test_cannot_claim_or_release_a_colleagues_case(
    post_form, caseworker, make_citizen, make_case, db
):
    other = make_caseworker_in(db, caseworker)
    citizen = make_citizen()
    made = make_case(citizen, claimed_by=other)
    response = post_form(
        f"/sagsbehandler/borger/{citizen.id}/tag", follow_redirects=True
    )
    assert "En anden sagsbehandler har sagen" in response.get_data(as_text=True)
    assert post_form(f"/sagsbehandler/borger/{citizen.id}/frigiv").status_code == 404
    db.refresh(made)
    assert made.claimed_by_id == caseworker_id(db, other)


def test_cannot_claim_another_municipalitys_citizen(
    post_form, caseworker, make_citizen, make_case, db
):
    citizen = make_citizen(751)
    made = make_case(citizen)
    assert post_form(f"/sagsbehandler/borger/{citizen.id}/tag").status_code == 404
    db.refresh(made)
    assert made.status is CaseStatus.QUEUED
