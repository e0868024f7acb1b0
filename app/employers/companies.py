"""Companies and their offers: registration (checked by the CVR number's mod-11
digit), an administrator's approval, and the offers they add. Functions flush, never
commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import (
    Actor,
    change_fields,
    now,
    record_created,
)
from app.employers.candidates import (
    offer_occupation_uri,
)
from app.employers.cvr import normalise_cvr, valid_cvr
from app.geo import municipality_of_postcode, postcode_info
from app.models import (
    Employer,
    EmployerOffer,
    EmployerStaff,
    EmployerStatus,
    MeetingMode,
    Municipality,
    Occupation,
    OfferKind,
    Role,
    User,
)
from app.taxonomy.services import label_for, load_taxonomy, suggest


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
    """A company awaiting approval by an administrator of its municipality (a CVR
    number that fails the mod-11 check is refused)."""
    if not valid_cvr(cvr):
        raise ValueError("not a valid CVR number")
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


def register_company(
    session: Session,
    *,
    name: str,
    cvr: str,
    postcode: str,
    contact_name: str,
    email: str,
    password_hash: str,
) -> Employer | None:
    """A company and its first user, awaiting approval (None: the CVR number or the
    e-mail is already registered)."""
    taken_email = session.scalar(select(User.id).where(User.email == email.lower()))
    municipality_code = municipality_of_postcode(postcode)
    place = postcode_info(postcode)
    if cvr_taken(session, cvr) or taken_email is not None or place is None:
        return None
    municipality_id = session.scalar(
        select(Municipality.id).where(Municipality.code == municipality_code)
    )
    if municipality_id is None:
        return None
    user = User(
        role=Role.EMPLOYER,
        email=email.lower(),
        password_hash=password_hash,
        display_name=contact_name,
        active=True,
    )
    session.add(user)
    session.flush()
    actor = Actor(user_id=user.id, role=Role.EMPLOYER.value, organisation=name)
    employer = register_employer(
        session,
        name=name,
        cvr=cvr,
        municipality_id=municipality_id,
        postcode=postcode,
        city=place.city,
        actor=actor,
    )
    session.add(EmployerStaff(user_id=user.id, employer_id=employer.id))
    session.flush()
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
