"""No reason shown contradicts the stored answer or number it cites: a deterministic
sweep over every combination of screening answers, and every citizen of the synthetic
demo population, checked against an independent table of what each answer must (and
must not) be called, and against the numbers in the database."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.labels import EDUCATION_LEVEL_LABELS
from app.ml import segmentation as seg
from app.models import (
    Citizen,
    CitizenOccupation,
    OccupationLink,
    Posting,
    RouteReason,
    ScreeningAnswers,
)
from app.segmentation.facts import explain
from app.segmentation.model_store import load_model
from app.segmentation.track import current_decision
from app.segmentation.wording import ReasonText, Voice, reason_texts

ANSWERS = {
    "expected_time_to_job": ("1m", "3m", "6m", "longer", "unknown"),
    "health_limits": ("none", "some", "considerable"),
    "danish_level": ("native", "fluent", "good", "basic", "none"),
    "childcare_limits": ("none", "some", "considerable"),
    "transport": ("car", "public", "bike", "limited"),
    "it_confidence": ("high", "some", "low"),
    "search_confidence": ("high", "some", "low"),
}
# The input each answered feature cites.
CITES = {
    "expected_time_to_job": "expected_time_to_job",
    "health_limits": "health_limits",
    "danish_difficulty": "danish_level",
    "childcare_limits": "childcare_limits",
    "limited_transport": "transport",
    "low_it_confidence": "it_confidence",
    "low_search_confidence": "search_confidence",
}
# What the citizen must read for each answer (Danish), written here independently.
SAYS = {
    "expected_time_to_job": {
        "1m": "inden for en måned",
        "3m": "inden for tre måneder",
        "6m": "inden for seks måneder",
        "longer": "mere end seks måneder",
        "unknown": "ikke ved, hvornår",
    },
    "health_limits": {
        "none": "helbred ikke begrænser",
        "some": "helbred begrænser lidt",
        "considerable": "helbred begrænser meget",
    },
    "danish_difficulty": {
        "native": "dansk er dit modersmål",
        "fluent": "skriver dansk rigtig godt",
        "good": "skriver dansk godt",
        "basic": "skriver lidt dansk",
        "none": "ikke taler eller skriver dansk",
    },
    "childcare_limits": {
        "none": "børn ikke begrænser",
        "some": "børn begrænser lidt",
        "considerable": "børn begrænser meget",
    },
    "limited_transport": {
        "car": "i bil",
        "public": "med bus eller tog",
        "bike": "på cykel eller til fods",
        "limited": "svært for dig at komme omkring",
    },
    "low_it_confidence": {
        "high": "du er sikker i at bruge",
        "some": "nogenlunde sikker i at bruge",
        "low": "ikke er sikker i at bruge",
    },
    "low_search_confidence": {
        "high": "du er sikker i at finde",
        "some": "nogenlunde sikker i at finde",
        "low": "ikke er sikker i at finde",
    },
}
# What a caseworker reads: "<label>: <the answer as the question offered it>".
STAFF_SAYS = {
    "expected_time_to_job": (
        "Forventer at finde job (eget svar)",
        {
            "1m": "Inden for en måned",
            "3m": "Inden for tre måneder",
            "6m": "Inden for seks måneder",
            "longer": "Det vil tage længere tid",
            "unknown": "Det ved jeg ikke",
        },
    ),
    "health_limits": (
        "Helbredet begrænser arbejdet (eget svar)",
        {"none": "Nej", "some": "Ja, lidt", "considerable": "Ja, meget"},
    ),
    "danish_difficulty": (
        "Taler og skriver dansk (eget svar)",
        {
            "native": "Det er mit modersmål",
            "fluent": "Rigtig godt",
            "good": "Godt",
            "basic": "Lidt",
            "none": "Slet ikke",
        },
    ),
    "childcare_limits": (
        "Børn begrænser arbejdet (eget svar)",
        {"none": "Nej", "some": "Ja, lidt", "considerable": "Ja, meget"},
    ),
    "limited_transport": (
        "Kommer på arbejde (eget svar)",
        {
            "car": "I bil",
            "public": "Med bus eller tog",
            "bike": "På cykel eller til fods",
            "limited": "Det er svært for mig at komme omkring",
        },
    ),
    "low_it_confidence": (
        "Sikker med computer eller telefon (eget svar)",
        {"high": "Sikker", "some": "Nogenlunde sikker", "low": "Ikke sikker"},
    ),
    "low_search_confidence": (
        "Sikker i at finde og søge job (eget svar)",
        {"high": "Sikker", "some": "Nogenlunde sikker", "low": "Ikke sikker"},
    ),
}
RAISES = "peger det mod hjælp fra en sagsbehandler"
LOWERS = "peger det mod, at du finder arbejde selv"


def _number(text: str, pattern: str) -> int:
    found = re.search(pattern, text)
    assert found, (pattern, text)
    return int(found.group(1).replace(".", ""))


def _check_count(feature: str, text: str, inputs: dict[str, Any]) -> None:
    """The number a reason cites is the stored number."""
    value = inputs[feature]
    n = round(float(value))
    if feature == "weeks_unemployed":
        if value < 1:
            assert "under en uge" in text, text
        else:
            assert _number(text, r"ledig i ([\d.]+) uge") == n, text
    elif feature == "earlier_spells":
        if n == 0:
            assert "ingen tidligere perioder" in text, text
        else:
            assert _number(text, r"ledig ([\d.]+) gange? før") == n, text
    elif feature == "earlier_weeks":
        if n == 0:
            assert "ingen tidligere uger" in text, text
        else:
            assert _number(text, r"varede ([\d.]+) uger? i alt") == n, text
    elif feature == "applications_4w":
        if n == 0:
            assert "ingen registreringer" in text, text
        else:
            assert _number(text, r"har ([\d.]+) registreringe?r?") == n, text
    elif feature == "desired_occupations":
        if n == 0:
            assert "ikke valgt nogen job" in text, text
        else:
            assert _number(text, r"valgt ([\d.]+) job") == n, text
    elif feature == "matching_postings":
        wanted = inputs["desired_occupations"]
        if wanted == 0:
            assert "ikke valgt nogen job" in text and "ingen jobopslag" in text, text
            return
        assert _number(text, r"var der ([\d.]+) ledig") == n, text
        district = inputs["postal_district"]
        assert f"postnummer fra {district}000 til {district}999" in text, text
        if wanted > 1:
            assert f"i de {wanted} job, du gerne vil have" in text, text
        assert "”Job til dig” tæller anderledes" in text, text


def check(
    reasons: list[dict[str, Any]], inputs: dict[str, Any], staff: bool = True
) -> int:
    """Assert every reason (to the citizen, and as the caseworker reads it unless
    staff=False) against the inputs; the number checked."""
    citizen = reason_texts(reasons, inputs, Voice.CITIZEN)
    lines = (
        reason_texts(reasons, inputs, Voice.STAFF) if staff else [None] * len(citizen)
    )
    assert [r.feature for r in citizen] == [r["feature"] for r in reasons]
    for reason, said, line in zip(reasons, citizen, lines, strict=True):
        _check_one(reason, said, line, inputs)
    return len(citizen)


def _check_one(
    reason: dict[str, Any],
    said: ReasonText,
    line: ReasonText | None,
    inputs: dict[str, Any],
) -> None:
    feature, text = reason["feature"], said.text
    raises = reason["contribution"] > 0
    # The pull follows the contribution, never the other way round.
    assert (RAISES in text) is raises and (LOWERS in text) is not raises, text
    if line is not None:
        assert line.text.endswith("(hæver skønnet)" if raises else "(sænker skønnet)")
    # "Hard" is said of Danish only for basic/none, of transport only when limited.
    if "svært" in text:
        assert feature == "limited_transport" and inputs["transport"] == "limited"
    if feature in CITES:
        answer = inputs[CITES[feature]]
        assert SAYS[feature][answer] in said.fact, (answer, text)
        for other, words in SAYS[feature].items():
            if other != answer and words not in SAYS[feature][answer]:
                assert words not in said.fact, (answer, other, text)
        label, values = STAFF_SAYS[feature]
        if line is not None:
            assert line.fact == f"{label}: {values[answer]}", (answer, line.fact)
        if feature == "health_limits" and answer == "none":
            assert "ikke begrænser" in text
    elif feature == "education":
        level = inputs["education"]
        if level is None:
            assert "ikke skrevet en afsluttet uddannelse" in text
        else:
            assert str(EDUCATION_LEVEL_LABELS[level]) in text, text
    else:
        _check_count(feature, text, inputs)


def check_old_row(reasons: list[dict[str, Any]], inputs: dict[str, Any]) -> None:
    """A row stored before the inputs were kept: its value alone is described, and
    an answer is claimed only when the value allows just that one."""
    for reason, said in zip(
        reasons, reason_texts(reasons, None, Voice.CITIZEN), strict=True
    ):
        feature = reason["feature"]
        if feature not in CITES:
            continue
        answer = inputs[CITES[feature]]
        if feature == "limited_transport":
            # Only "limited" or not is stored in the model's value.
            assert ("svært" in said.fact) is (answer == "limited"), said.fact
            continue
        claimed = [a for a, words in SAYS[feature].items() if words in said.fact]
        assert claimed in ([], [answer]), (feature, answer, said.fact)


@pytest.fixture
def danish(app: Flask) -> Iterator[None]:
    with app.test_request_context():
        yield


def _combinations() -> Iterator[tuple[int, dict[str, str]]]:
    names = list(ANSWERS)
    for index, values in enumerate(itertools.product(*ANSWERS.values())):
        yield index, dict(zip(names, values, strict=True))


# Counts varied with the combination, so every count sentence is met with each answer.
WEEKS = (0.4, 1.0, 9.6, 60.0, 140.2)
SMALL = (0, 1, 3, 7)
EDUCATION = (None, "primary", "upper_secondary", "vocational", "master")


@pytest.mark.usefixtures("danish")
def test_no_reason_contradicts_any_combination_of_answers(app: Flask) -> None:
    model = load_model()
    items, contexts = [], []
    for index, answers in _combinations():
        desired = SMALL[index % 4]
        items.append(
            seg.SegmentationInput(
                weeks_unemployed=WEEKS[index % 5],
                earlier_spells=SMALL[(index // 3) % 4],
                earlier_weeks=(0.0, 4.0, 30.3, 120.0)[(index // 5) % 4],
                education=EDUCATION[(index // 7) % 5],
                applications_4w=SMALL[(index // 2) % 4] * 2,
                desired_occupations=desired,
                matching_postings=0 if desired == 0 else (0, 2, 12, 59)[index % 4],
                expected_time_to_job=answers["expected_time_to_job"],
                health_limits=answers["health_limits"],
                danish_level=answers["danish_level"],
                childcare_limits=answers["childcare_limits"],
                limited_transport=answers["transport"] == "limited",
                it_confidence=answers["it_confidence"],
                search_confidence=answers["search_confidence"],
            )
        )
        contexts.append(
            {"transport": answers["transport"], "postal_district": str(1 + index % 9)}
        )
    matrix = seg.feature_matrix(items)
    parts = model.contributions_matrix(matrix)
    checked = 0
    seen: set[tuple[str, bool]] = set()
    for i, item in enumerate(items):
        inputs = item.as_dict() | contexts[i]
        # The reasons as stored and shown (the biggest ones) ...
        reasons = explain(model, parts[i], item, matrix[i])
        checked += check(reasons, inputs, staff=i % 5 == 0)
        # ... and, for every seventh combination, every feature, however small.
        if i % 7 == 0:
            every = [
                {"feature": name, "contribution": float(part), "value": 0.0}
                for name, part in zip(seg.FEATURE_NAMES, parts[i], strict=True)
                if part != 0
            ]
            checked += check(every, inputs)
            check_old_row(reasons, inputs)
            seen.update((r["feature"], r["contribution"] > 0) for r in every)
    assert len(items) == 8100 and checked > 8100 * 3
    # The sweep met every answered feature pulling both ways.
    for feature in CITES:
        assert (feature, True) in seen and (feature, False) in seen, feature


def _demo_inputs(db: Session, citizen: Citizen, at: date) -> dict[str, Any]:
    """What the database says about a demo citizen, read here without the screening."""
    answers = db.scalars(
        select(ScreeningAnswers).where(ScreeningAnswers.citizen_id == citizen.id)
    ).one()
    desired = list(
        db.scalars(
            select(CitizenOccupation.occupation_id).where(
                CitizenOccupation.citizen_id == citizen.id,
                CitizenOccupation.link == OccupationLink.DESIRED,
            )
        )
    )
    district = citizen.postcode[0]
    postings = db.scalar(
        select(func.count())
        .select_from(Posting)
        .where(
            Posting.occupation_id.in_(desired),
            Posting.postcode.like(district + "%"),
            or_(Posting.deadline.is_(None), Posting.deadline >= at),
        )
    )
    return {
        "expected_time_to_job": answers.expected_time_to_job.value,
        "health_limits": answers.health_limits.value,
        "danish_level": answers.danish_level.value,
        "childcare_limits": answers.childcare_limits.value,
        "transport": answers.transport.value,
        "it_confidence": answers.it_confidence.value,
        "search_confidence": answers.search_confidence.value,
        "desired_occupations": len(set(desired)),
        "matching_postings": postings,
        "postal_district": district,
    }


@pytest.mark.usefixtures("danish")
def test_no_reason_shown_to_a_demo_citizen_contradicts_their_data(
    small_demo: Session,
) -> None:
    db = small_demo
    checked = 0
    for citizen in db.scalars(select(Citizen).order_by(Citizen.id)):
        decision = current_decision(db, citizen.id)
        estimate = decision.estimate if decision else None
        if estimate is None:
            continue
        facts = _demo_inputs(db, citizen, estimate.at.date())
        stored = estimate.inputs
        # The stored inputs are the citizen's data; the reasons cite them.
        for name, value in facts.items():
            assert stored[name] == value, (citizen.id, name, stored[name], value)
        inputs = stored | facts
        checked += check(estimate.reasons, inputs)
        if decision is not None and decision.route is RouteReason.MODEL:
            wish = db.scalar(
                select(ScreeningAnswers.wants_support).where(
                    ScreeningAnswers.citizen_id == citizen.id
                )
            )
            assert decision.wish == wish.value
    assert checked > 300
