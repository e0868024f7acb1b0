"""The sweep's people on the small demo: a demo citizen, one staff user per role, and
the rows behind the pages that only a link with an id reaches, so the crawl
(tests/browser/crawl.py) follows a link to each of them."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, now
from app.auth.services import list_demo_citizens
from app.casework.services.claims import claim_case
from app.consent.services.consents import give_consent
from app.consent.services.corrections import submit_correction
from app.db import make_engine
from app.dialogue import meetings, messages
from app.models import (
    Author,
    Case,
    CaseStatus,
    Caseworker,
    Certificate,
    Citizen,
    ConsentPurpose,
    Education,
    EducationLevel,
    Employer,
    EmployerInvitation,
    EmployerOffer,
    EmployerStaff,
    EmployerStatus,
    EnrolmentState,
    InvitationKind,
    InvitationState,
    JobLogEntry,
    LanguageLevel,
    LanguageSkill,
    LogKind,
    LogStatus,
    MeetingKind,
    Municipality,
    OfferingState,
    OfferKind,
    PlanItem,
    PlanKind,
    PlanStatus,
    Provider,
    ProviderState,
    Role,
    User,
    WorkExperience,
)
from tests.factories import TEST_PASSWORD_HASH
from tests.marketplace.objects import add_enrolment, add_offering

STAFF_EMAILS = {
    "caseworker": "sagsbehandler@browser.jobunivers.dk",
    "provider": "udbyder@browser.jobunivers.dk",
    "admin": "administrator@browser.jobunivers.dk",
    "employer": "virksomhed@browser.jobunivers.dk",
}


def _give_the_citizen_rows(session: Session, citizen: Citizen, user: User) -> None:
    """A row of each kind a citizen edits, deletes or withdraws on a page of its own,
    where the demo gave them none: a job, an education, a certificate and a language in
    the CV and an entry in the job-search log; an item of their own in the plan, a
    consent (with its receipt) and a request to correct their address that waits for a
    caseworker's decision."""
    today = date.today()
    actor = Actor.of(user)
    for row in (
        WorkExperience(
            citizen_id=citizen.id,
            title_as_written="Lagermedarbejder",
            employer="Nordhavn Logistik A/S",
            started_on=date(2019, 3, 1),
            ended_on=date(2023, 6, 30),
        ),
        Education(
            citizen_id=citizen.id,
            level=EducationLevel.VOCATIONAL,
            title="Lager- og terminaluddannelsen",
            institution="TEC",
            start_year=2016,
            end_year=2018,
            completed=True,
        ),
        Certificate(citizen_id=citizen.id, name="Truckcertifikat", issuer="AMU"),
        LanguageSkill(citizen_id=citizen.id, language="en", level=LanguageLevel.GOOD),
        JobLogEntry(
            citizen_id=citizen.id,
            kind=LogKind.APPLICATION,
            employer="Nordhavn Logistik A/S",
            title="Lagermedarbejder",
            on_date=today - timedelta(days=3),
            status=LogStatus.SENT,
            created_at=now(),
        ),
    ):
        model = type(row)
        held = select(model.id).where(model.citizen_id == citizen.id).limit(1)
        if session.scalar(held) is None:
            session.add(row)
    # The demo's items may be agreed with a caseworker: only the citizen's own change.
    session.add(
        PlanItem(
            citizen_id=citizen.id,
            kind=PlanKind.ACTIVITY,
            text="Søge tre job som lagermedarbejder",
            due_on=today + timedelta(days=14),
            status=PlanStatus.OPEN,
            author_role="citizen",
            created_at=now(),
        )
    )
    give_consent(session, citizen.id, ConsentPurpose.PERSONALISE, actor=actor)
    session.flush()
    submit_correction(
        session,
        citizen.id,
        "citizen",
        citizen.id,
        "street",
        "Nørrebrogade 14, 3. th.",
        "Jeg er flyttet to numre længere hen ad gaden.",
    )


