"""The guide's screening step ("Din situation") and the page where the answers are
changed later ("Min situation")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.models import ExpectedTime, ScreeningAnswers, SupportWish
from tests.onboarding.answers import (
    HOSTILE_TEXTS,
    SCREENING,
    changes_of,
    error_links,
)
from tests.pages import check_full_page, text_of

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")


# --- the guide's step 3 ------------------------------------------------------------------


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
    assert len(changes_of(db, citizen.id, "screening_answers")) >= 10


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
    page = check_full_page(response.get_data(as_text=True))
    assert error_links(page) == [f"#{missing}"]
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


# --- "Min situation" ---------------------------------------------------------------------


def test_screening_page_shows_answers_back_and_saves_changes(
    db, post_form, get_page, citizen
) -> None:
    page = get_page("/min-situation")
    assert page.find("a", href="/mine-data")
    assert "selvbetjening" in text_of(page) or "sagsbehandler" in text_of(page)
    post_form("/min-situation", SCREENING)
    page = get_page("/min-situation")
    assert page.find("input", id="wants_support-2", checked=True)["value"] == "maybe"
    response = post_form("/min-situation", {**SCREENING, "wants_support": "yes"})
    assert response.headers["Location"] == "/min-situation"
    answers = db.scalar(select(ScreeningAnswers))
    assert answers.wants_support is SupportWish.YES
    changed = [
        c
        for c in changes_of(db, citizen.id, "screening_answers")
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
    assert "Hemmeligt behov" not in text_of(get_page("/min-situation"))
