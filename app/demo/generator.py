"""SYNTHETIC demo data: made-up citizens, staff and providers for trying Jobunivers.

None of these people, addresses' residents, phone numbers or firms exist. Every citizen
and provider row is marked synthetic=True, every e-mail address is under
demo.jobunivers.dk, and every phone number starts with "+45 00", which no Danish number
does. The data is deterministic: the same seed gives the same people.

The load also brings the demo taxonomy (unless a taxonomy is loaded already),
synthetic job postings (app.demo.jobs) and CVs for most citizens (app.demo.profiles);
the postings' dates count from the date of loading, the one input that is not seeded.
The people are drawn in app.demo.people; app.demo.staff and app.demo.citizens insert
them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from random import Random

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import Session

from app.auth.passwords import hash_password
from app.data.municipalities import MUNICIPALITIES
from app.demo import cases as demo_cases
from app.demo import consents, cv, history, jobs, jobsearch, onboarding, profiles
from app.demo import dialogue as demo_dialogue
from app.demo import employers as demo_employers
from app.demo import marketplace as demo_marketplace
from app.demo.citizens import CitizenLoader, demo_citizens
from app.demo.occupations import (
    DEMO_TAXONOMY,
    OccupationPool,
    load_occupation_pool,
    taxonomy_source,
)
from app.demo.people import DEMO_DOMAIN, People, UserIds
from app.demo.sizes import SIZES, citizen_counts
from app.demo.staff import DEMO_PASSWORD, StaffLoader, login_lines
from app.models import Municipality, User
from app.taxonomy.importer import load_demo_taxonomy

# A fixed "today" for ages and unemployment dates: reading the clock would make two
# loads with the same seed differ.
REFERENCE_DATE = date(2026, 11, 1)


class DemoAlreadyLoadedError(RuntimeError):
    """Raised when demo data is loaded into a database that already has it."""


@dataclass(frozen=True)
class DemoSummary:
    """How much demo data one load created."""

    municipalities: int
    citizens: int
    caseworkers: int
    providers: int
    admins: int
    size: str
    # Left out of comparisons so summaries compare as they did before postings and
    # CVs were added; read them as ordinary fields.
    postings: int = field(default=0, compare=False)
    citizens_with_cv: int = field(default=0, compare=False)


def is_loaded(session: Session) -> bool:
    """True once demo data is present (a demo staff account exists)."""
    return bool(
        session.scalar(select(exists().where(User.email.like(f"%@%.{DEMO_DOMAIN}"))))
    )


def ensure_municipalities(session: Session) -> int:
    """Insert or update all 98 municipalities (flushes, does not commit); returns 98."""
    existing = {m.code: m for m in session.scalars(select(Municipality))}
    for code, name, region in MUNICIPALITIES:
        municipality = existing.get(code)
        if municipality is None:
            session.add(Municipality(code=code, name=name, region=region))
        elif (municipality.name, municipality.region) != (name, region):
            municipality.name = name
            municipality.region = region
    session.flush()
    return len(MUNICIPALITIES)


def load_demo(
    session: Session,
    size: str = "small",
    seed: int = 2026,
    progress: Callable[[str], None] | None = None,
    load_date: date | None = None,
) -> DemoSummary:
    """Create the synthetic demo data set (flushes; the caller commits); raises if it is
    already loaded.

    load_date (default: today) is the only input besides the seed: postings' deadlines
    fall 10-60 days after it. The same seed and load date give identical rows.
    """
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; choose one of {SIZES}")
    if is_loaded(session):
        raise DemoAlreadyLoadedError(
            "Demo data is already loaded; load it into a fresh database instead."
        )
    report = progress or (lambda _message: None)
    summary = _Loader(session, size, seed, report, load_date or date.today()).run()
    consents.create_consents(session, seed, load_date or date.today(), report)
    history.add_history_and_screen(session, load_date or date.today(), seed, report)
    demo_cases.create_demo_cases(session, load_date or date.today(), report)
    demo_employers.create_demo_employers(
        session, seed, load_date or date.today(), report
    )
    demo_marketplace.create_marketplace(
        session, seed, load_date or date.today(), report
    )
    demo_dialogue.create_demo_dialogue(session, load_date or date.today(), report)
    # The companies' log-ins were inserted with explicit ids too.
    reset_user_id_sequence(session)
    session.flush()
    return summary


def reset_user_id_sequence(session: Session) -> None:
    """Move PostgreSQL's user id sequence past the ids the demo inserted explicitly
    (the sequence does not see them), so the next ordinary insert does not collide."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('user_account', 'id'), "
                "(SELECT max(id) FROM user_account))"
            )
        )


