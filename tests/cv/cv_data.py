"""What the CV tests share: forms that are valid, texts that are not, and counters."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models import ChangeRecord
from tests.data import OCC

LONG = "x" * 201
HOSTILE_TEXTS = [
    LONG,
    "Kok\x00\x07",  # control characters
    "Kok\u202eesrever",  # a right-to-left override
]


def count_rows(db, model, citizen) -> int:
    return db.scalar(
        select(func.count()).select_from(model).where(model.citizen_id == citizen.id)
    )


def history(db, table: str) -> list[ChangeRecord]:
    return list(
        db.scalars(
            select(ChangeRecord)
            .where(ChangeRecord.table_name == table)
            .order_by(ChangeRecord.id)
        )
    )


def error_links(page) -> list[str]:
    summary = page.find(class_="error-summary")
    assert summary is not None, "no error summary"
    return [a["href"] for a in summary.find_all("a")]


EDUCATION = {
    "level": "vocational",
    "title": "Social- og sundhedshjælper",
    "institution": "SOSU H",
    "start_year": "2015",
    "end_year": "2016",
    "completed": "y",
}

JOB = {
    "title": "Kok på kantine",
    "occupation": "",
    "occupation_uri": OCC + "kok",
    "employer": "Kantinen A/S",
    "started_month": "3",
    "started_year": "2018",
    "ended_month": "6",
    "ended_year": "2022",
    "description": "Madlavning til 200 personer.\nIndkøb.",
}
