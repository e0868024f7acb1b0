"""The suggestion endpoints: an htmx listbox, or a full page without JavaScript."""

from __future__ import annotations

import pytest

from tests.data import OCC

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")

HX = {"HX-Request": "true"}


def test_typo_finds_the_occupation_in_the_listbox(client, get_page, citizen) -> None:
    response = client.get(
        "/forslag/stillinger?listbox=q-listbox&field=q&q=sygeplejeske", headers=HX
    )
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    html = response.get_data(as_text=True)
    assert "<html" not in html
    page = get_page(
        "/forslag/stillinger?listbox=q-listbox&field=q&q=sygeplejeske", headers=HX
    )
    options = page.find_all("li", attrs={"role": "option"})
    assert options, html
    first = options[0]
    assert first["id"] == "q-listbox-1"
    assert first["aria-selected"] == "false"
    assert first["data-value"] == OCC + "sygeplejerske"
    assert first["data-label"] == "Sygeplejerske"
    assert first["data-href"] == f"/job-til-dig?occupation={OCC}sygeplejerske"
    status = page.find(id="q-listbox-status")
    assert status["hx-swap-oob"] == "innerHTML"
    assert "forslag" in status.get_text()


def test_typo_finds_the_occupation_without_javascript(client, get_page, citizen):
    response = client.get("/forslag/stillinger?q=sygeplejeske")
    assert "HX-Request" in response.headers["Vary"]
    page = get_page("/forslag/stillinger?q=sygeplejeske")
    assert page.h1.get_text(strip=True) == "Find en stilling"
    form = page.find("form", attrs={"role": "search"})
    assert form["method"] == "get" and form["action"] == "/forslag/stillinger"
    assert page.find("input", id="q")["value"] == "sygeplejeske"
    link = page.find("a", href=f"/job-til-dig?occupation={OCC}sygeplejerske")
    assert link is not None and link.get_text(strip=True) == "Sygeplejerske"


def test_the_field_name_of_the_combobox_is_used(client, get_page, citizen) -> None:
    page = get_page(
        "/forslag/kompetencer?listbox=skill-listbox&field=skill_text"
        "&skill_text=kommunikation",
        headers=HX,
    )
    options = page.find_all("li", attrs={"role": "option"})
    assert options and options[0]["id"] == "skill-listbox-1"
    assert "data-href" not in options[0].attrs, "skills link nowhere"


def test_odd_listbox_ids_are_not_echoed(client, get_page, citizen) -> None:
    page = get_page(
        '/forslag/kompetencer?listbox="><script>&q=kommunikation', headers=HX
    )
    assert page.find("script") is None
    assert page.find("li", attrs={"role": "option"})["id"] == "suggestions-1"


def test_skill_page_without_javascript(get_page, citizen) -> None:
    page = get_page("/forslag/kompetencer?q=kommunikation")
    assert page.h1.get_text(strip=True) == "Find en kompetence"
    assert page.select(".suggestion-list li")


def test_empty_query_gives_no_options_and_no_error(client, get_page, citizen) -> None:
    page = get_page("/forslag/stillinger?q=", headers=HX)
    assert page.find("li") is None
    assert page.find(id="suggestions-status").get_text(strip=True) == ""
    full = get_page("/forslag/stillinger")
    assert full.select_one(".error-summary") is None


def test_too_long_query_is_explained(get_page, citizen) -> None:
    page = get_page("/forslag/stillinger?q=" + "a" * 101)
    summary = page.select_one(".error-summary")
    assert summary is not None and summary.find("a", href="#q")


def test_caseworkers_get_suggestions_without_job_links(
    client, get_page, make_caseworker, login
) -> None:
    login(make_caseworker())
    page = get_page("/forslag/stillinger?q=sygeplejeske")
    items = page.select(".suggestion-list li")
    assert items and "Sygeplejerske" in items[0].get_text()
    assert page.find("a", href=lambda h: h and h.startswith("/job-til-dig")) is None
    listbox = get_page("/forslag/stillinger?q=sygeplejeske", headers=HX)
    assert "data-href" not in listbox.find("li", attrs={"role": "option"}).attrs


def test_providers_get_no_suggestions(client, make_provider_user, login) -> None:
    login(make_provider_user())
    assert client.get("/forslag/stillinger?q=kok").status_code == 403
