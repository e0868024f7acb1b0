"""The provider's start page: their organisation, how many consent, their offerings."""

from __future__ import annotations

from app.audit import Actor
from app.consent.services.consents import give_consent, withdraw_consent
from app.models import ConsentPurpose


def _text(page) -> str:
    return " ".join(page.get_text(" ").split())


def test_a_provider_sees_its_organisation_consents_and_offerings(
    db, get_page, login, make_provider, make_provider_user, make_citizen
) -> None:
    provider = make_provider(name="Jobvejen ApS")
    other = make_provider(name="Andre Kurser ApS")
    share = ConsentPurpose.SHARE_WITH_PROVIDER
    for n, chosen in enumerate((provider, provider, other, provider)):
        citizen = make_citizen()
        actor = Actor(citizen.user_id, "citizen", "")
        give_consent(db, citizen.id, share, actor=actor, provider_id=chosen.id)
        if n == 3:  # the fourth changed their mind
            withdraw_consent(db, citizen.id, share, actor=actor, provider_id=chosen.id)
    login(make_provider_user(provider))
    page = get_page("/udbyder")
    assert page.h1.get_text(strip=True) == "Udbyder – forside"
    text = _text(page)
    assert "Velkommen, Jobvejen ApS." in text
    assert "Lige nu har 2 borgere givet jer dette samtykke." in text
    assert "Jeres tilbud" in text and "Nyt tilbud" in text
    assert "kommer snart" not in text.lower() and "på vej" not in text
    assert "leverandør" not in text.lower()


def test_the_start_page_shows_no_citizen(
    get_page, login, make_citizen, make_provider_user
) -> None:
    citizen = make_citizen(first_name="Ahmad", last_name="Nielsen")
    login(make_provider_user())
    text = get_page("/udbyder").get_text(" ", strip=True)
    assert citizen.first_name not in text and citizen.last_name not in text
    assert "Lige nu har 0 borgere givet jer dette samtykke." in " ".join(text.split())
