"""Provider organisations: applying, the administrator's decisions, their details."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, now, record_created
from app.marketplace.services import MarketplaceError, NotFound
from app.models import ChangeRecord, Provider, ProviderState, User

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)

# Which decisions an administrator can make from each state.
DECISIONS: dict[ProviderState, frozenset[ProviderState]] = {
    ProviderState.APPLIED: frozenset({ProviderState.APPROVED, ProviderState.ENDED}),
    ProviderState.APPROVED: frozenset({ProviderState.SUSPENDED, ProviderState.ENDED}),
    ProviderState.SUSPENDED: frozenset({ProviderState.APPROVED, ProviderState.ENDED}),
    ProviderState.ENDED: frozenset(),
}


def valid_cvr(value: str) -> bool:
    """A Danish CVR number: eight digits, not starting with 0, modulus 11 check."""
    if len(value) != 8 or not value.isdigit() or value[0] == "0":
        return False
    total = sum(int(d) * w for d, w in zip(value, CVR_WEIGHTS, strict=True))
    return total % 11 == 0


@dataclass(frozen=True)
class ProviderInput:
    name: str
    cvr: str
    contact_email: str
    contact_phone: str | None
    description: str
    languages: str
    areas: str


def apply(session: Session, data: ProviderInput, actor: Actor) -> Provider:
    """An organisation applies to offer services; an administrator decides."""
    if not valid_cvr(data.cvr):
        raise MarketplaceError("cvr")
    if session.scalar(select(Provider.id).where(Provider.cvr == data.cvr)):
        raise MarketplaceError("cvr_taken")
    provider = Provider(
        name=data.name,
        cvr=data.cvr,
        contact_email=data.contact_email,
        contact_phone=data.contact_phone,
        description=data.description,
        languages=data.languages,
        areas=data.areas,
        state=ProviderState.APPLIED,
        applied_at=now(),
    )
    record_created(
        session, provider, actor=actor, reason="provider applied", citizen_id=None
    )
    return provider


def update_details(
    session: Session, provider_id: int, data: ProviderInput, actor: Actor
) -> Provider:
    """The provider's own change of its details (the CVR number stays)."""
    provider = active_provider(session, provider_id)
    change_fields(
        session,
        provider,
        {
            "name": data.name,
            "contact_email": data.contact_email,
            "contact_phone": data.contact_phone,
            "description": data.description,
            "languages": data.languages,
            "areas": data.areas,
        },
        actor=actor,
        reason="provider details changed",
        citizen_id=None,
    )
    session.flush()
    return provider


def decide(
    session: Session,
    provider_id: int,
    to_state: ProviderState,
    reason: str,
    actor: Actor,
) -> Provider:
    """An administrator approves, suspends or ends a provider, always with a reason."""
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise NotFound(provider_id)
    if to_state not in DECISIONS[provider.state]:
        raise MarketplaceError("state")
    if not reason.strip():
        raise MarketplaceError("reason")
    change_fields(
        session,
        provider,
        {"state": to_state, "state_reason": reason.strip()},
        actor=actor,
        reason=f"provider {to_state.value}",
        citizen_id=None,
    )
    session.flush()
    return provider


def active_provider(session: Session, provider_id: int | None) -> Provider:
    """The provider of a provider user, only while approved (else NotFound)."""
    provider = session.get(Provider, provider_id) if provider_id else None
    if provider is None or provider.state is not ProviderState.APPROVED:
        raise NotFound(provider_id)
    return provider


def provider_of(session: Session, provider_id: int | None) -> Provider | None:
    return session.get(Provider, provider_id) if provider_id else None


def applications(session: Session) -> list[Provider]:
    """The administrator's queue: providers waiting for a decision, oldest first."""
    return list(
        session.scalars(
            select(Provider)
            .where(Provider.state == ProviderState.APPLIED)
            .order_by(Provider.applied_at, Provider.id)
        )
    )


def history(
    session: Session, provider_id: int, table: str = "provider"
) -> list[ChangeRecord]:
    """Every recorded change of a provider's (or an offering's) row, newest first."""
    return list(
        session.scalars(
            select(ChangeRecord)
            .where(ChangeRecord.table_name == table, ChangeRecord.row_id == provider_id)
            .order_by(ChangeRecord.at.desc(), ChangeRecord.id.desc())
        )
    )


def staff_count(session: Session, provider_id: int) -> int:
    return int(
        session.scalar(select(func.count()).where(User.provider_id == provider_id)) or 0
    )


def existing(session: Session, provider_id: int) -> Provider:
    """Any provider, whatever its state (administrators); NotFound when there is none."""
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise NotFound(provider_id)
    return provider
