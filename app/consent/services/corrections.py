"""Correction requests: the citizen asks, a caseworker of their municipality decides.

Only data the citizen cannot edit themself (from a register, a caseworker or an
algorithm) is corrected this way. An approved request applies the proposed value
through the audit trail, so the history keeps the old and the new value either way.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, select
from sqlalchemy.orm import Session

from app.audit import (
    Actor,
    change_fields,
    log_access,
    log_accesses,
    now,
    record_created,
)
from app.consent.registry import BY_COLUMN, PersonalField, Source
from app.consent.registry.base import Category
from app.db import Base
from app.models import (
    AccessPurpose,
    AccessWhat,
    Citizen,
    CorrectionRequest,
    CorrectionStatus,
    User,
)
from app.pagination import Page, paginate
from app.urls import parse_int

MAX_TEXT = 1000
PER_PAGE = 25
# Data about the records themselves (logs, consents): never corrected by request.
NOT_CORRECTABLE_CATEGORIES = frozenset(
    {Category.ACCESS_LOG, Category.CHANGE_HISTORY, Category.CONSENT, Category.ACCOUNT}
)
CORRECTABLE_SOURCES = frozenset({Source.REGISTER, Source.CASEWORKER, Source.ALGORITHM})
# Records of how something was computed, not statements about the citizen.
NOT_BY_REQUEST = frozenset({("assessment", "model_version")})


class CorrectionError(ValueError):
    """The request cannot be made or decided as asked (message is for the user)."""


class NotYours(LookupError):
    """The request or row does not exist for this citizen or caseworker."""


def citizen_actor(session: Session, citizen_id: int) -> Actor:
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise NotYours("unknown citizen")
    return Actor(user_id=citizen.user_id, role="citizen", organisation="")


def _model_for(table: str) -> Any:
    for mapper in Base.registry.mappers:
        if mapper.local_table is not None and mapper.local_table.name == table:
            return mapper.class_
    raise NotYours(f"unknown table {table}")


def correctable_entry(table: str, field: str) -> PersonalField | None:
    """The registry entry when the field may be corrected by request, else None."""
    entry = BY_COLUMN.get((table, field))
    if entry is None or entry.technical:
        return None
    if entry.source not in CORRECTABLE_SOURCES:
        return None
    if entry.category in NOT_CORRECTABLE_CATEGORIES:
        return None
    if (table, field) in NOT_BY_REQUEST:
        return None
    column = Base.metadata.tables[table].columns[field]
    if column.foreign_keys or column.primary_key:
        return None
    # Values a person can type and check; times of events, computed structures and
    # coded values are put right by the caseworker's own tools (override, notes).
    if getattr(column.type, "enum_class", None) is not None:
        return None
    if not isinstance(column.type, String | Date | Integer | Boolean):
        return None
    if isinstance(column.type, DateTime):
        return None
    return entry


def citizens_row(session: Session, citizen_id: int, table: str, row_id: int) -> Any:
    """The row of the table with this id, if it is about this citizen (else NotYours)."""
    model = _model_for(table)
    row = session.get(model, row_id)
    citizen = session.get(Citizen, citizen_id)
    if row is None or citizen is None:
        raise NotYours("no such row")
    if table == "citizen":
        owner = row.id
    elif table == "user_account":
        owner = citizen.id if row.id == citizen.user_id else None
    else:
        owner = getattr(row, "citizen_id", None)
    if owner != citizen_id:
        raise NotYours("not this citizen's row")
    return row


def parse_value(table: str, field: str, text: str) -> Any:
    """The proposed text as a value of the column's type (CorrectionError if it is not)."""
    column = Base.metadata.tables[table].columns[field]
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        if column.nullable:
            return None
        raise CorrectionError("empty")
    if field == "postcode" and not (text.isdigit() and len(text) == 4):
        raise CorrectionError("postcode")
    column_type = column.type
    enum_class = getattr(column_type, "enum_class", None)
    if enum_class is not None:
        values = {str(member.value): member for member in enum_class}
        if text not in values:
            raise CorrectionError("choice")
        return values[text]
    if isinstance(column_type, Boolean):
        lowered = text.casefold()
        if lowered in {"ja", "yes", "true"}:
            return True
        if lowered in {"nej", "no", "false"}:
            return False
        raise CorrectionError("boolean")
    if isinstance(column_type, DateTime):
        raise CorrectionError("not correctable")
    if isinstance(column_type, Date):
        parsed = _parse_date(text)
        if parsed is None:
            raise CorrectionError("date")
        return parsed
    if isinstance(column_type, Integer):
        number = parse_int(text, low=0)
        if number is None:
            raise CorrectionError("number")
        return number
    length = getattr(column_type, "length", None)
    if isinstance(column_type, String) and length and len(text) > length:
        raise CorrectionError("length")
    return text


def _parse_date(text: str) -> date | None:
    for fmt in ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date | datetime):
        return value.isoformat()
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def submit_correction(
    session: Session,
    citizen_id: int,
    table: str,
    row_id: int,
    field: str,
    value: str,
    reason: str,
) -> CorrectionRequest:
    """Ask for a correction of one field of the citizen's own data."""
    if correctable_entry(table, field) is None:
        raise NotYours("not correctable by request")
    row = citizens_row(session, citizen_id, table, row_id)
    parse_value(table, field, value)
    reason = (reason or "").strip()
    if not reason or len(reason) > MAX_TEXT or len(value) > MAX_TEXT:
        raise CorrectionError("reason")
    request = CorrectionRequest(
        citizen_id=citizen_id,
        table_name=table,
        row_id=row_id,
        field=field,
        current_value=_as_text(getattr(row, field)),
        proposed_value=value.strip(),
        reason=reason,
        status=CorrectionStatus.PENDING,
        created_at=now(),
    )
    record_created(
        session,
        request,
        actor=citizen_actor(session, citizen_id),
        reason="correction requested",
        citizen_id=citizen_id,
    )
    return request


