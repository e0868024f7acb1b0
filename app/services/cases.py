"""The caseworker's workspace: the queue, claiming without collisions, the case view,
notes, the plan agreed with the citizen, and closing a case.

Claims never collide, also under concurrency: claim-next on PostgreSQL picks its row
with ``SELECT ... FOR UPDATE SKIP LOCKED``; everywhere else (SQLite, and claiming one
named citizen on both) a compare-and-set on ``case_file.version`` guards the claim, and
only the caseworker whose UPDATE matched the version it read goes on. The guard bumps
the version; the status change itself is then made through app.audit in the same
transaction, so the history records who claimed and when.

Functions take plain values (ids, dates, an audit Actor) and commit their own work.
"""

from __future__ import annotations

import enum
import random
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, aliased

from app.audit import (
    Actor,
    change_fields,
    log_access,
    log_accesses,
    now,
    record_created,
)
from app.models import (
    Assessment,
    Case,
    CaseNote,
    CaseStatus,
    Caseworker,
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    ContactPreferences,
    CorrectionRequest,
    CorrectionStatus,
    Education,
    JobLogEntry,
    Occupation,
    PlanItem,
    PlanKind,
    PlanStatus,
    RouteReason,
    ScreeningAnswers,
    Track,
    TrackOverride,
    User,
    WorkExperience,
)
from app.pagination import Page, paginate

QUEUE_PER_PAGE = 20
RECENT_LOG_ENTRIES = 10
# What the access log says about each opening of the case view (the citizen reads it).
CASE_VIEW_WHAT = "case view: contact data, track, screening, CV, job search, plan"
CASE_VIEW_PURPOSE = "case work: assessing and agreeing the help the citizen needs"
QUEUE_WHAT = "queue: name, why flagged, waiting time, language"
QUEUE_PURPOSE = "allocating cases: choosing whom to help next"
# A claim that loses a race on SQLite's single writer lock is simply tried again.
LOCK_RETRIES = 20


class QueueSort(enum.StrEnum):
    PRIORITY = "priority"
    WAITING = "waiting"


class QueueShow(enum.StrEnum):
    OPEN = "open"  # waiting and claimed
    WAITING = "waiting"
    MINE = "mine"


class ClaimOutcome(enum.StrEnum):
    CLAIMED = "claimed"
    ALREADY_MINE = "already_mine"
    TAKEN = "taken"  # another caseworker holds it, or it is closed
    NOT_FOUND = "not_found"  # no case, or another municipality's


@dataclass(frozen=True)
class CaseworkerRef:
    id: int
    municipality_id: int


@dataclass(frozen=True)
class QueueFilter:
    reason: RouteReason | None = None
    min_wait_days: int | None = None
    language: str | None = None
    track: Track | None = None
    show: QueueShow = QueueShow.OPEN
    sort: QueueSort = QueueSort.PRIORITY


@dataclass(frozen=True)
class QueueRow:
    case_id: int
    citizen_id: int
    name: str
    status: CaseStatus
    queue_reason: RouteReason
    priority: float
    language: str
    queued_at: datetime
    claimed_by_me: bool
    claimed_by_name: str | None
    track: Track | None
    reasons: list[Any]


@dataclass(frozen=True)
class QueueCounts:
    waiting: int
    mine: int
    others: int


def caseworker_for_user(session: Session, user_id: int) -> CaseworkerRef | None:
    """The caseworker record of a logged-in user (None for a user without one)."""
    row = session.execute(
        select(Caseworker.id, Caseworker.municipality_id).where(
            Caseworker.user_id == user_id
        )
    ).first()
    return CaseworkerRef(row.id, row.municipality_id) if row else None


def citizen_in_municipality(
    session: Session, municipality_id: int, citizen_id: int
) -> bool:
    """True when the citizen lives in the municipality (staff see no one else)."""
    found = session.scalar(
        select(Citizen.municipality_id).where(Citizen.id == citizen_id)
    )
    return found is not None and found == municipality_id


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=now().tzinfo)


def waiting_days(queued_at: datetime, at: datetime | None = None) -> int:
    """Whole days a case has waited since it was queued."""
    return max(0, ((at or now()) - _aware(queued_at)).days)