def _hold_the_first_case(
    session: Session, caseworker: Caseworker, user: User, not_of: int
) -> None:
    """The browser caseworker claims a waiting case and it heads the queue, so the
    crawl, which follows the first link to a case view, opens a case they hold (with
    its links to change the track and to close the case). Not the case of the sweep's
    citizen (`not_of`): what that citizen does re-screens them, which sets the
    priority again."""
    municipality_id = user.municipality_id
    assert municipality_id is not None
    case_file = session.scalars(
        select(Case)
        .where(
            Case.municipality_id == municipality_id,
            Case.status == CaseStatus.QUEUED,
            Case.citizen_id != not_of,
        )
        .order_by(Case.priority.desc(), Case.id)
        .limit(1)
    ).one()
    claim_case(
        session, municipality_id, caseworker.id, case_file.citizen_id, Actor.of(user)
    )
    highest = session.scalar(
        select(func.max(Case.priority)).where(Case.municipality_id == municipality_id)
    )
    case_file.priority = (highest or 0.0) + 1.0


def _give_the_citizen_a_dialogue(
    session: Session, citizen: Citizen, caseworker: Caseworker, user: User
) -> None:
    """A message from the job centre, a booked meeting next week (to cancel), one
    two days ago (to rate), and a free time (to book)."""
    actor = Actor.of(user)
    messages.write(
        session,
        citizen.id,
        Author.JOB_CENTRE,
        "Hej. Vi vil gerne tale med dig om dit CV. Book en tid, der passer dig.",
        [],
        None,
        actor,
    )
    at = now()
    for days, booked in ((7, True), (-2, True), (9, False)):
        slot = meetings.publish_slot(
            session,
            citizen.municipality_id,
            caseworker.id,
            at + timedelta(days=days),
            30,
            MeetingKind.IN_PERSON,
            "Jobcenter København, Gyldenløvesgade 15",
            actor,
        )
        if booked:
            slot.citizen_id = citizen.id
            slot.booked_at = at
    session.flush()


def _seed_the_employer(session: Session, citizen: Citizen) -> None:
    """A log-in for the first approved demo company of Copenhagen, and a yes from the
    sweep's citizen to one of its invitations (so the page of an accepted invitation is
    linked from the company's start page)."""
    employer = session.scalars(
        select(Employer)
        .where(
            Employer.municipality_id == citizen.municipality_id,
            Employer.status == EmployerStatus.APPROVED,
        )
        .order_by(Employer.id)
    ).first()
    assert employer is not None, "the demo has companies"
    user = User(
        role=Role.EMPLOYER,
        display_name="Browsertest Virksomhed",
        email=STAFF_EMAILS["employer"],
        password_hash=TEST_PASSWORD_HASH,
    )
    session.add(user)
    session.flush()
    session.add(EmployerStaff(user_id=user.id, employer_id=employer.id))
    offer = session.scalars(
        select(EmployerOffer).where(EmployerOffer.employer_id == employer.id)
    ).first()
    at = now()
    session.add(
        EmployerInvitation(
            employer_id=employer.id,
            offer_id=offer.id if offer else None,
            citizen_id=citizen.id,
            kind=InvitationKind.CONTACT,
            message="",
            sent_by_user_id=user.id,
            sent_at=at - timedelta(days=3),
            expires_at=at + timedelta(days=11),
            state=InvitationState.ACCEPTED,
            answered_at=at - timedelta(days=1),
            share_phone=True,
            share_email=False,
        )
    )
    session.flush()


