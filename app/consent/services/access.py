"""'Hvem har set mine data': each read of the citizen's data by staff or a provider."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import DANISH_TIME
from app.models import AccessLog
from app.pagination import Page, paginate

PER_PAGE = 25


@dataclass(frozen=True)
class AccessFilter:
    since: date | None = None
    until: date | None = None
    organisation: str | None = None
    purpose: str | None = None


@dataclass(frozen=True)
class AccessChoices:
    organisations: list[str]
    purposes: list[str]


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=DANISH_TIME).astimezone(UTC)


def access_choices(session: Session, citizen_id: int) -> AccessChoices:
    """The organisations and purposes that occur in the citizen's log, for the filter."""
    organisations = session.scalars(
        select(AccessLog.organisation)
        .where(AccessLog.citizen_id == citizen_id)
        .distinct()
        .order_by(AccessLog.organisation)
    ).all()
    purposes = session.scalars(
        select(AccessLog.purpose)
        .where(AccessLog.citizen_id == citizen_id)
        .distinct()
        .order_by(AccessLog.purpose)
    ).all()
    return AccessChoices(list(organisations), list(purposes))


def list_access(
    session: Session, citizen_id: int, filters: AccessFilter, page: int
) -> Page:
    """One page of the citizen's access log, newest first (AccessLog rows)."""
    query = select(AccessLog).where(AccessLog.citizen_id == citizen_id)
    if filters.since is not None:
        query = query.where(AccessLog.at >= _start_of(filters.since))
    if filters.until is not None:
        query = query.where(AccessLog.at < _start_of(filters.until + timedelta(days=1)))
    if filters.organisation:
        query = query.where(AccessLog.organisation == filters.organisation)
    if filters.purpose:
        query = query.where(AccessLog.purpose == filters.purpose)
    query = query.order_by(AccessLog.at.desc(), AccessLog.id.desc())
    return paginate(session, query, page, PER_PAGE)
