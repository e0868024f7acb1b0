"""The provider's start page: their organisation, and an honest word on what is coming."""

from __future__ import annotations


def test_a_provider_is_welcomed_by_organisation_and_told_what_is_coming(
    get_page, login, make_provider, make_provider_user
) -> None:
    provider = make_provider(name="Jobvejen ApS")
    login(make_provider_user(provider))
    page = get_page("/udbyder")
    assert page.h1.get_text(strip=True) == "Leverandør – forside"
    text = page.get_text(" ", strip=True)
    assert "Velkommen, Jobvejen ApS." in text
    status = page.find(role="status").get_text(" ", strip=True)
    assert "samtykker" in status or "samtykke" in status


def test_the_start_page_shows_no_citizen(
    get_page, login, make_citizen, make_provider_user
) -> None:
    citizen = make_citizen(first_name="Ahmad", last_name="Nielsen")
    login(make_provider_user())
    text = get_page("/udbyder").get_text(" ", strip=True)
    assert citizen.first_name not in text and citizen.last_name not in text
