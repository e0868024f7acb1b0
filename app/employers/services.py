"""The rules of employers: companies and their approval, offers, invitations with double
opt-in, blocks, reply rates. Functions take plain values and flush, never commit.

A company learns a citizen's name and contact details only from an invitation the
citizen has said yes to (`accepted_contact`), and each such read is access-logged. A
citizen's no is never shown to the job centre: nothing in casework reads declined
invitations (`accepted_for_citizen` returns only the yeses).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signals
from app.audit import (
    Actor,
    change_fields,
    log_access,
    log_accesses,
    now,
    record_created,
    record_deleted,
)
from app.employers.candidates import (
    citizen_is_in_pool,
    offer_occupation_uri,
)
from app.employers.candidates import why_matched as _why_matched
from app.employers.cvr import normalise_cvr
from app.jobsearch.services import PlanInput, add_plan_item
from app.models import (
    AccessPurpose,
    AccessWhat,
    Citizen,
    CvSettings,
    Employer,
    EmployerBlock,
    EmployerInvitation,
    EmployerOffer,
    EmployerStaff,
    EmployerStatus,
    InvitationKind,
    InvitationState,
    MeetingMode,
    Occupation,
    OfferKind,
    PlanKind,
    User,
)
from app.taxonomy.services import label_for, load_taxonomy, suggest

EXPIRY = timedelta(days=14)
MAX_TIME_WINDOWS = 5


class InvitationError(Exception):
    """An invitation that may not be sent or answered; the message says why."""


# --- companies and their staff ------------------------------------------------------


def employer_of_user(session: Session, user_id: int) -> Employer | None:
    """The company a user of the EMPLOYER role acts for."""
    return session.scalar(
        select(Employer)
        .join(EmployerStaff, EmployerStaff.employer_id == Employer.id)
        .where(EmployerStaff.user_id == user_id)
    )


def employer_actor(user: User, employer: Employer) -> Actor:
    """The company's user as an audit actor: the company is the organisation the
    citizen reads in "Hvem har set mine data" (never the employee's name)."""
    return Actor(user_id=user.id, role=user.role.value, organisation=employer.name)


def register_employer(
    session: Session,
    *,
    name: str,
    cvr: str,
    municipality_id: int,
    postcode: str,
    city: str,
    actor: Actor,
    synthetic: bool = False,
) -> Employer:
    """A company awaiting approval by an administrator of its municipality."""
    employer = Employer(
        name=name,
        cvr=normalise_cvr(cvr),
        municipality_id=municipality_id,
        postcode=postcode,
        city=city,
        status=EmployerStatus.PENDING,
        created_at=now(),
        synthetic=synthetic,
    )
    record_created(
        session, employer, actor=actor, reason="a company registered", citizen_id=None
    )
    return employer


def cvr_taken(session: Session, cvr: str) -> bool:
    return (
        session.scalar(select(Employer.id).where(Employer.cvr == normalise_cvr(cvr)))
        is not None
    )


def pending_employers(session: Session, municipality_id: int) -> list[Employer]:
    """The companies of one municipality waiting for an administrator's decision."""
    return list(
        session.scalars(
            select(Employer)
            .where(
                Employer.municipality_id == municipality_id,
                Employer.status == EmployerStatus.PENDING,
            )
            .order_by(Employer.created_at, Employer.id)
        )
    )


def decided_employers(
    session: Session, municipality_id: int, limit: int = 20
) -> list[Employer]:
    """The municipality's companies already approved or not, newest decision first."""
    return list(
        session.scalars(
            select(Employer)
            .where(
                Employer.municipality_id == municipality_id,
                Employer.status != EmployerStatus.PENDING,
            )
            .order_by(Employer.decided_at.desc(), Employer.name)
            .limit(limit)
        )
    )


def decide_employer(
    session: Session,
    municipality_id: int,
    employer_id: int,
    approve: bool,
    actor: Actor,
) -> Employer | None:
    """Approve or refuse a company of the administrator's municipality (None: not
    theirs or not waiting)."""
    employer = session.get(Employer, employer_id)
    if (
        employer is None
        or employer.municipality_id != municipality_id
        or employer.status is not EmployerStatus.PENDING
    ):
        return None
    change_fields(
        session,
        employer,
        {
            "status": EmployerStatus.APPROVED if approve else EmployerStatus.REJECTED,
            "decided_by_user_id": actor.user_id,
            "decided_at": now(),
        },
        actor=actor,
        reason="an administrator decided on the company",
        citizen_id=None,
    )
    session.flush()
    return employer


# --- offers -------------------------------------------------------------------------


@dataclass(frozen=True)
class OfferInput:
    """An offer as the form validated it."""

    kind: OfferKind
    title: str
    occupation_id: int | None
    description: str
    postcode: str
    contact_name: str
    contact_phone: str | None = None
    contact_email: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    hours_per_week: int | None = None
    learning: str | None = None
    meeting_mode: MeetingMode | None = None
    meeting_place: str | None = None
    time_windows: tuple[datetime, ...] = ()


def create_offer(
    session: Session, employer: Employer, data: OfferInput, actor: Actor
) -> EmployerOffer:
    """Add an offer of an approved company."""
    if not employer.approved:
        raise InvitationError("the company is not approved yet")
    offer = EmployerOffer(
        employer_id=employer.id,
        kind=data.kind,
        title=data.title,
        occupation_id=data.occupation_id,
        description=data.description,
        postcode=data.postcode,
        contact_name=data.contact_name,
        contact_phone=data.contact_phone,
        contact_email=data.contact_email,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        hours_per_week=data.hours_per_week,
        learning=data.learning,
        meeting_mode=data.meeting_mode,
        meeting_place=data.meeting_place,
        time_windows=[{"starts_at": t.isoformat()} for t in data.time_windows],
        active=True,
        created_at=now(),
    )
    record_created(
        session, offer, actor=actor, reason="a company added an offer", citizen_id=None
    )
    return offer


def resolve_occupation(session: Session, text: str, lang: str) -> int | None:
    """The occupation a company typed, as the autocomplete would understand it."""
    found = suggest(session, text, "occupation", lang, 1)
    if not found:
        return None
    return session.scalar(select(Occupation.id).where(Occupation.uri == found[0].uri))


def offer_occupation_label(
    session: Session, offer: EmployerOffer, lang: str
) -> str | None:
    """The offer's occupation in the reader's language."""
    uri = offer_occupation_uri(session, offer)
    return label_for(load_taxonomy(session), uri, lang) if uri else None


def offers_of(session: Session, employer_id: int) -> list[EmployerOffer]:
    return list(
        session.scalars(
            select(EmployerOffer)
            .where(EmployerOffer.employer_id == employer_id)
            .order_by(EmployerOffer.created_at.desc(), EmployerOffer.id.desc())
        )
    )


def offer_of(session: Session, employer_id: int, offer_id: int) -> EmployerOffer | None:
    """One of the company's own offers (None for another company's)."""
    offer = session.get(EmployerOffer, offer_id)
    if offer is None or offer.employer_id != employer_id:
        return None
    return offer


def time_windows(offer: EmployerOffer) -> list[datetime]:
    """The offer's meeting times as aware UTC datetimes."""
    return [datetime.fromisoformat(w["starts_at"]) for w in offer.time_windows or []]


# --- invitations --------------------------------------------------------------------


def effective_state(invitation: EmployerInvitation, at: datetime) -> InvitationState:
    """The state as it stands: a sent invitation past its 14 days has expired."""
    if invitation.state is InvitationState.SENT and _aware(invitation.expires_at) <= at:
        return InvitationState.EXPIRED
    return invitation.state


def _aware(value: datetime) -> datetime:
    # SQLite hands times back naive; they are UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


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
