"""SYNTHETIC demo job postings: made-up Danish employers, titles and texts.

No employer named here exists; the names are built from templates so they look like
Danish firms and institutions ("Brødrene Holm Tømrer ApS", "Plejecentret Egely").
Every posting has source="demo", synthetic=True and no URL of its own; its application
form or e-mail address and its contact are made up under demo.jobunivers.dk. Postings are
drawn from their own seeded Random, so adding them leaves the demo people unchanged.

The date of loading is the only input that is not seeded: deadlines fall 10 to 60 days
after it (so the postings are current when the demo is tried) and postings are dated
up to three weeks before it. The same seed and the same load date give the same rows.
The occupations come from app.demo.occupations, the texts from app.data.demo_postings.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app import geo
from app.data import demo_names
from app.data.demo_postings import (
    ANY_QUALIFIERS,
    APPLY,
    GENERIC_EMPLOYERS,
    INDUSTRY_EMPLOYERS,
    INTROS,
    MONTHS,
    NICE_TO_HAVE,
    OFFERS,
    PLACES,
    TASKS,
    TITLE_PREFIXES,
    TITLE_QUALIFIERS,
    TRADE_EMPLOYERS,
)
from app.data.geo_tables import POPULATION
from app.db import bulk_insert
from app.demo.occupations import DemoOccupation, OccupationPool, lower_first
from app.demo.people import DEMO_DOMAIN, slugify
from app.demo.sizes import SMALL_CITIZEN_MUNICIPALITIES, apportion, scale
from app.geo import PostcodeInfo
from app.jobs.versions import bump_postings_version
from app.models import Hours, Posting, PostingSkill

SOURCE = "demo"
SMALL_POSTINGS = 600
NATIONAL_POSTINGS = 50_000
# The small demo's citizens live in the four largest cities: each gets this many
# postings of its own on top of its population share, so everyone has jobs nearby.
SMALL_CITY_EXTRA = 90
BATCH_SIZE = 5_000
# Share of part-time postings by industry; about a quarter overall.
PART_TIME_SHARE: dict[str, float] = {
    "health": 0.35,
    "social": 0.25,
    "education": 0.25,
    "retail": 0.5,
    "hospitality": 0.45,
    "cleaning": 0.45,
    "food": 0.15,
    "sales": 0.25,
}
DEFAULT_PART_TIME_SHARE = 0.1
FULL_TIME_HOURS = 37


def posting_counts(size: str) -> dict[int, int]:
    """How many postings each municipality gets at a size, by municipality code."""
    if size != "small":
        return apportion(NATIONAL_POSTINGS * scale(size), POPULATION)
    extra = SMALL_CITY_EXTRA * len(SMALL_CITIZEN_MUNICIPALITIES)
    counts = apportion(SMALL_POSTINGS - extra, POPULATION)
    for code in counts:
        # Every municipality gets at least one, so the map covers the whole country.
        counts[code] = max(1, counts[code])
    for code in SMALL_CITIZEN_MUNICIPALITIES:
        counts[code] += SMALL_CITY_EXTRA
    return counts


def danish_date(day: date) -> str:
    """A date as Danish text: 1. december 2026."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def _how_to_apply(employer: str, serial: int) -> dict[str, str | None]:
    """The employer's (made-up) application channel and contact, from its name and the
    posting's number alone, so the seeded draws of everything else stay as they were.

    Two in three postings have an application form at <employer>.demo.jobunivers.dk,
    the rest an e-mail address there; every posting names a contact person whose phone
    number starts with +45 00, which no Danish number does.
    """
    domain = f"{slugify(employer)[:50].strip('-') or 'firma'}.{DEMO_DOMAIN}"
    digest = zlib.crc32(f"{employer}|{serial}".encode())
    first = _CONTACT_FIRST[digest % len(_CONTACT_FIRST)]
    last = demo_names.DANISH_LAST_NAMES[(digest >> 8) % 40][0]
    digits = f"{digest % 1_000_000:06d}"
    by_form = serial % 3 != 0
    return {
        "apply_url": f"https://{domain}/job/{serial}" if by_form else None,
        "apply_email": None if by_form else f"job@{domain}",
        "contact_name": f"{first} {last}",
        "contact_phone": f"+45 00 {digits[:2]} {digits[2:4]} {digits[4:]}",
    }


