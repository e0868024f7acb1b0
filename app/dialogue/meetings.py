"""Meetings: caseworkers publish times; citizens book, move and cancel them.

A booking is a compare-and-set: one UPDATE that takes a free slot only if it is still
free at the version read, so of two parallel bookings of one slot exactly one wins, on
SQLite (one writer at a time) and PostgreSQL (the row lock) alike, as claims of cases
are guarded. The change itself is then recorded through app.audit. A caseworker may
book for the citizen (assisted digital), recorded as such. A missed meeting is recorded
with a reason and never sanctions anyone by itself. Services flush, never commit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event
from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, log_access, now, record_created
from app.dialogue.messages import aware
from app.i18n import DANISH_TIME
from app.models import (
    AccessPurpose,
    AccessWhat,
    Attendance,
    Caseworker,
    Citizen,
    MeetingKind,
    MeetingSlot,
    User,
)


class Outcome(enum.StrEnum):
    BOOKED = "booked"
    TAKEN = "taken"  # somebody else booked it first
    TOO_LATE = "too_late"  # within the notice period, or in the past
    NOT_FOUND = "not_found"  # no such slot, or another municipality's


@dataclass(frozen=True)
class SlotRow:
    id: int
    starts_at: datetime
    minutes: int
    kind: MeetingKind
    place: str
    caseworker: str
    assisted: bool = False
    changeable: bool = True
    attendance: Attendance | None = None


def publish_slot(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    starts_at: datetime,
    minutes: int,
    kind: MeetingKind,
    place: str,
    actor: Actor,
) -> MeetingSlot:
    """Offer a time to the municipality's citizens."""
    slot = MeetingSlot(
        municipality_id=municipality_id,
        caseworker_id=caseworker_id,
        starts_at=starts_at.astimezone(UTC).replace(second=0, microsecond=0),
        minutes=minutes,
        kind=kind,
        place=place,
        version=0,
    )
    record_created(
        session,
        slot,
        actor=actor,
        reason="a caseworker offered a time",
        citizen_id=None,
    )
    return slot


def rows(session: Session, query: Select[Any], notice: timedelta) -> list[SlotRow]:
    limit = now() + notice
    found = []
    for slot, name in session.execute(query):
        starts = aware(slot.starts_at)
        found.append(
            SlotRow(
                id=slot.id,
                starts_at=starts,
                minutes=slot.minutes,
                kind=slot.kind,
                place=slot.place,
                caseworker=name,
                assisted=slot.assisted,
                changeable=starts > limit,
                attendance=slot.attendance,
            )
        )
    return found


def with_caseworker() -> Select[Any]:
    return (
        select(MeetingSlot, User.display_name)
        .join(Caseworker, Caseworker.id == MeetingSlot.caseworker_id)
        .join(User, User.id == Caseworker.user_id)
    )


def free_slots(
    session: Session, municipality_id: int, notice: timedelta, limit: int = 20
) -> list[SlotRow]:
    """Times that can still be booked (after the notice period), soonest first."""
    query = (
        with_caseworker()
        .where(
            MeetingSlot.municipality_id == municipality_id,
            MeetingSlot.citizen_id.is_(None),
            MeetingSlot.withdrawn.is_(False),
            MeetingSlot.starts_at > now() + notice,
        )
        .order_by(MeetingSlot.starts_at, MeetingSlot.id)
        .limit(limit)
    )
    return rows(session, query, notice)


def meetings_of(
    session: Session, citizen_id: int, notice: timedelta, upcoming_only: bool = True
) -> list[SlotRow]:
    """The citizen's meetings, soonest first."""
    query = with_caseworker().where(MeetingSlot.citizen_id == citizen_id)
    if upcoming_only:
        query = query.where(MeetingSlot.starts_at > now() - timedelta(hours=2))
    return rows(session, query.order_by(MeetingSlot.starts_at), notice)


