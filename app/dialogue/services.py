"""Talking to the job centre: the citizen's request to talk to a person.

One open request at a time; asking sends `profile_changed`, which puts the citizen in
their municipality's caseworker queue. Writes go through app.audit and flush.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signals
from app.audit import Actor, change_fields, now, record_created
from app.dialogue import messages
from app.i18n import in_denmark
from app.models import (
    Author,
    Channel,
    ContactPreferences,
    ContactRequest,
    ContactStatus,
)

# What the citizen is told: a caseworker answers within this many working days.
CONTACT_WORKING_DAYS = 2


def open_contact_request(session: Session, citizen_id: int) -> ContactRequest | None:
    """The citizen's open request to talk to a person, if any."""
    return session.scalars(
        select(ContactRequest)
        .where(
            ContactRequest.citizen_id == citizen_id,
            ContactRequest.status == ContactStatus.OPEN,
        )
        .order_by(ContactRequest.created_at.desc(), ContactRequest.id.desc())
        .limit(1)
    ).first()


def preferred_channel(session: Session, citizen_id: int) -> Channel | None:
    """The channel the citizen chose in the first-log-in guide, if any."""
    return session.scalar(
        select(ContactPreferences.channel).where(
            ContactPreferences.citizen_id == citizen_id
        )
    )


def ask_for_person(
    session: Session,
    citizen_id: int,
    channel: Channel,
    message: str | None,
    actor: Actor,
    opening: str | None = None,
) -> ContactRequest:
    """Record that the citizen wants to talk to a person; one open request at a time.

    An open request is updated rather than duplicated. A new request opens the
    conversation with the job centre: `opening` (the request in the citizen's
    language) and their words become a message the caseworker answers. The
    profile_changed signal puts the citizen in the caseworker queue.
    """
    existing = open_contact_request(session, citizen_id)
    if existing is not None:
        change_fields(
            session,
            existing,
            {"channel": channel, "message": message},
            actor=actor,
            reason="the citizen changed their request to talk to a person",
            citizen_id=citizen_id,
        )
        request = existing
    else:
        request = ContactRequest(
            citizen_id=citizen_id,
            created_at=now(),
            channel=channel,
            message=message,
            status=ContactStatus.OPEN,
        )
        record_created(
            session,
            request,
            actor=actor,
            reason="the citizen asked to talk to a person",
            citizen_id=citizen_id,
        )
        if opening:
            body = f"{opening}\n{message}" if message else opening
            messages.write(session, citizen_id, Author.CITIZEN, body, [], None, actor)
    session.flush()
    signals.profile_changed.send(
        session, citizen_id=citizen_id, trigger="asked_for_person"
    )
    return request


def cancel_contact_request(
    session: Session, citizen_id: int, request_id: int, actor: Actor
) -> bool:
    """Cancel the citizen's own open request; False when it is not theirs or not open."""
    request = session.get(ContactRequest, request_id)
    if (
        request is None
        or request.citizen_id != citizen_id
        or request.status != ContactStatus.OPEN
    ):
        return False
    change_fields(
        session,
        request,
        {"status": ContactStatus.CANCELLED},
        actor=actor,
        reason="the citizen cancelled their request to talk to a person",
        citizen_id=citizen_id,
    )
    session.flush()
    return True


def answer_by(created_at: datetime) -> date:
    """The last working day by which a caseworker answers a request made at created_at."""
    day = in_denmark(created_at).date()
    left = CONTACT_WORKING_DAYS
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day
