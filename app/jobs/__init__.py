"""Job postings: import, matching against citizens, and the citizen's job pages.

The receiver below stores a citizen's matches again when their CV or wishes change;
it runs in the sender's transaction (flush only).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app import signals
from app.jobs.stored import refresh_matches

# The triggers of profile_changed whose changes the ranking reads.
MATCH_TRIGGERS = frozenset({"cv", "preferences"})


@signals.profile_changed.connect
def _refresh_matches_after_change(session: Session, **data: Any) -> None:
    if data.get("trigger") in MATCH_TRIGGERS:
        refresh_matches(session, data["citizen_id"])
