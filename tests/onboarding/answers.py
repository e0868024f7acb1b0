"""Screening answers and page helpers shared by the guide's tests."""

from __future__ import annotations

from sqlalchemy import select

from app.models import ChangeRecord

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


def changes_of(db, citizen_id: int, table: str) -> list[ChangeRecord]:
    return list(
        db.scalars(
            select(ChangeRecord).where(
                ChangeRecord.citizen_id == citizen_id, ChangeRecord.table_name == table
            )
        )
    )


def error_links(page) -> list[str]:
    summary = page.select_one(".error-summary")
    assert summary is not None, "an error summary at the top"
    links = [a["href"] for a in summary.select("a")]
    for href in links:
        if href.startswith("#"):
            assert page.find(id=href[1:]) is not None, f"{href} leads to a field"
    return links
