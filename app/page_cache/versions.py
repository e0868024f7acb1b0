"""The versions of kept pages (app.page_cache): which a write raises, and raising them.

Listeners on every SQLAlchemy session collect what each flush and each bulk statement
writes (by the rows' `citizen_id`), and the touched versions are raised in one
statement just before the transaction commits.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, TextClause

from app import signals
from app.models import Citizen, DataVersion, Enrolment, MeetingSlot, Role, User

EVERYTHING = "page:all"
# Writes to these change no kept page: staff reads are listed on "Mine data"'s own
# category page, which is not kept (the overview names the datum, not its count); the
# versions are the versions.
UNSEEN_TABLES = frozenset({"access_log", "data_version", "task_failure"})
# Updates of these change no page: the outbox's claims and sending states (the
# messages themselves are listed on "Mine data"'s category page, which is not kept).
QUIET_UPDATES = frozenset({"outbox_message"})
# Rows with a citizen that other people's pages count or offer.
SHARED = (Enrolment, MeetingSlot)
# A log-in, a language choice or a new password changes no page (the language is in
# the key); any other change to an account (its name, role, municipality) may.
QUIET_USER_FIELDS = frozenset(
    {"last_login_at", "session_version", "locale", "password_hash"}
)
# A bulk write touching more citizens than this raises `page:all` instead.
MOST_CITIZENS = 500
# What a transaction has touched so far, in session.info until it is raised.
TOUCHED = ("page_scopes", "page_citizens", "page_users")


def citizen_scope(citizen_id: int) -> str:
    return f"page:c:{citizen_id}"


def municipality_scope(municipality_id: int) -> str:
    return f"page:m:{municipality_id}"


# --- what a write touches -------------------------------------------------------------


def _touched(session: Session) -> tuple[set[str], set[int]]:
    """This transaction's scopes and citizens so far (kept in session.info)."""
    scopes = session.info.setdefault("page_scopes", set())
    citizens = session.info.setdefault("page_citizens", set())
    return scopes, citizens


def touch_everything(session: Session) -> None:
    """Mark every kept page stale when this transaction commits (a bulk write)."""
    _touched(session)[0].add(EVERYTHING)


def wrote_anything(session: Session) -> bool:
    """Whether this transaction has written anything a kept page could show (the
    access log and the versions themselves aside)."""
    pending = (*session.new, *session.dirty, *session.deleted)
    return any(row.__table__.name not in UNSEEN_TABLES for row in pending) or any(
        session.info.get(name) for name in TOUCHED
    )


@signals.bulk_written.connect
def _bulk_written(session: Session, *, table: Any, rows: list[dict[str, Any]]) -> None:
    if "citizen_id" in table.c and all(row.get("citizen_id") for row in rows):
        touch_citizens(session, {row["citizen_id"] for row in rows})
    else:
        touch_everything(session)


def touch_citizens(session: Session, citizen_ids: Iterable[int]) -> None:
    """Mark these citizens' pages (and their municipalities' queues) stale."""
    scopes, citizens = _touched(session)
    citizens.update(citizen_ids)
    if len(citizens) > MOST_CITIZENS:
        scopes.add(EVERYTHING)


def _row_scopes(session: Session, row: Any, change: str) -> None:
    """What one flushed row touches; `change` is "new", "dirty" or "deleted"."""
    if row.__table__.name in UNSEEN_TABLES:
        return
    if change == "dirty" and row.__table__.name in QUIET_UPDATES:
        return
    if isinstance(row, User):
        # A new account is on no kept page yet (a case or a note comes with its own
        # rows); a renamed, moved or closed one may be on other people's.
        state = inspect(row)
        changed = {
            column.key
            for column in state.mapper.column_attrs
            if state.attrs[column.key].history.has_changes()
        }
        if change == "new" or change == "dirty" and changed <= QUIET_USER_FIELDS:
            return
        if row.role is Role.CITIZEN and change == "dirty":
            # A citizen's account is on their own pages only.
            session.info.setdefault("page_users", set()).add(row.id)
        else:
            touch_everything(session)
        return
    if isinstance(row, Citizen):
        if row.id is not None:
            touch_citizens(session, [row.id])
        moved = inspect(row).attrs.municipality_id.history.deleted
        scopes = _touched(session)[0]
        scopes.update(municipality_scope(m) for m in moved if m is not None)
        if change == "deleted":
            touch_everything(session)
        return
    citizen_id = getattr(row, "citizen_id", None)
    if citizen_id is None or isinstance(row, SHARED):
        touch_everything(session)
    if citizen_id is not None:
        touch_citizens(session, [citizen_id])


