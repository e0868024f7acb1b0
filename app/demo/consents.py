"""SYNTHETIC demo consents, objections, correction requests and staff reads.

Some demo citizens have given consents (sharing the CV most often, model training
least), a few share with a provider, about one in a hundred objects to profiling, the
first citizen of each job centre with caseworkers has a pending request to correct
data, and caseworkers (and chosen providers) have looked at some citizens' data, so
"Hvem har set mine data" is not empty. Runs before the screening, so objecting
citizens are never scored. Drawn from its own seeded Random in citizen id order; rows
go in with bulk_insert, so the national size stays fast.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from app.db import bulk_insert
from app.models import (
    AccessLog,
    AccessPurpose,
    AccessWhat,
    Caseworker,
    Citizen,
    ConsentEvent,
    ConsentPurpose,
    CorrectionRequest,
    CorrectionStatus,
    ProfilingObjection,
    Provider,
    ProviderState,
    User,
)

SHARES = {
    ConsentPurpose.SHARE_CV: 0.35,
    ConsentPurpose.PERSONALISE: 0.2,
    ConsentPurpose.MODEL_TRAINING: 0.08,
}
PROVIDER_SHARE = 0.04
WITHDRAWN_SHARE = 0.1
OBJECTION_SHARE = 0.01
READ_SHARE = 0.12
DAYS_BACK = 90
# What the synthetic reads showed and why, as the services record them.
CASE_WHAT = AccessWhat.CASE_VIEW
CASE_PURPOSE = AccessPurpose.CASE_WORK
PROVIDER_WHAT = AccessWhat.ENROLMENT
PROVIDER_PURPOSE = AccessPurpose.RUNNING_COURSE


def _moment(rng: Random, today: date) -> datetime:
    day = today - timedelta(days=rng.randint(1, DAYS_BACK))
    at = datetime.combine(day, time(8, 0), tzinfo=UTC)
    return at + timedelta(minutes=rng.randint(0, 9 * 60))


def _code(rng: Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def create_consents(
    session: Session, seed: int, today: date, report: Callable[[str], None]
) -> dict[str, int]:
    """Insert the demo consents, objections, correction requests and reads."""
    citizens = session.execute(
        select(Citizen.id, Citizen.municipality_id, Citizen.unemployed_since)
        .where(Citizen.synthetic.is_(True))
        .order_by(Citizen.id)
    ).all()
    draws = _ConsentDraws(Random(f"{seed}-consents"), today, session)
    first_seen: set[int] = set()
    for citizen_id, municipality_id, unemployed_since in citizens:
        # The first citizen of each job centre with caseworkers gets one of every row,
        # so each kind shows in the demo.
        first = municipality_id in draws.staff and municipality_id not in first_seen
        if first:
            first_seen.add(municipality_id)
        draws.add(citizen_id, municipality_id, unemployed_since, first)
    bulk_insert(session, ConsentEvent.__table__, draws.events)
    bulk_insert(session, ProfilingObjection.__table__, draws.objections)
    bulk_insert(session, CorrectionRequest.__table__, draws.corrections)
    bulk_insert(session, AccessLog.__table__, draws.reads)
    counts = {
        "consent events": len(draws.events),
        "objections": len(draws.objections),
        "correction requests": len(draws.corrections),
        "staff reads": len(draws.reads),
    }
    report(
        "Consents: "
        + ", ".join(f"{count:,} {name}" for name, count in counts.items())
        + "."
    )
    return counts


class _ConsentDraws:
    """Rows for one citizen at a time, from one seeded Random in citizen id order."""

    def __init__(self, rng: Random, today: date, session: Session) -> None:
        self.rng = rng
        self.today = today
        # Each municipality's caseworkers: (user id, organisation).
        self.staff: dict[int, list[tuple[int, str]]] = {}
        for user in session.scalars(
            select(User)
            .join(Caseworker, Caseworker.user_id == User.id)
            .order_by(User.id)
        ):
            if user.municipality_id is not None:
                self.staff.setdefault(user.municipality_id, []).append(
                    (user.id, user.organisation)
                )
        self.providers = session.execute(
            select(Provider.id, Provider.name)
            .where(Provider.state == ProviderState.APPROVED)
            .order_by(Provider.id)
        ).all()
        # Each provider's log-in (the lowest user id, as the rows come last to first).
        self.provider_staff = dict(
            session.execute(
                select(User.provider_id, User.id)
                .where(User.provider_id.is_not(None))
                .order_by(User.id.desc())
            ).all()
        )
        self.events: list[dict[str, Any]] = []
        self.objections: list[dict[str, Any]] = []
        self.corrections: list[dict[str, Any]] = []
        self.reads: list[dict[str, Any]] = []

    def add(
        self,
        citizen_id: int,
        municipality_id: int,
        unemployed_since: date | None,
        first: bool,
    ) -> None:
        """Draw one citizen's rows; `first` gives them one of everything."""
        rng, today = self.rng, self.today
        self._consents(citizen_id, first)
        chosen = self._provider_consent(citizen_id, first)
        if not first and rng.random() < OBJECTION_SHARE:
            self.objections.append(
                {
                    "citizen_id": citizen_id,
                    "objected_at": _moment(rng, today),
                    "reason": None,
                    "withdrawn_at": None,
                }
            )
        if first and unemployed_since is not None:
            self.corrections.append(
                _correction(rng, citizen_id, unemployed_since, today)
            )
        self._caseworker_reads(citizen_id, municipality_id, first)
        if chosen is not None and chosen.id in self.provider_staff:
            self.reads.append(
                _read(
                    rng,
                    today,
                    self.provider_staff[chosen.id],
                    "provider",
                    chosen.name,
                    citizen_id,
                    PROVIDER_WHAT,
                    PROVIDER_PURPOSE,
                )
            )

    def _consents(self, citizen_id: int, first: bool) -> None:
        rng = self.rng
        for purpose, share in SHARES.items():
            if first or rng.random() < share:
                at = _moment(rng, self.today)
                self.events.append(_event(rng, citizen_id, purpose, None, True, at))
                if not first and rng.random() < WITHDRAWN_SHARE:
                    later = at + timedelta(days=rng.randint(1, 10))
                    self.events.append(
                        _event(rng, citizen_id, purpose, None, False, later)
                    )

    def _provider_consent(self, citizen_id: int, first: bool) -> Row[Any] | None:
        """The provider the citizen shares with, if any, after recording the consent."""
        rng, providers = self.rng, self.providers
        if not providers or not (first or rng.random() < PROVIDER_SHARE):
            return None
        chosen = providers[rng.randrange(len(providers))]
        at = _moment(rng, self.today)
        self.events.append(
            _event(
                rng, citizen_id, ConsentPurpose.SHARE_WITH_PROVIDER, chosen.id, True, at
            )
        )
        return chosen

    def _caseworker_reads(
        self, citizen_id: int, municipality_id: int, first: bool
    ) -> None:
        rng, staff = self.rng, self.staff
        if municipality_id in staff and (first or rng.random() < READ_SHARE):
            for _ in range(3 if first else rng.randint(1, 3)):
                user_id, organisation = rng.choice(staff[municipality_id])
                self.reads.append(
                    _read(
                        rng, self.today, user_id, "caseworker", organisation, citizen_id
                    )
                )


