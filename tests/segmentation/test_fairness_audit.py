"""The administrators' fairness audit: rates by group, intervals, a warning on gaps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sqlalchemy.orm import Session

from app.models import Citizen, Gender, Origin, ProtectedAttributes, Track


def _text(page: BeautifulSoup) -> str:
    return " ".join(page.get_text(" ").split())


def _assessed(
    db: Session,
    make_citizen: Callable[..., Citizen],
    make_assessment: Callable[..., Any],
    gender: Gender,
    track: Track,
    municipality_code: int = 101,
) -> Citizen:
    citizen = make_citizen(municipality_code=municipality_code)
    db.add(
        ProtectedAttributes(citizen_id=citizen.id, gender=gender, origin=Origin.DANISH)
    )
    make_assessment(citizen, track=track)
    return citizen


def test_a_gap_between_groups_above_the_limit_is_flagged_in_percentage_points(
    app: Any,
    monkeypatch: pytest.MonkeyPatch,
    db: Session,
    make_citizen: Callable[..., Citizen],
    make_assessment: Callable[..., Any],
    make_admin: Callable[..., Any],
    login: Callable[..., Any],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    monkeypatch.setitem(app.config, "FAIRNESS_MIN_GROUP", 3)
    for _ in range(3):
        _assessed(db, make_citizen, make_assessment, Gender.FEMALE, Track.SUPPORT)
        _assessed(db, make_citizen, make_assessment, Gender.MALE, Track.SELF_SERVICE)
    login(make_admin())
    page = get_page("/administration/retfaerdighed")
    text = _text(page)
    assert "6 aktuelle vurderinger er foretaget af modellen" in text
    assert "En forskel på over 10 procentpoint" in text
    alerts = _text(BeautifulSoup(str(page.select(".alert-warning")), "html.parser"))
    assert "Køn: 100 procentpoint" in alerts
    assert "Over grænsen på 10 procentpoint" in text
    women = page.find("th", string="Kvinder")
    assert women is not None
    assert "100,0 %" in women.parent.get_text()


def test_groups_under_the_minimum_size_are_too_few_to_show(
    db: Session,
    make_citizen: Callable[..., Citizen],
    make_assessment: Callable[..., Any],
    make_admin: Callable[..., Any],
    login: Callable[..., Any],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    """Three women and four men (default minimum 20): no rates, no gap, no warning."""
    for _ in range(3):
        _assessed(db, make_citizen, make_assessment, Gender.FEMALE, Track.SUPPORT)
    for _ in range(4):
        _assessed(db, make_citizen, make_assessment, Gender.MALE, Track.SELF_SERVICE)
    login(make_admin())
    page = get_page("/administration/retfaerdighed")
    women = page.find("th", string="Kvinder")
    assert _text(women.parent) == "Kvinder For få til at vise (under 20 personer)"
    current = page.find("h2", string="Aktuelle vurderinger")
    before_history = page.find("h2", string="Fejl på historik med kendt udfald")
    between = []
    for node in current.find_all_next():
        if node is before_history:
            break
        between.append(node)
    section = " ".join(_text(n) for n in between if n.name in {"table", "p", "div"})
    assert "100,0 %" not in section and "%-point" not in section
    assert "Færre end to grupper er store nok til at blive sammenlignet." in section
    assert not [n for n in between if "alert-warning" in (n.get("class") or [])]


def test_only_the_admins_own_municipality_unless_asked_for_all(
    db: Session,
    make_citizen: Callable[..., Citizen],
    make_assessment: Callable[..., Any],
    make_admin: Callable[..., Any],
    login: Callable[..., Any],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    _assessed(db, make_citizen, make_assessment, Gender.FEMALE, Track.SUPPORT)
    _assessed(db, make_citizen, make_assessment, Gender.MALE, Track.SUPPORT, 751)
    login(make_admin(municipality_code=751))
    own = _text(get_page("/administration/retfaerdighed"))
    assert "1 aktuel vurdering er foretaget af modellen" in own
    everywhere = _text(get_page("/administration/retfaerdighed?omraade=hele-landet"))
    assert "aktuelle vurderinger er foretaget af modellen" in everywhere
    # An unknown scope falls back to the own municipality.
    odd = _text(get_page("/administration/retfaerdighed?omraade=%00<script>"))
    assert "1 aktuel vurdering er foretaget af modellen" in odd


def test_the_error_rates_on_the_synthetic_history_are_shown(
    make_admin: Callable[..., Any],
    login: Callable[..., Any],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    login(make_admin())
    text = _text(get_page("/administration/retfaerdighed"))
    assert "Henvist, men fandt arbejde inden for 26 uger" in text
    assert "Ikke henvist, men ledig i over 26 uger" in text
    assert "Ikke-vestlig oprindelse" in text
