"""Consent and objection pages: one step each, in effect on the next request."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.consent.services.consents import (
    consent_in_force,
    give_consent,
    objection_in_force,
    provider_may_see,
    user_may_see_as_provider,
)
from app.models import ConsentEvent, ConsentPurpose, ProfilingObjection, ProviderState
from tests.consent.test_consent_services import _actor


def _events(db, citizen_id: int) -> list[ConsentEvent]:
    return list(
        db.scalars(
            select(ConsentEvent)
            .where(ConsentEvent.citizen_id == citizen_id)
            .order_by(ConsentEvent.id)
        )
    )


def test_giving_and_withdrawing_takes_effect_on_the_next_request(
    db, client, get_page, make_citizen, login, post_form
) -> None:
    citizen = make_citizen()
    login(citizen.user)
    page = get_page("/mine-data/samtykker")
    assert page.h1.get_text(strip=True) == "Dine samtykker"
    response = post_form(
        "/mine-data/samtykker", {"purpose": "share_cv", "action": "give"}
    )
    assert response.status_code == 302
    assert consent_in_force(db, citizen.id, ConsentPurpose.SHARE_CV)
    page = get_page("/mine-data/samtykker")
    section = page.find(id="consent-share_cv").find_parent("section")
    assert "Givet siden" in section.get_text()
    assert section.find("button").get_text(strip=True).startswith("Træk samtykke")

    post_form("/mine-data/samtykker", {"purpose": "share_cv", "action": "withdraw"})
    # The very next check sees the withdrawal: nothing is cached.
    assert not consent_in_force(db, citizen.id, ConsentPurpose.SHARE_CV)
    page = get_page("/mine-data/samtykker")
    section = page.find(id="consent-share_cv").find_parent("section")
    assert "Ikke givet" in section.get_text()
    receipts = page.find(id="consent-receipts").find_parent("section")
    assert len(receipts.find_all("tr")) == 3  # heading and two receipts


def test_htmx_gets_the_consent_partial(db, client, make_citizen, login, post_form):
    citizen = make_citizen()
    login(citizen.user)
    response = post_form(
        "/mine-data/samtykker",
        {"purpose": "personalise", "action": "give"},
        headers={"HX-Request": "true"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in body and 'id="consents"' in body
    assert "HX-Request" in response.headers["Vary"]
    assert "Kvittering" in body  # the confirmation is announced in the live region
    assert consent_in_force(db, citizen.id, ConsentPurpose.PERSONALISE)


def test_hostile_consent_posts_change_nothing(
    db, client, make_citizen, make_provider, login, post_form
) -> None:
    citizen = make_citizen()
    unapproved = make_provider(state=ProviderState.APPLIED)
    login(citizen.user)
    for data in (
        {"purpose": "everything", "action": "give"},
        {"purpose": "share_cv", "action": "delete"},
        {"purpose": "share_with_provider", "action": "give"},
        {
            "purpose": "share_with_provider",
            "action": "give",
            "provider": str(unapproved.id),
        },
        {"purpose": "share_with_provider", "action": "give", "provider": "1 OR 1=1"},
        {"purpose": "share_cv\u202e", "action": "give"},
    ):
        response = post_form("/mine-data/samtykker", data)
        assert response.status_code == 302
    assert _events(db, citizen.id) == []
    # Without the CSRF token nothing happens either.
    response = client.post(
        "/mine-data/samtykker", data={"purpose": "share_cv", "action": "give"}
    )
    assert response.status_code == 400
    assert _events(db, citizen.id) == []


def test_a_provider_is_chosen_from_the_approved_list(
    db, get_page, make_citizen, make_provider, make_provider_user, login, post_form
) -> None:
    citizen = make_citizen()
    chosen = make_provider(name="Kursushuset ApS")
    staff = make_provider_user(chosen)
    other_staff = make_provider_user()
    login(citizen.user)
    page = get_page("/mine-data/samtykker")
    options = [o.get_text(strip=True) for o in page.select("#consent-provider option")]
    assert "Kursushuset ApS" in options
    post_form(
        "/mine-data/samtykker",
        {
            "purpose": "share_with_provider",
            "action": "give",
            "provider": str(chosen.id),
        },
    )
    assert provider_may_see(db, chosen.id, citizen.id)
    assert user_may_see_as_provider(db, staff.id, citizen.id)
    assert not user_may_see_as_provider(db, other_staff.id, citizen.id)
    assert not user_may_see_as_provider(db, citizen.user_id, citizen.id)
    post_form(
        "/mine-data/samtykker",
        {
            "purpose": "share_with_provider",
            "action": "withdraw",
            "provider": str(chosen.id),
        },
    )
    assert not user_may_see_as_provider(db, staff.id, citizen.id)


def test_a_receipt_downloads_as_json(db, client, make_citizen, login) -> None:
    citizen = make_citizen()
    event = give_consent(
        db, citizen.id, ConsentPurpose.MODEL_TRAINING, actor=_actor(citizen)
    )
    login(citizen.user)
    response = client.get(f"/mine-data/samtykker/kvitteringer/{event.id}")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    receipt = json.loads(response.get_data(as_text=True))
    assert receipt["receipt_code"] == event.receipt_code
    assert receipt["decision"] == "given"
    assert receipt["what"] == "Brug mine data til at træne modeller"
    for key in ("with_whom", "since", "how_to_withdraw"):
        assert receipt[key]


def test_objecting_stops_profiling_and_the_page_says_so(
    db, get_page, make_citizen, login, post_form, monkeypatch
) -> None:
    calls = []
    monkeypatch.setattr(
        "app.segmentation.rescreen",
        lambda session, citizen_id, trigger: calls.append((citizen_id, trigger)),
    )
    citizen = make_citizen()
    login(citizen.user)
    page = get_page("/mine-data/indsigelse")
    assert page.h1.get_text(strip=True) == "Gør indsigelse mod profilering"
    response = post_form(
        "/mine-data/indsigelse", {"reason": "Jeg vil tale med et menneske"}
    )
    assert response.status_code == 302
    assert objection_in_force(db, citizen.id)
    assert calls == [(citizen.id, "objection")]
    page = get_page("/mine-data/indsigelse")
    assert "sagsbehandler" in page.find(class_="alert-info").get_text()
    post_form("/mine-data/indsigelse/tilbagekald")
    assert not objection_in_force(db, citizen.id)
    assert len(calls) == 2


def test_an_over_long_or_hostile_reason_is_refused(
    db, get_page, make_citizen, login, post_form
) -> None:
    citizen = make_citizen()
    login(citizen.user)
    for reason in ("x" * 1001, "Hej\x00med dig", "skjult \u202etekst"):
        response = post_form("/mine-data/indsigelse", {"reason": reason})
        assert response.status_code == 200
        assert "error-summary" in response.get_data(as_text=True)
    assert db.scalar(select(ProfilingObjection)) is None


def test_the_algorithms_page_is_public_in_danish_and_english(
    client, get_page, post_form
) -> None:
    page = get_page("/algoritmer")
    assert page.h1.get_text(strip=True) == "Sådan bruger vi algoritmer"
    text = page.get_text()
    for expected in ("Ankestyrelsen", "Datatilsynet", "Dit køn eller din oprindelse"):
        assert expected in text
    headings = [h.get_text(strip=True) for h in page.find_all("h3")]
    assert headings.count("Hvem bestemmer") == 3
    post_form("/sprog", {"lang": "en", "next": "/algoritmer"})
    page = get_page("/algoritmer")
    assert page.h1.get_text(strip=True) == "How we use algorithms"
    text = page.get_text()
    assert "Your gender or your origin" in text
    # The estimate's inputs are the model's own, and both models name their version.
    assert "Weeks unemployed in this period" in text
    assert text.count("Model version") == 2


def test_the_algorithms_page_points_to_the_list_without_sorting(get_page) -> None:
    page = get_page("/algoritmer")
    text = " ".join(page.get_text(" ").split())
    assert (
        "Alle aktuelle opslag findes også i jobsøgningen, uden denne sortering" in text
    )
    link = page.find("a", href="/job")
    assert (
        link.get_text(strip=True) == "Søg i alle aktuelle opslag, uden vores sortering"
    )
