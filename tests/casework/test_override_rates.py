"""The administrators' override rates: by reason, direction and municipality."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import OverrideReason, Track, TrackOverride
from tests.factories import caseworker_id


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


@pytest.fixture
def overrides_made(db, make_citizen, make_caseworker, make_assessment):
    """Copenhagen: 4 suggestions, 1 override; Aarhus: 2 suggestions, 1 override."""
    worker = make_caseworker(101)
    aarhus_worker = make_caseworker(751)
    for _ in range(4):
        first = make_citizen(101)
        make_assessment(first)
    for _ in range(2):
        aarhus = make_citizen(751)
        make_assessment(aarhus)
    at = datetime.now(UTC) - timedelta(days=1)
    for citizen, user, reason, to in (
        (first, worker, OverrideReason.HEALTH, Track.SUPPORT),
        (aarhus, aarhus_worker, OverrideReason.CITIZEN_WISH, Track.SELF_SERVICE),
    ):
        db.add(
            TrackOverride(
                citizen_id=citizen.id,
                caseworker_id=caseworker_id(db, user),
                municipality_id=citizen.municipality_id,
                from_track=Track.SELF_SERVICE if to is Track.SUPPORT else Track.SUPPORT,
                to_track=to,
                reason_code=reason,
                note="x",
                at=at,
            )
        )
    db.flush()
    # An old override outside the default period does not count.
    db.add(
        TrackOverride(
            citizen_id=first.id,
            caseworker_id=caseworker_id(db, worker),
            municipality_id=first.municipality_id,
            from_track=Track.SUPPORT,
            to_track=Track.SELF_SERVICE,
            reason_code=OverrideReason.OTHER,
            note="gammel",
            at=at - timedelta(days=400),
        )
    )
    db.flush()
    assert db.scalars(select(TrackOverride)).all()


def _row(soup, caption: str, label: str) -> str:
    table = next(
        t for t in soup.select("table") if _text(t.caption).startswith(caption)
    )
    for tr in table.select("tbody tr"):
        if _text(tr).startswith(label):
            return _text(tr)
    raise AssertionError(f"no row {label!r} in {caption!r}")


def test_admin_sees_own_municipality_rates(overrides_made, make_admin, login, get_page):
    login(make_admin(101))
    soup = get_page("/administration/afvigelser")
    text = _text(soup)
    assert "1 fravigelse af 4 forslag (25,0 %)" in text
    assert _row(soup, "Efter begrundelse", "Helbred") == "Helbred 1 25,0 %"
    assert _row(soup, "Efter begrundelse", "Anden grund") == "Anden grund 0 0,0 %"
    assert _row(soup, "Efter retning", "Til støtte") == "Til støtte 1 25,0 %"
    assert _row(soup, "Efter kommune", "København") == "København 4 1 25,0 %"
    assert "Aarhus" not in _text(soup.select("table")[-1])


def test_admin_without_municipality_sees_all(
    overrides_made, make_admin, login, get_page
):
    login(make_admin(None))
    soup = get_page("/administration/afvigelser")
    assert _row(soup, "Efter kommune", "Aarhus") == "Aarhus 2 1 50,0 %"
    assert "2 fravigelser af 6 forslag" in _text(soup)


def test_period_filter_and_bad_dates(overrides_made, make_admin, login, get_page):
    login(make_admin(101))
    start = (date.today() - timedelta(days=500)).strftime("%d.%m.%Y")
    soup = get_page(f"/administration/afvigelser?start={start}")
    assert _row(soup, "Efter begrundelse", "Anden grund").startswith("Anden grund 1")
    bad = get_page("/administration/afvigelser?start=31.02.2026&end=%00")
    assert "dd.mm.åååå" in _text(bad)
    assert bad.select_one(".error-summary a[href='#start']")
    reversed_period = get_page(
        "/administration/afvigelser?start=01.10.2026&end=01.09.2026"
    )
    assert "Slutdatoen skal være" in _text(reversed_period)
