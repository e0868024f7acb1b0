"""Read models of the employers' area: what a citizen, a company and a caseworker see
of invitations. A company sees a citizen's name and contact details only from an
invitation the citizen has said yes to (accepted_contact), and each such read is
access-logged; a no never reaches the job centre (accepted_for_citizen reads only
the yeses)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import (
    Actor,
    log_access,
    log_accesses,
    now,
)
from app.employers.candidates import why_matched as _why_matched
from app.models import (
    AccessPurpose,
    AccessWhat,
    Citizen,
    CvSettings,
    Employer,
    EmployerBlock,
    EmployerInvitation,
    InvitationKind,
    InvitationState,
)


def effective_state(invitation: EmployerInvitation, at: datetime) -> InvitationState:
    """The state as it stands: a sent invitation past its 14 days has expired."""
    if invitation.state is InvitationState.SENT and _aware(invitation.expires_at) <= at:
        return InvitationState.EXPIRED
    return invitation.state


def _aware(value: datetime) -> datetime:
    # SQLite hands times back naive; they are UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def blocked_employer_ids(session: Session, citizen_id: int) -> set[int]:
    return set(
        session.scalars(
            select(EmployerBlock.employer_id).where(
                EmployerBlock.citizen_id == citizen_id
            )
        )
    )


def invitations_for_citizen(
    session: Session, citizen_id: int, at: datetime
) -> tuple[list[EmployerInvitation], list[EmployerInvitation]]:
    """The citizen's open invitations (oldest first) and their answered or expired ones
    (newest first); none from a company they have blocked."""
    blocked = blocked_employer_ids(session, citizen_id)
    rows = [
        inv
        for inv in session.scalars(
            select(EmployerInvitation)
            .where(EmployerInvitation.citizen_id == citizen_id)
            .order_by(EmployerInvitation.sent_at, EmployerInvitation.id)
        )
        if inv.employer_id not in blocked
    ]
    open_ones = [r for r in rows if effective_state(r, at) is InvitationState.SENT]
    rest = [r for r in reversed(rows) if r not in open_ones]
    return open_ones, rest


def why_matched(
    session: Session, invitation: EmployerInvitation, lang: str
) -> tuple[str, ...]:
    """Why the company found the citizen, for the citizen's card."""
    if invitation.offer is None:
        return ()
    return _why_matched(session, invitation.offer, invitation.citizen_id, lang)


def employer_that_contacted(
    session: Session, citizen_id: int, employer_id: int
) -> Employer | None:
    """A company that has invited this citizen (the only ones they can block here)."""
    found = session.scalar(
        select(EmployerInvitation.id).where(
            EmployerInvitation.citizen_id == citizen_id,
            EmployerInvitation.employer_id == employer_id,
        )
    )
    return session.get(Employer, employer_id) if found is not None else None


def invitation_for_citizen(
    session: Session, citizen_id: int, invitation_id: int
) -> EmployerInvitation | None:
    invitation = session.get(EmployerInvitation, invitation_id)
    if invitation is None or invitation.citizen_id != citizen_id:
        return None
    return invitation


def blocks_of(session: Session, citizen_id: int) -> list[EmployerBlock]:
    return list(
        session.scalars(
            select(EmployerBlock)
            .where(EmployerBlock.citizen_id == citizen_id)
            .order_by(EmployerBlock.blocked_at.desc())
        )
    )


# --- what the company sees ------------------------------------------------------------


@dataclass(frozen=True)
class ReplyRates:
    sent: int
    accepted: int
    declined: int
    expired: int
    waiting: int

    @property
    def answered(self) -> int:
        return self.accepted + self.declined

    @property
    def reply_rate(self) -> float | None:
        closed = self.sent - self.waiting
        return self.answered / closed if closed else None

    @property
    def yes_rate(self) -> float | None:
        return self.accepted / self.answered if self.answered else None


def reply_rates(session: Session, employer_id: int, at: datetime) -> ReplyRates:
    """How the company's invitations were answered (no one is named)."""
    counts = dict.fromkeys(InvitationState, 0)
    for invitation in session.scalars(
        select(EmployerInvitation).where(EmployerInvitation.employer_id == employer_id)
    ):
        counts[effective_state(invitation, at)] += 1
    return ReplyRates(
        sent=sum(counts.values()),
        accepted=counts[InvitationState.ACCEPTED],
        declined=counts[InvitationState.DECLINED],
        expired=counts[InvitationState.EXPIRED],
        waiting=counts[InvitationState.SENT],
    )