def add_invitation(url: str, citizen_user_id: int) -> None:
    """An open coffee-meeting invitation to a citizen, from a demo company."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            citizen = session.scalars(
                select(Citizen).where(Citizen.user_id == citizen_user_id)
            ).one()
            offer = session.scalars(
                select(EmployerOffer)
                .join(Employer, Employer.id == EmployerOffer.employer_id)
                .where(
                    Employer.status == EmployerStatus.APPROVED,
                    EmployerOffer.kind == OfferKind.COFFEE,
                )
                .order_by(EmployerOffer.id)
            ).first()
            assert offer is not None, "the demo has coffee meetings"
            staff = session.scalars(
                select(EmployerStaff.user_id).where(
                    EmployerStaff.employer_id == offer.employer_id
                )
            ).first()
            at = now()
            session.add(
                EmployerInvitation(
                    employer_id=offer.employer_id,
                    offer_id=offer.id,
                    citizen_id=citizen.id,
                    kind=InvitationKind.COFFEE,
                    message="",
                    sent_by_user_id=staff,
                    sent_at=at,
                    expires_at=at + timedelta(days=14),
                    state=InvitationState.SENT,
                    share_phone=False,
                    share_email=False,
                )
            )
            session.commit()
    finally:
        engine.dispose()


def _give_the_provider_rows(
    session: Session, provider: Provider, citizen: Citizen
) -> None:
    """The sweep's provider gets a published offering with the citizen as an active
    participant and a finished one (not yet reviewed), and a draft to send for review."""
    published = add_offering(session, provider.id, title="Browsertest onlinekursus")
    add_offering(
        session, provider.id, title="Browsertest kladde", state=OfferingState.DRAFT
    )
    add_enrolment(session, published, citizen.id)
    add_enrolment(session, published, citizen.id, state=EnrolmentState.FINISHED)


def seed_users(url: str) -> int:
    """One staff user per role, as tests/factories.py makes them, and the rows the
    crawl needs; returns the user id of the citizen the sweep logs in as: the first
    synthetic citizen of Copenhagen on the demo MitID page."""
    engine = make_engine(url)
    with Session(engine) as session:
        copenhagen = session.scalars(
            select(Municipality).where(Municipality.code == 101)
        ).one()
        citizen_user, citizen, _ = list_demo_citizens(session, 1).items[0]
        assert citizen.municipality_id == copenhagen.id
        _give_the_citizen_rows(session, citizen, citizen_user)
        provider = Provider(
            name="Browsertest Kurser ApS",
            cvr="00000001",
            state=ProviderState.APPROVED,
            synthetic=True,
        )
        session.add(provider)
        session.flush()
        _give_the_provider_rows(session, provider, citizen)
        for role in (Role.CASEWORKER, Role.PROVIDER, Role.ADMIN):
            user = User(
                role=role,
                # Capitalised, a name: the role's code is what the page check catches.
                display_name=f"Browsertest {role.value.capitalize()}",
                email=STAFF_EMAILS[role.value],
                password_hash=TEST_PASSWORD_HASH,
                municipality_id=None if role is Role.PROVIDER else copenhagen.id,
                provider_id=provider.id if role is Role.PROVIDER else None,
            )
            session.add(user)
            session.flush()
            if role is Role.CASEWORKER:
                caseworker = Caseworker(user_id=user.id, job_title="Jobkonsulent")
                session.add(caseworker)
                session.flush()
                _hold_the_first_case(session, caseworker, user, not_of=citizen.id)
                _give_the_citizen_a_dialogue(session, citizen, caseworker, user)
        _seed_the_employer(session, citizen)
        session.commit()
        citizen_user_id = citizen_user.id
    engine.dispose()
    return citizen_user_id


def add_new_citizen(url: str, first_name: str, last_name: str) -> int:
    """A synthetic Copenhagen citizen who has never logged in: no guide, CV or log
    (returns the user id)."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            copenhagen = session.scalars(
                select(Municipality).where(Municipality.code == 101)
            ).one()
            user = User(
                role=Role.CITIZEN,
                display_name=f"{first_name} {last_name}",
                mitid_subject=f"browser-{first_name}-{last_name}".lower(),
                municipality_id=copenhagen.id,
            )
            session.add(user)
            session.flush()
            session.add(
                Citizen(
                    user_id=user.id,
                    municipality_id=copenhagen.id,
                    first_name=first_name,
                    last_name=last_name,
                    street="Blågårdsgade 3, 2. tv.",
                    postcode="2200",
                    city="København N",
                    synthetic=True,
                )
            )
            session.commit()
            return user.id
    finally:
        engine.dispose()
