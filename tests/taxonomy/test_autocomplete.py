"""The suggestion endpoints: an htmx listbox, or a full page without JavaScript."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import render_template

from app.ml.normalise import Suggestion
from tests.data import OCC
from tests.pages import csrf_token, text_of

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


def _options(get_page, path: str) -> list:
    return get_page(path, headers=HX).find_all("li", attrs={"role": "option"})


def _in_english(client) -> None:
    client.post(
        "/sprog", data={"csrf_token": csrf_token(client), "lang": "en", "next": "/"}
    )


def test_lager_suggests_warehouse_words_first(client, get_page, citizen) -> None:
    skills = [
        o["data-label"] for o in _options(get_page, "/forslag/kompetencer?q=lager")
    ]
    assert skills[0] == "Lagerstyring"
    assert "Klagebehandling" not in skills and "Didaktik" not in skills
    jobs = [o["data-label"] for o in _options(get_page, "/forslag/stillinger?q=lager")]
    assert jobs[0] == "Lagermedarbejder" and "Lagerekspedient" in jobs[:3]
    _in_english(client)
    skills = [
        o["data-label"] for o in _options(get_page, "/forslag/kompetencer?q=stock")
    ]
    assert skills[:2] == ["Stock control", "Stock shelves"]
    jobs = [o["data-label"] for o in _options(get_page, "/forslag/stillinger?q=ware")]
    assert jobs[0] == "Warehouse worker"


def test_options_are_only_in_the_pages_language(client, get_page, citizen) -> None:
    # "stock" matches English labels; a Danish page names the skills in Danish only.
    options = _options(get_page, "/forslag/kompetencer?q=stock")
    texts = [text_of(o) for o in options]
    assert texts[0] == "Lagerstyring", texts
    assert not any("Stock" in text for text in texts)
    assert not any(o.has_attr("lang") for o in options)
    # The same alternative label of the page's language is still said.
    jobs = [text_of(o) for o in _options(get_page, "/forslag/stillinger?q=lagerchef")]
    assert jobs[0] == "Logistikchef (lagerchef)"
    page = get_page("/forslag/kompetencer?q=stock")
    assert "Stock" not in text_of(page.select_one(".suggestion-list"))

    _in_english(client)
    texts = [text_of(o) for o in _options(get_page, "/forslag/kompetencer?q=lager")]
    assert texts[0] == "Stock control", texts
    assert not any("Lager" in text for text in texts)


def test_a_label_missing_in_danish_is_english_and_marked_so(app) -> None:
    found = [
        Suggestion("skill:a", "Help desk", 0.9, "ICT help desk agent", "en", "x", "en"),
        Suggestion("skill:b", "Help desk", 0.8, "it-support", "da", "x", "en"),
        Suggestion("skill:c", "Lagerstyring", 0.7, "Stock control", "en", "x", "da"),
    ]
    with app.test_request_context("/"):
        html = render_template(
            "taxonomy/partials/suggestions.html",
            suggestions=found,
            query="help",
            listbox="l",
            link_to_jobs=False,
        )
    soup = BeautifulSoup(html, "html.parser")
    first, second, third = soup.find_all("li", attrs={"role": "option"})
    assert first["lang"] == "en" and text_of(first) == "Help desk"
    # A Danish name that matched is said in Danish, marked as such inside the option.
    assert (
        second["lang"] == "en" and second.find("span", lang="da").text == "(it-support)"
    )
    assert not third.has_attr("lang") and text_of(third) == "Lagerstyring"