def book(
    session: Session,
    citizen_id: int,
    slot_id: int,
    actor: Actor,
    notice: timedelta,
    assisted: bool = False,
) -> Outcome:
    """Book a free slot of the citizen's municipality for them."""
    municipality_id = session.scalar(
        select(Citizen.municipality_id).where(Citizen.id == citizen_id)
    )
    row = session.execute(
        select(
            MeetingSlot.version,
            MeetingSlot.citizen_id,
            MeetingSlot.starts_at,
            MeetingSlot.withdrawn,
        ).where(
            MeetingSlot.id == slot_id, MeetingSlot.municipality_id == municipality_id
        )
    ).first()
    if row is None or row.withdrawn:
        return Outcome.NOT_FOUND
    if aware(row.starts_at) <= now() + notice:
        return Outcome.TOO_LATE
    if row.citizen_id is not None:
        return Outcome.TAKEN
    taken = session.execute(
        update(MeetingSlot)
        .where(
            MeetingSlot.id == slot_id,
            MeetingSlot.citizen_id.is_(None),
            MeetingSlot.version == row.version,
        )
        .values(version=MeetingSlot.version + 1)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:
        return Outcome.TAKEN
    slot = session.get(MeetingSlot, slot_id, populate_existing=True)
    assert slot is not None
    change_fields(
        session,
        slot,
        {
            "citizen_id": citizen_id,
            "booked_at": now(),
            "booked_by_user_id": actor.user_id,
            "assisted": assisted,
        },
        actor=actor,
        reason="a caseworker booked the meeting for the citizen"
        if assisted
        else "the citizen booked a meeting",
        citizen_id=citizen_id,
    )
    session.flush()
    return Outcome.BOOKED


def cancel(
    session: Session, citizen_id: int, slot_id: int, actor: Actor, notice: timedelta
) -> Outcome:
    """Give the citizen's own meeting back (before the notice period)."""
    slot = session.get(MeetingSlot, slot_id)
    if slot is None or slot.citizen_id != citizen_id:
        return Outcome.NOT_FOUND
    if aware(slot.starts_at) <= now() + notice:
        return Outcome.TOO_LATE
    change_fields(
        session,
        slot,
        {
            "citizen_id": None,
            "booked_at": None,
            "booked_by_user_id": None,
            "assisted": False,
            "version": slot.version + 1,
        },
        actor=actor,
        reason="the citizen cancelled the meeting",
        citizen_id=citizen_id,
    )
    session.flush()
    return Outcome.BOOKED


def move(
    session: Session,
    citizen_id: int,
    from_slot: int,
    to_slot: int,
    actor: Actor,
    notice: timedelta,
) -> Outcome:
    """Book another time, then give the old one back (both or neither)."""
    current = session.get(MeetingSlot, from_slot)
    if current is None or current.citizen_id != citizen_id:
        return Outcome.NOT_FOUND
    if aware(current.starts_at) <= now() + notice:
        return Outcome.TOO_LATE
    outcome = book(session, citizen_id, to_slot, actor, notice)
    if outcome is not Outcome.BOOKED:
        return outcome
    return cancel(session, citizen_id, from_slot, actor, notice)


def record_attendance(
    session: Session,
    municipality_id: int,
    slot_id: int,
    attendance: Attendance,
    reason: str | None,
    actor: Actor,
) -> bool:
    """Record whether the citizen came; a missed meeting needs a reason.

    Nothing follows from it automatically: no sanction, no change of benefit.
    """
    slot = session.get(MeetingSlot, slot_id)
    if (
        slot is None
        or slot.municipality_id != municipality_id
        or slot.citizen_id is None
        or (attendance is Attendance.NO_SHOW and not reason)
    ):
        return False
    change_fields(
        session,
        slot,
        {
            "attendance": attendance,
            "no_show_reason": reason if attendance is Attendance.NO_SHOW else None,
        },
        actor=actor,
        reason="the caseworker recorded whether the citizen came",
        citizen_id=slot.citizen_id,
    )
    session.flush()
    return True


def own_slot(session: Session, citizen_id: int, slot_id: int) -> MeetingSlot | None:
    slot = session.get(MeetingSlot, slot_id)
    return slot if slot is not None and slot.citizen_id == citizen_id else None


def calendar_file(slot: MeetingSlot, summary: str, location: str, domain: str) -> bytes:
    """The meeting as an iCalendar file, in Danish time."""
    starts = aware(slot.starts_at).astimezone(DANISH_TIME)
    calendar = Calendar()
    calendar.add("prodid", "-//Jobunivers//Dialogue//DA")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"meeting-{slot.id}@{domain}")
    event.add("dtstamp", now())
    event.add("dtstart", starts)
    event.add("dtend", starts + timedelta(minutes=slot.minutes))
    event.add("summary", summary)
    event.add("location", location)
    calendar.add_component(event)
    return calendar.to_ical()


def municipality_of(session: Session, citizen_id: int) -> int:
    found = session.scalar(
        select(Citizen.municipality_id).where(Citizen.id == citizen_id)
    )
    if found is None:
        raise LookupError("no such citizen")
    return found


def meetings_for_staff(
    session: Session, citizen_id: int, notice: timedelta, actor: Actor
) -> list[SlotRow]:
    """The citizen's meetings, read by a caseworker (logged)."""
    log_access(session, actor, citizen_id, AccessWhat.MEETINGS, AccessPurpose.CASE_WORK)
    return meetings_of(session, citizen_id, notice, upcoming_only=False)


def citizen_of(session: Session, municipality_id: int, slot_id: int) -> int | None:
    """The citizen booked on a slot of the municipality, else None."""
    return session.scalar(
        select(MeetingSlot.citizen_id).where(
            MeetingSlot.id == slot_id, MeetingSlot.municipality_id == municipality_id
        )
    )
