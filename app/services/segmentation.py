"""Segmentation use cases (being built: see issue 6)."""

from __future__ import annotations

from sqlalchemy.orm import Session


def rescreen(session: Session, citizen_id: int, *, trigger: str) -> None:
    """Recompute the citizen's track after a relevant change."""
