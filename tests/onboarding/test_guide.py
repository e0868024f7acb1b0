"""The first-log-in guide ("Kom i gang") and the screening answers page ("Min situation")."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.models import (
    ChangeRecord,
    Channel,
    CitizenOccupation,
    ContactPreferences,
    ExpectedTime,
    JobPreferences,
    OccupationLink,
    Onboarding,
    ScreeningAnswers,
    SupportWish,
)
from app.onboarding.services import onboarding_status
from tests.data import OCC
from tests.pages import log_in_with_form

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")

SCREENING = {
    "expected_time_to_job": "3m",
    "health_limits": "none",
    "danish_level": "native",
    "english_level": "good",
    "childcare_limits": "some",
    "transport": "public",
    "it_confidence": "high",
    "search_confidence": "some",
    "wants_support": "maybe",
    "needs_in_own_words": "Hjælp til min ansøgning",
}
HOSTILE_TEXTS = [
    "x" * 1001,
    "Hjælp\u202emig",  # a right-to-left override
    "Hjælp\x00mig",  # a control character
    "\u200bskjult",  # a zero-width space
    "\ue000",  # private use
]


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _changes(db, citizen_id: int, table: str) -> list[ChangeRecord]:
    return list(
        db.scalars(
            select(ChangeRecord).where(
                ChangeRecord.citizen_id == citizen_id, ChangeRecord.table_name == table
            )
        )
    )


def _error_links(page) -> list[str]:
    summary = page.select_one(".error-summary")
    assert summary is not None, "an error summary at the top"
    links = [a["href"] for a in summary.select("a")]
    for href in links:
        if href.startswith("#"):
            assert page.find(id=href[1:]) is not None, f"{href} leads to a field"
    return links


# --- the way in -------------------------------------------------------------------------


def test_first_log_in_starts_the_guide_at_step_one(client, make_citizen) -> None:
    citizen = make_citizen()
    response = log_in_with_form(client, citizen.user)
    assert response.headers["Location"] == "/kom-i-gang"
    response = client.get("/kom-i-gang")
    assert response.headers["Location"] == "/kom-i-gang/1"


def test_a_finished_guide_is_not_shown_again(db, client, make_citizen) -> None:
    from datetime import UTC, datetime

    citizen = make_citizen()
    now = datetime.now(UTC)
    db.add(
        Onboarding(
            citizen_id=citizen.id, current_step=5, started_at=now, completed_at=now
        )
    )
    db.flush()
    assert log_in_with_form(client, citizen.user).headers["Location"] == "/min-side"
    assert client.get("/kom-i-gang").headers["Location"] == "/kom-i-gang/5"


def test_every_page_stays_open_during_the_guide(client, get_page, citizen) -> None:
    for url in ("/min-side", "/job-til-dig", "/mine-data", "/mine-oensker"):
        get_page(url)
    page = get_page("/kom-i-gang/1")
    assert page.find("a", href="/min-side", string=re.compile("senere"))


def test_step_one_shows_progress_and_the_citizens_saved_details(
    db, get_page, citizen
) -> None:
    citizen.phone = "12 34 56 78"
    db.flush()
    page = get_page("/kom-i-gang/1")
    assert "Trin 1 af 5" in _text(page)
    assert page.find("input", id="phone")["value"] == "12 34 56 78"
    assert page.select_one("[aria-current=step]") is not None


def test_unknown_step_is_404(get_page, citizen) -> None:
    get_page("/kom-i-gang/6", status=404)
    get_page("/kom-i-gang/0", status=404)


# --- the steps, one by one ---------------------------------------------------------------


def test_contact_step_saves_and_moves_on_with_history(db, post_form, citizen) -> None:
    response = post_form(
        "/kom-i-gang/1", {"phone": "+45 12 34 56 78", "email": "mette@example.dk"}
    )
    assert response.headers["Location"] == "/kom-i-gang/2"
    db.refresh(citizen)
    assert citizen.phone == "+45 12 34 56 78"
    assert citizen.email == "mette@example.dk"
    fields = {c.field for c in _changes(db, citizen.id, "citizen")}
    assert {"phone", "email"} <= fields
    assert onboarding_status(db, citizen.id) == (2, 5, False)
    assert _changes(db, citizen.id, "onboarding"), "the guide's row has history too"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"phone": "", "email": ""}, "phone"),
        ({"phone": "12ab", "email": ""}, "phone"),
        ({"phone": "123", "email": ""}, "phone"),
        ({"phone": "9" * 40, "email": ""}, "phone"),
        ({"phone": "", "email": "ikke-en-adresse"}, "email"),
        ({"phone": "", "email": "a@" + "b" * 260 + ".dk"}, "email"),
        ({"phone": "１２３４５６７８", "email": ""}, "phone"),  # full-width digits
    ],
)
def test_contact_step_refuses_bad_input_and_saves_nothing(
    db, post_form, get_page, citizen, data, field
) -> None:
    response = post_form("/kom-i-gang/1", data)
    assert response.status_code == 200
    from tests.pages import check_full_page

    page = check_full_page(response.get_data(as_text=True))
    assert f"#{field}" in _error_links(page)
    db.refresh(citizen)
    assert citizen.phone is None and citizen.email is None
    assert (
        db.scalar(select(Onboarding).where(Onboarding.citizen_id == citizen.id)) is None
    )


def test_channel_step_saves_preferences(db, post_form, citizen) -> None:
    response = post_form(
        "/kom-i-gang/2", {"channel": "phone", "language": "uk", "interpreter": "yes"}
    )
    assert response.headers["Location"] == "/kom-i-gang/3"
    prefs = db.scalar(
        select(ContactPreferences).where(ContactPreferences.citizen_id == citizen.id)
    )
    assert (prefs.channel, prefs.language, prefs.interpreter) == (
        Channel.PHONE,
        "uk",
        True,
    )
    assert _changes(db, citizen.id, "contact_preferences")


@pytest.mark.parametrize(
    "data",
    [
        {"channel": "pigeon", "language": "da", "interpreter": "no"},
        {"channel": "digital", "language": "xx", "interpreter": "no"},
        {"channel": "digital", "language": "da", "interpreter": "maybe"},
        {"language": "da", "interpreter": "no"},
    ],
)
def test_channel_step_refuses_unknown_answers(db, post_form, citizen, data) -> None:
    response = post_form("/kom-i-gang/2", data)
    assert response.status_code == 200
    assert "error-summary" in response.get_data(as_text=True)
    assert (
        db.scalar(
            select(ContactPreferences).where(
                ContactPreferences.citizen_id == citizen.id
            )
        )
        is None
    )


def test_screening_step_saves_answers_and_sends_profile_changed(
    db, post_form, citizen, profile_changes
) -> None:
    calls = profile_changes
    response = post_form("/kom-i-gang/3", SCREENING)
    assert response.headers["Location"] == "/kom-i-gang/4"
    answers = db.scalar(
        select(ScreeningAnswers).where(ScreeningAnswers.citizen_id == citizen.id)
    )
    assert answers.expected_time_to_job is ExpectedTime.WITHIN_3_MONTHS
    assert answers.wants_support is SupportWish.MAYBE
    assert answers.needs_in_own_words == "Hjælp til min ansøgning"
    assert (citizen.id, "screening") in calls
    assert len(_changes(db, citizen.id, "screening_answers")) >= 10


def test_screening_questions_are_radio_groups_with_legends(get_page, citizen) -> None:
    page = get_page("/kom-i-gang/3")
    fieldsets = page.select("main form fieldset")
    assert len(fieldsets) == 9
    for fieldset in fieldsets:
        assert fieldset.legend.get_text(strip=True)
        assert fieldset.select("input[type=radio]")


@pytest.mark.parametrize("missing", ["wants_support", "health_limits"])
def test_screening_step_needs_every_question(db, post_form, citizen, missing) -> None:
    data = {k: v for k, v in SCREENING.items() if k != missing}
    response = post_form("/kom-i-gang/3", data)
    from tests.pages import check_full_page

    page = check_full_page(response.get_data(as_text=True))
    assert _error_links(page) == [f"#{missing}"]
    assert db.scalar(select(ScreeningAnswers)) is None


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_screening_refuses_hostile_text(db, post_form, citizen, text) -> None:
    response = post_form("/kom-i-gang/3", {**SCREENING, "needs_in_own_words": text})
    assert response.status_code == 200
    assert "#needs_in_own_words" in response.get_data(as_text=True)
    assert db.scalar(select(ScreeningAnswers)) is None


def test_screening_refuses_a_bad_enum_value(db, post_form, citizen) -> None:
    response = post_form("/kom-i-gang/3", {**SCREENING, "transport": "teleport"})
    assert response.status_code == 200
    assert db.scalar(select(ScreeningAnswers)) is None


def test_screening_keeps_emoji_and_danish_letters(db, post_form, citizen) -> None:
    text = "Æbler, øl og å 👩‍👧 – tak"
    post_form("/kom-i-gang/3", {**SCREENING, "needs_in_own_words": text})
    answers = db.scalar(select(ScreeningAnswers))
    assert answers.needs_in_own_words == text


def test_wishes_step_adds_occupations_without_javascript(
    db, post_form, get_page, citizen
) -> None:
    base = {"distance": "25", "hours": "full"}
    # Typed exactly as a label: added at once, and the page stays on the step.
    response = post_form(
        "/kom-i-gang/4", {**base, "occupation": "Sygeplejerske", "action": "add"}
    )
    assert response.headers["Location"].startswith("/kom-i-gang/4")
    # Typed loosely: the citizen chooses among suggestions, nothing saved yet.
    response = post_form(
        "/kom-i-gang/4", {**base, "occupation": "lagr", "action": "add"}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'name="pick"' in html
    desired = db.scalars(
        select(CitizenOccupation).where(
            CitizenOccupation.citizen_id == citizen.id,
            CitizenOccupation.link == OccupationLink.DESIRED,
        )
    ).all()
    assert len(desired) == 1
    pick = re.search(r'name="pick" value="([^"]+)"', html).group(1)
    post_form("/kom-i-gang/4", {**base, "pick": pick})
    # The combobox's hidden URI (with JavaScript) works too; then go on.
    response = post_form(
        "/kom-i-gang/4",
        {**base, "occupation": "x", "occupation_uri": OCC + "lagermedarbejder"},
    )
    assert response.headers["Location"] == "/kom-i-gang/5"
    prefs = db.scalar(select(JobPreferences))
    assert prefs.max_distance_km == 25
    assert db.query(CitizenOccupation).filter_by(citizen_id=citizen.id).count() >= 2


def test_wishes_step_refuses_a_sixth_occupation(db, post_form, citizen) -> None:
    slugs = ["sygeplejerske", "lagermedarbejder", "kok", "butiksassistent", "tjener"]
    for slug in slugs:
        post_form(
            "/kom-i-gang/4",
            {
                "distance": "25",
                "hours": "any",
                "occupation_uri": OCC + slug,
                "occupation": slug,
                "action": "add",
            },
        )
    assert (
        db.query(CitizenOccupation)
        .filter_by(citizen_id=citizen.id, link=OccupationLink.DESIRED)
        .count()
        == 5
    )
    response = post_form(
        "/kom-i-gang/4",
        {
            "distance": "25",
            "hours": "any",
            "occupation_uri": OCC + "lastbilchauffoer",
            "occupation": "chauffør",
            "action": "add",
        },
    )
    assert response.status_code == 200
    assert "Du kan vælge op til 5 job" in response.get_data(as_text=True)
    assert (
        db.query(CitizenOccupation)
        .filter_by(citizen_id=citizen.id, link=OccupationLink.DESIRED)
        .count()
        == 5
    )


@pytest.mark.parametrize("distance", ["", "0", "501", "2,5", "abc", "٣٠"])
def test_wishes_step_refuses_bad_distance(db, post_form, citizen, distance) -> None:
    response = post_form("/kom-i-gang/4", {"distance": distance, "hours": "any"})
    assert response.status_code == 200
    assert "#distance" in response.get_data(as_text=True)
    assert db.scalar(select(JobPreferences)) is None


def test_remove_an_occupation(db, post_form, citizen) -> None:
    post_form(
        "/kom-i-gang/4",
        {"distance": "25", "hours": "any", "occupation": "Sygeplejerske"},
    )
    row = db.scalar(select(CitizenOccupation))
    response = post_form("/kom-i-gang/4", {"remove": str(row.occupation_id)})
    assert response.headers["Location"].startswith("/kom-i-gang/4")
    assert db.scalar(select(CitizenOccupation)) is None
    assert any(
        c.new_value is None for c in _changes(db, citizen.id, "citizen_occupation")
    )


# --- the summary and the finish ----------------------------------------------------------


def _complete_steps(post_form) -> None:
    post_form("/kom-i-gang/1", {"phone": "12345678", "email": ""})
    post_form(
        "/kom-i-gang/2", {"channel": "digital", "language": "da", "interpreter": "no"}
    )
    post_form("/kom-i-gang/3", SCREENING)
    post_form(
        "/kom-i-gang/4",
        {"distance": "40", "hours": "part", "occupation": "Sygeplejerske"},
    )


def test_summary_shows_answers_with_change_links_and_finishes(
    db, client, post_form, get_page, citizen
) -> None:
    _complete_steps(post_form)
    page = get_page("/kom-i-gang/5")
    text = _text(page)
    assert "Trin 5 af 5" in text
    assert "12345678" in text and "Sygeplejerske" in text and "40 km" in text
    assert "Hjælp til min ansøgning" in text
    for step in (1, 2, 3, 4):
        assert page.find("a", href=f"/kom-i-gang/{step}")
    response = post_form("/kom-i-gang/5")
    assert response.headers["Location"] == "/min-side"
    assert onboarding_status(db, citizen.id) == (5, 5, True)
    assert log_in_with_form(client, citizen.user).headers["Location"] == "/min-side"


def test_finish_needs_the_first_three_steps(db, post_form, citizen) -> None:
    response = post_form("/kom-i-gang/5")
    assert response.status_code == 200
    from tests.pages import check_full_page

    page = check_full_page(response.get_data(as_text=True))
    assert _error_links(page) == ["/kom-i-gang/1", "/kom-i-gang/2", "/kom-i-gang/3"]
    assert onboarding_status(db, citizen.id)[2] is False


def test_the_guide_resumes_where_it_was_left(db, client, post_form, citizen) -> None:
    post_form("/kom-i-gang/1", {"phone": "12345678", "action": "later"})
    response = post_form(
        "/kom-i-gang/2",
        {
            "channel": "digital",
            "language": "da",
            "interpreter": "no",
            "action": "later",
        },
    )
    assert response.headers["Location"] == "/min-side"
    client.post("/log-ud", data={"csrf_token": _token(client)})
    assert log_in_with_form(client, citizen.user).headers["Location"] == "/kom-i-gang"
    assert client.get("/kom-i-gang").headers["Location"] == "/kom-i-gang/3"
    # Going back to an earlier step does not lose the place.
    post_form("/kom-i-gang/1", {"phone": "87654321"})
    assert onboarding_status(db, citizen.id)[0] == 3


def _token(client) -> str:
    from tests.pages import csrf_token

    return csrf_token(client)


def test_guide_in_english(client, get_page, citizen) -> None:
    client.post(
        "/sprog", data={"csrf_token": _token(client), "lang": "en", "next": "/"}
    )
    page = get_page("/kom-i-gang/3")
    assert "Step 3 of 5" in _text(page)
    assert page.h1.get_text(strip=True) == "Your situation"


def test_a_citizen_cannot_save_without_csrf(db, client, citizen) -> None:
    response = client.post("/kom-i-gang/1", data={"phone": "12345678"})
    assert response.status_code == 400
    db.refresh(citizen)
    assert citizen.phone is None


# --- "Min situation" ---------------------------------------------------------------------


def test_screening_page_shows_answers_back_and_saves_changes(
    db, post_form, get_page, citizen
) -> None:
    page = get_page("/min-situation")
    assert page.find("a", href="/mine-data")
    assert "selvbetjening" in _text(page) or "sagsbehandler" in _text(page)
    post_form("/min-situation", SCREENING)
    page = get_page("/min-situation")
    assert page.find("input", id="wants_support-2", checked=True)["value"] == "maybe"
    response = post_form("/min-situation", {**SCREENING, "wants_support": "yes"})
    assert response.headers["Location"] == "/min-situation"
    answers = db.scalar(select(ScreeningAnswers))
    assert answers.wants_support is SupportWish.YES
    changed = [
        c
        for c in _changes(db, citizen.id, "screening_answers")
        if c.field == "wants_support"
    ]
    assert [(c.old_value, c.new_value) for c in changed][-1] == ("maybe", "yes")


def test_screening_page_refuses_bad_input(db, post_form, citizen) -> None:
    post_form("/min-situation", SCREENING)
    response = post_form("/min-situation", {**SCREENING, "danish_level": "<script>"})
    assert response.status_code == 200
    assert "#danish_level" in response.get_data(as_text=True)
    answers = db.scalar(select(ScreeningAnswers))
    assert answers.danish_level.value == "native"


def test_another_citizens_answers_are_never_shown(
    db, post_form, get_page, citizen, make_citizen
) -> None:
    other = make_citizen(first_name="Anden")
    from datetime import UTC, datetime

    db.add(
        ScreeningAnswers(
            citizen_id=other.id,
            answered_at=datetime.now(UTC),
            needs_in_own_words="Hemmeligt behov",
            expected_time_to_job=ExpectedTime.LONGER,
            health_limits="none",
            danish_level="native",
            english_level="good",
            childcare_limits="none",
            transport="car",
            it_confidence="high",
            search_confidence="high",
            wants_support="yes",
        )
    )
    db.flush()
    assert "Hemmeligt behov" not in _text(get_page("/min-situation"))
