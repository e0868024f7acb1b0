"""SYNTHETIC demo companies: 40 made-up Danish firms in the four demo cities, with
coffee meetings, work placements and wage-subsidy jobs, a log-in each, and a handful
of open invitations to demo citizens.

Every name is invented (a Danish surname or place word and a trade); the CVR numbers
pass the mod-11 check, as the register's do, but were generated in order from a fixed
start and belong to no company we know of. Two firms per city await an administrator's
approval. Drawn from its own seeded Random, so the same seed gives the same rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.consent.services.consents import consent_in_force
from app.demo.people import DEMO_DOMAIN, slugify
from app.employers.cvr import with_check_digit
from app.models import (
    Citizen,
    CitizenOccupation,
    ConsentEvent,
    ConsentPurpose,
    Employer,
    EmployerInvitation,
    EmployerOffer,
    EmployerStaff,
    EmployerStatus,
    InvitationKind,
    InvitationState,
    MeetingMode,
    Municipality,
    OfferKind,
    Role,
    User,
    WorkExperience,
)

# The demo cities, their postcodes and the firms' name words.
CITIES: dict[int, tuple[str, tuple[str, ...]]] = {
    101: ("København", ("2100", "2200", "2300", "2400", "2450", "1620")),
    751: ("Aarhus", ("8000", "8200", "8210", "8220", "8260")),
    461: ("Odense", ("5000", "5200", "5210", "5220", "5230")),
    851: ("Aalborg", ("9000", "9200", "9210", "9220", "9400")),
}
FIRST_WORDS = (
    "Bøgely",
    "Nørregaard",
    "Strandvejens",
    "Lindholm",
    "Fjordens",
    "Kastanje",
    "Vestergaard",
    "Møllebakken",
    "Egeskov",
    "Havnens",
    "Solbakke",
    "Rosenhøj",
)
TRADES = (
    ("Byg & Anlæg", "ApS"),
    ("Køkken og Kantine", "ApS"),
    ("Lager og Logistik", "A/S"),
    ("Plejecenter", "I/S"),
    ("Rengøring", "ApS"),
    ("Auto og Service", "ApS"),
    ("Butik", "ApS"),
    ("IT-Hjælp", "ApS"),
    ("Tømrer og Snedker", "ApS"),
    ("Bageri", "I/S"),
)
FIRMS_PER_CITY = 10
PENDING_PER_CITY = 2
CVR_START = 3_571_000  # the first seven digits of the first demo CVR number
INVITED_PER_CITY = 2
LEARNING = (
    "Du lærer de daglige opgaver, faste rutiner og at arbejde i et team, med en fast "
    "kollega som mentor."
)
COFFEE_TEXT = (
    "Kom og få en kop kaffe og hør om os. 20 minutter, uforpligtende: vi fortæller om "
    "arbejdspladsen, og du fortæller om dig selv."
)


def employer_email(slug: str) -> str:
    """A demo company's log-in, e.g. kontakt@boegely-byg-anlaeg.demo.jobunivers.dk."""
    return f"kontakt@{slug}.{DEMO_DOMAIN}"


def _cvr_numbers() -> Any:
    head = CVR_START
    while True:
        cvr = with_check_digit(head)
        head += 7
        if cvr is not None:
            yield cvr


def _city_occupations(session: Session, municipality_id: int) -> list[int]:
    """Occupations the city's demo citizens have worked in, most common first."""
    counts: dict[int, int] = {}
    for (occupation_id,) in (
        session.execute(
            select(WorkExperience.occupation_id)
            .join(Citizen, Citizen.id == WorkExperience.citizen_id)
            .where(
                Citizen.municipality_id == municipality_id,
                WorkExperience.occupation_id.is_not(None),
            )
        ).all()
        + session.execute(
            select(CitizenOccupation.occupation_id)
            .join(Citizen, Citizen.id == CitizenOccupation.citizen_id)
            .where(Citizen.municipality_id == municipality_id)
        ).all()
    ):
        counts[occupation_id] = counts.get(occupation_id, 0) + 1
    return sorted(counts, key=lambda o: (-counts[o], o))