_CONTACT_FIRST = (
    "Anne",
    "Mette",
    "Louise",
    "Camilla",
    "Sara",
    "Ida",
    "Lars",
    "Peter",
    "Jens",
    "Mikkel",
    "Rasmus",
    "Ahmed",
    "Fatima",
    "Ali",
    "Maria",
    "Jonas",
)


def _town(city: str) -> str:
    # "Aalborg SV" -> "Aalborg": the district letters do not belong in a firm's name.
    words = city.split()
    while len(words) > 1 and (words[-1] in ("St", "Sj") or words[-1].isupper()):
        words.pop()
    return " ".join(words)


class PostingGenerator:
    """Generates the demo postings from one seeded Random, in a fixed order."""

    def __init__(self, pool: OccupationPool, seed: int, load_date: date) -> None:
        self.pool = pool
        self.rng = Random(f"jobunivers-demo-postings-{seed}")
        self.load_date = load_date
        self._weights_cum = list(itertools.accumulate(pool.demand_weights()))
        self._surnames = [name for name, _ in demo_names.DANISH_LAST_NAMES]
        self._surnames_cum = list(
            itertools.accumulate(weight for _, weight in demo_names.DANISH_LAST_NAMES)
        )
        # Employers already posting in a municipality, by industry: firms post often.
        self._employers: dict[tuple[int, str, str], list[str]] = {}

    def rows(
        self, counts: dict[int, int]
    ) -> Iterator[tuple[dict[str, Any], list[tuple[int, bool]]]]:
        """(posting row, [(skill id, required), ...]) for every posting, in order."""
        serial = itertools.count(1)
        for code in sorted(counts):
            for _ in range(counts[code]):
                yield self._posting(code, next(serial))

    def _posting(
        self, municipality_code: int, serial: int
    ) -> tuple[dict[str, Any], list[tuple[int, bool]]]:
        rng = self.rng
        occupations = self.pool.occupations
        occupation = rng.choices(occupations, cum_weights=self._weights_cum)[0]
        place = self._postcode(municipality_code)
        town = _town(place.city)
        employer = self._employer(municipality_code, occupation, town)
        hours, weekly_hours = self._hours(occupation)
        title = self._title(occupation)
        deadline = self.load_date + timedelta(days=rng.randint(10, 60))
        posted = self.load_date - timedelta(days=rng.randint(0, 21))
        required_ids, optional_ids = self._skills(occupation)
        description = self._description(
            employer,
            occupation,
            town,
            weekly_hours,
            required_ids,
            optional_ids,
            deadline,
        )
        row = {
            "source": SOURCE,
            "external_id": f"demo-{serial:06d}",
            "employer": employer,
            "title": title,
            "occupation_id": occupation.id,
            "description": description,
            "postcode": place.code,
            "city": place.city,
            "latitude": place.lat,
            "longitude": place.lon,
            "hours": hours,
            "deadline": deadline,
            "url": None,
            **_how_to_apply(employer, serial),
            "posted_on": posted,
            "synthetic": True,
            "created_at": datetime.combine(posted, time(8, 0), tzinfo=UTC),
        }
        skills = [(s, True) for s in required_ids] + [(s, False) for s in optional_ids]
        return row, skills

    def _hours(self, occupation: DemoOccupation) -> tuple[Hours, int]:
        rng = self.rng
        part_share = PART_TIME_SHARE.get(occupation.industry, DEFAULT_PART_TIME_SHARE)
        hours = Hours.PART_TIME if rng.random() < part_share else Hours.FULL_TIME
        weekly_hours = (
            rng.choice((20, 25, 28, 30, 32))
            if hours is Hours.PART_TIME
            else FULL_TIME_HOURS
        )
        return hours, weekly_hours

    def _skills(self, occupation: DemoOccupation) -> tuple[list[int], list[int]]:
        # 3-6 of the essential skills are required, up to 3 optional ones are a plus.
        rng = self.rng
        essential = occupation.essential
        wanted = min(len(essential), rng.randint(3, 6))
        required = sorted(rng.sample(range(len(essential)), wanted))
        required_ids = [essential[i] for i in required]
        optional = occupation.optional
        optional_ids = [
            optional[i]
            for i in sorted(
                rng.sample(range(len(optional)), rng.randint(0, min(3, len(optional))))
            )
        ]
        return required_ids, optional_ids

    def _postcode(self, municipality_code: int) -> PostcodeInfo:
        # Employers cluster in the seat town: it counts five times, other towns once.
        towns, cum_weights = geo.towns_of(municipality_code, seat_weight=5)
        return self.rng.choice(self.rng.choices(towns, cum_weights=cum_weights)[0])

    def _surname(self) -> str:
        return self.rng.choices(self._surnames, cum_weights=self._surnames_cum)[0]

    def _employer(
        self, municipality_code: int, occupation: DemoOccupation, town: str
    ) -> str:
        rng = self.rng
        templates = _templates_for(occupation)
        key = (municipality_code, occupation.industry, templates[0])
        known = self._employers.setdefault(key, [])
        if known and rng.random() < 0.5:
            return rng.choice(known)
        surname = self._surname()
        surname2 = self._surname()
        while surname2 == surname:
            surname2 = self._surname()
        name = rng.choice(templates).format(
            town=town, place=rng.choice(PLACES), surname=surname, surname2=surname2
        )
        known.append(name)
        return name

    def _title(self, occupation: DemoOccupation) -> str:
        rng = self.rng
        if occupation.alt_labels and rng.random() < 0.25:
            title = rng.choice(occupation.alt_labels)
            title = title[:1].upper() + title[1:]
        else:
            title = occupation.label
        roll = rng.random()
        if roll < 0.15:
            qualifiers = TITLE_QUALIFIERS.get(occupation.industry, ANY_QUALIFIERS)
            title += rng.choice(qualifiers)
        elif roll < 0.22:
            title += rng.choice(ANY_QUALIFIERS)
        elif roll < 0.28:
            title = rng.choice(TITLE_PREFIXES) + lower_first(title)
        return title[:200]

    def _description(
        self,
        employer: str,
        occupation: DemoOccupation,
        town: str,
        weekly_hours: int,
        required: list[int],
        optional: list[int],
        deadline: date,
    ) -> str:
        rng = self.rng
        hours = "på fuld tid"
        if weekly_hours < FULL_TIME_HOURS:
            hours = f"på deltid ({weekly_hours} timer om ugen)"
        sentences = [
            rng.choice(INTROS).format(
                employer=employer,
                role=lower_first(occupation.label),
                hours=hours,
                town=town,
            ),
            rng.choice(TASKS).format(skills=self._skill_list(required)),
        ]
        if optional and rng.random() < 0.6:
            sentences.append(
                rng.choice(NICE_TO_HAVE).format(skills=self._skill_list(optional))
            )
        sentences.append(f"Vi tilbyder {' og '.join(rng.sample(OFFERS, 2))}.")
        sentences.append(rng.choice(APPLY).format(deadline=danish_date(deadline)))
        return " ".join(sentences)

    def _skill_list(self, skill_ids: list[int]) -> str:
        labels = [self.pool.skill_labels[s] for s in skill_ids]
        if len(labels) == 1:
            return labels[0]
        return f"{', '.join(labels[:-1])} og {labels[-1]}"


