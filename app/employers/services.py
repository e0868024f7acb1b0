"""The rules of invitations: a company invites, the citizen answers (double opt-in),
blocks and expiry. Functions take plain values and flush, never commit; every
event passes record_event, the seam where notifications will be sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signals
from app.audit import (
    Actor,
    change_fields,
    now,
    record_created,
    record_deleted,
)
from app.employers.candidates import (
    citizen_is_in_pool,
)
from app.employers.companies import InvitationError
from app.employers.queries import (
    blocked_employer_ids,
    effective_state,
    invitation_for_citizen,
)
from app.jobsearch.services import PlanInput, add_plan_item
from app.models import (
    Employer,
    EmployerBlock,
    EmployerInvitation,
    EmployerOffer,
    InvitationKind,
    InvitationState,
    OfferKind,
    PlanKind,
)

EXPIRY = timedelta(days=14)


# --- invitations --------------------------------------------------------------------


KIND_FOR_OFFER = {
    OfferKind.COFFEE: InvitationKind.COFFEE,
    OfferKind.INTERNSHIP: InvitationKind.INTERNSHIP,
    OfferKind.WAGE_SUBSIDY: InvitationKind.INTERNSHIP,
}


def send_invitation(
    session: Session,
    employer: Employer,
    offer: EmployerOffer,
    citizen_id: int,
    message: str,
    actor: Actor,
    kind: InvitationKind | None = None,
) -> EmployerInvitation:
    """Invite a candidate found for the offer: double opt-in, the citizen answers."""
    if not employer.approved or offer.employer_id != employer.id:
        raise InvitationError("the company may not send invitations")
    if not citizen_is_in_pool(session, employer.id, citizen_id):
        raise InvitationError("the citizen no longer shares their CV")
    at = now()
    for open_one in session.scalars(
        select(EmployerInvitation).where(
            EmployerInvitation.employer_id == employer.id,
            EmployerInvitation.citizen_id == citizen_id,
            EmployerInvitation.offer_id == offer.id,
        )
    ):
        if effective_state(open_one, at) in {
            InvitationState.SENT,
            InvitationState.ACCEPTED,
        }:
            raise InvitationError("the candidate has already been invited")
    invitation = EmployerInvitation(
        employer_id=employer.id,
        offer_id=offer.id,
        citizen_id=citizen_id,
        kind=kind or KIND_FOR_OFFER[offer.kind],
        message=message,
        sent_by_user_id=actor.user_id,
        sent_at=at,
        expires_at=at + EXPIRY,
        state=InvitationState.SENT,
        share_phone=False,
        share_email=False,
    )
    record_created(
        session,
        invitation,
        actor=actor,
        reason="a company invited the citizen",
        citizen_id=citizen_id,
    )
    record_event(session, invitation, "sent")
    return invitation


def record_event(session: Session, invitation: EmployerInvitation, event: str) -> None:
    """Announce an invitation's event: the seam where notifications will be sent (the
    dialogue area listens to signals.employer_contact)."""
    signals.employer_contact.send(
        session,
        invitation_id=invitation.id,
        citizen_id=invitation.citizen_id,
        event=event,
    )


@dataclass(frozen=True)
class Answer:
    yes: bool
    share_phone: bool = False
    share_email: bool = False
    window: datetime | None = None


def answer_invitation(
    session: Session,
    citizen_id: int,
    invitation_id: int,
    answer: Answer,
    actor: Actor,
) -> EmployerInvitation:
    """The citizen's yes or no. A yes with a meeting time or an internship puts it in
    the citizen's plan; a no goes nowhere but here."""
    invitation = invitation_for_citizen(session, citizen_id, invitation_id)
    if invitation is None:
        raise LookupError(invitation_id)
    at = now()
    if effective_state(invitation, at) is not InvitationState.SENT:
        raise InvitationError("the invitation is no longer open")
    if invitation.employer_id in blocked_employer_ids(session, citizen_id):
        raise InvitationError("the company is blocked")
    values: dict[str, Any] = {
        "state": InvitationState.ACCEPTED if answer.yes else InvitationState.DECLINED,
        "answered_at": at,
    }
    if answer.yes:
        values["share_phone"] = answer.share_phone
        values["share_email"] = answer.share_email
        if answer.window is not None:
            values["chosen_window"] = answer.window.isoformat()
    change_fields(
        session,
        invitation,
        values,
        actor=actor,
        reason="the citizen answered a company",
        citizen_id=citizen_id,
    )
    if answer.yes:
        _into_plan(session, invitation, answer.window, actor)
    session.flush()
    record_event(session, invitation, "accepted" if answer.yes else "declined")
    return invitation


def _into_plan(
    session: Session,
    invitation: EmployerInvitation,
    window: datetime | None,
    actor: Actor,
) -> None:
    """A yes becomes an activity in the citizen's own plan."""
    offer = invitation.offer
    title = offer.title if offer is not None else ""
    company = invitation.employer.name
    if invitation.kind is InvitationKind.COFFEE:
        text = f"Kaffemøde med {company}: {title}".strip(": ")
    elif invitation.kind is InvitationKind.INTERNSHIP:
        text = f"Praktik hos {company}: {title}".strip(": ")
    else:
        text = f"Kontakt med {company}"
    due = window.date() if window is not None else None
    if due is None and offer is not None and offer.starts_on is not None:
        due = offer.starts_on
    add_plan_item(
        session,
        invitation.citizen_id,
        PlanInput(kind=PlanKind.ACTIVITY, text=text[:500], due_on=due),
        actor,
    )


def expire_invitations(session: Session, at: datetime) -> int:
    """Mark sent invitations past their 14 days as expired (nightly); how many."""
    count = 0
    for invitation in session.scalars(
        select(EmployerInvitation).where(
            EmployerInvitation.state == InvitationState.SENT,
            EmployerInvitation.expires_at <= at,
        )
    ):
        invitation.state = InvitationState.EXPIRED
        count += 1
    session.flush()
    return count


# --- blocks -------------------------------------------------------------------------


def block_employer(
    session: Session, citizen_id: int, employer_id: int, actor: Actor
) -> bool:
    """Block a company: it no longer finds the citizen; open invitations are declined."""
    if session.get(Employer, employer_id) is None:
        raise LookupError(employer_id)
    if employer_id in blocked_employer_ids(session, citizen_id):
        return False
    record_created(
        session,
        EmployerBlock(citizen_id=citizen_id, employer_id=employer_id, blocked_at=now()),
        actor=actor,
        reason="the citizen blocked a company",
        citizen_id=citizen_id,
    )
    at = now()
    for invitation in session.scalars(
        select(EmployerInvitation).where(
            EmployerInvitation.citizen_id == citizen_id,
            EmployerInvitation.employer_id == employer_id,
        )
    ):
        if effective_state(invitation, at) is InvitationState.SENT:
            change_fields(
                session,
                invitation,
                {"state": InvitationState.DECLINED, "answered_at": at},
                actor=actor,
                reason="the citizen blocked a company",
                citizen_id=citizen_id,
            )
    session.flush()
    return True


def unblock_employer(
    session: Session, citizen_id: int, employer_id: int, actor: Actor
) -> bool:
    block = session.scalar(
        select(EmployerBlock).where(
            EmployerBlock.citizen_id == citizen_id,
            EmployerBlock.employer_id == employer_id,
        )
    )
    if block is None:
        return False
    record_deleted(
        session,
        block,
        actor=actor,
        reason="the citizen lifted a block of a company",
        citizen_id=citizen_id,
    )
    session.flush()
    return True
