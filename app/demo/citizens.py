"""SYNTHETIC demo citizens: a user and a citizen row for each, inserted in bulk.

Every citizen is marked synthetic=True, logs in with a made-up MitID subject and has
an e-mail address under borger.demo.jobunivers.dk. The people come from the load's
shared Random (app.demo.people) in municipality-code order, so the same seed gives the
same citizens.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.demo import profiles
from app.demo.people import (
    DEFAULT_OTHER_ORIGIN_SHARE,
    DEMO_DOMAIN,
    OTHER_ORIGIN_SHARE,
    People,
    UserIds,
    email_name,
)
from app.models import Citizen, Role, User

CITIZEN_EMAIL_DOMAIN = f"borger.{DEMO_DOMAIN}"
BATCH_SIZE = 5_000


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class CitizenLoader:
    """Inserts the demo citizens with their users, drawing the people in a fixed order."""

    def __init__(
        self,
        session: Session,
        people: People,
        user_ids: UserIds,
        municipality_ids: dict[int, int],
        report: Callable[[str], None],
    ) -> None:
        self.session = session
        self.people = people
        self.user_ids = user_ids
        self.municipality_ids = municipality_ids
        self.report = report

    def create(self, counts: dict[int, int]) -> int:
        """Insert counts[code] citizens in each municipality; returns how many."""
        total = sum(counts.values())
        done = 0
        for batch in _batches(self._rows(counts), BATCH_SIZE):
            # Users first: the citizens' foreign keys point at them.
            self.session.execute(insert(User.__table__), [user for user, _ in batch])
            self.session.execute(
                insert(Citizen.__table__), [citizen for _, citizen in batch]
            )
            done += len(batch)
            self.report(f"Citizens: {done:,} of {total:,}.")
        return done

    def _rows(
        self, counts: dict[int, int]
    ) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        people = self.people
        rng = people.rng
        today = people.reference_date
        serial = itertools.count(1)
        for code in sorted(counts):
            municipality_id = self.municipality_ids[code]
            other_share = OTHER_ORIGIN_SHARE.get(code, DEFAULT_OTHER_ORIGIN_SHARE)
            for _ in range(counts[code]):
                sex = rng.choice("FM")
                birth_date = people.birth_date()
                first, last = people.person(sex, birth_date.year, other_share)
                street, postcode = people.address(code)
                user_id = self.user_ids.take()
                unemployed_days = min(729, int(rng.expovariate(1 / 200))) + 1
                local_part = f"{email_name(first)}.{email_name(last)}{next(serial)}"
                user = {
                    "id": user_id,
                    "role": Role.CITIZEN,
                    "email": None,
                    "password_hash": None,
                    "mitid_subject": people.subject(),
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
                    "phone": people.phone(),
                    "email": f"{local_part}@{CITIZEN_EMAIL_DOMAIN}",
                    "unemployed_since": today - timedelta(days=unemployed_days),
                    "synthetic": True,
                }
                yield user, citizen


def demo_citizens(session: Session, first_user_id: int) -> list[profiles.DemoCitizen]:
    """The citizens whose users have ids from first_user_id on, in id order."""
    rows = session.execute(
        select(Citizen.id, Citizen.birth_date)
        .where(Citizen.user_id >= first_user_id)
        .order_by(Citizen.id)
    )
    return [
        profiles.DemoCitizen(id=citizen_id, birth_date=born)
        for citizen_id, born in rows
    ]
