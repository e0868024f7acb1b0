"""Offerings: a provider's drafts, the administrator's review, and the catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import geo
from app.audit import Actor, change_fields, now, record_created
from app.marketplace.services import MarketplaceError, NotFound
from app.marketplace.services.providers import active_provider
from app.models import (
    Municipality,
    Offering,
    OfferingFormat,
    OfferingKind,
    OfferingSkill,
    OfferingState,
    Payment,
    Provider,
    ProviderState,
)

CATALOGUE_PAGE = 20
RATING_HORIZON = 6

# The fields a provider edits; a change of any of them sends a published offering
# back to review.
EDITABLE = (
    "title",
    "kind",
    "format",
    "municipality_id",
    "postcode",
    "place",
    "duration_weeks",
    "schedule",
    "languages",
    "accessibility",
    "target_groups",
    "capacity",
    "waiting_weeks",
    "payment",
    "description",
)


@dataclass(frozen=True)
class OfferingInput:
    title: str
    kind: OfferingKind
    format: OfferingFormat
    municipality_id: int | None
    postcode: str | None
    place: str | None
    duration_weeks: int
    schedule: str
    languages: str
    accessibility: str | None
    target_groups: str | None
    capacity: int
    waiting_weeks: int
    payment: Payment
    description: str
    skill_ids: tuple[int, ...] = ()


def _values(session: Session, data: OfferingInput) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in EDITABLE}
    if data.format is OfferingFormat.ONLINE:
        values.update(municipality_id=None, postcode=None, place=None)
    elif data.postcode:
        code = geo.municipality_of_postcode(data.postcode)
        values["municipality_id"] = session.scalar(
            select(Municipality.id).where(Municipality.code == code)
        )
    return values


def _set_skills(session: Session, offering_id: int, skill_ids: tuple[int, ...]) -> None:
    session.execute(
        delete(OfferingSkill).where(OfferingSkill.offering_id == offering_id)
    )
    session.add_all(
        OfferingSkill(offering_id=offering_id, skill_id=skill_id)
        for skill_id in dict.fromkeys(skill_ids)
    )


def create(
    session: Session, provider_id: int, data: OfferingInput, actor: Actor
) -> Offering:
    """A new offering as a draft of the provider's."""
    active_provider(session, provider_id)
    offering = Offering(
        provider_id=provider_id,
        state=OfferingState.DRAFT,
        created_at=now(),
        was_published=False,
        **_values(session, data),
    )
    record_created(
        session, offering, actor=actor, reason="offering drafted", citizen_id=None
    )
    _set_skills(session, offering.id, data.skill_ids)
    session.flush()
    return offering


def own_offering(
    session: Session, provider_id: int | None, offering_id: int
) -> Offering:
    """One of the provider's own offerings (NotFound for another's, or when suspended)."""
    active_provider(session, provider_id)
    offering = session.get(Offering, offering_id)
    if offering is None or offering.provider_id != provider_id:
        raise NotFound(offering_id)
    return offering


def update(
    session: Session,
    provider_id: int,
    offering_id: int,
    data: OfferingInput,
    actor: Actor,
) -> Offering:
    """The provider changes an offering; a published one goes back to review."""
    offering = own_offering(session, provider_id, offering_id)
    values = _values(session, data)
    changed = any(getattr(offering, k) != v for k, v in values.items()) or set(
        skill_ids(session, offering.id)
    ) != set(data.skill_ids)
    if offering.state is OfferingState.PUBLISHED and changed:
        values.update(state=OfferingState.SUBMITTED, submitted_at=now())
    change_fields(
        session,
        offering,
        values,
        actor=actor,
        reason="offering changed",
        citizen_id=None,
    )
    _set_skills(session, offering.id, data.skill_ids)
    session.flush()
    return offering


def submit(
    session: Session, provider_id: int, offering_id: int, actor: Actor
) -> Offering:
    """Send a draft (or an unpublished offering) to the administrator's review."""
    offering = own_offering(session, provider_id, offering_id)
    if offering.state not in {OfferingState.DRAFT, OfferingState.UNPUBLISHED}:
        raise MarketplaceError("state")
    change_fields(
        session,
        offering,
        {"state": OfferingState.SUBMITTED, "submitted_at": now()},
        actor=actor,
        reason="offering submitted",
        citizen_id=None,
    )
    session.flush()
    return offering


def review(
    session: Session, offering_id: int, publish: bool, reason: str, actor: Actor
) -> Offering:
    """The administrator publishes a submitted offering, or sends it back with why."""
    offering = session.get(Offering, offering_id)
    if offering is None:
        raise NotFound(offering_id)
    if offering.state is not OfferingState.SUBMITTED:
        raise MarketplaceError("state")
    if not publish and not reason.strip():
        raise MarketplaceError("reason")
    values: dict[str, Any] = (
        {
            "state": OfferingState.PUBLISHED,
            "published_at": now(),
            "was_published": True,
            "state_reason": reason.strip() or None,
        }
        if publish
        else {"state": OfferingState.DRAFT, "state_reason": reason.strip()}
    )
    change_fields(
        session,
        offering,
        values,
        actor=actor,
        reason="offering published" if publish else "offering sent back",
        citizen_id=None,
    )
    session.flush()
    return offering


def unpublish(
    session: Session,
    offering_id: int,
    reason: str,
    actor: Actor,
    provider_id: int | None = None,
) -> Offering:
    """Take a published offering out of the catalogue (its provider, or an administrator)."""
    offering = (
        own_offering(session, provider_id, offering_id)
        if provider_id is not None
        else session.get(Offering, offering_id)
    )
    if offering is None:
        raise NotFound(offering_id)
    if offering.state is not OfferingState.PUBLISHED:
        raise MarketplaceError("state")
    if not reason.strip():
        raise MarketplaceError("reason")
    change_fields(
        session,
        offering,
        {"state": OfferingState.UNPUBLISHED, "state_reason": reason.strip()},
        actor=actor,
        reason="offering unpublished",
        citizen_id=None,
    )
    session.flush()
    return offering


def skill_ids(session: Session, offering_id: int) -> list[int]:
    return list(
        session.scalars(
            select(OfferingSkill.skill_id).where(
                OfferingSkill.offering_id == offering_id
            )
        )
    )


def provider_offerings(session: Session, provider_id: int | None) -> list[Offering]:
    """The provider's own offerings (none while the provider is not approved)."""
    provider = session.get(Provider, provider_id) if provider_id else None
    if provider is None or provider.state is not ProviderState.APPROVED:
        return []
    return list(
        session.scalars(
            select(Offering)
            .where(Offering.provider_id == provider_id)
            .order_by(Offering.title, Offering.id)
        )
    )


def review_queue(session: Session) -> list[Offering]:
    """Offerings waiting for review, oldest first."""
    return list(
        session.scalars(
            select(Offering)
            .where(Offering.state == OfferingState.SUBMITTED)
            .order_by(Offering.submitted_at, Offering.id)
        )
    )


def any_offering(session: Session, offering_id: int) -> Offering:
    """Any offering, whatever its state (administrators)."""
    offering = session.get(Offering, offering_id)
    if offering is None:
        raise NotFound(offering_id)
    return offering


def provider_offerings_all(session: Session, provider_id: int) -> list[Offering]:
    """Every offering of a provider, whatever the provider's state (administrators)."""
    return list(
        session.scalars(
            select(Offering)
            .where(Offering.provider_id == provider_id)
            .order_by(Offering.title, Offering.id)
        )
    )
