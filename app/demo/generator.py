"""SYNTHETIC demo data: made-up citizens, staff and providers for trying Jobunivers.

None of these people, addresses' residents, phone numbers or firms exist. Every citizen
and provider row is marked synthetic=True, every e-mail address is under
demo.jobunivers.dk, and every phone number starts with "+45 00", which no Danish number
does. The data is deterministic: the same seed gives the same people.

The load also brings the demo taxonomy (unless a taxonomy is loaded already),
synthetic job postings (app.demo.jobs) and CVs for most citizens (app.demo.profiles);
the postings' dates count from the date of loading, the one input that is not seeded.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from random import Random
from typing import Any

from sqlalchemy import exists, func, insert, select, text
from sqlalchemy.orm import Session

from app import geo
from app.auth.passwords import hash_password
from app.data.municipalities import MUNICIPALITIES
from app.demo import cases as demo_cases
from app.demo import consents, cv, history, jobs, jobsearch, names, onboarding, profiles
from app.demo.sizes import (
    SIZES,
    SMALL_CITIZEN_MUNICIPALITIES,
    citizen_counts,
)
from app.geo import PostcodeInfo
from app.models import Caseworker, Citizen, Municipality, Provider, Role, User
from app.taxonomy.importer import load_demo_taxonomy

DEMO_PASSWORD = "demo-adgangskode-2026"
DEMO_DOMAIN = "demo.jobunivers.dk"
CITIZEN_EMAIL_DOMAIN = f"borger.{DEMO_DOMAIN}"

# A fixed "today" for ages and unemployment dates: reading the clock would make two
# loads with the same seed differ.
REFERENCE_DATE = date(2026, 11, 1)

SMALL_PROVIDERS = 4
# National size: one caseworker per this many citizens (at least two per municipality).
NATIONAL_CITIZENS_PER_CASEWORKER = 500
BATCH_SIZE = 5_000

# Share of citizens with names of other origins: about 15 % nationally (immigrants and
# descendants), more in the cities and western suburbs, and higher among the unemployed.
DEFAULT_OTHER_ORIGIN_SHARE = 0.16
OTHER_ORIGIN_SHARE: dict[int, float] = {
    101: 0.30,
    147: 0.24,
    153: 0.38,
    165: 0.32,
    167: 0.26,
    169: 0.32,
    175: 0.28,
    183: 0.42,
    461: 0.26,
    751: 0.25,
    851: 0.20,
}

# Ages of registered unemployed people, by band: (youngest, oldest, weight).
AGE_BANDS: tuple[tuple[int, int, int], ...] = (
    (18, 24, 12),
    (25, 29, 15),
    (30, 39, 23),
    (40, 49, 19),
    (50, 59, 21),
    (60, 67, 10),
)

# Share of homes that are flats (with floor and side in the address), by municipality.
FLAT_SHARE: dict[int, float] = {101: 0.85, 147: 0.85, 751: 0.55, 461: 0.5, 851: 0.5}
DEFAULT_FLAT_SHARE = 0.15


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


_TRANSLITERATION = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}
)


def slugify(value: str, separator: str = "-") -> str:
    """Lower-case ASCII letters and digits joined by separator: Høje -> hoeje."""
    folded = unicodedata.normalize("NFKD", value.lower().translate(_TRANSLITERATION))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", separator, ascii_only).strip(separator)


@cache
def _email_name(name: str) -> str:
    # Cached: a national load slugs the same few hundred names 240,000 times.
    return slugify(name, ".")


def staff_email(local_part: str, municipality_name: str) -> str:
    """A demo staff address, e.g. jobkonsulent1@koebenhavn.demo.jobunivers.dk."""
    return f"{local_part}@{slugify(municipality_name)}.{DEMO_DOMAIN}"


def provider_email(provider_slug: str) -> str:
    """A demo provider's address, e.g. kontakt@jobvejen.demo.jobunivers.dk."""
    return f"kontakt@{provider_slug}.{DEMO_DOMAIN}"


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
    session.flush()
    return summary


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _fictitious_cvr(rng: Random) -> str:
    # Real CVR numbers pass a modulus-11 check; ours deliberately fail it, so a demo
    # firm can never be mistaken for (or collide with) a registered company.
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        if sum(d * w for d, w in zip(digits, weights, strict=True)) % 11:
            return "".join(map(str, digits))