def _templates_for(occupation: DemoOccupation) -> tuple[str, ...]:
    label = occupation.label.lower()
    for word, templates in TRADE_EMPLOYERS:
        if word in label:
            return templates
    return INDUSTRY_EMPLOYERS.get(occupation.industry, GENERIC_EMPLOYERS)


def create_postings(
    session: Session,
    pool: OccupationPool,
    size: str,
    seed: int,
    load_date: date,
    report: Callable[[str], None],
) -> int:
    """Insert the demo postings and their skills in bulk (flushes, does not commit)."""
    generator = PostingGenerator(pool, seed, load_date)
    counts = posting_counts(size)
    total = sum(counts.values())
    done = 0
    table = Posting.__table__
    # A posting's other timestamps equal its date of posting, not the clock.
    also_dated = [c.name for c in table.c if c.name == "updated_at"]
    iterator = generator.rows(counts)
    while batch := list(itertools.islice(iterator, BATCH_SIZE)):
        for row, _ in batch:
            for name in also_dated:
                row[name] = row["created_at"]
        # RETURNING in parameter order gives each posting's id for its skill rows, on
        # SQLite and PostgreSQL alike, without touching the id sequence.
        ids = session.scalars(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [row for row, _ in batch],
        ).all()
        skill_rows = [
            {"posting_id": posting_id, "skill_id": skill_id, "required": required}
            for posting_id, (_, skills) in zip(ids, batch, strict=True)
            for skill_id, required in skills
        ]
        bulk_insert(session, PostingSkill.__table__, skill_rows)
        done += len(batch)
        report(f"Postings: {done:,} of {total:,}.")
    bump_postings_version(session)
    return done
