"""SYNTHETIC demo job search: job-search logs, plans and requests to talk to a person.

Applications name employers and titles of the demo postings. About two in three demo
citizens keep a log; two in five have a plan agreed with a caseworker; three in a
hundred have asked to talk to a person. Drawn from their own seeded Random, citizen
by citizen in id order, so the same seed and load date give the same rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from random import Random
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import bulk_insert
from app.models import Citizen, Posting
from app.models.jobsearch import (
    ContactRequest,
    ContactStatus,
    JobLogEntry,
    LogKind,
    LogStatus,
    PlanItem,
    PlanKind,
    PlanStatus,
)
from app.models.profile import Channel

BATCH_SIZE = 10_000
POSTING_SAMPLE = 5_000
LOG_SHARE = 0.65
PLAN_SHARE = 0.4
OWN_GOAL_SHARE = 0.2
CONTACT_SHARE = 0.03
LOG_DAYS = 56

APPLICATION_STATUSES = (
    LogStatus.SENT,
    LogStatus.NO_REPLY,
    LogStatus.REJECTED,
    LogStatus.INTERVIEW,
    LogStatus.OFFER,
)
APPLICATION_WEIGHTS = (45, 25, 20, 8, 2)
# One entry per unit of weight: rng.choice on it is a weighted draw, and quick.
STATUS_POOL = tuple(
    status
    for status, weight in zip(APPLICATION_STATUSES, APPLICATION_WEIGHTS, strict=True)
    for _ in range(weight)
)
ACTIVITIES = (
    ("Jobmesse", "Jobcentret"),
    ("Netværksmøde i a-kassen", None),
    ("CV-værksted", "Jobcentret"),
    ("Ringede til en virksomhed for at høre om ledige stillinger", None),
    ("Opdaterede mit CV og min profil", None),
    ("Kursus i jobsøgning", "A-kassen"),
)
NOTES = (
    None,
    None,
    None,
    "Sendt via virksomhedens hjemmeside.",
    "Ringede først og talte med lederen.",
    "Fik svar om, at stillingen var besat.",
    "Samtale aftalt - husk eksamensbeviser.",
)
CASEWORKER_GOALS = (
    "Finde et job inden for mit fag inden for tre måneder",
    "Komme i job som ufaglært, mens jeg overvejer uddannelse",
    "Søge job i et andet fag, hvor mine kompetencer kan bruges",
)
CASEWORKER_ACTIVITIES = (
    "Søge mindst fire job om ugen og skrive dem i joblog",
    "Deltage i CV-værksted på jobcentret",
    "Opdatere CV med de seneste job og kurser",
    "Tage truckcertifikat",
    "Deltage i jobmesse",
)
OWN_GOALS = (
    "Få et job tæt på hjemmet",
    "Prøve et nyt fag gennem virksomhedspraktik",
    "Blive bedre til dansk på jobbet",
)
MESSAGES = (
    None,
    "Jeg vil gerne tale om mulighederne for uddannelse.",
    "Jeg har svært ved at finde job, der passer til mine timer.",
    "Jeg har spørgsmål til min joblog.",
)


@cache
def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


class JobSearchGenerator:
    """Rows for one citizen at a time, from one seeded Random."""

    def __init__(
        self, postings: Sequence[tuple[str, str]], seed: int, today: date
    ) -> None:
        self.postings = postings
        self.rng = Random(f"jobunivers-demo-jobsearch-{seed}")
        self.today = today

    def rows(self, citizen_ids: Sequence[int]) -> Iterator[tuple[list, list, list]]:
        for citizen_id in citizen_ids:
            yield (
                self._log(citizen_id),
                self._plan(citizen_id),
                self._contact(citizen_id),
            )

    def _log(self, citizen_id: int) -> list[dict[str, Any]]:
        rng = self.rng
        if not self.postings or rng.random() >= LOG_SHARE:
            return []
        rows = []
        for _ in range(rng.randint(1, 5)):
            employer, title = rng.choice(self.postings)
            day = self.today - timedelta(days=rng.randrange(LOG_DAYS))
            rows.append(
                self._entry(
                    citizen_id,
                    LogKind.APPLICATION,
                    employer,
                    title,
                    day,
                    rng.choice(STATUS_POOL),
                    rng.choice(NOTES),
                )
            )
        if rng.random() < 0.35:
            employer, title = rng.choice(self.postings)
            day = self.today + timedelta(days=rng.randint(1, 14))
            rows.append(
                self._entry(
                    citizen_id,
                    LogKind.PLANNED,
                    employer,
                    title,
                    day,
                    LogStatus.PLANNED,
                    None,
                )
            )
        if rng.random() < 0.25:
            title, employer = rng.choice(ACTIVITIES)
            day = self.today - timedelta(days=rng.randrange(LOG_DAYS))
            rows.append(
                self._entry(
                    citizen_id,
                    LogKind.ACTIVITY,
                    employer,
                    title,
                    day,
                    LogStatus.DONE,
                    None,
                )
            )
        return rows

    def _entry(
        self,
        citizen_id: int,
        kind: LogKind,
        employer: str | None,
        title: str,
        day: date,
        status: LogStatus,
        note: str | None,
    ) -> dict[str, Any]:
        written = min(day, self.today)
        return {
            "citizen_id": citizen_id,
            "kind": kind,
            "employer": employer[:200] if employer else None,
            "title": title[:200],
            "on_date": day,
            "status": status,
            "note": note,
            "created_at": _at(written, 12),
        }

    def _plan(self, citizen_id: int) -> list[dict[str, Any]]:
        rng = self.rng
        rows = []
        if rng.random() < PLAN_SHARE:
            agreed = self.today - timedelta(days=rng.randint(7, 90))
            rows.append(
                self._item(
                    citizen_id,
                    PlanKind.GOAL,
                    rng.choice(CASEWORKER_GOALS),
                    agreed + timedelta(days=90),
                    PlanStatus.OPEN,
                    agreed,
                )
            )
            for text in rng.sample(CASEWORKER_ACTIVITIES, rng.randint(1, 2)):
                due = agreed + timedelta(days=rng.randint(7, 60))
                done = due < self.today and rng.random() < 0.7
                rows.append(
                    self._item(
                        citizen_id,
                        PlanKind.ACTIVITY,
                        text,
                        due,
                        PlanStatus.DONE if done else PlanStatus.OPEN,
                        agreed,
                    )
                )
        if rng.random() < OWN_GOAL_SHARE:
            written = self.today - timedelta(days=rng.randint(1, 30))
            rows.append(
                {
                    "citizen_id": citizen_id,
                    "kind": PlanKind.GOAL,
                    "text": rng.choice(OWN_GOALS),
                    "due_on": None,
                    "status": PlanStatus.OPEN,
                    "author_role": "citizen",
                    "agreed_at": None,
                    "created_at": _at(written, 19),
                }
            )
        return rows

    @staticmethod
    def _item(
        citizen_id: int,
        kind: PlanKind,
        text: str,
        due: date,
        status: PlanStatus,
        agreed: date,
    ) -> dict[str, Any]:
        return {
            "citizen_id": citizen_id,
            "kind": kind,
            "text": text,
            "due_on": due,
            "status": status,
            "author_role": "caseworker",
            "agreed_at": _at(agreed, 10),
            "created_at": _at(agreed, 10),
        }

    def _contact(self, citizen_id: int) -> list[dict[str, Any]]:
        rng = self.rng
        if rng.random() >= CONTACT_SHARE:
            return []
        asked = self.today - timedelta(days=rng.randint(0, 3))
        return [
            {
                "citizen_id": citizen_id,
                "created_at": _at(asked, 9),
                "channel": rng.choice(tuple(Channel)),
                "message": rng.choice(MESSAGES),
                "status": ContactStatus.OPEN,
            }
        ]


def create_job_search(
    session: Session, seed: int, today: date, report: Callable[[str], None]
) -> tuple[int, int, int]:
    """Insert demo logs, plans and open requests in bulk; returns the three row counts.

    Run after the postings, whose employers and titles the applications use.
    """
    postings = list(
        session.execute(
            select(Posting.employer, Posting.title)
            .order_by(Posting.id)
            .limit(POSTING_SAMPLE)
        ).tuples()
    )
    citizen_ids = list(
        session.scalars(
            select(Citizen.id).where(Citizen.synthetic.is_(True)).order_by(Citizen.id)
        )
    )
    generator = JobSearchGenerator(postings, seed, today)
    counts = [0, 0, 0]
    tables = (JobLogEntry.__table__, PlanItem.__table__, ContactRequest.__table__)
    iterator = generator.rows(citizen_ids)
    done = 0
    while batch := list(itertools.islice(iterator, BATCH_SIZE)):
        for index, table in enumerate(tables):
            rows = [row for citizen in batch for row in citizen[index]]
            bulk_insert(session, table, rows)
            counts[index] += len(rows)
        done += len(batch)
        report(f"Job search: {done:,} of {len(citizen_ids):,} citizens.")
    report(
        f"Job search: {counts[0]:,} log entries, {counts[1]:,} plan items, "
        f"{counts[2]:,} open requests to talk to a person."
    )
    return counts[0], counts[1], counts[2]
