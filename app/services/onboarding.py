"""The first-log-in step guide: where the citizen is, and saving each step."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Onboarding

TOTAL_STEPS = 5


def onboarding_status(session: Session, citizen_id: int) -> tuple[int, int, bool]:
    """(current step, total steps, done) of the citizen's onboarding; step 1 if not begun."""
    row = session.scalar(select(Onboarding).where(Onboarding.citizen_id == citizen_id))
    if row is None:
        return 1, TOTAL_STEPS, False
    done = row.completed_at is not None
    return min(max(row.current_step, 1), TOTAL_STEPS), TOTAL_STEPS, done
