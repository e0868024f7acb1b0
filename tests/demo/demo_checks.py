"""What the demo generator's tests share: the load date, and questions to the loaded
demo."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo import generator
from app.models import (
    JobPreferences,
    OccupationSkill,
    Relation,
)

LOAD_DATE = date(2026, 11, 1)


def fake_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    # argon2 costs about a second here; these tests never log in.
    monkeypatch.setattr(generator, "hash_password", lambda password: "not-a-hash")


def occupation_skills(session: Session) -> dict[int, dict[int, Relation]]:
    links: dict[int, dict[int, Relation]] = defaultdict(dict)
    for occupation_id, skill_id, relation in session.execute(
        select(
            OccupationSkill.occupation_id,
            OccupationSkill.skill_id,
            OccupationSkill.relation,
        )
    ):
        links[occupation_id][skill_id] = relation
    return links


def cv_citizens(session: Session) -> set[int]:
    return set(session.scalars(select(JobPreferences.citizen_id)))
