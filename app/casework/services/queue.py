"""The municipality's caseworker queue: who waits, filtered, sorted and paged in one
query, the live counts, and which caseworker a user is.

A citizen waits from the moment the reason they are in the queue arose: the time they
asked to talk to a person, the time they objected to profiling, or the time the
estimate flagged them (when the case was queued). Showing, filtering and sorting by
waiting time all read that one expression, `waiting_since`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, DateTime, Select, and_, case, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import type_coerce

from app.audit import Actor, log_accesses, now
from app.dialogue.messages import is_overdue
from app.i18n import in_denmark
from app.models import (
    AccessPurpose,
    AccessWhat,
    Assessment,
    Case,
    CaseStatus,
    Caseworker,
    Citizen,
    ContactRequest,
    ContactStatus,
    MessageThread,
    ProfilingObjection,
    RouteReason,
    Track,
    User,
)
from app.pagination import Page
from app.segmentation.track import Decision, current_decisions

QUEUE_PER_PAGE = 20


class QueueSort(enum.StrEnum):
    PRIORITY = "priority"
    WAITING = "waiting"


class QueueShow(enum.StrEnum):
    OPEN = "open"  # waiting and claimed
    WAITING = "waiting"
    MINE = "mine"


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
    waiting_since: datetime
    claimed_by_me: bool
    claimed_by_name: str | None
    track: Track | None
    reasons: list[Any]
    # The current assessment, for its words (app.segmentation.wording).
    decision: Decision | None = None
    # A message from the citizen waiting for an answer, and whether it is overdue.
    message_since: datetime | None = None
    message_overdue: bool = False


@dataclass(frozen=True)
class QueueCounts:
    waiting: int
    mine: int
    others: int


def caseworker_for_user(session: Session, user_id: int) -> CaseworkerRef | None:
    """The caseworker record of a logged-in user, in the user's municipality (None for a
    user without one)."""
    row = session.execute(
        select(Caseworker.id, User.municipality_id)
        .join(User, User.id == Caseworker.user_id)
        .where(Caseworker.user_id == user_id, User.municipality_id.is_not(None))
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


def waiting_since() -> ColumnElement[datetime]:
    """When the citizen's reason for being in the queue arose (a column expression).

    Asked for a person: when they asked (the open request); objected to profiling:
    when they objected; flagged by the estimate or a caseworker: when the case was
    queued. A request or objection no longer open falls back to the queue time.
    """
    asked_at = (
        select(func.min(ContactRequest.created_at))
        .where(
            ContactRequest.citizen_id == Case.citizen_id,
            ContactRequest.status == ContactStatus.OPEN,
        )
        .correlate(Case)
        .scalar_subquery()
    )
    objected_at = (
        select(func.min(ProfilingObjection.objected_at))
        .where(
            ProfilingObjection.citizen_id == Case.citizen_id,
            ProfilingObjection.withdrawn_at.is_(None),
        )
        .correlate(Case)
        .scalar_subquery()
    )
    return type_coerce(
        case(
            (
                Case.queue_reason == RouteReason.ASKED_FOR_PERSON,
                func.coalesce(asked_at, Case.queued_at),
            ),
            (
                Case.queue_reason == RouteReason.OBJECTED,
                func.coalesce(objected_at, Case.queued_at),
            ),
            else_=Case.queued_at,
        ),
        DateTime(timezone=True),
    )


def case_waiting_since(session: Session, case_id: int) -> datetime | None:
    """When one case's reason for being in the queue arose (see waiting_since)."""
    found = session.scalar(select(waiting_since()).where(Case.id == case_id))
    return _aware(found) if found is not None else None


def waiting_days(since: datetime, at: datetime | None = None) -> int:
    """Calendar days (in Danish time) from `since` to `at` (now): 0 the same day."""
    days = (in_denmark(at or now()).date() - in_denmark(since).date()).days
    return max(0, days)


