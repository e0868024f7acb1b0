"""A company's candidate list: anonymous, consented, k-anonymous and access-logged."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.audit import Actor
from app.consent.services.consents import withdraw_consent
from app.models import AccessLog, AccessWhat, ConsentPurpose, Role
from tests.employers.conftest import HIDDEN_EMPLOYER, SHOWN_EMPLOYER

pytestmark = pytest.mark.usefixtures("taxonomy")

PERSONAL = ("Mette", "Sørensen", "Hemmeligvej", "+45 20 30 40 50", "kok@example.dk")


def _assert_anonymous(text: str) -> None:
    for secret in (*PERSONAL, HIDDEN_EMPLOYER, SHOWN_EMPLOYER):
        assert secret not in text, secret


def _candidates(client, offer) -> dict:
    response = client.get(f"/virksomhed/tilbud/{offer.id}/kandidater-json")
    assert response.status_code == 200
    _assert_anonymous(response.get_data(as_text=True))
    return json.loads(response.get_data(as_text=True))


def test_candidates_are_shown_without_anything_that_names_them(
    db, client, login, get_page, make_cook, company_user, coffee_offer
) -> None:
    cooks = [make_cook() for _ in range(6)]
    make_cook(share=False)  # does not share their CV: never a candidate
    login(company_user)
    page = get_page(f"/virksomhed/tilbud/{coffee_offer.id}")
    _assert_anonymous(str(page))
    assert len(page.select(".employer-candidate")) == 6
    assert "Madlavning" in page.get_text()  # the offer's skill they have
    found = _candidates(client, coffee_offer)
    assert len(found["candidates"]) == 6 and found["withheld"] == 0
    token = found["candidates"][0]["candidate"]
    assert str(cooks[0].id) != token
    _assert_anonymous(
        str(get_page(f"/virksomhed/tilbud/{coffee_offer.id}/kandidat/{token}"))
    )
    _assert_anonymous(str(get_page("/virksomhed")))


def test_each_profile_view_is_in_the_citizens_access_log(
    db, client, login, get_page, make_cook, company_user, coffee_offer
) -> None:
    cooks = [make_cook() for _ in range(5)]
    login(company_user)
    get_page(f"/virksomhed/tilbud/{coffee_offer.id}")
    logged = db.scalars(
        select(AccessLog).where(AccessLog.what == AccessWhat.ANONYMOUS_PROFILE)
    ).all()
    assert {row.citizen_id for row in logged} == {c.id for c in cooks}
    assert {row.organisation for row in logged} == {"Kaffekoppen ApS"}
    login(cooks[0].user)
    seen = get_page("/mine-data/hvem-har-set").get_text()
    assert "Kaffekoppen ApS" in seen


def test_withdrawn_consent_removes_the_citizen_on_the_next_request(
    db, client, login, make_cook, company_user, coffee_offer
) -> None:
    cooks = [make_cook() for _ in range(6)]
    login(company_user)
    before = _candidates(client, coffee_offer)
    assert len(before["candidates"]) == 6
    leaving = cooks[2]
    withdraw_consent(
        db,
        leaving.id,
        ConsentPurpose.SHARE_CV,
        actor=Actor(leaving.user_id, Role.CITIZEN.value, "Jobunivers"),
    )
    after = _candidates(client, coffee_offer)
    assert len(after["candidates"]) == 5
    logged = db.scalars(
        select(AccessLog.citizen_id).where(
            AccessLog.what == AccessWhat.ANONYMOUS_PROFILE
        )
    ).all()
    assert logged.count(leaving.id) == 1  # seen before the withdrawal, not after


def test_an_invitation_to_a_citizen_who_withdrew_is_refused(
    db, client, login, post_form, make_cook, company_user, coffee_offer
) -> None:
    cooks = [make_cook() for _ in range(6)]
    login(company_user)
    tokens = [c["candidate"] for c in _candidates(client, coffee_offer)["candidates"]]
    for cook in cooks:
        withdraw_consent(
            db,
            cook.id,
            ConsentPurpose.SHARE_CV,
            actor=Actor(cook.user_id, Role.CITIZEN.value, "Jobunivers"),
        )
    response = post_form(
        f"/virksomhed/tilbud/{coffee_offer.id}/kandidat/{tokens[0]}", {"message": ""}
    )
    assert response.status_code == 404


def test_fewer_than_five_alike_citizens_are_not_shown(
    db, client, login, get_page, make_cook, company_user, coffee_offer
) -> None:
    for _ in range(4):
        make_cook()
    login(company_user)
    found = _candidates(client, coffee_offer)
    assert found["candidates"] == [] and found["withheld"] == 4
    page = get_page(f"/virksomhed/tilbud/{coffee_offer.id}")
    assert "not shown to protect their anonymity" in page.get_text() or (
        "beskytte" in page.get_text()
    )
    assert not db.scalars(select(AccessLog)).all()


def test_a_company_not_yet_approved_adds_no_offers(
    db, client, login, make_employer, make_employer_user
) -> None:
    from app.models import EmployerStatus

    waiting = make_employer(status=EmployerStatus.PENDING)
    login(make_employer_user(waiting))
    response = client.get("/virksomhed/tilbud/nyt")
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/virksomhed"
    )
