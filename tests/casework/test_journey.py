"""From the citizen's request to the caseworker's decision, through the real screening."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.models import Case, CaseStatus, ContactRequest, RouteReason
from app.models.profile import Channel
from app.segmentation.screening import rescreen


def test_a_citizen_who_asks_reaches_their_own_municipalitys_queue(
    app, db, client, login, get_page, post_form, make_citizen, make_caseworker
):
    citizen = make_citizen(101, first_name="Sara", last_name="Nielsen")
    db.add(
        ContactRequest(
            citizen_id=citizen.id,
            created_at=datetime.now(UTC),
            channel=Channel.PHONE,
            message="Jeg vil gerne tale med nogen om min situation.",
        )
    )
    db.flush()
    with app.app_context():
        rescreen(db, citizen.id, trigger="asked")
    db.flush()
    queued = db.scalars(select(Case).where(Case.citizen_id == citizen.id)).one()
    assert queued.queue_reason is RouteReason.ASKED_FOR_PERSON

    login(make_caseworker(751))
    assert "Sara Nielsen" not in get_page("/sagsbehandler/koe").get_text()
    client.post("/log-ud", data={"csrf_token": _token(get_page)})

    login(make_caseworker(101))
    row = get_page("/sagsbehandler/koe").find("a", string="Sara Nielsen")
    assert row is not None
    assert "Har bedt om at tale med en medarbejder" in row.find_parent("tr").get_text()
    response = post_form(f"/sagsbehandler/borger/{citizen.id}/tag")
    assert response.status_code == 302
    db.refresh(queued)
    assert queued.status is CaseStatus.CLAIMED
    post_form(
        f"/sagsbehandler/borger/{citizen.id}/plan",
        {"kind": "activity", "text": "Samtale om uddannelse"},
    )
    page = get_page(f"/sagsbehandler/borger/{citizen.id}").get_text()
    assert "Samtale om uddannelse" in page


def _token(get_page) -> str:
    return get_page("/privatliv").find("input", attrs={"name": "csrf_token"})["value"]
