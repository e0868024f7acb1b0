"""SYNTHETIC demo people: names, birth dates, addresses, phone numbers and log-in ids.

Everything is drawn from the one seeded Random a demo load shares, in the order it is
asked for, so the same seed gives the same people. Every e-mail address is under
demo.jobunivers.dk and every phone number starts with "+45 00", which no Danish number
does.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from random import Random

from app import geo
from app.data import demo_names
from app.geo import PostcodeInfo

DEMO_DOMAIN = "demo.jobunivers.dk"

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

_TRANSLITERATION = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}
)


def slugify(value: str, separator: str = "-") -> str:
    """Lower-case ASCII letters and digits joined by separator: Høje -> hoeje."""
    folded = unicodedata.normalize("NFKD", value.lower().translate(_TRANSLITERATION))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", separator, ascii_only).strip(separator)


@cache
def email_name(name: str) -> str:
    """A name as it goes into an e-mail address: Søren Holm -> soeren.holm."""
    # Cached: a national load slugs the same few hundred names 240,000 times.
    return slugify(name, ".")


@dataclass
class UserIds:
    """Hands out user ids in order, starting at `next`."""

    next: int

    def take(self) -> int:
        """The next free user id."""
        # Ids are assigned here rather than by the database so citizens can refer to
        # their users in the same bulk insert, identically on SQLite and PostgreSQL.
        user_id = self.next
        self.next += 1
        return user_id


class People:
    """Draws demo people from a load's shared Random, in the order it is asked."""

    def __init__(self, rng: Random, reference_date: date) -> None:
        self.rng = rng
        self.reference_date = reference_date
        self._danish_last = [name for name, _ in demo_names.DANISH_LAST_NAMES]
        self._danish_last_cum = list(
            itertools.accumulate(weight for _, weight in demo_names.DANISH_LAST_NAMES)
        )
        self._origins = list(demo_names.OTHER_ORIGIN_WEIGHTS)
        self._origins_cum = list(
            itertools.accumulate(demo_names.OTHER_ORIGIN_WEIGHTS.values())
        )
        self._age_cum = list(itertools.accumulate(weight for *_, weight in AGE_BANDS))

    def person(self, sex: str, birth_year: int, other_share: float) -> tuple[str, str]:
        """A first and a last name; other_share of them of other origins than Danish."""
        rng = self.rng
        if rng.random() < other_share:
            origin = rng.choices(self._origins, cum_weights=self._origins_cum)[0]
            group = demo_names.OTHER_ORIGIN_NAMES[origin]
            first = rng.choice(group[sex])
            last = rng.choice(group["last"])
            if "/" in last:
                male, female = last.split("/")
                last = male if sex == "M" else female
            return first, last
        generation = "older" if birth_year < 1980 else "younger"
        first = rng.choice(demo_names.DANISH_FIRST_NAMES[sex][generation])
        last = self._danish_surname()
        # About one Dane in ten carries two surnames ("Holm Jensen").
        if rng.random() < 0.1:
            middle = self._danish_surname()
            if middle != last:
                last = f"{middle} {last}"
        return first, last

    def _danish_surname(self) -> str:
        return self.rng.choices(self._danish_last, cum_weights=self._danish_last_cum)[0]

    def birth_date(self) -> date:
        """A birth date with the ages of registered unemployed people."""
        rng = self.rng
        youngest, oldest, _ = rng.choices(AGE_BANDS, cum_weights=self._age_cum)[0]
        age = rng.randint(youngest, oldest)
        # Any day in the year that makes them exactly `age` on the reference date.
        today = self.reference_date
        start = today.replace(year=today.year - age - 1)
        end = today.replace(year=today.year - age)
        return start + timedelta(days=rng.randint(1, (end - start).days))

    def address(self, municipality_code: int) -> tuple[str, PostcodeInfo]:
        """A street address in the municipality, and its postcode."""
        rng = self.rng
        localities, cum_weights = geo.towns_of(municipality_code, seat_weight=3)
        postcode = rng.choice(rng.choices(localities, cum_weights=cum_weights)[0])
        city_streets = demo_names.CITY_STREET_NAMES.get(municipality_code)
        # The big-city streets only in the city itself, not in its villages.
        city = geo.seat_of(municipality_code).city.split()[0]
        if city_streets and postcode.city.startswith(city) and rng.random() < 0.6:
            street = rng.choice(city_streets)
        else:
            street = rng.choice(demo_names.STREET_NAMES)
        number = str(rng.randint(1, 140) if rng.random() < 0.3 else rng.randint(1, 40))
        if rng.random() < 0.05:
            number += rng.choice("ABC")
        flat_share = FLAT_SHARE.get(municipality_code, DEFAULT_FLAT_SHARE)
        if rng.random() < flat_share:
            floor = rng.choice(("st.", "1.", "1.", "2.", "2.", "3.", "3.", "4.", "5."))
            side = rng.choice(("th.", "th.", "tv.", "tv.", "mf."))
            return f"{street} {number}, {floor} {side}", postcode
        return f"{street} {number}", postcode

    def phone(self) -> str:
        """A demo phone number: +45 00 and six random digits."""
        # No Danish subscriber number begins with 0, so "+45 00 .." is plainly fake.
        digits = f"{self.rng.randrange(1_000_000):06d}"
        return f"+45 00 {digits[:2]} {digits[2:4]} {digits[4:]}"

    def subject(self) -> str:
        """A demo MitID subject: demo- and a random UUID."""
        return f"demo-{uuid.UUID(int=self.rng.getrandbits(128), version=4)}"
