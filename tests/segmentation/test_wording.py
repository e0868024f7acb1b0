"""The reasons in words say what is true of the person's stored values, then how each
pulls the estimate; probabilities read as "about 8 in 10"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask import Flask, session
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Assessment, Citizen, CitizenOccupation, OccupationLink, Posting
from app.models.profile import LanguageLevel, SupportWish
from app.segmentation.wording import Voice, chance, reason_texts
from tests.data import make_posting, occupation_id
from tests.pages import my_data_page
from tests.segmentation.test_my_track import _screen

CITIZEN, STAFF = Voice.CITIZEN, Voice.STAFF


@pytest.fixture
def danish(app: Flask) -> Iterator[None]:
    with app.test_request_context():
        yield


@pytest.fixture
def english(app: Flask) -> Iterator[None]:
    with app.test_request_context():
        session["lang"] = "en"
        yield


def _one(reason: dict[str, Any], inputs: dict[str, Any] | None, voice: Voice) -> str:
    (text,) = reason_texts([reason], inputs, voice)
    return text.text


@pytest.mark.usefixtures("danish")
def test_a_good_answer_that_raises_the_estimate_is_said_as_the_answer() -> None:
    # Omar answered "Godt": above the average difficulty, so it raises the estimate,
    # and the sentence still says what he answered, never that Danish is hard.
    reason = {"feature": "danish_difficulty", "contribution": 0.259, "value": 1.0}
    text = _one(reason, {"danish_level": "good"}, CITIZEN)
    assert text == (
        "Du har svaret, at du taler og skriver dansk godt. Sammenlignet med den "
        "gennemsnitlige jobsøgende peger det mod hjælp fra en sagsbehandler."
    )
    staff = _one(reason, {"danish_level": "good"}, STAFF)
    assert staff == "Taler og skriver dansk (eget svar): Godt (hæver skønnet)"


@pytest.mark.usefixtures("danish")
def test_postings_say_the_count_what_is_counted_and_where() -> None:
    reason = {"feature": "matching_postings", "contribution": 0.3, "value": 12.0}
    inputs = {"matching_postings": 12, "desired_occupations": 2, "postal_district": "2"}
    text = _one(reason, inputs, CITIZEN)
    assert text.startswith(
        "Da vi vurderede dig, var der 12 ledige jobopslag i de 2 job, du gerne vil "
        "have, med postnummer fra 2000 til 2999."
    )
    assert "”Job til dig” tæller anderledes" in text
    staff = _one(reason, inputs, STAFF)
    assert staff == (
        "Ledige jobopslag: 12 i de ønskede job, med postnummer fra 2000 til 2999 "
        "(hæver skønnet)"
    )
    # Without wished jobs nothing was counted, and it says so.
    none_wished = _one(
        reason, {"matching_postings": 0, "desired_occupations": 0}, CITIZEN
    )
    assert none_wished.startswith("Du har ikke valgt nogen job, du gerne vil have")
    # Copenhagen's district 1 starts at 1000, not 0.
    city = _one(reason, {**inputs, "postal_district": "1"}, CITIZEN)
    assert "fra 1000 til 1999" in city


@pytest.mark.usefixtures("danish")
def test_counts_are_the_stored_numbers() -> None:
    reasons = [
        {"feature": "weeks_unemployed", "contribution": 1.1, "value": 94.9},
        {"feature": "earlier_spells", "contribution": -0.2, "value": 0.0},
        {"feature": "applications_4w", "contribution": -0.4, "value": 7.0},
        {"feature": "desired_occupations", "contribution": 0.2, "value": 1.0},
    ]
    inputs = {
        "weeks_unemployed": 94.9,
        "earlier_spells": 0,
        "applications_4w": 7,
        "desired_occupations": 1,
    }
    texts = [r.fact for r in reason_texts(reasons, inputs, CITIZEN)]
    assert texts == [
        "Du har været ledig i 95 uger i denne periode.",
        "Vi har ingen tidligere perioder som ledig registreret for dig.",
        "Du har 7 registreringer i din joblog fra de sidste 4 uger.",
        "Du har valgt 1 job, du gerne vil have.",
    ]
    pulls = [r.raises for r in reason_texts(reasons, inputs, CITIZEN)]
    assert pulls == [True, False, False, True]


@pytest.mark.usefixtures("english")
def test_english_reads_the_same_facts() -> None:
    reason = {"feature": "health_limits", "contribution": -0.3, "value": 0.0}
    assert _one(reason, {"health_limits": "none"}, CITIZEN) == (
        "You answered that your health does not limit the work you can do. Compared "
        "with the average jobseeker, this points towards finding work yourself."
    )
    assert chance(0.8) == "about 80 in 100"


@pytest.mark.usefixtures("danish")
def test_an_old_row_without_inputs_claims_only_what_its_value_shows() -> None:
    # 1.0 can only be "good"; 0.0 is "native" or "fluent", so no answer is claimed.
    good = {"feature": "danish_difficulty", "contribution": 0.2, "value": 1.0}
    assert _one(good, None, CITIZEN).startswith(
        "Du har svaret, at du taler og skriver dansk godt."
    )
    either = {"feature": "danish_difficulty", "contribution": -0.1, "value": 0.0}
    assert _one(either, None, CITIZEN).startswith("Taler og skriver dansk (eget svar).")
    weeks = {"feature": "weeks_unemployed", "contribution": 0.5, "value": 40.0}
    assert _one(weeks, None, STAFF) == (
        "Tid som ledig i denne periode: 40 uger (hæver skønnet)"
    )


@pytest.mark.usefixtures("danish")
def test_estimates_read_as_so_many_in_100() -> None:
    assert chance(0.9726) == "cirka 97 af 100"
    assert chance(0.004) == "færre end 1 af 100"
    assert chance(0.999) == "flere end 99 af 100"


pytestmark = pytest.mark.usefixtures("taxonomy")


def test_din_vej_cites_the_answer_given_and_the_postings_counted(
    db: Session,
    citizen: Citizen,
    get_page: Callable[..., BeautifulSoup],
) -> None:
    wished = [occupation_id(db, "sygeplejerske"), occupation_id(db, "lagermedarbejder")]
    for wanted in wished:
        db.add(
            CitizenOccupation(
                citizen_id=citizen.id, occupation_id=wanted, link=OccupationLink.DESIRED
            )
        )
    # Citizens of postcode 2200 count postings with postcodes 2000-2999.
    make_posting(db, occupation="sygeplejerske", postcode="2100")
    make_posting(db, occupation="lagermedarbejder", postcode="2800")
    make_posting(db, occupation="lagermedarbejder", postcode="8000")  # another district
    make_posting(db, occupation="kok", postcode="2200")  # not wished
    db.flush()
    _screen(
        db,
        citizen,
        danish_level=LanguageLevel.GOOD,
        wants_support=SupportWish.NO,
    )
    counted = db.scalar(
        select(func.count())
        .select_from(Posting)
        .where(
            Posting.occupation_id.in_(wished),
            Posting.postcode.like("2%"),
        )
    )
    stored = db.scalar(
        select(Assessment.inputs).where(
            Assessment.citizen_id == citizen.id, Assessment.current.is_(True)
        )
    )
    assert counted == 2 and stored["matching_postings"] == counted
    text = " ".join(get_page("/din-vej").get_text(" ").split())
    assert "dansk er svært" not in text and "svært for dig" not in text
    page = " ".join(my_data_page(get_page).get_text(" ").split())
    assert "Taler og skriver dansk (eget svar): Godt;" in page
    assert (
        f"Da vi vurderede dig, var der {counted} ledige jobopslag i de 2 job, du "
        "gerne vil have, med postnummer fra 2000 til 2999."
    ) in page