def withdraw_correction(
    session: Session, citizen_id: int, request_id: int
) -> CorrectionRequest:
    """Withdraw one of the citizen's own pending requests."""
    request = session.get(CorrectionRequest, request_id)
    if request is None or request.citizen_id != citizen_id:
        raise NotYours("no such request")
    if request.status is not CorrectionStatus.PENDING:
        raise CorrectionError("decided")
    change_fields(
        session,
        request,
        {"status": CorrectionStatus.WITHDRAWN, "decided_at": now()},
        actor=citizen_actor(session, citizen_id),
        reason="correction request withdrawn",
        citizen_id=citizen_id,
    )
    return request


def request_for_caseworker(
    session: Session, request_id: int, municipality_id: int
) -> CorrectionRequest:
    """One request, if its citizen belongs to the caseworker's municipality."""
    request = session.get(CorrectionRequest, request_id)
    if request is None:
        raise NotYours("no such request")
    citizen = session.get(Citizen, request.citizen_id)
    if citizen is None or citizen.municipality_id != municipality_id:
        raise NotYours("another municipality")
    return request


def open_correction(
    session: Session, request_id: int, *, actor: Actor, municipality_id: int
) -> CorrectionRequest:
    """A caseworker opens a request: the read is access-logged with its purpose."""
    request = request_for_caseworker(session, request_id, municipality_id)
    log_access(
        session,
        actor,
        request.citizen_id,
        AccessWhat.CORRECTION_REQUEST,
        AccessPurpose.DECIDING_CORRECTION,
    )
    return request


def decide_correction(
    session: Session,
    request_id: int,
    *,
    actor: Actor,
    caseworker_municipality_id: int,
    approve: bool,
    reason: str,
) -> CorrectionRequest:
    """Approve (apply the proposed value) or reject a pending request, with a reason."""
    request = request_for_caseworker(session, request_id, caseworker_municipality_id)
    if request.status is not CorrectionStatus.PENDING:
        raise CorrectionError("decided")
    reason = (reason or "").strip()
    if not reason or len(reason) > MAX_TEXT:
        raise CorrectionError("reason")
    if approve:
        row = citizens_row(
            session, request.citizen_id, request.table_name, request.row_id
        )
        value = parse_value(request.table_name, request.field, request.proposed_value)
        change_fields(
            session,
            row,
            {request.field: value},
            actor=actor,
            reason=f"correction request {request.id} approved: {reason}"[:500],
            citizen_id=request.citizen_id,
        )
    change_fields(
        session,
        request,
        {
            "status": CorrectionStatus.APPROVED
            if approve
            else CorrectionStatus.REJECTED,
            "decided_at": now(),
            "decided_by_user_id": actor.user_id,
            "decision_reason": reason,
        },
        actor=actor,
        reason="correction request decided",
        citizen_id=request.citizen_id,
    )
    return request


@dataclass(frozen=True)
class CorrectionRow:
    request: CorrectionRequest
    citizen_name: str
    label: Any


def label_of(request: CorrectionRequest) -> Any:
    entry = BY_COLUMN.get((request.table_name, request.field))
    return entry.label if entry is not None else request.field


def list_own_corrections(session: Session, citizen_id: int) -> list[CorrectionRow]:
    """The citizen's own requests, newest first."""
    requests = session.scalars(
        select(CorrectionRequest)
        .where(CorrectionRequest.citizen_id == citizen_id)
        .order_by(CorrectionRequest.created_at.desc(), CorrectionRequest.id.desc())
    ).all()
    return [CorrectionRow(r, "", label_of(r)) for r in requests]


def list_for_municipality(
    session: Session,
    municipality_id: int,
    *,
    actor: Actor,
    status: CorrectionStatus | None = CorrectionStatus.PENDING,
    citizen_id: int | None = None,
    page: int = 1,
) -> Page:
    """One page of requests from the municipality's citizens, oldest first.

    Each citizen named on the page is access-logged once.
    """
    query = (
        select(CorrectionRequest, Citizen)
        .join(Citizen, Citizen.id == CorrectionRequest.citizen_id)
        .where(Citizen.municipality_id == municipality_id)
        .order_by(CorrectionRequest.created_at, CorrectionRequest.id)
    )
    if status is not None:
        query = query.where(CorrectionRequest.status == status)
    if citizen_id is not None:
        citizen = session.get(Citizen, citizen_id)
        if citizen is None or citizen.municipality_id != municipality_id:
            raise NotYours("another municipality")
        query = query.where(CorrectionRequest.citizen_id == citizen_id)
    found = paginate(session, query, page, PER_PAGE)
    log_accesses(
        session,
        actor,
        sorted({citizen.id for _request, citizen in found.items}),
        AccessWhat.CORRECTION_REQUESTS,
        AccessPurpose.DECIDING_CORRECTIONS,
    )
    rows = [CorrectionRow(r, c.full_name, label_of(r)) for r, c in found.items]
    return Page(rows, found.number, found.per_page, found.total)


def caseworker_municipality(session: Session, user_id: int) -> int | None:
    user = session.get(User, user_id)
    return user.municipality_id if user is not None else None