def create_demo_employers(
    session: Session, seed: int, today: date, report: Callable[[str], None]
) -> dict[str, int]:
    """Insert the demo companies, their offers and log-ins, and open invitations."""
    rng = Random(f"{seed}-employers")
    password_hash = session.scalar(
        select(User.password_hash).where(User.role == Role.ADMIN).limit(1)
    )
    next_user_id = (session.scalar(select(User.id).order_by(User.id.desc())) or 0) + 1
    cvrs = _cvr_numbers()
    created_at = datetime.combine(today - timedelta(days=30), time(9, 0), tzinfo=UTC)
    offers: dict[int, list[EmployerOffer]] = {}
    firms = 0
    for code, (city, postcodes) in CITIES.items():
        municipality = session.scalar(
            select(Municipality).where(Municipality.code == code)
        )
        if municipality is None:
            continue
        occupations = _city_occupations(session, municipality.id)[:12]
        words = rng.sample(FIRST_WORDS, FIRMS_PER_CITY)
        for index, (word, (trade, form)) in enumerate(zip(words, TRADES, strict=True)):
            name = f"{word} {trade} {form}"
            pending = index >= FIRMS_PER_CITY - PENDING_PER_CITY
            employer = Employer(
                name=name,
                cvr=next(cvrs),
                municipality_id=municipality.id,
                postcode=rng.choice(postcodes),
                city=city,
                status=EmployerStatus.PENDING if pending else EmployerStatus.APPROVED,
                decided_at=None if pending else created_at + timedelta(days=1),
                created_at=created_at + timedelta(hours=index),
                synthetic=True,
            )
            session.add(employer)
            session.flush()
            firms += 1
            slug = slugify(f"{word} {trade} {city}")
            session.execute(
                insert(User.__table__),
                [
                    {
                        "id": next_user_id,
                        "role": Role.EMPLOYER,
                        "email": employer_email(slug),
                        "password_hash": password_hash,
                        "mitid_subject": None,
                        "display_name": f"Kontakt, {name}",
                        "municipality_id": None,
                        "provider_id": None,
                        "active": True,
                        "locale": "da",
                    }
                ],
            )
            session.add(EmployerStaff(user_id=next_user_id, employer_id=employer.id))
            next_user_id += 1
            if pending or not occupations:
                continue
            offers[employer.id] = _offers_for(
                session, rng, employer, occupations, index, today
            )
    session.flush()
    invitations = _invitations(session, rng, offers, today)
    report(
        f"Employers: {firms} SYNTHETIC companies ({PENDING_PER_CITY} per city await "
        f"approval), {sum(len(o) for o in offers.values())} offers, "
        f"{invitations} open invitations."
    )
    return {"employers": firms, "invitations": invitations}


