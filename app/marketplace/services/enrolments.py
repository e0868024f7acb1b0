"""Enrolments: a citizen chooses a service to and from; the caseworker decides requests;
the provider reports attendance and completion and writes to the participant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, log_accesses, now, record_created
from app.consent.services.consents import consent_in_force, give_consent
from app.marketplace.services import MarketplaceError, NotFound
from app.marketplace.services.offerings import public_offering
from app.marketplace.services.providers import active_provider
from app.models import (
    AccessPurpose,
    AccessWhat,
    Assessment,
    Citizen,
    ConsentPurpose,
    Enrolment,
    EnrolmentState,
    Offering,
    ProviderMessage,
    Review,
    Track,
)
from app.pagination import Page, paginate

OPEN = (EnrolmentState.REQUESTED, EnrolmentState.ACTIVE)
ENDED = (EnrolmentState.LEFT, EnrolmentState.FINISHED)
PROVIDER_PAGE = 25


def _starting_position(session: Session, citizen: Citizen, today: date) -> dict:
    track = session.scalar(
        select(Assessment.track)
        .where(Assessment.citizen_id == citizen.id, Assessment.current.is_(True))
        .order_by(Assessment.id.desc())
        .limit(1)
    )
    months = 0
    if citizen.unemployed_since is not None:
        months = max(
            0,
            (today.year - citizen.unemployed_since.year) * 12
            + today.month
            - citizen.unemployed_since.month,
        )
    age = None
    if citizen.birth_date is not None:
        age = (
            today.year
            - citizen.birth_date.year
            - (
                (today.month, today.day)
                < (citizen.birth_date.month, citizen.birth_date.day)
            )
        )
    return {
        "start_support_track": track is Track.SUPPORT,
        "start_months_unemployed": months,
        "start_age": age,
    }


def open_enrolment(
    session: Session, citizen_id: int, offering_id: int
) -> Enrolment | None:
    return session.scalar(
        select(Enrolment).where(
            Enrolment.citizen_id == citizen_id,
            Enrolment.offering_id == offering_id,
            Enrolment.state.in_(OPEN),
        )
    )


def choose(
    session: Session,
    citizen_id: int,
    offering_id: int,
    actor: Actor,
    *,
    share_with_provider: bool = False,
    today: date | None = None,
) -> Enrolment:
    """ "Vælg": a free digital service starts at once; others await the caseworker."""
    offering = public_offering(session, offering_id)
    if open_enrolment(session, citizen_id, offering_id) is not None:
        raise MarketplaceError("already")
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise NotFound(citizen_id)
    at_once = offering.starts_at_once
    at = now()
    enrolment = Enrolment(
        offering_id=offering.id,
        citizen_id=citizen_id,
        state=EnrolmentState.ACTIVE if at_once else EnrolmentState.REQUESTED,
        requested_at=at,
        started_at=at if at_once else None,
        synthetic=False,
        **_starting_position(session, citizen, today or date.today()),
    )
    record_created(
        session, enrolment, actor=actor, reason="service chosen", citizen_id=citizen_id
    )
    if share_with_provider and not consent_in_force(
        session, citizen_id, ConsentPurpose.SHARE_WITH_PROVIDER, offering.provider_id
    ):
        give_consent(
            session,
            citizen_id,
            ConsentPurpose.SHARE_WITH_PROVIDER,
            actor=actor,
            provider_id=offering.provider_id,
        )
    return enrolment


def own_enrolment(session: Session, citizen_id: int, enrolment_id: int) -> Enrolment:
    enrolment = session.get(Enrolment, enrolment_id)
    if enrolment is None or enrolment.citizen_id != citizen_id:
        raise NotFound(enrolment_id)
    return enrolment


def leave(
    session: Session, citizen_id: int, enrolment_id: int, reason: str, actor: Actor
) -> Enrolment:
    """ "Fravælg": the citizen leaves (or withdraws a request) at any time."""
    enrolment = own_enrolment(session, citizen_id, enrolment_id)
    if enrolment.state not in OPEN:
        raise MarketplaceError("state")
    change_fields(
        session,
        enrolment,
        {
            "state": EnrolmentState.LEFT,
            "ended_at": now(),
            "reason": reason.strip() or None,
        },
        actor=actor,
        reason="service left",
        citizen_id=citizen_id,
    )
    return enrolment


@dataclass(frozen=True)
class MyService:
    enrolment: Enrolment
    offering: Offering
    provider_name: str
    messages: list[ProviderMessage]
    reviewed: bool

    @property
    def may_review(self) -> bool:
        return self.enrolment.state in ENDED and not self.reviewed


def my_services(session: Session, citizen_id: int) -> dict[str, list[MyService]]:
    """The citizen's services: current, requested and past, newest first."""
    enrolments = list(
        session.scalars(
            select(Enrolment)
            .where(Enrolment.citizen_id == citizen_id)
            .order_by(Enrolment.requested_at.desc(), Enrolment.id.desc())
        )
    )
    ids = [e.id for e in enrolments]
    messages: dict[int, list[ProviderMessage]] = {}
    reviewed: set[int] = set()
    if ids:
        for message in session.scalars(
            select(ProviderMessage)
            .where(ProviderMessage.enrolment_id.in_(ids))
            .order_by(ProviderMessage.sent_at)
        ):
            messages.setdefault(message.enrolment_id, []).append(message)
        reviewed = set(
            session.scalars(
                select(Review.enrolment_id).where(Review.enrolment_id.in_(ids))
            )
        )
    groups: dict[str, list[MyService]] = {"current": [], "requested": [], "past": []}
    for e in enrolments:
        key = {
            EnrolmentState.ACTIVE: "current",
            EnrolmentState.REQUESTED: "requested",
        }.get(e.state, "past")
        groups[key].append(
            MyService(
                e,
                e.offering,
                e.offering.provider.name,
                messages.get(e.id, []),
                e.id in reviewed,
            )
        )
    return groups


