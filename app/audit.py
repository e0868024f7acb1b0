"""The audit trail, one mechanism: every staff/provider read and every change goes here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import insert, inspect, select
from sqlalchemy.orm import Session

from app import signals
from app.models import (
    AccessLog,
    AccessPurpose,
    AccessWhat,
    ChangeRecord,
    Role,
    User,
)

# Roles whose reads of a citizen's data are recorded in the access log.
LOGGED_READER_ROLES = frozenset(
    {
        Role.CASEWORKER.value,
        Role.PROVIDER.value,
        Role.ADMIN.value,
        Role.EMPLOYER.value,
    }
)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user in a role for an organisation, or the system itself."""

    user_id: int | None
    role: str
    organisation: str

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(
            user_id=user.id, role=user.role.value, organisation=user.organisation
        )


SYSTEM = Actor(user_id=None, role="system", organisation="Jobunivers")


def now() -> datetime:
    return datetime.now(UTC)


def log_access(
    session: Session,
    actor: Actor,
    citizen_id: int,
    what: AccessWhat,
    purpose: AccessPurpose,
) -> AccessLog | None:
    """Record one read of a citizen's data by staff or a provider (citizens' own reads are not)."""
    if actor.role not in LOGGED_READER_ROLES:
        return None
    if actor.user_id is None:
        raise ValueError("a logged read needs a user")
    entry = AccessLog(**_access_row(actor, citizen_id, what, purpose, now()))
    session.add(entry)
    signals.access_logged.send(
        session, citizen_ids=[citizen_id], what=what, purpose=purpose
    )
    return entry


def log_accesses(
    session: Session,
    actor: Actor,
    citizen_ids: list[int],
    what: AccessWhat,
    purpose: AccessPurpose,
) -> None:
    """Record one read of each citizen's data on a list page, in one statement."""
    if actor.role not in LOGGED_READER_ROLES or not citizen_ids:
        return
    if actor.user_id is None:
        raise ValueError("a logged read needs a user")
    at = now()
    signals.access_logged.send(
        session, citizen_ids=citizen_ids, what=what, purpose=purpose
    )
    # On the session's connection, not through the ORM: a list page logs a row per
    # citizen on every serving, and the ORM's bulk path cost more than the insert.
    session.connection().execute(
        AccessLog.__table__.insert(),
        [_access_row(actor, cid, what, purpose, at) for cid in citizen_ids],
    )


def _access_row(
    actor: Actor,
    citizen_id: int,
    what: AccessWhat,
    purpose: AccessPurpose,
    at: datetime,
) -> dict[str, Any]:
    return {
        "at": at,
        "actor_user_id": actor.user_id,
        "actor_role": actor.role,
        "organisation": actor.organisation,
        "citizen_id": citizen_id,
        "what": what,
        "purpose": purpose,
    }


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _table_and_id(obj: Any) -> tuple[str, int]:
    table = obj.__table__.name
    row_id = inspect(obj).identity
    if row_id is None:
        raise ValueError(f"{table} row must be flushed before its changes are recorded")
    return table, int(row_id[0])


def _record(
    session: Session,
    obj: Any,
    changes: list[tuple[str, Any, Any]],
    *,
    actor: Actor,
    reason: str,
    citizen_id: int | None,
) -> list[ChangeRecord]:
    if not reason:
        raise ValueError("every change needs a reason")
    table, row_id = _table_and_id(obj)
    at = now()
    records = [
        ChangeRecord(
            at=at,
            table_name=table,
            row_id=row_id,
            field=field,
            old_value=_as_text(old),
            new_value=_as_text(new),
            actor_user_id=actor.user_id,
            actor_role=actor.role,
            citizen_id=citizen_id,
            reason=reason,
        )
        for field, old, new in changes
    ]
    session.add_all(records)
    return records


@dataclass(frozen=True)
class FieldChange:
    """One field of one row, changed by a bulk writer that does not load the rows."""

    table: str
    row_id: int
    field: str
    old: Any
    new: Any
    citizen_id: int | None


def record_changes(
    session: Session,
    changes: Iterable[FieldChange],
    *,
    actor: Actor,
    reason: str,
    at: datetime | None = None,
) -> int:
    """Record many field changes in one statement; returns how many were recorded."""
    if not reason:
        raise ValueError("every change needs a reason")
    at = at or now()
    rows = [
        {
            "at": at,
            "table_name": change.table,
            "row_id": change.row_id,
            "field": change.field,
            "old_value": _as_text(change.old),
            "new_value": _as_text(change.new),
            "actor_user_id": actor.user_id,
            "actor_role": actor.role,
            "citizen_id": change.citizen_id,
            "reason": reason,
        }
        for change in changes
    ]
    if rows:
        session.execute(insert(ChangeRecord), rows)
    return len(rows)


def _filled_columns(obj: Any) -> list[tuple[str, Any]]:
    return [
        (column.key, getattr(obj, column.key))
        for column in obj.__table__.columns
        if not column.primary_key and getattr(obj, column.key) is not None
    ]


def change_fields(
    session: Session,
    obj: Any,
    values: dict[str, Any],
    *,
    actor: Actor,
    reason: str,
    citizen_id: int | None,
) -> list[ChangeRecord]:
    """Set fields on a persistent row, recording old and new value for each that changes."""
    if inspect(obj).identity is None:
        session.flush()
    changes = []
    for field, new in values.items():
        if field not in obj.__table__.columns:
            raise KeyError(f"{obj.__table__.name} has no field {field}")
        old = getattr(obj, field)
        if old != new:
            changes.append((field, old, new))
    records = _record(
        session, obj, changes, actor=actor, reason=reason, citizen_id=citizen_id
    )
    for field, _old, new in changes:
        setattr(obj, field, new)
    return records


def record_created(
    session: Session, obj: Any, *, actor: Actor, reason: str, citizen_id: int | None
) -> list[ChangeRecord]:
    """Add a new row and record each of its non-empty fields as a change from nothing."""
    session.add(obj)
    session.flush()
    changes = [(field, None, value) for field, value in _filled_columns(obj)]
    return _record(
        session, obj, changes, actor=actor, reason=reason, citizen_id=citizen_id
    )


def record_deleted(
    session: Session, obj: Any, *, actor: Actor, reason: str, citizen_id: int | None
) -> list[ChangeRecord]:
    """Delete a row, keeping each of its values in the history as a change to nothing."""
    changes = [(field, value, None) for field, value in _filled_columns(obj)]
    records = _record(
        session, obj, changes, actor=actor, reason=reason, citizen_id=citizen_id
    )
    session.delete(obj)
    return records


def save_fields(
    session: Session,
    model: type[Any],
    key: dict[str, Any],
    values: dict[str, Any],
    *,
    actor: Actor,
    reason: str,
    citizen_id: int | None,
) -> tuple[Any, list[ChangeRecord]]:
    """The audited upsert: change the row found by `key`, or create it with `values`.

    Returns the row and the change records written (none when nothing changed).
    """
    row = session.scalar(select(model).filter_by(**key))
    if row is None:
        row = model(**key, **values)
        records = record_created(
            session, row, actor=actor, reason=reason, citizen_id=citizen_id
        )
    else:
        records = change_fields(
            session, row, values, actor=actor, reason=reason, citizen_id=citizen_id
        )
    return row, records
