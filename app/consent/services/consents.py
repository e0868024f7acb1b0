"""Consent per optional purpose and the objection to profiling.

Consent state is never cached: every check reads the newest ConsentEvent, so a
withdrawal takes effect from the very next request.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import signals
from app.audit import Actor, change_fields, now, record_created
from app.models import (
    Citizen,
    ConsentEvent,
    ConsentPurpose,
    ProfilingObjection,
    Provider,
    ProviderState,
    User,
)

# Purposes that are given to one chosen provider rather than to everyone.
PER_PROVIDER = frozenset({ConsentPurpose.SHARE_WITH_PROVIDER})


class ConsentError(ValueError):
    """The consent cannot be given or withdrawn as asked."""


def _check_provider(
    session: Session, purpose: ConsentPurpose, provider_id: int | None
) -> None:
    if purpose in PER_PROVIDER:
        if provider_id is None:
            raise ConsentError("this consent is given to one provider")
        provider = session.get(Provider, provider_id)
        if provider is None or not provider.approved:
            raise ConsentError("unknown or unapproved provider")
    elif provider_id is not None:
        raise ConsentError("this consent is not given to a provider")


def _newest(
    session: Session, citizen_id: int, purpose: ConsentPurpose, provider_id: int | None
) -> ConsentEvent | None:
    query = select(ConsentEvent).where(
        ConsentEvent.citizen_id == citizen_id, ConsentEvent.purpose == purpose
    )
    if provider_id is None:
        query = query.where(ConsentEvent.provider_id.is_(None))
    else:
        query = query.where(ConsentEvent.provider_id == provider_id)
    return session.scalar(query.order_by(ConsentEvent.id.desc()).limit(1))


def _record_event(
    session: Session,
    citizen_id: int,
    purpose: ConsentPurpose,
    provider_id: int | None,
    *,
    given: bool,
    actor: Actor,
) -> ConsentEvent:
    _check_provider(session, purpose, provider_id)
    event = ConsentEvent(
        citizen_id=citizen_id,
        purpose=purpose,
        provider_id=provider_id,
        given=given,
        at=now(),
        receipt_code=str(uuid.uuid4()),
    )
    reason = "consent given" if given else "consent withdrawn"
    record_created(session, event, actor=actor, reason=reason, citizen_id=citizen_id)
    signals.consent_changed.send(
        session, citizen_id=citizen_id, purpose=purpose, given=given
    )
    return event


def give_consent(
    session: Session,
    citizen_id: int,
    purpose: ConsentPurpose,
    *,
    actor: Actor,
    provider_id: int | None = None,
) -> ConsentEvent:
    """Give consent to one purpose (to one approved provider for SHARE_WITH_PROVIDER)."""
    return _record_event(
        session,
        citizen_id,
        ConsentPurpose(purpose),
        provider_id,
        given=True,
        actor=actor,
    )


def withdraw_consent(
    session: Session,
    citizen_id: int,
    purpose: ConsentPurpose,
    *,
    actor: Actor,
    provider_id: int | None = None,
) -> ConsentEvent:
    """Withdraw consent to one purpose; in effect from the next request."""
    return _record_event(
        session,
        citizen_id,
        ConsentPurpose(purpose),
        provider_id,
        given=False,
        actor=actor,
    )


def consent_in_force(
    session: Session,
    citizen_id: int,
    purpose: ConsentPurpose,
    provider_id: int | None = None,
) -> bool:
    """Whether the citizen's newest decision on this purpose (and provider) is a yes."""
    event = _newest(session, citizen_id, ConsentPurpose(purpose), provider_id)
    return event is not None and event.given


def provider_may_see(session: Session, provider_id: int, citizen_id: int) -> bool:
    """A provider sees a citizen's enrolment only with that citizen's consent to it."""
    provider = session.get(Provider, provider_id)
    if provider is None or not provider.approved:
        return False
    return consent_in_force(
        session, citizen_id, ConsentPurpose.SHARE_WITH_PROVIDER, provider_id
    )


def consents_to_provider(session: Session, provider_id: int) -> int:
    """How many citizens' newest decision on sharing with this provider is a yes.

    A number only, for the provider's start page: it names no one.
    """
    newest = (
        select(func.max(ConsentEvent.id).label("event_id"))
        .where(
            ConsentEvent.purpose == ConsentPurpose.SHARE_WITH_PROVIDER,
            ConsentEvent.provider_id == provider_id,
        )
        .group_by(ConsentEvent.citizen_id)
        .subquery()
    )
    return int(
        session.scalar(
            select(func.count())
            .select_from(ConsentEvent)
            .join(newest, ConsentEvent.id == newest.c.event_id)
            .where(ConsentEvent.given.is_(True))
        )
        or 0
    )


def user_may_see_as_provider(session: Session, user_id: int, citizen_id: int) -> bool:
    """The same check for a logged-in provider user (False for a user of no provider)."""
    user = session.get(User, user_id)
    if user is None or user.provider_id is None or not user.active:
        return False
    return provider_may_see(session, user.provider_id, citizen_id)


def objection_in_force(session: Session, citizen_id: int) -> bool:
    """Whether the citizen objects to profiling (then nothing is scored for them)."""
    objection = session.scalar(
        select(ProfilingObjection).where(ProfilingObjection.citizen_id == citizen_id)
    )
    return objection is not None and objection.in_force


@dataclass(frozen=True)
class ObjectionState:
    in_force: bool
    objected_at: datetime | None
    reason: str | None
    withdrawn_at: datetime | None


def objection_state(session: Session, citizen_id: int) -> ObjectionState:
    """The citizen's objection as it stands (never objected: not in force, no dates)."""
    objection = session.scalar(
        select(ProfilingObjection).where(ProfilingObjection.citizen_id == citizen_id)
    )
    if objection is None:
        return ObjectionState(False, None, None, None)
    return ObjectionState(
        objection.in_force,
        objection.objected_at,
        objection.reason,
        objection.withdrawn_at,
    )


