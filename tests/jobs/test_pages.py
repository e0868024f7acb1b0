"""The citizen's job pages: "Job til dig", a posting, "Andre muligheder"."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from app.ml.matching import MODEL_VERSION
from tests.data import OCC, give_cv, make_posting
from tests.pages import csrf_token

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")

HX = {"HX-Request": "true"}


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _english(client) -> None:
    client.post(
        "/sprog", data={"csrf_token": csrf_token(client), "lang": "en", "next": "/"}
    )


def test_jobs_page_shows_cards_with_reasons(db, client, get_page, citizen) -> None:
    give_cv(db, citizen, skills=["nursing-care"], desired=["sygeplejerske"])
    posting = make_posting(
        db,
        postcode="2100",
        essential=["nursing-care", "administer-medication"],
        deadline=date(2031, 3, 14),
    )
    page = get_page("/job-til-dig")
    assert page.h1.get_text(strip=True) == "Job til dig"
    text = _text(page)
    assert posting.title in text and posting.employer in text
    assert "Du har 1 af 2 krævede kompetencer: Sygepleje." in text
    assert "Mangler: Medicinhåndtering." in text
    assert "Du ønsker at arbejde som Sygeplejerske." in text
    assert re.search(r"\d+,\d km fra din adresse", text)
    assert "14. marts 2031" in text
    assert MODEL_VERSION in text
    assert "Hvad du kan ændre" in text
    link = page.find("a", href=f"/job/{posting.id}")
    assert link is not None
    assert page.find(id="job-count-announcer")["aria-live"] == "polite"
    assert page.find("a", attrs={"aria-current": "page"}, href="/job-til-dig")


def test_jobs_page_in_english(db, client, get_page, citizen) -> None:
    give_cv(db, citizen, skills=["nursing-care"])
    make_posting(db, essential=["nursing-care", "administer-medication"])
    _english(client)
    text = _text(get_page("/job-til-dig"))
    assert "You have 1 of 2 required skills: Nursing care." in text
    assert "1 job matches your search." in text


def test_empty_cv_gets_a_helpful_empty_state(db, get_page, citizen) -> None:
    make_posting(db)
    page = get_page("/job-til-dig")
    state = page.find(class_="job-empty-state")
    assert state is not None
    assert "Dit CV er tomt" in _text(state)
    assert state.find("a", href="/mit-cv"), "the empty state leads to the CV"
    assert page.find("form", id="job-filter-form") is None


def test_no_postcode_means_no_distance(db, get_page, make_citizen, login) -> None:
    citizen = make_citizen(postcode=None)
    login(citizen.user)
    give_cv(db, citizen, skills=["nursing-care"])
    far = make_posting(db, postcode="9000")
    page = get_page("/job-til-dig")
    assert "vi kan ikke beregne" in _text(page)
    assert page.find(id="distance") is None
    assert page.find("a", href=f"/job/{far.id}")


def test_pagination_with_plain_links(db, get_page, citizen) -> None:
    give_cv(db, citizen, skills=["nursing-care"])
    for _ in range(12):
        make_posting(db)
    first = get_page("/job-til-dig")
    assert len(first.select(".job-card")) == 10
    assert "12 job passer til din søgning." in _text(first)
    next_link = first.select_one(".pagination a.button-next")
    assert next_link is not None and "page=2" in next_link["href"]
    second = get_page(next_link["href"])
    assert len(second.select(".job-card")) == 2
    assert get_page("/job-til-dig?page=abc").select(".job-card")


def test_valid_filters_apply_and_travel_with_the_pages(db, get_page, citizen) -> None:
    give_cv(db, citizen, skills=["nursing-care"])
    far = make_posting(db, postcode="9000")
    for _ in range(11):
        make_posting(db, hours="part")
    assert get_page("/job-til-dig").find("a", href=f"/job/{far.id}") is None
    page = get_page("/job-til-dig?distance=500&hours=full")
    assert [a["href"] for a in page.select(".job-title a")] == [f"/job/{far.id}"]
    assert page.find(id="distance")["value"] == "500"
    wide = get_page("/job-til-dig?distance=500")
    next_link = wide.select_one(".pagination a.button-next")
    assert "distance=500" in next_link["href"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("distance=abc", "Skriv afstanden som et helt antal kilometer"),
        ("distance=-5", "Skriv en afstand fra 1 til 500 kilometer."),
        ("distance=100000", "Skriv en afstand fra 1 til 500 kilometer."),
        ("hours=night", "Vælg fuldtid, deltid eller begge."),
    ],
)
def test_invalid_filters_explain_and_show_the_unfiltered_page(
    db, get_page, citizen, query: str, message: str
) -> None:
    give_cv(db, citizen, skills=["nursing-care"])
    near = make_posting(db)
    page = get_page(f"/job-til-dig?{query}")
    summary = page.select_one(".error-summary")
    assert summary is not None and message in _text(summary)
    assert summary.find("a")["href"] in {"#distance", "#hours"}
    assert page.find("a", href=f"/job/{near.id}"), "the unfiltered results"


def test_htmx_gets_the_partial_with_the_count_for_the_live_region(
    db, client, citizen
) -> None:
    give_cv(db, citizen, skills=["nursing-care"])
    make_posting(db)
    full = client.get("/job-til-dig")
    assert "HX-Request" in full.headers["Vary"]
    assert b"<html" in full.data
    partial = client.get("/job-til-dig?distance=40", headers=HX)
    assert partial.status_code == 200
    assert "HX-Request" in partial.headers["Vary"]
    html = partial.get_data(as_text=True)
    assert "<html" not in html and "<h1" not in html
    assert 'id="job-filter-form"' in html
    assert re.search(r'id="job-count-announcer" hx-swap-oob="innerHTML"', html)
    assert "1 job passer til din søgning." in html
    restore = client.get(
        "/job-til-dig", headers={**HX, "HX-History-Restore-Request": "true"}
    )
    assert b"<html" in restore.data


def test_filter_form_works_without_and_with_htmx(db, get_page, citizen) -> None:
    give_cv(db, citizen, skills=["nursing-care"])
    make_posting(db)
    form = get_page("/job-til-dig").find("form", id="job-filter-form")
    assert form["method"] == "get" and form["action"] == "/job-til-dig"
    assert form["hx-get"] == "/job-til-dig" and form["hx-push-url"] == "true"
    assert form["hx-target"] == "#job-search"
    assert form.find("label", attrs={"for": "distance"})
    assert form.find("select", id="hours")


def test_occupation_filter_from_other_options(db, get_page, citizen) -> None:
    give_cv(db, citizen, skills=["nursing-care"])
    cook = make_posting(db, title="Kok", occupation="kok", essential=["cooking"])
    make_posting(db)
    page = get_page(f"/job-til-dig?occupation={OCC}kok")
    assert [a["href"] for a in page.select(".job-title a")] == [f"/job/{cook.id}"]
    assert "Viser job som Kok." in _text(page)
    assert page.find("input", type="hidden", attrs={"name": "occupation"})


def test_posting_page(db, get_page, citizen) -> None:
    give_cv(db, citizen, skills=["nursing-care", "wound-care"], history=["kok"])
    posting = make_posting(
        db,
        essential=["nursing-care", "administer-medication"],
        optional=["wound-care", "first-aid"],
        url="https://job.example/123",
    )
    page = get_page(f"/job/{posting.id}")
    assert page.h1.get_text(strip=True) == posting.title
    text = _text(page)
    assert "Du har 1 af 2 krævede kompetencer: Sygepleje." in text
    assert "Du har også Sårpleje, som arbejdsgiveren gerne vil have." in text
    assert "Arbejdsgiveren vil også gerne have: Førstehjælp." in text
    assert MODEL_VERSION in text
    assert page.find("a", href="https://job.example/123")


def test_posting_page_hides_unsafe_links(db, get_page, citizen) -> None:
    posting = make_posting(db, url="javascript:alert(1)")
    page = get_page(f"/job/{posting.id}")
    assert page.find("a", href="javascript:alert(1)") is None


def test_expired_postings_say_so_and_unknown_ones_are_404(
    db, get_page, citizen
) -> None:
    expired = make_posting(db, deadline=date.today() - timedelta(days=1))
    page = get_page(f"/job/{expired.id}")
    assert "Ansøgningsfristen for dette job er overskredet" in page.get_text()
    assert page.find(id="apply-link") is None
    get_page("/job/987654321", status=404)


def test_other_options_page(db, get_page, citizen) -> None:
    give_cv(
        db,
        citizen,
        skills=["cooking", "food-safety", "hygiene", "cleaning", "teamwork"],
        history=["kok"],
    )
    page = get_page("/andre-muligheder")
    assert page.h1.get_text(strip=True) == "Andre muligheder"
    cards = page.select(".alternative-card")
    assert cards
    assert "Kompetencer, du kan tage med:" in _text(cards[0])
    combobox = page.find("input", attrs={"role": "combobox"})
    assert combobox["aria-controls"] == "q-listbox"
    assert combobox["aria-expanded"] == "false"
    assert combobox["hx-trigger"] == "input changed delay:250ms"
    assert page.find(id="q-listbox")["role"] == "listbox"
    assert page.find(id="q-listbox-status")["aria-live"] == "polite"
    form = combobox.find_parent("form")
    assert form["action"] == "/forslag/stillinger" and form["method"] == "get"


def test_other_options_link_to_postings(db, get_page, citizen) -> None:
    give_cv(db, citizen, skills=["dishwashing", "cleaning", "hygiene"])
    make_posting(db, title="Opvasker", occupation="opvasker", essential=["dishwashing"])
    page = get_page("/andre-muligheder")
    link = page.find(
        "a", href=f"/job-til-dig?occupation={OCC}opvasker".replace(":", "%3A")
    )
    link = link or page.find("a", href=f"/job-til-dig?occupation={OCC}opvasker")
    assert link is not None and "1 aktuelt job som Opvasker" in link.get_text()


def test_other_options_empty_state(db, get_page, citizen) -> None:
    page = get_page("/andre-muligheder")
    state = page.find(class_="job-empty-state")
    assert state is not None and state.find("a", href="/mit-cv/faglige-kompetencer")


def test_pages_are_for_citizens_only(client, get_page, make_caseworker, login) -> None:
    login(make_caseworker())
    for url in ("/job-til-dig", "/andre-muligheder"):
        assert client.get(url).status_code == 403