def _offers_for(
    session: Session,
    rng: Random,
    employer: Employer,
    occupations: list[int],
    index: int,
    today: date,
) -> list[EmployerOffer]:
    occupation_id = occupations[index % len(occupations)]
    trade = employer.name.split(" ", 1)[1].rsplit(" ", 1)[0]
    start = today + timedelta(days=14 + rng.randint(0, 30))
    meeting_day = today + timedelta(days=3 + index % 5)
    windows = [
        datetime.combine(meeting_day + timedelta(days=d), time(h, 0), tzinfo=UTC)
        for d, h in ((0, 8), (1, 12), (2, 9))
    ]
    made = [
        EmployerOffer(
            employer_id=employer.id,
            kind=OfferKind.COFFEE,
            title=f"Kaffemøde: bliv en del af {trade.lower()}",
            occupation_id=occupation_id,
            description=COFFEE_TEXT,
            postcode=employer.postcode,
            contact_name="Kontaktperson (syntetisk)",
            contact_phone=None,
            contact_email=None,
            meeting_mode=MeetingMode.PLACE if index % 3 else MeetingMode.VIDEO,
            meeting_place=(
                f"{employer.city}, {employer.postcode}"
                if index % 3
                else "Videomøde, link sendes efter dit ja"
            ),
            time_windows=[{"starts_at": w.isoformat()} for w in windows],
            active=True,
            created_at=employer.created_at + timedelta(days=2),
        )
    ]
    kind = OfferKind.INTERNSHIP if index % 2 == 0 else OfferKind.WAGE_SUBSIDY
    made.append(
        EmployerOffer(
            employer_id=employer.id,
            kind=kind,
            title=(
                "Virksomhedspraktik" if kind is OfferKind.INTERNSHIP else "Løntilskud"
            )
            + f" i {trade.lower()}",
            occupation_id=occupation_id,
            description=f"{employer.name} (syntetisk demo-virksomhed).",
            postcode=employer.postcode,
            starts_on=start,
            ends_on=start + timedelta(weeks=4 if kind is OfferKind.INTERNSHIP else 26),
            hours_per_week=rng.choice((15, 20, 25, 30, 37)),
            learning=LEARNING,
            contact_name="Kontaktperson (syntetisk)",
            contact_phone=f"+45 70 {rng.randint(10, 99)} {rng.randint(10, 99)} "
            f"{rng.randint(10, 99)}",
            active=True,
            created_at=employer.created_at + timedelta(days=2),
        )
    )
    session.add_all(made)
    return made


def _invitations(
    session: Session,
    rng: Random,
    offers: dict[int, list[EmployerOffer]],
    today: date,
) -> int:
    """Open invitations to the first demo citizens of each city (by the demo log-in
    page's order), who are given the share-CV consent if they had not."""
    session.flush()
    sent_at = datetime.combine(today - timedelta(days=2), time(10, 0), tzinfo=UTC)
    count = 0
    employers_by_city: dict[int, list[int]] = {}
    for employer_id in offers:
        employer = session.get(Employer, employer_id)
        if employer is not None:
            employers_by_city.setdefault(employer.municipality_id, []).append(
                employer_id
            )
    for municipality_id, employer_ids in sorted(employers_by_city.items()):
        citizens = session.execute(
            select(Citizen.id, Citizen.user_id)
            .where(
                Citizen.municipality_id == municipality_id,
                Citizen.synthetic.is_(True),
            )
            .order_by(Citizen.last_name, Citizen.first_name, Citizen.id)
            .limit(INVITED_PER_CITY)
        ).all()
        for number, (citizen_id, _user_id) in enumerate(citizens):
            if not consent_in_force(session, citizen_id, ConsentPurpose.SHARE_CV):
                # As app/demo/consents.py does: the event only, no change history.
                session.add(
                    ConsentEvent(
                        citizen_id=citizen_id,
                        purpose=ConsentPurpose.SHARE_CV,
                        provider_id=None,
                        given=True,
                        at=sent_at - timedelta(days=5),
                        receipt_code=str(
                            uuid.UUID(int=rng.getrandbits(128), version=4)
                        ),
                    )
                )
            for which in range(2):
                employer_id = employer_ids[(number * 2 + which) % len(employer_ids)]
                offer = offers[employer_id][which % 2]
                staff_user = session.scalar(
                    select(EmployerStaff.user_id).where(
                        EmployerStaff.employer_id == employer_id
                    )
                )
                session.add(
                    EmployerInvitation(
                        employer_id=employer_id,
                        offer_id=offer.id,
                        citizen_id=citizen_id,
                        kind=InvitationKind.COFFEE
                        if offer.kind is OfferKind.COFFEE
                        else InvitationKind.INTERNSHIP,
                        message="Vi synes, din profil passer godt til os. "
                        "(Syntetisk demo-invitation.)",
                        sent_by_user_id=staff_user,
                        sent_at=sent_at,
                        expires_at=sent_at + timedelta(days=14),
                        state=InvitationState.SENT,
                        share_phone=False,
                        share_email=False,
                    )
                )
                count += 1
    session.flush()
    return count
