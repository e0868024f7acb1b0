"""The public job search: Danish stemming, filters, order, pages, hostile queries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.jobs.search import JobSearch, search_postings
from app.models import Hours
from tests.data import give_cv, make_posting

pytestmark = pytest.mark.usefixtures("taxonomy")


def _post(db, title: str, **values):
    values.setdefault("occupation", None)
    values.setdefault("essential", ())
    return make_posting(db, title=title, **values)


def _titles(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(".job-card .job-title a")]


def _count(page) -> str:
    return page.find(id="job-count").get_text(" ", strip=True)


def test_danish_stemming_finds_the_other_forms_of_a_word(db, get_page) -> None:
    _post(db, "Sygeplejersker til akutmodtagelsen")
    _post(db, "Lagermedarbejder")
    for query in ("sygeplejerske", "Sygeplejerskerne", "SYGEPLEJERSKER"):
        page = get_page(f"/job?q={query}")
        assert _titles(page) == ["Sygeplejersker til akutmodtagelsen"], query
        assert _count(page).startswith("1 "), _count(page)


def test_english_and_several_words_all_count(db) -> None:
    _post(db, "Nurse", description="We are looking for nurses for night shifts.")
    _post(db, "Nurse", description="Day shifts only.")
    found = search_postings(db, JobSearch(text="nurses night"))
    assert [f.posting.description for f in found.items] == [
        "We are looking for nurses for night shifts."
    ]
    # Employer and town are searched too.
    assert search_postings(db, JobSearch(text="testarbejdsgiver")).total == 2


def test_an_empty_search_shows_every_current_posting_newest_first(db, get_page) -> None:
    today = date.today()
    _post(db, "Ældst", posted_on=today - timedelta(days=5))
    _post(db, "Nyest", posted_on=today)
    _post(db, "Udløbet", deadline=today - timedelta(days=1))
    _post(db, "Sidste dag i dag", deadline=today, posted_on=today - timedelta(days=9))
    page = get_page("/job")
    assert _titles(page) == ["Nyest", "Ældst", "Sidste dag i dag"]
    assert "Udløbet" not in page.get_text()


def test_filters_combine(db, get_page) -> None:
    _post(db, "Kok", postcode="2200", hours=Hours.PART_TIME)
    _post(db, "Kok", postcode="8000", hours=Hours.PART_TIME)
    _post(db, "Kok", postcode="8000", hours=Hours.FULL_TIME)
    page = get_page("/job?q=kok&municipality=751&hours=part")
    assert _titles(page) == ["Kok"]
    assert "8000" in page.select_one(".job-card .job-employer").get_text()
    assert _titles(get_page("/job?q=kok&municipality=101&hours=full")) == []
    # The form shows the search in force, and the page links keep it.
    assert page.find(id="municipality").find("option", selected=True)["value"] == "751"


def test_distance_from_a_postcode_filters_and_sorts(db, get_page) -> None:
    _post(db, "Langt væk", postcode="9000")
    _post(db, "Tæt på", postcode="2200")
    _post(db, "Lidt væk", postcode="4000")
    page = get_page("/job?postcode=2100&sort=distance")
    assert _titles(page) == ["Tæt på", "Lidt væk", "Langt væk"]
    assert "km fra 2100" in page.select_one(".job-card").get_text()
    assert _titles(get_page("/job?postcode=2100&distance=10")) == ["Tæt på"]


def test_sort_by_deadline_and_filter_by_dates(db, get_page) -> None:
    today = date.today()
    _post(
        db, "Snart", deadline=today + timedelta(days=3), posted_on=today - timedelta(20)
    )
    _post(db, "Senere", deadline=today + timedelta(days=40), posted_on=today)
    assert _titles(get_page("/job?sort=deadline")) == ["Snart", "Senere"]
    assert _titles(get_page("/job?deadline=7")) == ["Snart"]
    assert _titles(get_page("/job?posted=3")) == ["Senere"]


def test_a_citizen_may_ask_for_the_order_of_how_well_jobs_fit(
    db, get_page, citizen
) -> None:
    give_cv(db, citizen, skills=["cooking"])
    today = date.today()
    _post(db, "Kok", essential=["cooking"], posted_on=today - timedelta(days=4))
    _post(db, "Lagermedarbejder", essential=["cleaning"], posted_on=today)
    page = get_page("/job?sort=match")
    assert _titles(page) == ["Kok", "Lagermedarbejder"]
    assert "hvor godt hvert job passer" in page.find(id="job-search").get_text()
    assert page.find(id="sort").find("option", selected=True)["value"] == "match"
    assert _titles(get_page("/job")) == ["Lagermedarbejder", "Kok"]


def test_without_a_log_in_the_match_order_is_not_offered(db, get_page) -> None:
    today = date.today()
    _post(db, "Kok", essential=["cooking"], posted_on=today - timedelta(days=4))
    _post(db, "Lagermedarbejder", posted_on=today)
    # A citizen's shared link opened by someone who is not logged in: newest first.
    page = get_page("/job?sort=match")
    assert _titles(page) == ["Lagermedarbejder", "Kok"]
    assert page.find(id="sort").find("option", value="match") is None


def test_pages_keep_the_search(db, get_page) -> None:
    for n in range(23):
        _post(db, f"Pædagog {n}")
    page = get_page("/job?q=pædagog")
    assert len(_titles(page)) == 20
    link = page.select_one("nav.pagination a.button-next")["href"]
    assert "q=p%C3%A6dagog" in link and "page=2" in link
    assert len(_titles(get_page(link))) == 3
    # A page past the end shows the last one, with the count.
    past = get_page("/job?q=pædagog&page=9")
    assert len(_titles(past)) == 3 and _count(past).startswith("23 ")


def test_htmx_gets_the_results_and_the_count_for_the_live_region(db, client) -> None:
    _post(db, "Tømrer")
    response = client.get("/job?q=tømrer", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert 'id="job-count-announcer" hx-swap-oob="innerHTML"' in html
    assert "HX-Request" in response.headers["Vary"]


HOSTILE = [
    "x" * 1_000_000,
    "NEAR(sygeplejerske kok, 2)",
    '"',
    '"sygeplejerske',
    "syge*",
    "^kok",
    "kok OR lager",
    "kok AND NOT lager",
    "title:kok",
    "- kok",
    "'; DROP TABLE posting; --",
    "1' OR '1'='1",
    "kok\x00lager",
    "\u202ekok",
    "(((((",
    "a " * 150,
    "🙂",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_get_a_result_or_a_clear_error(db, client, query) -> None:
    _post(db, "Kok")
    response = client.get("/job", query_string={"q": query})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="job-count"' in html
    if len(query) > 200 or "\x00" in query or "\u202e" in query:
        assert "error-summary" in html or "form-error-message" in html


def test_operators_are_words_not_syntax(db) -> None:
    _post(db, "Kok", description="Køkken near havnen")
    # NEAR( is the word "near": the posting has it, and "kok".
    assert search_postings(db, JobSearch(text="NEAR(kok")).total == 1
    assert search_postings(db, JobSearch(text='"kok" *')).total == 1
    assert search_postings(db, JobSearch(text="kok OR lager")).total == 0


def test_bad_filters_get_translated_errors(get_page) -> None:
    page = get_page("/job?postcode=12&distance=10&hours=nat&municipality=9999")
    text = page.get_text(" ")
    assert "Skriv et dansk postnummer på fire cifre" in text
    assert "Vælg en af mulighederne på listen" in text
    page = get_page("/job?distance=10")
    assert "Skriv det postnummer, afstanden skal måles fra" in page.get_text(" ")


def test_the_index_follows_changes(db) -> None:
    posting = _post(db, "Bager")
    assert search_postings(db, JobSearch(text="bager")).total == 1
    posting.title = "Konditor"
    db.flush()
    assert search_postings(db, JobSearch(text="bager")).total == 0
    assert search_postings(db, JobSearch(text="konditorer")).total == 1
    db.delete(posting)
    db.flush()
    assert search_postings(db, JobSearch(text="konditor")).total == 0