def _queue_query(
    municipality_id: int, caseworker_id: int, filters: QueueFilter, at: datetime
) -> Select[Any]:
    claimer = aliased(User)
    claimer_worker = aliased(Caseworker)
    query = (
        select(
            Case.id,
            Case.citizen_id,
            Citizen.first_name,
            Citizen.last_name,
            Case.status,
            Case.queue_reason,
            Case.priority,
            Case.language,
            Case.queued_at,
            Case.claimed_by_id,
            claimer.display_name,
            Assessment.track,
            Assessment.reasons,
        )
        .join(Citizen, Citizen.id == Case.citizen_id)
        .outerjoin(
            Assessment,
            and_(
                Assessment.citizen_id == Case.citizen_id, Assessment.current.is_(True)
            ),
        )
        .outerjoin(claimer_worker, claimer_worker.id == Case.claimed_by_id)
        .outerjoin(claimer, claimer.id == claimer_worker.user_id)
        .where(Case.municipality_id == municipality_id)
    )
    if filters.show is QueueShow.WAITING:
        query = query.where(Case.status == CaseStatus.QUEUED)
    elif filters.show is QueueShow.MINE:
        query = query.where(
            Case.status == CaseStatus.CLAIMED, Case.claimed_by_id == caseworker_id
        )
    else:
        query = query.where(Case.status != CaseStatus.CLOSED)
    if filters.reason is not None:
        query = query.where(Case.queue_reason == filters.reason)
    if filters.min_wait_days is not None:
        query = query.where(
            Case.queued_at <= at - timedelta(days=filters.min_wait_days)
        )
    if filters.language:
        query = query.where(Case.language == filters.language)
    if filters.track is not None:
        query = query.where(Assessment.track == filters.track)
    if filters.sort is QueueSort.WAITING:
        return query.order_by(Case.queued_at, Case.priority.desc(), Case.id)
    return query.order_by(Case.priority.desc(), Case.queued_at, Case.id)


def list_queue(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    filters: QueueFilter,
    actor: Actor,
    page: int = 1,
    per_page: int = QUEUE_PER_PAGE,
) -> Page:
    """One page of the municipality's open cases, filtered and sorted, in one query.

    The page shows data about each citizen on it, so each is recorded once in the
    access log, with its purpose.
    """
    result = paginate(
        session,
        _queue_query(municipality_id, caseworker_id, filters, now()),
        page,
        per_page,
    )
    rows = [
        QueueRow(
            case_id=row[0],
            citizen_id=row[1],
            name=f"{row[2]} {row[3]}",
            status=row[4],
            queue_reason=row[5],
            priority=row[6],
            language=row[7],
            queued_at=_aware(row[8]),
            claimed_by_me=row[9] == caseworker_id,
            claimed_by_name=row[10],
            track=row[11],
            reasons=list(row[12] or []),
        )
        for row in result.items
    ]
    log_accesses(
        session, actor, [row.citizen_id for row in rows], QUEUE_WHAT, QUEUE_PURPOSE
    )
    session.commit()
    return Page(
        items=rows, number=result.number, per_page=result.per_page, total=result.total
    )


def queue_languages(session: Session, municipality_id: int) -> list[str]:
    """The contact languages of the municipality's open cases, for the filter."""
    return list(
        session.scalars(
            select(Case.language)
            .where(
                Case.municipality_id == municipality_id,
                Case.status != CaseStatus.CLOSED,
            )
            .distinct()
            .order_by(Case.language)
        )
    )


def queue_counts(
    session: Session, municipality_id: int, caseworker_id: int
) -> QueueCounts:
    """Waiting, claimed by me and claimed by others, in one query."""
    claimed = Case.status == CaseStatus.CLAIMED
    mine = and_(claimed, Case.claimed_by_id == caseworker_id)
    row = session.execute(
        select(
            func.count(case((Case.status == CaseStatus.QUEUED, 1))),
            func.count(case((mine, 1))),
            func.count(case((and_(claimed, Case.claimed_by_id != caseworker_id), 1))),
        ).where(Case.municipality_id == municipality_id)
    ).one()
    return QueueCounts(waiting=row[0], mine=row[1], others=row[2])


# --- claiming ---------------------------------------------------------------------------