def _queue_query(
    municipality_id: int, caseworker_id: int, filters: QueueFilter, at: datetime
) -> Select[Any]:
    claimer = aliased(User)
    claimer_worker = aliased(Caseworker)
    query = (
        select(
            Case.id.label("case_id"),
            Case.citizen_id,
            Citizen.first_name,
            Citizen.last_name,
            Case.status,
            Case.queue_reason,
            Case.priority,
            Case.language,
            waiting_since().label("waiting_since"),
            Case.claimed_by_id,
            claimer.display_name.label("claimed_by_name"),
            Assessment.track,
            Assessment.reasons,
            MessageThread.awaiting_reply_since,
        )
        .join(Citizen, Citizen.id == Case.citizen_id)
        .outerjoin(MessageThread, MessageThread.citizen_id == Case.citizen_id)
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
    return _sorted(_filtered(query, caseworker_id, filters, at), filters)


def _filtered(
    query: Select[Any], caseworker_id: int, filters: QueueFilter, at: datetime
) -> Select[Any]:
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
            waiting_since() <= at - timedelta(days=filters.min_wait_days)
        )
    if filters.language:
        query = query.where(Case.language == filters.language)
    if filters.track is not None:
        query = query.where(Assessment.track == filters.track)
    return query


def _sorted(query: Select[Any], filters: QueueFilter) -> Select[Any]:
    if filters.sort is QueueSort.WAITING:
        return query.order_by(waiting_since(), Case.priority.desc(), Case.id)
    return query.order_by(Case.priority.desc(), waiting_since(), Case.id)


def _page_of_queue(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    filters: QueueFilter,
    page: int,
    per_page: int,
) -> Page:
    """One page of the queue in three small statements rather than one large one:
    the count over the cases alone (no joins, no waiting times), the page's case ids
    in order (read along the municipality-and-priority index, working out the waiting
    time only where priorities tie), then those cases' rows."""
    at = now()

    def narrowed(columns: Any) -> Select[Any]:
        query = select(columns).select_from(Case)
        if filters.track is not None:
            query = query.outerjoin(
                Assessment,
                and_(
                    Assessment.citizen_id == Case.citizen_id,
                    Assessment.current.is_(True),
                ),
            )
        query = query.where(Case.municipality_id == municipality_id)
        return _filtered(query, caseworker_id, filters, at)

    total = int(session.scalar(narrowed(func.count())) or 0)
    number = min(max(1, page), max(1, -(-total // per_page)))
    ids = list(
        session.scalars(
            _sorted(narrowed(Case.id), filters)
            .limit(per_page)
            .offset((number - 1) * per_page)
        )
    )
    rows = (
        session.execute(
            _sorted(
                _queue_query(municipality_id, caseworker_id, filters, at).where(
                    Case.id.in_(ids)
                ),
                filters,
            )
        ).all()
        if ids
        else []
    )
    return Page(items=rows, number=number, per_page=per_page, total=total)


def list_queue(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    filters: QueueFilter,
    actor: Actor,
    page: int = 1,
    per_page: int = QUEUE_PER_PAGE,
    reply_working_days: int = 2,
) -> Page:
    """One page of the municipality's open cases, filtered and sorted.

    The page shows data about each citizen on it, so each is recorded once in the
    access log, with its purpose.
    """
    at = now()
    result = _page_of_queue(
        session, municipality_id, caseworker_id, filters, page, per_page
    )
    decisions = current_decisions(session, [row.citizen_id for row in result.items])
    rows = [
        QueueRow(
            case_id=row.case_id,
            citizen_id=row.citizen_id,
            name=f"{row.first_name} {row.last_name}",
            status=row.status,
            queue_reason=row.queue_reason,
            priority=row.priority,
            language=row.language,
            waiting_since=_aware(row.waiting_since),
            claimed_by_me=row.claimed_by_id == caseworker_id,
            claimed_by_name=row.claimed_by_name,
            track=row.track,
            reasons=list(row.reasons or []),
            decision=decisions.get(row.citizen_id),
            message_since=_aware(row.awaiting_reply_since)
            if row.awaiting_reply_since
            else None,
            message_overdue=is_overdue(
                row.awaiting_reply_since, reply_working_days, at
            ),
        )
        for row in result.items
    ]
    log_accesses(
        session,
        actor,
        [row.citizen_id for row in rows],
        AccessWhat.QUEUE,
        AccessPurpose.ALLOCATING_CASES,
    )
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
            func.count(case((Case.status == CaseStatus.QUEUED, 1))).label("waiting"),
            func.count(case((mine, 1))).label("mine"),
            func.count(
                case((and_(claimed, Case.claimed_by_id != caseworker_id), 1))
            ).label("others"),
        ).where(Case.municipality_id == municipality_id)
    ).one()
    return QueueCounts(waiting=row.waiting, mine=row.mine, others=row.others)
