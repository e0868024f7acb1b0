"""What a caseworker does on a case they hold: notes, the agreed plan, closing.

Each function returns False when the caseworker does not hold the claim (or the item is
not there), writes through app.audit, and flushes.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, now, record_created
from app.casework.services.claims import held_case, holds_claim, mark_closed
from app.models import CaseNote, PlanItem, PlanKind, PlanStatus


def close_case(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    note: str,
    actor: Actor,
) -> bool:
    """Close a claimed case, with the caseworker's note on why; False if not held."""
    case_file = held_case(session, municipality_id, caseworker_id, citizen_id)
    if case_file is None:
        return False
    mark_closed(session, case_file, actor, "the caseworker closed the case")
    _add_note(session, citizen_id, caseworker_id, note, actor)
    session.flush()
    return True


def _add_note(
    session: Session, citizen_id: int, caseworker_id: int, text: str, actor: Actor
) -> CaseNote:
    note = CaseNote(
        citizen_id=citizen_id, caseworker_id=caseworker_id, at=now(), text=text
    )
    record_created(
        session, note, actor=actor, reason="case note", citizen_id=citizen_id
    )
    return note


def add_note(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    text: str,
    actor: Actor,
) -> bool:
    """Add a note to a case the caseworker holds; False if they do not hold it."""
    if not holds_claim(session, municipality_id, caseworker_id, citizen_id):
        return False
    _add_note(session, citizen_id, caseworker_id, text, actor)
    session.flush()
    return True


def add_agreed_plan_item(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    kind: PlanKind,
    text: str,
    due_on: date | None,
    actor: Actor,
) -> bool:
    """Add a goal or activity agreed with the citizen; False if the claim is not held."""
    if not holds_claim(session, municipality_id, caseworker_id, citizen_id):
        return False
    at = now()
    item = PlanItem(
        citizen_id=citizen_id,
        kind=kind,
        text=text,
        due_on=due_on,
        status=PlanStatus.OPEN,
        author_role="caseworker",
        agreed_at=at,
        created_at=at,
    )
    record_created(
        session,
        item,
        actor=actor,
        reason="agreed with the citizen in their plan",
        citizen_id=citizen_id,
    )
    session.flush()
    return True


def agree_plan_item(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    item_id: int,
    actor: Actor,
) -> bool:
    """Mark the citizen's own open plan item as agreed; False if not possible."""
    if not holds_claim(session, municipality_id, caseworker_id, citizen_id):
        return False
    item = session.get(PlanItem, item_id)
    if (
        item is None
        or item.citizen_id != citizen_id
        or item.agreed_at is not None
        or item.status is PlanStatus.CANCELLED
    ):
        return False
    change_fields(
        session,
        item,
        {"agreed_at": now()},
        actor=actor,
        reason="the caseworker and the citizen agreed the plan item",
        citizen_id=citizen_id,
    )
    session.flush()
    return True