def _event(
    rng: Random,
    citizen_id: int,
    purpose: ConsentPurpose,
    provider_id: int | None,
    given: bool,
    at: datetime,
) -> dict[str, Any]:
    return {
        "citizen_id": citizen_id,
        "purpose": purpose,
        "provider_id": provider_id,
        "given": given,
        "at": at,
        "receipt_code": _code(rng),
    }


def _correction(
    rng: Random, citizen_id: int, unemployed_since: date, today: date
) -> dict[str, Any]:
    proposed = unemployed_since - timedelta(days=7)
    return {
        "citizen_id": citizen_id,
        "table_name": "citizen",
        "row_id": citizen_id,
        "field": "unemployed_since",
        "current_value": unemployed_since.isoformat(),
        "proposed_value": proposed.strftime("%d.%m.%Y"),
        "reason": "Min sidste arbejdsdag var en uge før. Jeg har lønsedlen.",
        "status": CorrectionStatus.PENDING,
        "created_at": _moment(rng, today),
        "decided_at": None,
        "decided_by_user_id": None,
        "decision_reason": None,
    }


def _read(
    rng: Random,
    today: date,
    user_id: int,
    role: str,
    organisation: str,
    citizen_id: int,
    what: AccessWhat = CASE_WHAT,
    purpose: AccessPurpose = CASE_PURPOSE,
) -> dict[str, Any]:
    return {
        "at": _moment(rng, today),
        "actor_user_id": user_id,
        "actor_role": role,
        "organisation": organisation,
        "citizen_id": citizen_id,
        "what": what,
        "purpose": purpose,
    }
