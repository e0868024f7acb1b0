"""What happens after a citizen's data changes: one place that every writer calls."""

from __future__ import annotations

from sqlalchemy.orm import Session


def profile_changed(session: Session, citizen_id: int, *, trigger: str) -> None:
    """Call after a change that may affect the citizen's track (screening, CV, log...)."""
    from app.services.segmentation import rescreen

    rescreen(session, citizen_id, trigger=trigger)
