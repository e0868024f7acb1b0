"""Double opt-in: the company invites, the citizen answers; only a yes names them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import (
    AccessLog,
    AccessWhat,
    EmployerInvitation,
    InvitationState,
    PlanItem,
)
from tests.pages import csrf_token, log_in

pytestmark = pytest.mark.usefixtures("taxonomy")


def _invite(db, client, offer, message: str = "Kom forbi!") -> EmployerInvitation:
    found = client.get(f"/virksomhed/tilbud/{offer.id}/kandidater-json").get_json()
    token = found["candidates"][0]["candidate"]
    response = client.post(
        f"/virksomhed/tilbud/{offer.id}/kandidat/{token}",
        data={"csrf_token": csrf_token(client), "message": message},
    )
    assert response.status_code == 302
    return db.scalars(select(EmployerInvitation)).one()


def _state(db, invitation_id: int) -> InvitationState:
    db.expire_all()  # the request changed the row in its own session
    return db.get(EmployerInvitation, invitation_id).state


def _switch(client, user) -> None:
    """Log in as someone else (log_in replaces the session)."""
    log_in(client, user)


@pytest.fixture
def invited(db, client, make_cook, company_user, coffee_offer):
    cooks = [make_cook() for _ in range(5)]
    log_in(client, company_user)
    invitation = _invite(db, client, coffee_offer)
    citizen = next(c for c in cooks if c.id == invitation.citizen_id)
    return invitation, citizen


def test_the_company_sees_no_name_until_the_citizen_says_yes(
    db, client, get_page, invited, company_user
) -> None:
    invitation, citizen = invited
    for url in ("/virksomhed", f"/virksomhed/henvendelser/{invitation.id}"):
        text = get_page(url).get_text()
        assert citizen.first_name not in text and citizen.last_name not in text
        assert citizen.phone not in text
    assert not db.scalars(
        select(AccessLog).where(AccessLog.what == AccessWhat.CONTACT_DETAILS)
    ).all()

    _switch(client, citizen.user)
    card = get_page("/virksomheder")
    assert "Kaffekoppen ApS" in card.get_text()
    assert "Madlavning" in card.get_text()  # why the company found them
    window = card.select_one("input[name=window]")["value"]
    # Without JavaScript: a plain form, yes with the phone shared, not the e-mail.
    response = client.post(
        f"/virksomheder/{invitation.id}/svar",
        data={
            "csrf_token": csrf_token(client),
            "answer": "yes",
            "share_phone": "y",
            "window": window,
        },
    )
    assert response.status_code == 302
    plan = db.scalars(select(PlanItem).where(PlanItem.citizen_id == citizen.id)).all()
    assert [p.text for p in plan] == [
        "Kaffemøde med Kaffekoppen ApS: Kaffemøde for kokke"
    ]

    _switch(client, company_user)
    text = get_page(f"/virksomhed/henvendelser/{invitation.id}").get_text()
    assert citizen.full_name in text and citizen.phone in text
    assert citizen.email not in text  # not shared
    logged = db.scalars(
        select(AccessLog).where(AccessLog.what == AccessWhat.CONTACT_DETAILS)
    ).all()
    assert [row.citizen_id for row in logged] == [citizen.id]


def test_a_no_reaches_the_company_as_a_no_and_never_the_caseworker(
    db, client, get_page, invited, make_caseworker, company_user
) -> None:
    invitation, citizen = invited
    _switch(client, citizen.user)
    page = get_page("/virksomheder")
    assert "never passed to the job centre" in page.get_text() or (
        "aldrig givet videre til jobcentret" in page.get_text()
    )
    response = client.post(
        f"/virksomheder/{invitation.id}/svar",
        data={"csrf_token": csrf_token(client), "answer": "no"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"]
    assert 'id="invitation-area"' in response.get_data(as_text=True)
    assert _state(db, invitation.id) is InvitationState.DECLINED
    assert not db.scalars(select(PlanItem)).all()

    _switch(client, make_caseworker(101))
    case = get_page(f"/sagsbehandler/borger/{citizen.id}").get_text()
    assert "Kaffekoppen" not in case

    _switch(client, company_user)
    text = get_page(f"/virksomhed/henvendelser/{invitation.id}").get_text()
    assert citizen.first_name not in text


def test_the_caseworker_sees_a_yes_in_the_case_view(
    db, client, get_page, invited, make_caseworker
) -> None:
    invitation, citizen = invited
    _switch(client, citizen.user)
    window = get_page("/virksomheder").select_one("input[name=window]")["value"]
    client.post(
        f"/virksomheder/{invitation.id}/svar",
        data={"csrf_token": csrf_token(client), "answer": "yes", "window": window},
    )
    _switch(client, make_caseworker(101))
    case = get_page(f"/sagsbehandler/borger/{citizen.id}").get_text()
    assert "Kaffekoppen ApS" in case


def test_an_invitation_expires_after_14_days(db, client, get_page, invited) -> None:
    invitation, citizen = invited
    invitation.sent_at -= timedelta(days=15)
    invitation.expires_at = datetime.now(UTC) - timedelta(days=1)
    db.flush()
    _switch(client, citizen.user)
    page = get_page("/virksomheder")
    assert not page.select("[data-swipe-card]")
    response = client.post(
        f"/virksomheder/{invitation.id}/svar",
        data={"csrf_token": csrf_token(client), "answer": "yes"},
    )
    assert response.status_code == 302
    assert _state(db, invitation.id) is InvitationState.SENT
    assert "Expired" in page.get_text() or "Udløbet" in page.get_text()


def test_a_blocked_company_neither_finds_nor_reaches_the_citizen(
    db, client, get_page, invited, company_user, coffee_offer
) -> None:
    invitation, citizen = invited
    _switch(client, citizen.user)
    get_page(f"/virksomheder/blokering/{invitation.employer_id}")
    response = client.post(
        f"/virksomheder/blokering/{invitation.employer_id}",
        data={"csrf_token": csrf_token(client)},
    )
    assert response.status_code == 302
    assert _state(db, invitation.id) is InvitationState.DECLINED
    _switch(client, company_user)
    found = client.get(
        f"/virksomhed/tilbud/{coffee_offer.id}/kandidater-json"
    ).get_json()
    # Four cooks remain: fewer than five alike, so none is shown; the blocker is gone.
    assert found["candidates"] == [] and found["withheld"] == 4


def test_a_company_cannot_invite_the_same_candidate_twice(
    db, client, invited, coffee_offer
) -> None:
    found = client.get(
        f"/virksomhed/tilbud/{coffee_offer.id}/kandidater-json"
    ).get_json()
    invitation, citizen = invited
    for candidate in found["candidates"]:
        client.post(
            f"/virksomhed/tilbud/{coffee_offer.id}/kandidat/{candidate['candidate']}",
            data={"csrf_token": csrf_token(client), "message": ""},
        )
    sent = db.scalars(
        select(EmployerInvitation).where(EmployerInvitation.citizen_id == citizen.id)
    ).all()
    assert len(sent) == 1


def test_reply_rates(db, client, get_page, invited, company_user) -> None:
    invitation, citizen = invited
    _switch(client, citizen.user)
    client.post(
        f"/virksomheder/{invitation.id}/svar",
        data={"csrf_token": csrf_token(client), "answer": "no"},
    )
    _switch(client, company_user)
    text = get_page("/virksomhed").get_text()
    assert "100" in text  # the one invitation no longer waiting was answered