class _Loader:
    """One demo load: people from one seeded Random in a fixed order, then the rest."""

    def __init__(
        self,
        session: Session,
        size: str,
        seed: int,
        report: Callable[[str], None],
        load_date: date,
    ) -> None:
        self.session = session
        self.size = size
        self.seed = seed
        self.load_date = load_date
        self.report = report
        self.people = People(Random(seed), REFERENCE_DATE)

    def run(self) -> DemoSummary:
        pool = self._occupation_pool()
        municipalities = ensure_municipalities(self.session)
        municipality_ids = dict(
            self.session.execute(select(Municipality.code, Municipality.id))
            .tuples()
            .all()
        )
        self.report(f"Municipalities: {municipalities} ready.")
        # argon2 is deliberately slow: every demo staff account shares one hash.
        password_hash = hash_password(DEMO_PASSWORD)
        user_ids = UserIds((self.session.scalar(select(func.max(User.id))) or 0) + 1)

        staff = StaffLoader(
            self.session, self.people, user_ids, password_hash, self.report
        )
        providers = staff.create_providers(self.size)
        counts = citizen_counts(self.size)
        caseworkers, admins = staff.create_staff(self.size, counts, municipality_ids)
        first_citizen_user_id = user_ids.next
        citizens = CitizenLoader(
            self.session, self.people, user_ids, municipality_ids, self.report
        ).create(counts)
        reset_user_id_sequence(self.session)
        postings, with_cv = self._postings_and_profiles(pool, first_citizen_user_id)
        for line in login_lines(providers):
            self.report(line)
        return DemoSummary(
            municipalities=municipalities,
            citizens=citizens,
            caseworkers=caseworkers,
            providers=len(providers),
            admins=admins,
            size=self.size,
            postings=postings,
            citizens_with_cv=with_cv,
        )

    def _postings_and_profiles(
        self, pool: OccupationPool, first_citizen_user_id: int
    ) -> tuple[int, int]:
        """Postings, then the citizens' CVs, onboarding and job search; returns the
        number of postings and of citizens with a CV."""
        postings = jobs.create_postings(
            self.session, pool, self.size, self.seed, self.load_date, self.report
        )
        with_cv = profiles.create_profiles(
            self.session,
            pool,
            demo_citizens(self.session, first_citizen_user_id),
            self.seed,
            REFERENCE_DATE,
            self.report,
        )
        onboarding.create_onboarding(
            self.session, self.seed, REFERENCE_DATE, self.report
        )
        cv.create_cvs(self.session, self.seed, REFERENCE_DATE, self.report)
        jobsearch.create_job_search(
            self.session, self.seed, self.load_date, self.report
        )
        if self.size == "small":
            widened = profiles.widen_searches_without_matches(self.session)
            self.report(f"{widened} citizens widened their search to find matches.")
        return postings, with_cv

    def _occupation_pool(self) -> OccupationPool:
        source = taxonomy_source(self.session)
        if source is None:
            report = load_demo_taxonomy(self.session)
            self.report(f"Taxonomy: loaded the demo taxonomy ({report.source}).")
            source = DEMO_TAXONOMY
        else:
            self.report(f"Taxonomy: using the loaded {source} taxonomy.")
        return load_occupation_pool(self.session, source)
