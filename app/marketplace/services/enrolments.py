"""Enrolments: a citizen chooses a service to and from; the caseworker decides requests;
the provider reports attendance and completion and writes to the participant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, now, record_created
from app.consent.services.consents import consent_in_force, give_consent
from app.marketplace.services import MarketplaceError, NotFound
from app.marketplace.services.catalogue import public_offering
from app.models import (
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
    session.flush()
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
    session.flush()
    return enrolment
