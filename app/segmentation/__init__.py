"""Segmentation: the model store, screening, the queue kept in step, "Din vej", the
model card and the fairness audit.

The receivers below re-screen a citizen when the signals of app.signals say their data
has changed; they run in the sender's transaction (flush only).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app import signals
from app.segmentation.queue_sync import follow_contact_language
from app.segmentation.screening import rescreen


@signals.profile_changed.connect
def _rescreen_after_change(session: Session, **data: Any) -> None:
    rescreen(session, data["citizen_id"], trigger=data["trigger"])


@signals.objection_changed.connect
def _rescreen_after_objection(session: Session, **data: Any) -> None:
    rescreen(session, data["citizen_id"], trigger="objection")


@signals.contact_changed.connect
def _follow_contact_language(session: Session, **data: Any) -> None:
    follow_contact_language(session, data["citizen_id"], data["language"])