def object_to_profiling(
    session: Session, citizen_id: int, *, actor: Actor, reason: str | None = None
) -> ProfilingObjection:
    """Object to profiling: no score or recommendation is computed; a person assesses."""
    if session.get(Citizen, citizen_id) is None:
        raise ConsentError("unknown citizen")
    reason = (reason or "").strip() or None
    objection = session.scalar(
        select(ProfilingObjection).where(ProfilingObjection.citizen_id == citizen_id)
    )
    if objection is None:
        objection = ProfilingObjection(
            citizen_id=citizen_id, objected_at=now(), reason=reason
        )
        record_created(
            session,
            objection,
            actor=actor,
            reason="objection to profiling",
            citizen_id=citizen_id,
        )
    elif not objection.in_force:
        change_fields(
            session,
            objection,
            {"objected_at": now(), "reason": reason, "withdrawn_at": None},
            actor=actor,
            reason="objection to profiling",
            citizen_id=citizen_id,
        )
    session.flush()
    signals.objection_changed.send(session, citizen_id=citizen_id)
    return objection


def withdraw_objection(
    session: Session, citizen_id: int, *, actor: Actor
) -> ProfilingObjection | None:
    """Withdraw the objection: profiling may be used again (from the next assessment)."""
    objection = session.scalar(
        select(ProfilingObjection).where(ProfilingObjection.citizen_id == citizen_id)
    )
    if objection is None or not objection.in_force:
        return objection
    change_fields(
        session,
        objection,
        {"withdrawn_at": now()},
        actor=actor,
        reason="objection to profiling withdrawn",
        citizen_id=citizen_id,
    )
    session.flush()
    signals.objection_changed.send(session, citizen_id=citizen_id)
    return objection


# --- the consent page and the receipts ------------------------------------------------


@dataclass(frozen=True)
class ConsentState:
    purpose: ConsentPurpose
    given: bool
    since: datetime | None
    provider_id: int | None = None
    provider_name: str | None = None


@dataclass(frozen=True)
class ConsentOverview:
    general: list[ConsentState]
    providers_given: list[ConsentState]
    approved_providers: list[tuple[int, str]]
    receipts: list[tuple[ConsentEvent, str | None]]


def approved_providers(session: Session) -> list[tuple[int, str]]:
    """Approved providers a citizen can choose to share with, by name."""
    rows = session.execute(
        select(Provider.id, Provider.name)
        .where(Provider.state == ProviderState.APPROVED)
        .order_by(Provider.name)
    ).all()
    return [(row.id, row.name) for row in rows]


def consent_overview(session: Session, citizen_id: int) -> ConsentOverview:
    """The newest decision per purpose (and per provider), and every receipt."""
    events = session.scalars(
        select(ConsentEvent)
        .where(ConsentEvent.citizen_id == citizen_id)
        .order_by(ConsentEvent.id.desc())
    ).all()
    names = dict(
        session.execute(
            select(Provider.id, Provider.name).where(
                Provider.id.in_({e.provider_id for e in events if e.provider_id})
            )
        ).all()
    )
    newest: dict[tuple[ConsentPurpose, int | None], ConsentEvent] = {}
    for event in events:
        newest.setdefault((event.purpose, event.provider_id), event)
    general = []
    for purpose in ConsentPurpose:
        if purpose in PER_PROVIDER:
            continue
        event = newest.get((purpose, None))
        given = event is not None and event.given
        general.append(ConsentState(purpose, given, event.at if event else None))
    providers_given = [
        ConsentState(
            purpose,
            True,
            event.at,
            provider_id,
            names.get(provider_id),
        )
        for (purpose, provider_id), event in newest.items()
        if purpose in PER_PROVIDER and event.given
    ]
    providers_given.sort(key=lambda s: (s.provider_name or "").casefold())
    receipts = [(e, names.get(e.provider_id)) for e in events]
    return ConsentOverview(
        general, providers_given, approved_providers(session), receipts
    )


def own_receipt(
    session: Session, citizen_id: int, event_id: int
) -> tuple[ConsentEvent, str | None] | None:
    """One of the citizen's own receipts, with the provider's name (None: not theirs)."""
    event = session.get(ConsentEvent, event_id)
    if event is None or event.citizen_id != citizen_id:
        return None
    name = None
    if event.provider_id is not None:
        provider = session.get(Provider, event.provider_id)
        name = provider.name if provider else None
    return event, name


def citizens_consenting(
    session: Session, purpose: ConsentPurpose, citizen_ids: list[int] | None = None
) -> set[int]:
    """The citizens whose newest decision on a general purpose is a yes (in bulk).

    For batch jobs (e.g. training models on MODEL_TRAINING consenters only): one query
    instead of one consent_in_force call per citizen.
    """
    purpose = ConsentPurpose(purpose)
    if purpose in PER_PROVIDER:
        raise ConsentError("ask per provider with provider_may_see")
    newest = (
        select(
            ConsentEvent.citizen_id,
            func.max(ConsentEvent.id).label("event_id"),
        )
        .where(ConsentEvent.purpose == purpose, ConsentEvent.provider_id.is_(None))
        .group_by(ConsentEvent.citizen_id)
    )
    if citizen_ids is not None:
        newest = newest.where(ConsentEvent.citizen_id.in_(citizen_ids))
    latest = newest.subquery()
    rows = session.scalars(
        select(ConsentEvent.citizen_id)
        .join(latest, ConsentEvent.id == latest.c.event_id)
        .where(ConsentEvent.given.is_(True))
    )
    return set(rows)
