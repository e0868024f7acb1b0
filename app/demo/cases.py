"""SYNTHETIC demo casework: a few claimed cases per demo caseworker, notes, one override,
and every citizen's target group (job-ready, activity-ready, sick-listed).

Runs after the demo's screening has filled the queues, so the caseworkers find some
cases already on their desk and the rest waiting. Made-up notes only; deterministic
given the queue (cases are taken by priority, as "take next" would).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.casework.services.overrides import OVERRIDE_REVIEW_AFTER
from app.models import (
    Assessment,
    Case,
    CaseNote,
    CaseStatus,
    Caseworker,
    Citizen,
    CitizenTargetGroup,
    OverrideReason,
    RouteReason,
    TargetGroup,
    Track,
    TrackOverride,
    User,
)

CLAIMED_PER_CASEWORKER = 2
# The demo's screening runs at load time, which would make every flag "today". The
# estimate flagged the demo's citizens over the last few weeks instead (by citizen id).
FLAGGED_OVER_DAYS = 21
# Leave most of each queue waiting, so "take the next citizen" has something to take.
MAX_SHARE_CLAIMED = 0.5
NOTES = (
    "Første samtale holdt. Borgeren vil gerne have hjælp til at skrive ansøgninger.",
    "Aftalt at borgeren søger mindst to stillinger om ugen inden for lager og logistik.",
    "Borgeren har nævnt rygproblemer; vi taler om det ved næste samtale.",
)
OVERRIDE_NOTE = (
    "Borgeren har fået tilbud om et vikariat og ønsker at klare sig selv; "
    "vi ser på det igen om tre måneder."
)


def create_demo_cases(
    session: Session,
    today: date,
    report: Callable[[str], None] | None = None,
) -> None:
    """Give each demo caseworker a few cases from their queue; one override with a note."""
    session.flush()
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
    _spread_flag_times(session, now)
    workers: dict[int, list[int]] = defaultdict(list)
    for worker_id, municipality_id in session.execute(
        select(Caseworker.id, User.municipality_id)
        .join(User, User.id == Caseworker.user_id)
        .order_by(Caseworker.id)
    ):
        workers[municipality_id].append(worker_id)
    # Plain rows, not objects: the national queues hold tens of thousands of cases.
    waiting: dict[int, list[int]] = defaultdict(list)
    for case_id, municipality_id in session.execute(
        select(Case.id, Case.municipality_id)
        .where(Case.status == CaseStatus.QUEUED)
        .order_by(Case.municipality_id, Case.priority.desc(), Case.queued_at, Case.id)
    ):
        waiting[municipality_id].append(case_id)
    claimed: list[Case] = []
    for municipality_id, queue in waiting.items():
        limit = int(len(queue) * MAX_SHARE_CLAIMED)
        taken = 0
        for worker_id in workers.get(municipality_id, []):
            for _ in range(CLAIMED_PER_CASEWORKER):
                if taken >= limit:
                    break
                case_file = session.get_one(Case, queue[taken])
                case_file.status = CaseStatus.CLAIMED
                case_file.claimed_by_id = worker_id
                case_file.claimed_at = now
                case_file.version += 1
                session.add(
                    CaseNote(
                        citizen_id=case_file.citizen_id,
                        caseworker_id=worker_id,
                        at=now,
                        text=NOTES[taken % len(NOTES)],
                    )
                )
                claimed.append(case_file)
                taken += 1
    overridden = _one_override(session, claimed, now, today)
    _target_groups(session, now)
    session.flush()
    if report:
        report(
            f"Casework: {len(claimed):,} cases claimed by demo caseworkers, with notes; "
            f"{overridden} override."
        )


def _spread_flag_times(session: Session, now: datetime) -> None:
    """Cases the estimate flagged were queued on one of the last weeks' mornings."""
    # Plain rows and one executemany: the national queues hold tens of thousands.
    changes = []
    for case_id, citizen_id, queued_at in session.execute(
        select(Case.id, Case.citizen_id, Case.queued_at)
        .where(Case.queue_reason == RouteReason.MODEL)
        .order_by(Case.id)
    ):
        days = citizen_id * 5 % FLAGGED_OVER_DAYS
        flagged = now - timedelta(days=days, hours=citizen_id % 5)
        if queued_at.tzinfo is None:  # SQLite hands back naive UTC times
            queued_at = queued_at.replace(tzinfo=UTC)
        changes.append({"id": case_id, "queued_at": min(queued_at, flagged)})
    if changes:
        session.execute(update(Case), changes)


def _one_override(
    session: Session, claimed: list[Case], now: datetime, today: date
) -> int:
    for case_file in claimed:
        current = session.scalars(
            select(Assessment).where(
                Assessment.citizen_id == case_file.citizen_id,
                Assessment.current.is_(True),
                Assessment.track == Track.SUPPORT,
                Assessment.route_reason == RouteReason.MODEL,
            )
        ).first()
        if current is None:
            continue
        assert case_file.claimed_by_id is not None
        session.add(
            TrackOverride(
                citizen_id=case_file.citizen_id,
                assessment_id=current.id,
                caseworker_id=case_file.claimed_by_id,
                municipality_id=case_file.municipality_id,
                from_track=Track.SUPPORT,
                to_track=Track.SELF_SERVICE,
                reason_code=OverrideReason.CITIZEN_WISH,
                note=OVERRIDE_NOTE,
                at=now,
            )
        )
        current.current = False
        session.add(
            Assessment(
                citizen_id=case_file.citizen_id,
                computed_at=now,
                current=True,
                model_version=current.model_version,
                probability=current.probability,
                track=Track.SELF_SERVICE,
                route_reason=RouteReason.OVERRIDE,
                reasons=list(current.reasons or []),
                inputs=dict(current.inputs or {}),
                trigger="override",
                next_review_on=today + OVERRIDE_REVIEW_AFTER,
            )
        )
        case_file.status = CaseStatus.CLOSED
        case_file.claimed_by_id = None
        case_file.claimed_at = None
        case_file.version += 1
        return 1
    return 0


# Every tenth citizen: 5 job-ready, 3 activity-ready, 2 sick-listed (with an absence).
_GROUPS = [TargetGroup.JOB_READY] * 5 + [TargetGroup.ACTIVITY_READY] * 3
_GROUPS += [TargetGroup.SICK_LISTED] * 2
_ABSENCES = (8, 13, 20, 39)


def _target_groups(session: Session, now: datetime) -> None:
    """Each SYNTHETIC citizen's target group, as the job centre set it at registration."""
    rows = []
    for (citizen_id,) in session.execute(select(Citizen.id).order_by(Citizen.id)):
        group = _GROUPS[(citizen_id * 7) % len(_GROUPS)]
        absence = (
            _ABSENCES[citizen_id % len(_ABSENCES)]
            if group is TargetGroup.SICK_LISTED
            else None
        )
        rows.append(
            {
                "citizen_id": citizen_id,
                "group": group,
                "expected_absence_weeks": absence,
                "set_at": now,
            }
        )
    if rows:
        session.execute(insert(CitizenTargetGroup), rows)
