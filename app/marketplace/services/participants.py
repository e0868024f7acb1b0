"""The provider's participants: details only with the citizen's consent, read fresh,
and each read logged; attendance and completion reports; messages to participants."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, log_accesses, now, record_created
from app.consent.services.consents import consent_in_force
from app.marketplace.services import MarketplaceError, NotFound
from app.marketplace.services.providers import active_provider
from app.models import (
    AccessPurpose,
    AccessWhat,
    Citizen,
    ConsentPurpose,
    Enrolment,
    EnrolmentState,
    Offering,
    ProviderMessage,
)
from app.pagination import Page, paginate

PROVIDER_PAGE = 25


@dataclass(frozen=True)
class Participant:
    """An enrolment as its provider sees it: details only with the citizen's consent."""

    enrolment: Enrolment
    consented: bool
    name: str | None
    email: str | None
    phone: str | None


def _participant(
    session: Session, provider_id: int, enrolment: Enrolment
) -> Participant:
    consented = consent_in_force(
        session, enrolment.citizen_id, ConsentPurpose.SHARE_WITH_PROVIDER, provider_id
    )
    if not consented:
        return Participant(enrolment, False, None, None, None)
    citizen = session.get(Citizen, enrolment.citizen_id)
    assert citizen is not None
    return Participant(enrolment, True, citizen.full_name, citizen.email, citizen.phone)


def provider_enrolments(
    session: Session, provider_id: int | None, actor: Actor, page: int
) -> Page:
    """The provider's participants (started or ended, never requests it has not got),
    with name and contact details only where the citizen consents, read fresh; each
    consented participant shown is logged as a read."""
    active_provider(session, provider_id)
    query = (
        select(Enrolment)
        .join(Offering, Offering.id == Enrolment.offering_id)
        .where(
            Offering.provider_id == provider_id,
            Enrolment.state.in_(
                (EnrolmentState.ACTIVE, EnrolmentState.FINISHED, EnrolmentState.LEFT)
            ),
        )
        .order_by(Enrolment.state, Enrolment.started_at.desc(), Enrolment.id.desc())
    )
    result = paginate(session, query, page, PROVIDER_PAGE)
    assert provider_id is not None
    items = [_participant(session, provider_id, e) for e in result.items]
    log_accesses(
        session,
        actor,
        [p.enrolment.citizen_id for p in items if p.consented],
        AccessWhat.ENROLMENT,
        AccessPurpose.RUNNING_COURSE,
    )
    return Page(items, result.number, result.per_page, result.total)


def provider_enrolment(
    session: Session, provider_id: int | None, enrolment_id: int, actor: Actor
) -> Participant:
    """One of the provider's participants (NotFound for another provider's)."""
    active_provider(session, provider_id)
    enrolment = session.get(Enrolment, enrolment_id)
    if (
        enrolment is None
        or enrolment.offering.provider_id != provider_id
        or enrolment.state in (EnrolmentState.REQUESTED, EnrolmentState.DECLINED)
    ):
        raise NotFound(enrolment_id)
    assert provider_id is not None
    participant = _participant(session, provider_id, enrolment)
    if participant.consented:
        log_accesses(
            session,
            actor,
            [enrolment.citizen_id],
            AccessWhat.ENROLMENT,
            AccessPurpose.RUNNING_COURSE,
        )
    return participant


def report(
    session: Session,
    provider_id: int | None,
    enrolment_id: int,
    attendance_percent: int,
    completed: bool,
    actor: Actor,
) -> Enrolment:
    """The provider reports attendance, and completion (which finishes the enrolment)."""
    enrolment = provider_enrolment(session, provider_id, enrolment_id, actor).enrolment
    if enrolment.state is not EnrolmentState.ACTIVE:
        raise MarketplaceError("state")
    if not 0 <= attendance_percent <= 100:
        raise MarketplaceError("attendance")
    at = now()
    values: dict[str, Any] = {
        "attendance_percent": attendance_percent,
        "reported_at": at,
    }
    if completed:
        values.update(completed=True, state=EnrolmentState.FINISHED, ended_at=at)
    change_fields(
        session,
        enrolment,
        values,
        actor=actor,
        reason="provider reported",
        citizen_id=enrolment.citizen_id,
    )
    session.flush()
    return enrolment


def send_message(
    session: Session,
    provider_id: int | None,
    enrolment_id: int,
    body: str,
    actor: Actor,
) -> ProviderMessage:
    """A message to the participant, stored and shown under "Mine tilbud"."""
    enrolment = provider_enrolment(session, provider_id, enrolment_id, actor).enrolment
    if not body.strip():
        raise MarketplaceError("body")
    message = ProviderMessage(
        enrolment_id=enrolment.id,
        author_user_id=actor.user_id,
        body=body.strip(),
        sent_at=now(),
    )
    record_created(
        session,
        message,
        actor=actor,
        reason="provider message",
        citizen_id=enrolment.citizen_id,
    )
    return message


def messages_of(session: Session, enrolment_id: int) -> list[ProviderMessage]:
    return list(
        session.scalars(
            select(ProviderMessage)
            .where(ProviderMessage.enrolment_id == enrolment_id)
            .order_by(ProviderMessage.sent_at)
        )
    )