def _compare_and_set(session: Session, case_id: int, version: int) -> bool:
    """Bump the version of a waiting case if it is still the one we read."""
    result = session.execute(
        update(Case)
        .where(
            Case.id == case_id,
            Case.status == CaseStatus.QUEUED,
            Case.version == version,
        )
        .values(version=Case.version + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _take(session: Session, case_id: int, caseworker_id: int, actor: Actor) -> int:
    """Record the claim of a case this transaction now holds; returns the citizen id."""
    case_file = session.get(Case, case_id, populate_existing=True)
    assert case_file is not None
    change_fields(
        session,
        case_file,
        {
            "status": CaseStatus.CLAIMED,
            "claimed_by_id": caseworker_id,
            "claimed_at": now(),
        },
        actor=actor,
        reason="a caseworker took the case",
        citizen_id=case_file.citizen_id,
    )
    session.commit()
    return case_file.citizen_id


def _is_lock_error(error: OperationalError) -> bool:
    return "locked" in str(error.orig).lower()


def _with_retries(session: Session, attempt: Any) -> Any:
    for tries in range(LOCK_RETRIES):
        try:
            return attempt()
        except OperationalError as error:
            session.rollback()
            if not _is_lock_error(error) or tries == LOCK_RETRIES - 1:
                raise
            time.sleep(random.uniform(0.005, 0.05))
    return None  # pragma: no cover


def _claim_next_postgresql(
    session: Session, municipality_id: int, caseworker_id: int, actor: Actor
) -> int | None:
    row = session.execute(
        select(Case.id, Case.version)
        .where(
            Case.municipality_id == municipality_id, Case.status == CaseStatus.QUEUED
        )
        .order_by(Case.priority.desc(), Case.queued_at, Case.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    ).first()
    if row is None:
        session.rollback()
        return None
    # The row is locked by us now; the compare-and-set still bumps the version so a
    # concurrent claim of this one citizen fails cleanly once we commit.
    if not _compare_and_set(session, row.id, row.version):
        session.rollback()
        return None
    return _take(session, row.id, caseworker_id, actor)


def _claim_next_compare_and_set(
    session: Session, municipality_id: int, caseworker_id: int, actor: Actor
) -> int | None:
    skipped: set[int] = set()
    while True:
        query = (
            select(Case.id, Case.version)
            .where(
                Case.municipality_id == municipality_id,
                Case.status == CaseStatus.QUEUED,
            )
            .order_by(Case.priority.desc(), Case.queued_at, Case.id)
            .limit(1)
        )
        if skipped:
            query = query.where(Case.id.not_in(skipped))
        row = session.execute(query).first()
        # End the reading transaction, so the UPDATE starts one of its own.
        session.rollback()
        if row is None:
            return None
        if _compare_and_set(session, row.id, row.version):
            return _take(session, row.id, caseworker_id, actor)
        session.rollback()
        skipped.add(row.id)


def claim_next_case(
    session: Session, municipality_id: int, caseworker_id: int, actor: Actor
) -> int | None:
    """Claim the waiting case with the highest priority (then the oldest); its citizen id.

    None when nothing is waiting.
    """
    if session.get_bind().dialect.name == "postgresql":
        claim = _claim_next_postgresql
    else:
        claim = _claim_next_compare_and_set
    return _with_retries(
        session, lambda: claim(session, municipality_id, caseworker_id, actor)
    )


def claim_case(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    actor: Actor,
) -> ClaimOutcome:
    """Claim one named citizen's case, if it is waiting in the caseworker's municipality."""

    def attempt() -> ClaimOutcome:
        row = session.execute(
            select(Case.id, Case.version, Case.status, Case.claimed_by_id).where(
                Case.citizen_id == citizen_id, Case.municipality_id == municipality_id
            )
        ).first()
        session.rollback()
        if row is None:
            return ClaimOutcome.NOT_FOUND
        if row.status is CaseStatus.CLAIMED and row.claimed_by_id == caseworker_id:
            return ClaimOutcome.ALREADY_MINE
        if row.status is not CaseStatus.QUEUED:
            return ClaimOutcome.TAKEN
        if not _compare_and_set(session, row.id, row.version):
            session.rollback()
            return ClaimOutcome.TAKEN
        _take(session, row.id, caseworker_id, actor)
        return ClaimOutcome.CLAIMED

    return _with_retries(session, attempt)  # type: ignore[no-any-return]


def held_case(
    session: Session, municipality_id: int, caseworker_id: int, citizen_id: int
) -> Case | None:
    case_file = session.scalars(
        select(Case).where(
            Case.citizen_id == citizen_id, Case.municipality_id == municipality_id
        )
    ).first()
    if (
        case_file is None
        or case_file.status is not CaseStatus.CLAIMED
        or case_file.claimed_by_id != caseworker_id
    ):
        return None
    return case_file


def holds_claim(
    session: Session, municipality_id: int, caseworker_id: int, citizen_id: int
) -> bool:
    """True when the caseworker holds the claim on the citizen's case."""
    return held_case(session, municipality_id, caseworker_id, citizen_id) is not None


def release_case(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    actor: Actor,
) -> bool:
    """Give a claimed case back to the queue (only its holder can); False otherwise."""
    case_file = held_case(session, municipality_id, caseworker_id, citizen_id)
    if case_file is None:
        return False
    change_fields(
        session,
        case_file,
        {
            "status": CaseStatus.QUEUED,
            "claimed_by_id": None,
            "claimed_at": None,
            "version": case_file.version + 1,
        },
        actor=actor,
        reason="the caseworker released the case to the queue",
        citizen_id=citizen_id,
    )
    session.commit()
    return True


def close_case(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    note: str,
    actor: Actor,
) -> bool:
    """Close a claimed case, with the caseworker's note on why; False if not held."""
    case_file = held_case(session, municipality_id, caseworker_id, citizen_id)
    if case_file is None:
        return False
    mark_closed(session, case_file, actor, "the caseworker closed the case")
    _add_note(session, citizen_id, caseworker_id, note, actor)
    session.commit()
    return True


def mark_closed(session: Session, case_file: Case, actor: Actor, reason: str) -> None:
    change_fields(
        session,
        case_file,
        {
            "status": CaseStatus.CLOSED,
            "claimed_by_id": None,
            "claimed_at": None,
            "version": case_file.version + 1,
        },
        actor=actor,
        reason=reason,
        citizen_id=case_file.citizen_id,
    )


# --- the case view ----------------------------------------------------------------------


@dataclass(frozen=True)
class NoteRow:
    at: datetime
    author: str
    text: str


@dataclass(frozen=True)
class OverrideRow:
    at: datetime
    author: str
    from_track: Track
    to_track: Track
    reason_code: str
    note: str


@dataclass(frozen=True)
class CvSummary:
    occupations: list[str]
    skills: int
    educations: list[Education]
    experience: list[WorkExperience]

    @property
    def empty(self) -> bool:
        return not (
            self.occupations or self.skills or self.educations or self.experience
        )


@dataclass(frozen=True)
class CaseView:
    citizen: Citizen
    case: Case | None
    held_by_me: bool
    claimed_by_name: str | None
    assessment: Assessment | None
    screening: ScreeningAnswers | None
    contact: ContactPreferences | None
    cv: CvSummary
    job_log: list[JobLogEntry]
    plan: list[PlanItem]
    notes: list[NoteRow]
    overrides: list[OverrideRow]
    open_corrections: int


def _author_names(session: Session, caseworker_ids: set[int]) -> dict[int, str]:
    if not caseworker_ids:
        return {}
    rows = session.execute(
        select(Caseworker.id, User.display_name)
        .join(User, User.id == Caseworker.user_id)
        .where(Caseworker.id.in_(caseworker_ids))
    )
    return dict(rows.tuples().all())


def _cv_summary(session: Session, citizen_id: int, lang: str) -> CvSummary:
    from app.services.taxonomy import label_for

    uris = session.scalars(
        select(Occupation.uri)
        .join(CitizenOccupation, CitizenOccupation.occupation_id == Occupation.id)
        .where(CitizenOccupation.citizen_id == citizen_id)
        .order_by(CitizenOccupation.id)
    ).all()
    labels = list(dict.fromkeys(label_for(session, uri, lang) for uri in uris))
    skills = session.scalar(
        select(func.count()).where(CitizenSkill.citizen_id == citizen_id)
    )
    educations = session.scalars(
        select(Education)
        .where(Education.citizen_id == citizen_id)
        .order_by(Education.end_year.desc(), Education.id)
    ).all()
    experience = session.scalars(
        select(WorkExperience)
        .where(WorkExperience.citizen_id == citizen_id)
        .order_by(WorkExperience.started_on.desc(), WorkExperience.id)
    ).all()
    return CvSummary(labels, int(skills or 0), list(educations), list(experience))


def case_view(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    lang: str,
    actor: Actor,
) -> CaseView | None:
    """Everything a caseworker needs about one citizen of their municipality, else None.

    Each opening is recorded once in the access log, with its purpose.
    """
    citizen = session.get(Citizen, citizen_id)
    if citizen is None or citizen.municipality_id != municipality_id:
        return None
    log_access(session, actor, citizen_id, CASE_VIEW_WHAT, CASE_VIEW_PURPOSE)
    session.commit()
    case_file = session.scalars(
        select(Case).where(Case.citizen_id == citizen_id)
    ).first()
    assessment = session.scalars(
        select(Assessment)
        .where(Assessment.citizen_id == citizen_id, Assessment.current.is_(True))
        .order_by(Assessment.computed_at.desc(), Assessment.id.desc())
    ).first()
    notes = session.scalars(
        select(CaseNote)
        .where(CaseNote.citizen_id == citizen_id)
        .order_by(CaseNote.at.desc(), CaseNote.id.desc())
    ).all()
    overrides = session.scalars(
        select(TrackOverride)
        .where(TrackOverride.citizen_id == citizen_id)
        .order_by(TrackOverride.at.desc(), TrackOverride.id.desc())
    ).all()
    names = _author_names(
        session,
        {n.caseworker_id for n in notes}
        | {o.caseworker_id for o in overrides}
        | (
            {case_file.claimed_by_id}
            if case_file and case_file.claimed_by_id
            else set()
        ),
    )
    unknown = "?"
    open_corrections = session.scalar(
        select(func.count()).where(
            CorrectionRequest.citizen_id == citizen_id,
            CorrectionRequest.status == CorrectionStatus.PENDING,
        )
    )
    held = bool(
        case_file
        and case_file.status is CaseStatus.CLAIMED
        and case_file.claimed_by_id == caseworker_id
    )
    return CaseView(
        citizen=citizen,
        case=case_file,
        held_by_me=held,
        claimed_by_name=(
            names.get(case_file.claimed_by_id)
            if case_file and case_file.claimed_by_id
            else None
        ),
        assessment=assessment,
        screening=session.scalars(
            select(ScreeningAnswers).where(ScreeningAnswers.citizen_id == citizen_id)
        ).first(),
        contact=session.scalars(
            select(ContactPreferences).where(
                ContactPreferences.citizen_id == citizen_id
            )
        ).first(),
        cv=_cv_summary(session, citizen_id, lang),
        job_log=list(
            session.scalars(
                select(JobLogEntry)
                .where(JobLogEntry.citizen_id == citizen_id)
                .order_by(JobLogEntry.on_date.desc(), JobLogEntry.id.desc())
                .limit(RECENT_LOG_ENTRIES)
            )
        ),
        plan=list(
            session.scalars(
                select(PlanItem)
                .where(PlanItem.citizen_id == citizen_id)
                .order_by(
                    PlanItem.status != PlanStatus.OPEN,
                    PlanItem.due_on.is_(None),
                    PlanItem.due_on,
                    PlanItem.id,
                )
            )
        ),
        notes=[
            NoteRow(n.at, names.get(n.caseworker_id, unknown), n.text) for n in notes
        ],
        overrides=[
            OverrideRow(
                o.at,
                names.get(o.caseworker_id, unknown),
                o.from_track,
                o.to_track,
                o.reason_code.value,
                o.note,
            )
            for o in overrides
        ],
        open_corrections=int(open_corrections or 0),
    )


# --- acting on a case: the caseworker must hold the claim --------------------------------


def _add_note(
    session: Session, citizen_id: int, caseworker_id: int, text: str, actor: Actor
) -> CaseNote:
    note = CaseNote(
        citizen_id=citizen_id, caseworker_id=caseworker_id, at=now(), text=text
    )
    record_created(
        session, note, actor=actor, reason="case note", citizen_id=citizen_id
    )
    return note


def add_note(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    text: str,
    actor: Actor,
) -> bool:
    """Add a note to a case the caseworker holds; False if they do not hold it."""
    if not holds_claim(session, municipality_id, caseworker_id, citizen_id):
        return False
    _add_note(session, citizen_id, caseworker_id, text, actor)
    session.commit()
    return True


def add_agreed_plan_item(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    kind: PlanKind,
    text: str,
    due_on: date | None,
    actor: Actor,
) -> bool:
    """Add a goal or activity agreed with the citizen; False if the claim is not held."""
    if not holds_claim(session, municipality_id, caseworker_id, citizen_id):
        return False
    at = now()
    item = PlanItem(
        citizen_id=citizen_id,
        kind=kind,
        text=text,
        due_on=due_on,
        status=PlanStatus.OPEN,
        author_role="caseworker",
        agreed_at=at,
        created_at=at,
    )
    record_created(
        session,
        item,
        actor=actor,
        reason="agreed with the citizen in their plan",
        citizen_id=citizen_id,
    )
    session.commit()
    return True


def agree_plan_item(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    item_id: int,
    actor: Actor,
) -> bool:
    """Mark the citizen's own open plan item as agreed; False if not possible."""
    if not holds_claim(session, municipality_id, caseworker_id, citizen_id):
        return False
    item = session.get(PlanItem, item_id)
    if (
        item is None
        or item.citizen_id != citizen_id
        or item.agreed_at is not None
        or item.status is PlanStatus.CANCELLED
    ):
        return False
    change_fields(
        session,
        item,
        {"agreed_at": now()},
        actor=actor,
        reason="the caseworker and the citizen agreed the plan item",
        citizen_id=citizen_id,
    )
    session.commit()
    return True
