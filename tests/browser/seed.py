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
from app.models import (
    Case,
    CaseStatus,
    Caseworker,
    Certificate,
    Citizen,
    ConsentPurpose,
    Education,
    EducationLevel,
    EnrolmentState,
    JobLogEntry,
    LanguageLevel,
    LanguageSkill,
    LogKind,
    LogStatus,
    Municipality,
    OfferingState,
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