def my_services_counts(session: Session, citizen_id: int) -> dict[EnrolmentState, int]:
    rows = session.execute(
        select(Enrolment.state, func.count())
        .where(Enrolment.citizen_id == citizen_id)
        .group_by(Enrolment.state)
    ).all()
    return {state: int(n) for state, n in rows}


# --- the caseworker's decision -----------------------------------------------------------


def requests_for(session: Session, municipality_id: int | None, page: int) -> Page:
    """Requests waiting for a caseworker of the municipality, oldest first."""
    query = (
        select(Enrolment, Citizen)
        .join(Citizen, Citizen.id == Enrolment.citizen_id)
        .where(
            Enrolment.state == EnrolmentState.REQUESTED,
            Citizen.municipality_id == municipality_id,
        )
        .order_by(Enrolment.requested_at, Enrolment.id)
    )
    return paginate(session, query, page, PROVIDER_PAGE)


def citizen_requests(session: Session, citizen_id: int) -> list[Enrolment]:
    """One citizen's requests waiting for a decision (for the case view)."""
    return list(
        session.scalars(
            select(Enrolment)
            .where(
                Enrolment.citizen_id == citizen_id,
                Enrolment.state == EnrolmentState.REQUESTED,
            )
            .order_by(Enrolment.requested_at)
        )
    )


def request_in(
    session: Session, municipality_id: int | None, enrolment_id: int
) -> tuple[Enrolment, Citizen]:
    """A request of a citizen of the caseworker's municipality (NotFound otherwise)."""
    enrolment = session.get(Enrolment, enrolment_id)
    citizen = session.get(Citizen, enrolment.citizen_id) if enrolment else None
    if (
        enrolment is None
        or citizen is None
        or citizen.municipality_id != municipality_id
    ):
        raise NotFound(enrolment_id)
    return enrolment, citizen


def decide_request(
    session: Session,
    municipality_id: int | None,
    enrolment_id: int,
    approve: bool,
    reason: str,
    actor: Actor,
) -> Enrolment:
    """The caseworker approves (the service starts) or declines, always with a reason."""
    enrolment, citizen = request_in(session, municipality_id, enrolment_id)
    if enrolment.state is not EnrolmentState.REQUESTED:
        raise MarketplaceError("state")
    if not reason.strip():
        raise MarketplaceError("reason")
    at = now()
    values = (
        {"state": EnrolmentState.ACTIVE, "started_at": at}
        if approve
        else {"state": EnrolmentState.DECLINED, "ended_at": at}
    )
    values.update(reason=reason.strip(), decided_by_user_id=actor.user_id)
    change_fields(
        session,
        enrolment,
        values,
        actor=actor,
        reason="request approved" if approve else "request declined",
        citizen_id=citizen.id,
    )
    return enrolment


# --- the provider's side ------------------------------------------------------------------


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
    values: dict = {"attendance_percent": attendance_percent, "reported_at": at}
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
