"""SYNTHETIC register history of the demo citizens: unemployment spells, gender and
origin (none of it is about real people), then one screening of everyone.

The labelled cohort the segmentation model trains on is app.ml.synthetic_history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from random import Random
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data import demo_names
from app.db import bulk_insert
from app.ml.synthetic_history import HISTORY_SEED
from app.models import Citizen
from app.models.cases import Gender, Origin, ProtectedAttributes, UnemploymentSpell
from app.segmentation.screening import rescreen_all

WESTERN_ORIGINS = {"polish", "romanian", "nordic_german"}


# ---- register data for the demo citizens -------------------------------------------


def _name_groups() -> tuple[dict[str, str], dict[str, str]]:
    """First name -> sex, and surname -> origin, from the demo's own name lists."""
    sex_of: dict[str, str] = {}
    origin_of: dict[str, str] = {}
    for sex in ("F", "M"):
        for generation in demo_names.DANISH_FIRST_NAMES[sex].values():
            for first in generation:
                sex_of.setdefault(first, sex)
    for origin, group in demo_names.OTHER_ORIGIN_NAMES.items():
        kind = "western" if origin in WESTERN_ORIGINS else "non_western"
        for sex in ("F", "M"):
            for first in group[sex]:
                sex_of.setdefault(first, sex)
        for last in group["last"]:
            for part in last.split("/"):
                origin_of[part] = kind
    return sex_of, origin_of


def create_register_history(
    session: Session,
    reference_date: date,
    seed: int = HISTORY_SEED,
    report: Callable[[str], None] | None = None,
) -> int:
    """Unemployment spells and protected attributes for every demo citizen (bulk)."""
    rng = Random(seed)
    sex_of, origin_of = _name_groups()
    rows = session.execute(
        select(
            Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.unemployed_since
        )
        .where(Citizen.synthetic.is_(True))
        .order_by(Citizen.id)
    ).all()
    spells: list[dict[str, Any]] = []
    protected: list[dict[str, Any]] = []
    for citizen_id, first, last, since in rows:
        current_start = since or reference_date
        spells.append(
            {"citizen_id": citizen_id, "started_on": current_start, "ended_on": None}
        )
        end = current_start - timedelta(days=rng.randint(60, 900))
        for _ in range(min(6, int(rng.expovariate(1.0)))):
            length = max(14, int(rng.expovariate(1 / 90)))
            start = end - timedelta(days=length)
            spells.append(
                {"citizen_id": citizen_id, "started_on": start, "ended_on": end}
            )
            end = start - timedelta(days=rng.randint(60, 900))
        sex = sex_of.get(first)
        surname = last.split(" ")[-1]
        protected.append(
            {
                "citizen_id": citizen_id,
                "gender": {"F": Gender.FEMALE, "M": Gender.MALE}.get(sex or ""),
                "origin": Origin(origin_of.get(surname, "danish")),
            }
        )
    bulk_insert(session, UnemploymentSpell.__table__, spells)
    bulk_insert(session, ProtectedAttributes.__table__, protected)
    if report:
        report(f"Register history: {len(spells):,} unemployment spells.")
    return len(rows)


def add_history_and_screen(
    session: Session,
    today: date,
    seed: int = HISTORY_SEED,
    report: Callable[[str], None] | None = None,
) -> None:
    """Register history for the demo citizens, then screen them all (the last step)."""
    create_register_history(session, today, seed, report)
    summary = rescreen_all(session, trigger="demo", today=today, record_changes=False)
    if report:
        report(
            f"Screening: {summary.assessed:,} assessed, {summary.support:,} to a "
            f"person, {summary.queued:,} in the caseworkers' queues."
        )