class _Loader:
    """One demo load: draws everything from one seeded Random in a fixed order."""

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
        self.rng = Random(seed)
        self.report = report
        self.names_by_code = {code: name for code, name, _ in MUNICIPALITIES}
        self._danish_last = [name for name, _ in names.DANISH_LAST_NAMES]
        self._danish_last_cum = list(
            itertools.accumulate(weight for _, weight in names.DANISH_LAST_NAMES)
        )
        self._origins = list(names.OTHER_ORIGIN_WEIGHTS)
        self._origins_cum = list(
            itertools.accumulate(names.OTHER_ORIGIN_WEIGHTS.values())
        )
        self._age_cum = list(itertools.accumulate(weight for *_, weight in AGE_BANDS))
        self.municipality_ids: dict[int, int] = {}
        self.password_hash = ""
        self.next_user_id = 1

    def run(self) -> DemoSummary:
        pool = self._occupation_pool()
        municipalities = ensure_municipalities(self.session)
        self.municipality_ids = dict(
            self.session.execute(select(Municipality.code, Municipality.id))
            .tuples()
            .all()
        )
        self.report(f"Municipalities: {municipalities} ready.")
        # argon2 is deliberately slow: every demo staff account shares one hash.
        self.password_hash = hash_password(DEMO_PASSWORD)
        self.next_user_id = (self.session.scalar(select(func.max(User.id))) or 0) + 1

        providers = self._create_providers()
        counts = citizen_counts(self.size)
        caseworkers, admins = self._create_staff(counts)
        first_citizen_user_id = self.next_user_id
        citizens = self._create_citizens(counts)
        self._reset_user_id_sequence()
        postings = jobs.create_postings(
            self.session, pool, self.size, self.seed, self.load_date, self.report
        )
        with_cv = profiles.create_profiles(
            self.session,
            pool,
            self._demo_citizens(first_citizen_user_id),
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
        for line in self._login_lines(providers):
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

    def _occupation_pool(self) -> jobs.OccupationPool:
        source = jobs.taxonomy_source(self.session)
        if source is None:
            report = load_demo_taxonomy(self.session)
            self.report(f"Taxonomy: loaded the demo taxonomy ({report.source}).")
            source = jobs.DEMO_TAXONOMY
        else:
            self.report(f"Taxonomy: using the loaded {source} taxonomy.")
        return jobs.load_occupation_pool(self.session, source)

    def _demo_citizens(self, first_user_id: int) -> list[profiles.DemoCitizen]:
        rows = self.session.execute(
            select(Citizen.id, Citizen.birth_date)
            .where(Citizen.user_id >= first_user_id)
            .order_by(Citizen.id)
        )
        return [
            profiles.DemoCitizen(id=citizen_id, birth_date=born)
            for citizen_id, born in rows
        ]

    # People

    def _person(self, sex: str, birth_year: int, other_share: float) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < other_share:
            origin = rng.choices(self._origins, cum_weights=self._origins_cum)[0]
            group = names.OTHER_ORIGIN_NAMES[origin]
            first = rng.choice(group[sex])
            last = rng.choice(group["last"])
            if "/" in last:
                male, female = last.split("/")
                last = male if sex == "M" else female
            return first, last
        generation = "older" if birth_year < 1980 else "younger"
        first = rng.choice(names.DANISH_FIRST_NAMES[sex][generation])
        last = self._danish_surname()
        # About one Dane in ten carries two surnames ("Holm Jensen").
        if rng.random() < 0.1:
            middle = self._danish_surname()
            if middle != last:
                last = f"{middle} {last}"
        return first, last

    def _danish_surname(self) -> str:
        return self.rng.choices(self._danish_last, cum_weights=self._danish_last_cum)[0]

    def _birth_date(self) -> date:
        rng = self.rng
        youngest, oldest, _ = rng.choices(AGE_BANDS, cum_weights=self._age_cum)[0]
        age = rng.randint(youngest, oldest)
        # Any day in the year that makes them exactly `age` on the reference date.
        start = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age - 1)
        end = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age)
        return start + timedelta(days=rng.randint(1, (end - start).days))

    def _address(self, municipality_code: int) -> tuple[str, PostcodeInfo]:
        rng = self.rng
        localities, cum_weights = geo.towns_of(municipality_code, seat_weight=3)
        postcode = rng.choice(rng.choices(localities, cum_weights=cum_weights)[0])
        city_streets = names.CITY_STREET_NAMES.get(municipality_code)
        # The big-city streets only in the city itself, not in its villages.
        city = geo.seat_of(municipality_code).city.split()[0]
        if city_streets and postcode.city.startswith(city) and rng.random() < 0.6:
            street = rng.choice(city_streets)
        else:
            street = rng.choice(names.STREET_NAMES)
        number = str(rng.randint(1, 140) if rng.random() < 0.3 else rng.randint(1, 40))
        if rng.random() < 0.05:
            number += rng.choice("ABC")
        flat_share = FLAT_SHARE.get(municipality_code, DEFAULT_FLAT_SHARE)
        if rng.random() < flat_share:
            floor = rng.choice(("st.", "1.", "1.", "2.", "2.", "3.", "3.", "4.", "5."))
            side = rng.choice(("th.", "th.", "tv.", "tv.", "mf."))
            return f"{street} {number}, {floor} {side}", postcode
        return f"{street} {number}", postcode

    def _phone(self) -> str:
        # No Danish subscriber number begins with 0, so "+45 00 .." is plainly fake.
        digits = f"{self.rng.randrange(1_000_000):06d}"
        return f"+45 00 {digits[:2]} {digits[2:4]} {digits[4:]}"

    def _subject(self) -> str:
        return f"demo-{uuid.UUID(int=self.rng.getrandbits(128), version=4)}"

    def _take_user_id(self) -> int:
        # Ids are assigned here rather than by the database so citizens can refer to
        # their users in the same bulk insert, identically on SQLite and PostgreSQL.
        user_id = self.next_user_id
        self.next_user_id += 1
        return user_id

    def _staff_user(
        self,
        email: str,
        municipality_id: int | None,
        role: Role,
        provider_id: int | None,
    ) -> dict[str, Any]:
        sex = self.rng.choice("FM")
        birth_year = REFERENCE_DATE.year - self.rng.randint(25, 63)
        first, last = self._person(sex, birth_year, DEFAULT_OTHER_ORIGIN_SHARE)
        return {
            "id": self._take_user_id(),
            "role": role,
            "email": email,
            "password_hash": self.password_hash,
            "mitid_subject": None,
            "display_name": f"{first} {last}",
            "municipality_id": municipality_id,
            "provider_id": provider_id,
            "active": True,
            "locale": "da",
        }

    # Loading

    def _create_providers(self) -> list[tuple[Provider, str]]:
        count = SMALL_PROVIDERS if self.size == "small" else len(names.PROVIDER_NAMES)
        created = []
        for name, slug in names.PROVIDER_NAMES[:count]:
            provider = Provider(
                name=name, cvr=_fictitious_cvr(self.rng), approved=True, synthetic=True
            )
            self.session.add(provider)
            created.append((provider, slug))
        self.session.flush()
        users = [
            self._staff_user(provider_email(slug), None, Role.PROVIDER, provider.id)
            for provider, slug in created
        ]
        self.session.execute(insert(User.__table__), users)
        self.report(f"Providers: {len(created)} approved, one log-in each.")
        return created

    def _create_staff(self, counts: dict[int, int]) -> tuple[int, int]:
        users: list[dict[str, Any]] = []
        caseworkers: list[dict[str, Any]] = []
        admins = 0
        for code, name, _region in MUNICIPALITIES:
            municipality_id = self.municipality_ids[code]
            if self.size == "small":
                number = 2
            else:
                number = max(2, round(counts[code] / NATIONAL_CITIZENS_PER_CASEWORKER))
            for index in range(number):
                title = "Jobkonsulent" if index % 2 == 0 else "Sagsbehandler"
                email = staff_email(f"{title.lower()}{index // 2 + 1}", name)
                user = self._staff_user(email, municipality_id, Role.CASEWORKER, None)
                users.append(user)
                caseworkers.append({"user_id": user["id"], "job_title": title})
            users.append(
                self._staff_user(
                    staff_email("admin", name), municipality_id, Role.ADMIN, None
                )
            )
            admins += 1
        self.session.execute(insert(User.__table__), users)
        self.session.execute(insert(Caseworker.__table__), caseworkers)
        self.report(
            f"Staff: {len(caseworkers)} caseworkers and {admins} administrators."
        )
        return len(caseworkers), admins

    def _create_citizens(self, counts: dict[int, int]) -> int:
        total = sum(counts.values())
        done = 0
        for batch in _batches(self._citizen_rows(counts), BATCH_SIZE):
            # Users first: the citizens' foreign keys point at them.
            self.session.execute(insert(User.__table__), [user for user, _ in batch])
            self.session.execute(
                insert(Citizen.__table__), [citizen for _, citizen in batch]
            )
            done += len(batch)
            self.report(f"Citizens: {done:,} of {total:,}.")
        return done

    def _citizen_rows(
        self, counts: dict[int, int]
    ) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        rng = self.rng
        serial = itertools.count(1)
        for code in sorted(counts):
            municipality_id = self.municipality_ids[code]
            other_share = OTHER_ORIGIN_SHARE.get(code, DEFAULT_OTHER_ORIGIN_SHARE)
            for _ in range(counts[code]):
                sex = rng.choice("FM")
                birth_date = self._birth_date()
                first, last = self._person(sex, birth_date.year, other_share)
                street, postcode = self._address(code)
                user_id = self._take_user_id()
                unemployed_days = min(729, int(rng.expovariate(1 / 200))) + 1
                local_part = f"{_email_name(first)}.{_email_name(last)}{next(serial)}"
                user = {
                    "id": user_id,
                    "role": Role.CITIZEN,
                    "email": None,
                    "password_hash": None,
                    "mitid_subject": self._subject(),
                    "display_name": f"{first} {last}",
                    "municipality_id": municipality_id,
                    "provider_id": None,
                    "active": True,
                    "locale": "en" if rng.random() < 0.08 else "da",
                }
                citizen = {
                    "user_id": user_id,
                    "municipality_id": municipality_id,
                    "first_name": first,
                    "last_name": last,
                    "birth_date": birth_date,
                    "street": street,
                    "postcode": postcode.code,
                    "city": postcode.city,
                    "phone": self._phone(),
                    "email": f"{local_part}@{CITIZEN_EMAIL_DOMAIN}",
                    "unemployed_since": REFERENCE_DATE
                    - timedelta(days=unemployed_days),
                    "synthetic": True,
                }
                yield user, citizen

    def _reset_user_id_sequence(self) -> None:
        # PostgreSQL's sequence does not see explicit ids; move it past them so the
        # next ordinary insert does not collide.
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('user_account', 'id'), "
                    "(SELECT max(id) FROM user_account))"
                )
            )

    def _login_lines(self, providers: list[tuple[Provider, str]]) -> list[str]:
        lines = [f"Staff log-ins (password for all: {DEMO_PASSWORD}):"]
        for code in SMALL_CITIZEN_MUNICIPALITIES:
            name = self.names_by_code[code]
            for local_part in ("jobkonsulent1", "sagsbehandler1", "admin"):
                lines.append(f"  {staff_email(local_part, name)}")
        for provider, slug in providers:
            lines.append(f"  {provider_email(slug)}  ({provider.name})")
        lines.append(
            "  and jobkonsulent1@, sagsbehandler1@ and admin@<municipality>."
            f"{DEMO_DOMAIN} for every municipality."
        )
        return lines