@event.listens_for(Session, "after_flush")
def _collect_flushed(session: Session, _context: Any) -> None:
    for row in session.new:
        _row_scopes(session, row, "new")
    for row in session.dirty:
        if session.is_modified(row):
            _row_scopes(session, row, "dirty")
    for row in session.deleted:
        _row_scopes(session, row, "deleted")


def _citizens_of_statement(state: ORMExecuteState) -> set[int] | None:
    """The citizens a bulk INSERT/UPDATE/DELETE writes, when its parameters or its
    WHERE clause (`citizen_id = value`) say; None when they do not."""
    statement = state.statement
    table = getattr(statement, "table", None)
    if table is None or "citizen_id" not in table.c:
        return None
    params = state.parameters
    if state.is_insert:
        rows = params if isinstance(params, list) else [params or {}]
        found = {row.get("citizen_id") for row in rows}
        return None if None in found or not found else found  # type: ignore[return-value]
    found = set()
    for criterion in getattr(statement, "_where_criteria", ()):
        if (
            isinstance(criterion, BinaryExpression)
            and criterion.operator is operator.eq
            and getattr(criterion.left, "key", None) == "citizen_id"
            and isinstance(criterion.right, BindParameter)
            and criterion.right.value is not None
        ):
            found.add(criterion.right.value)
    return found or None


def writes(state: ORMExecuteState) -> bool:
    """Whether a statement run through a session is an INSERT, UPDATE or DELETE."""
    statement = state.statement
    if isinstance(statement, TextClause):
        return statement.text.lstrip()[:6].upper() in {"INSERT", "UPDATE", "DELETE"}
    return state.is_insert or state.is_update or state.is_delete


@event.listens_for(Session, "do_orm_execute")
def _collect_executed(state: ORMExecuteState) -> None:
    if not writes(state):
        return
    statement = state.statement
    if isinstance(statement, TextClause):
        touch_everything(state.session)
        return
    table = getattr(statement, "table", None)
    if table is not None and (
        table.name in UNSEEN_TABLES or state.is_update and table.name in QUIET_UPDATES
    ):
        return
    citizens = _citizens_of_statement(state)
    if citizens is None:
        touch_everything(state.session)
    else:
        touch_citizens(state.session, citizens)


@event.listens_for(Session, "before_commit")
def _raise_on_commit(session: Session) -> None:
    """Raise the touched versions last thing before the commit, so the rows of the
    versions are held only for the moment of the commit."""
    if session.in_nested_transaction():
        return
    session.flush()
    raise_versions(session)


def raise_versions(session: Session) -> None:
    """Raise the versions this transaction has touched so far, in one statement in
    name order (so two transactions never wait on each other's versions in turn)."""
    users = session.info.pop("page_users", None)
    if users:
        touch_citizens(
            session,
            session.scalars(select(Citizen.id).where(Citizen.user_id.in_(users))),
        )
    scopes, citizens = _touched(session)
    if not scopes and not citizens:
        return
    names = set(scopes)
    if citizens and EVERYTHING not in names:
        names.update(citizen_scope(c) for c in citizens)
        municipalities = session.scalars(
            select(Citizen.municipality_id)
            .where(Citizen.id.in_(sorted(citizens)))
            .distinct()
        )
        names.update(municipality_scope(m) for m in municipalities if m is not None)
    session.info.pop("page_scopes", None)
    session.info.pop("page_citizens", None)
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(DataVersion).values(
        [{"name": name, "version": 1} for name in sorted(names)]
    )
    statement = statement.on_conflict_do_update(
        index_elements=[DataVersion.name],
        set_={"version": DataVersion.version + 1},
    )
    session.connection().execute(statement)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    if not session.in_transaction():
        for name in TOUCHED:
            session.info.pop(name, None)
