"""'Din vej' and the model card: the track explained in plain words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    Citizen,
    OverrideReason,
    ProfilingObjection,
    RouteReason,
    ScreeningAnswers,
    Track,
    TrackOverride,
)
from app.models.profile import (
    Confidence,
    ExpectedTime,
    LanguageLevel,
    Limits,
    SupportWish,
    Transport,
)
from app.segmentation import screening

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _screen(db: Session, citizen: Citizen, **overrides: Any) -> None:
    values: dict[str, Any] = {
        "citizen_id": citizen.id,
        "answered_at": NOW,
        "expected_time_to_job": ExpectedTime.LONGER,
        "health_limits": Limits.SOME,
        "danish_level": LanguageLevel.NATIVE,
        "english_level": LanguageLevel.GOOD,
        "childcare_limits": Limits.NONE,
        "transport": Transport.CAR,
        "it_confidence": Confidence.HIGH,
        "search_confidence": Confidence.LOW,
        "wants_support": SupportWish.NO,
    }
    values.update(overrides)
    db.add(ScreeningAnswers(**values))
    citizen.unemployed_since = date.today() - timedelta(days=300)
    db.flush()
    screening.rescreen(db, citizen.id, trigger="test")


def _text(page: BeautifulSoup) -> str:
    return " ".join(page.get_text(" ").split())


def test_before_the_screening_the_page_says_what_to_do(
    citizen: Citizen, get_page: Callable[..., BeautifulSoup]
) -> None:
    page = get_page("/din-vej")
    assert page.h1.get_text(strip=True) == "Din vej"
    assert "Vi har endnu ikke vurderet din vej" in _text(page)


def test_the_track_its_reasons_what_to_change_and_the_review(
    db: Session, citizen: Citizen, get_page: Callable[..., BeautifulSoup]
) -> None:
    _screen(db, citizen)
    text = _text(get_page("/din-vej"))
    assert "Du får hjælp af en sagsbehandler" in text
    # How it was decided, truthfully: the estimate, though they answered "no".
    assert "selv om du har svaret, at du kan klare dig selv" in text
    assert "Modellen skønner, at cirka 91 af 100 jobsøgende" in text
    # The main reasons say the citizen's own answer and values, then the pull.
    assert (
        "Du har svaret, at du regner med, at det tager mere end seks måneder at "
        "finde et job. Sammenlignet med den gennemsnitlige jobsøgende peger det mod "
        "hjælp fra en sagsbehandler."
    ) in text
    assert "Du har været ledig i 43 uger i denne periode." in text
    assert "Du har ingen registreringer i din joblog fra de sidste 4 uger." in text
    # Only changeable advice.
    assert "Søg job, og skriv dine ansøgninger i din joblog." in text
    assert "alder" not in text.lower()
    assert "Vi ser på din vej igen senest" in text
    assert "Jeg vil gerne tale med en sagsbehandler" in text
    assert "lr1-" in text


def test_an_objecting_citizen_is_told_no_algorithm_is_used(
    db: Session, citizen: Citizen, get_page: Callable[..., BeautifulSoup]
) -> None:
    db.add(ProfilingObjection(citizen_id=citizen.id, objected_at=NOW))
    _screen(db, citizen)
    text = _text(get_page("/din-vej"))
    assert "bruger vi ingen algoritme" in text
    assert "Det talte mest" not in text
    assert "modelversion" not in text
    assert "af 100" not in text


def test_an_override_is_explained_with_its_reason(
    db: Session,
    citizen: Citizen,
    make_caseworker: Callable[..., Any],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    from app.models import Caseworker

    _screen(db, citizen)
    worker = make_caseworker()
    caseworker = db.query(Caseworker).filter_by(user_id=worker.id).one()
    db.query(Assessment).filter_by(citizen_id=citizen.id).update({"current": False})
    db.add(
        Assessment(
            citizen_id=citizen.id,
            computed_at=NOW,
            current=True,
            track=Track.SELF_SERVICE,
            route_reason=RouteReason.OVERRIDE,
            reasons=[],
            inputs={},
            trigger="override",
            next_review_on=date.today() + timedelta(days=30),
        )
    )
    db.add(
        TrackOverride(
            citizen_id=citizen.id,
            caseworker_id=caseworker.id,
            municipality_id=citizen.municipality_id,
            from_track=Track.SUPPORT,
            to_track=Track.SELF_SERVICE,
            reason_code=OverrideReason.CITIZEN_WISH,
            note="Vil gerne prøve selv først.",
            at=NOW,
        )
    )
    db.flush()
    text = _text(get_page("/din-vej"))
    assert "En sagsbehandler besluttede din vej den" in text
    assert "Begrundelsen: du selv ønskede det." in text
    assert "Vil gerne prøve selv først." in text
    # Without the suggestion on record, the track before is still said as such.
    assert "Før sagsbehandlerens beslutning: hjælp fra en sagsbehandler." in text


def test_the_model_card_is_public_and_publishes_the_figures(
    client: Any, get_page: Callable[..., BeautifulSoup]
) -> None:
    text = _text(get_page("/algoritmer/segmentering"))
    assert "AUC" in text
    assert "Køn, oprindelse, nationalitet og alder" in text
    assert "SYNTETISK" in text
    assert "Kvinder" in text and "Ikke-vestlig" in text