def invitations_of_employer(
    session: Session, employer_id: int
) -> list[EmployerInvitation]:
    """The company's invitations, newest first (rows carry no name; see
    accepted_contact for a yes)."""
    return list(
        session.scalars(
            select(EmployerInvitation)
            .where(EmployerInvitation.employer_id == employer_id)
            .order_by(EmployerInvitation.sent_at.desc(), EmployerInvitation.id.desc())
        )
    )


@dataclass(frozen=True)
class AcceptedContact:
    """What a company sees after a citizen's yes: the name and what they chose."""

    invitation: EmployerInvitation
    name: str
    phone: str | None
    email: str | None
    window: datetime | None


def invitation_of_employer(
    session: Session, employer_id: int, invitation_id: int
) -> EmployerInvitation | None:
    invitation = session.get(EmployerInvitation, invitation_id)
    if invitation is None or invitation.employer_id != employer_id:
        return None
    return invitation


def accepted_contact(
    session: Session, employer_id: int, invitation_id: int, actor: Actor
) -> AcceptedContact | None:
    """The citizen's name and chosen contact details, only after their yes; the read
    is access-logged (None before a yes, or for another company's invitation)."""
    invitation = invitation_of_employer(session, employer_id, invitation_id)
    if invitation is None or invitation.state is not InvitationState.ACCEPTED:
        return None
    citizen = session.get(Citizen, invitation.citizen_id)
    if citizen is None:
        return None
    log_access(
        session,
        actor,
        citizen.id,
        AccessWhat.CONTACT_DETAILS,
        AccessPurpose.RECRUITING,
    )
    return AcceptedContact(
        invitation=invitation,
        name=citizen.full_name,
        phone=citizen.phone if invitation.share_phone else None,
        email=citizen.email if invitation.share_email else None,
        window=(
            datetime.fromisoformat(invitation.chosen_window)
            if invitation.chosen_window
            else None
        ),
    )


def log_profile_views(session: Session, actor: Actor, citizen_ids: list[int]) -> None:
    """Each anonymous profile a company is shown, in the citizen's access log."""
    log_accesses(
        session,
        actor,
        citizen_ids,
        AccessWhat.ANONYMOUS_PROFILE,
        AccessPurpose.RECRUITING,
    )


# --- what the citizen and the caseworker see --------------------------------------------


def open_invitation_count(session: Session, citizen_id: int, at: datetime) -> int:
    open_ones, _ = invitations_for_citizen(session, citizen_id, at)
    return len(open_ones)


def accepted_for_citizen(session: Session, citizen_id: int) -> list[EmployerInvitation]:
    """The citizen's yeses: meetings and internships (the job centre sees these only;
    a no is never shown to it)."""
    return list(
        session.scalars(
            select(EmployerInvitation)
            .where(
                EmployerInvitation.citizen_id == citizen_id,
                EmployerInvitation.state == InvitationState.ACCEPTED,
            )
            .order_by(EmployerInvitation.answered_at.desc())
        )
    )


def contact_details_hidden(session: Session, citizen_id: int) -> bool:
    """Whether the CV hides the citizen's contact details (the default for a yes)."""
    settings = session.scalar(
        select(CvSettings).where(CvSettings.citizen_id == citizen_id)
    )
    return settings is None or settings.hide_contact_details


@dataclass(frozen=True)
class CitizenCard:
    """The card on "Min side": invitations waiting for an answer."""

    waiting: int
    companies: tuple[str, ...]
    accepted: int


def citizen_card(session: Session, citizen_id: int) -> CitizenCard:
    open_ones, answered = invitations_for_citizen(session, citizen_id, now())
    return CitizenCard(
        waiting=len(open_ones),
        companies=tuple(dict.fromkeys(i.employer.name for i in open_ones))[:3],
        accepted=sum(1 for i in answered if i.state is InvitationState.ACCEPTED),
    )


@dataclass(frozen=True)
class CompanyMeeting:
    """A yes the caseworker sees: with whom, what, and when."""

    company: str
    kind: InvitationKind
    title: str | None
    answered_at: datetime | None
    meeting_at: datetime | None
    starts_on: date | None
    ends_on: date | None


def accepted_for_case(session: Session, citizen_id: int) -> list[CompanyMeeting]:
    """The citizen's accepted meetings and placements, for the case view."""
    return [
        CompanyMeeting(
            company=i.employer.name,
            kind=i.kind,
            title=i.offer.title if i.offer else None,
            answered_at=i.answered_at,
            meeting_at=(
                datetime.fromisoformat(i.chosen_window) if i.chosen_window else None
            ),
            starts_on=i.offer.starts_on if i.offer else None,
            ends_on=i.offer.ends_on if i.offer else None,
        )
        for i in accepted_for_citizen(session, citizen_id)
    ]
