"""SYNTHETIC demo marketplace: providers, offerings in the four demo cities, enrolment
histories with outcomes drawn from true effects the generator knows, and reviews.

None of these organisations, services, participations, outcomes or reviews is real.
The outcomes are "synthetic register data": the chance of work or education comes from
the starting position (app.ml.synthetic_services.base_chance) plus the offering's true
effect, so the ratings can be checked against the truth. Deterministic given the seed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app import geo
from app.data.demo_marketplace import (
    EXTRA_PROVIDERS,
    REVIEW_TEXTS,
    TEMPLATES,
)
from app.demo.sizes import SMALL_CITIZEN_MUNICIPALITIES
from app.demo.staff import _fictitious_cvr
from app.marketplace.services.results import recompute
from app.ml.synthetic_services import base_chance, draw_position
from app.models import (
    Citizen,
    Enrolment,
    EnrolmentState,
    Municipality,
    Offering,
    OfferingFormat,
    OfferingSkill,
    OfferingState,
    Outcome,
    OutcomeSource,
    Provider,
    ProviderMessage,
    ProviderState,
    Review,
    ReviewState,
    Skill,
    User,
)

MAX_PROVIDERS = 20
WELCOME = (
    "Velkommen! Første gang mødes vi i receptionen. Ring, hvis du bliver forhindret."
)
MIN_FINISHED = 20


def _when(today: date, days_ago: int, rng: Random) -> datetime:
    base = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    return base - timedelta(days=days_ago, hours=-rng.randint(8, 15))


def _providers(session: Session, rng: Random, today: date) -> list[Provider]:
    existing = list(session.scalars(select(Provider).order_by(Provider.id)))
    extras = EXTRA_PROVIDERS[: max(0, MAX_PROVIDERS - len(existing))]
    taken = {p.cvr for p in existing}
    for n, name in enumerate(extras):
        cvr = _fictitious_cvr(rng)
        while cvr in taken:
            cvr = _fictitious_cvr(rng)
        taken.add(cvr)
        state = ProviderState.APPROVED
        reason = None
        if n == len(extras) - 1:
            state = ProviderState.APPLIED
        elif n == len(extras) - 2:
            state, reason = (
                ProviderState.SUSPENDED,
                "Manglende indberetning af fremmøde",
            )
        session.add(
            Provider(
                name=name,
                cvr=cvr,
                state=state,
                state_reason=reason,
                contact_email=f"kontakt{n + 1}@udbyder.demo.jobunivers.dk",
                description="SYNTETISK demoudbyder: kurser og forløb for jobsøgende.",
                languages="da,en",
                areas="København, Aarhus, Odense, Aalborg",
                applied_at=_when(today, 400 - n * 20, rng),
                synthetic=True,
            )
        )
    for provider in existing:
        provider.contact_email = provider.contact_email or (
            f"info{provider.id}@udbyder.demo.jobunivers.dk"
        )
        provider.description = provider.description or (
            "SYNTETISK demoudbyder: kurser og forløb for jobsøgende."
        )
        provider.languages = provider.languages or "da,en"
        provider.areas = provider.areas or "København, Aarhus, Odense, Aalborg"
    session.flush()
    return list(session.scalars(select(Provider).order_by(Provider.id)))


def _offerings(
    session: Session, providers: list[Provider], rng: Random, today: date
) -> list[tuple[Offering, float]]:
    """60 offerings with their true effects; a few drafts and some awaiting review."""
    places = {
        code: (
            session.scalar(select(Municipality.id).where(Municipality.code == code)),
            geo.seat_of(code),
        )
        for code in SMALL_CITIZEN_MUNICIPALITIES
    }
    skills = list(session.scalars(select(Skill.id).order_by(Skill.id)))
    active = [p for p in providers if p.state is not ProviderState.APPLIED]
    made: list[tuple[Offering, float]] = []
    for n in range(60):
        kind, fmt, payment, title, text = TEMPLATES[n % len(TEMPLATES)]
        provider = active[n % len(active)]
        code = SMALL_CITIZEN_MUNICIPALITIES[n % 4]
        municipality_id, seat = places[code]
        online = fmt is OfferingFormat.ONLINE
        state = OfferingState.PUBLISHED
        if n in (57, 58):
            state = OfferingState.SUBMITTED
        elif n == 59:
            state = OfferingState.DRAFT
        offering = Offering(
            provider_id=provider.id,
            title=f"{title} – hold {n // 10 + 1}"
            if online
            else f"{title}, {seat.city}",
            kind=kind,
            format=fmt,
            municipality_id=None if online else municipality_id,
            postcode=None if online else seat.code,
            place=None if online else f"{seat.city} centrum",
            duration_weeks=rng.choice((2, 4, 6, 8, 12)),
            schedule=rng.choice(
                (
                    "Mandag og onsdag kl. 9–12",
                    "Tirsdag kl. 10–14",
                    "Når det passer dig",
                    "Torsdag og fredag kl. 9–15",
                )
            ),
            languages=rng.choice(("da", "da,en", "da,ar", "da,en,uk")),
            accessibility="Niveaufri adgang og materiale der virker med skærmlæser.",
            target_groups=rng.choice(
                (
                    "Ledige over 30 år",
                    "Alle jobsøgende",
                    "Nyuddannede og ledige under 30 år",
                )
            ),
            capacity=rng.choice((12, 20, 40, 200)),
            waiting_weeks=0 if online else rng.choice((0, 1, 2, 4)),
            payment=payment,
            description=f"{text} (SYNTETISK demotilbud.)",
            state=state,
            was_published=state is OfferingState.PUBLISHED,
            created_at=_when(today, 720 - n, rng),
            submitted_at=_when(today, 5, rng)
            if state is OfferingState.SUBMITTED
            else None,
            published_at=_when(today, 700 - n, rng)
            if state is OfferingState.PUBLISHED
            else None,
            synthetic=True,
        )
        session.add(offering)
        made.append((offering, round(rng.gauss(0.0, 0.08), 3)))
    session.flush()
    if skills:
        session.execute(
            insert(OfferingSkill),
            [
                {"offering_id": offering.id, "skill_id": skill}
                for offering, _effect in made
                for skill in rng.sample(skills, min(3, len(skills)))
            ],
        )
    return made


def create_marketplace(
    session: Session,
    seed: int,
    today: date,
    report: Callable[[str], None] | None = None,
) -> None:
    """The demo marketplace (flushes; the caller commits)."""
    rng = Random(seed + 13)
    providers = _providers(session, rng, today)
    offerings = _offerings(session, providers, rng, today)
    published = [
        (o, effect) for o, effect in offerings if o.state is OfferingState.PUBLISHED
    ]
    # A fifth of the published offerings are established and have most participants.
    weights = [25.0 if k % 5 == 0 else 1.0 for k in range(len(published))]
    citizens = list(session.scalars(select(Citizen.id).order_by(Citizen.id)))
    staff = dict(
        session.execute(
            select(User.provider_id, User.id).where(User.provider_id.is_not(None))
        ).all()
    )
    enrolments: list[dict[str, Any]] = []
    outcomes: list[tuple[int, bool, bool]] = []  # index into enrolments, y3, y6
    for citizen_id in citizens:
        for _ in range(rng.choice((0, 1, 2, 2, 3, 4, 5))):
            offering, effect = rng.choices(published, weights)[0]
            support, months, age = draw_position(rng, rng.choice((0.2, 0.4, 0.6)))
            start = _when(today, rng.randint(200, 900), rng)
            finished = rng.random() < 0.8
            end = start + timedelta(weeks=offering.duration_weeks)
            enrolments.append(
                {
                    "offering_id": offering.id,
                    "citizen_id": citizen_id,
                    "state": EnrolmentState.FINISHED
                    if finished
                    else EnrolmentState.LEFT,
                    "requested_at": start,
                    "started_at": start,
                    "ended_at": end if finished else start + timedelta(days=10),
                    "reason": None if finished else "Passede ikke til mig",
                    "attendance_percent": rng.randint(70, 100) if finished else None,
                    "completed": True if finished else None,
                    "reported_at": end if finished else None,
                    "start_support_track": support,
                    "start_months_unemployed": months,
                    "start_age": age,
                    "synthetic": True,
                }
            )
            y3 = rng.random() < min(
                0.98, max(0.02, base_chance(support, months, age, 3) + effect)
            )
            y6 = rng.random() < min(
                0.98, max(0.02, base_chance(support, months, age, 6) + effect)
            )
            outcomes.append((len(enrolments) - 1, y3, y6))
    current = rng.sample(citizens, min(len(citizens), 40))
    for k, citizen_id in enumerate(current):
        offering, _effect = published[k % len(published)]
        requested = k % 4 == 0 and not offering.starts_at_once
        start = _when(today, rng.randint(1, 30), rng)
        support, months, age = draw_position(rng, 0.4)
        enrolments.append(
            {
                "offering_id": offering.id,
                "citizen_id": citizen_id,
                "state": EnrolmentState.REQUESTED
                if requested
                else EnrolmentState.ACTIVE,
                "requested_at": start,
                "started_at": None if requested else start,
                "start_support_track": support,
                "start_months_unemployed": months,
                "start_age": age,
                "synthetic": True,
            }
        )
    columns = {key for row in enrolments for key in row}
    session.execute(
        insert(Enrolment),
        [{key: row.get(key) for key in columns} for row in enrolments],
    )
    session.flush()
    ids = list(session.scalars(select(Enrolment.id).order_by(Enrolment.id)))[
        -len(enrolments) :
    ]
    at = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    session.execute(
        insert(Outcome),
        [
            {
                "enrolment_id": ids[index],
                "months": months,
                "in_work_or_education": value,
                "source": OutcomeSource.SYNTHETIC_REGISTER,
                "recorded_at": at,
            }
            for index, y3, y6 in outcomes
            for months, value in ((3, y3), (6, y6))
        ],
    )
    effects = {o.id: effect for o, effect in published}
    reviews = []
    for index, _y3, y6 in outcomes:
        if rng.random() < 0.35:
            row = enrolments[index]
            score = 3 + effects[row["offering_id"]] * 10 + (1 if y6 else -0.5)
            rating = min(5, max(1, round(score + rng.gauss(0, 0.8))))
            reviews.append(
                {
                    "enrolment_id": ids[index],
                    "offering_id": row["offering_id"],
                    "rating": rating,
                    "text": rng.choice(REVIEW_TEXTS[rating]),
                    "created_at": row["ended_at"],
                    "state": ReviewState.SHOWN,
                }
            )
    for review in reviews[:2]:
        review.update(
            state=ReviewState.REPORTED, report_reason="Nævner en underviser ved navn"
        )
    if reviews:
        session.execute(insert(Review), reviews)
    messages = [
        {
            "enrolment_id": ids[len(outcomes) + k],
            "author_user_id": staff[provider_id],
            "body": WELCOME,
            "sent_at": at,
        }
        for k, citizen_id in enumerate(current)
        if (provider_id := published[k % len(published)][0].provider_id) in staff
        and enrolments[len(outcomes) + k]["state"] is EnrolmentState.ACTIVE
    ][:10]
    if messages:
        session.execute(insert(ProviderMessage), messages)
    stored = recompute(session, MIN_FINISHED)
    if report:
        report(
            f"Marketplace: {len(providers)} providers, {len(offerings)} offerings, "
            f"{len(enrolments)} SYNTHETIC enrolments, {len(reviews)} reviews, "
            f"{stored} results."
        )
