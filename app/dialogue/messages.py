"""Messages: one secure thread per citizen with their job centre.

The thread belongs to the citizen and their municipality's job centre: the caseworker
holding the case answers, or, when nobody holds it, any caseworker of the team. A
citizen's message waits for an answer (`awaiting_reply_since`) until the job centre
writes; past the stated response time (MESSAGE_REPLY_WORKING_DAYS) it is overdue in the
caseworker's queue. Each side's reading is a read receipt (`read_at`), and every staff
read is recorded in the access log. Services flush, never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.audit import Actor, log_access, log_accesses, now, record_created
from app.dialogue import attachments
from app.i18n import in_denmark
from app.models import (
    AccessPurpose,
    AccessWhat,
    Author,
    Case,
    CaseStatus,
    Caseworker,
    Citizen,
    Message,
    MessageAttachment,
    MessageThread,
    Municipality,
    User,
)


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    size: int


@dataclass(frozen=True)
class MessageRow:
    id: int
    author: Author
    author_name: str
    body: str
    sent_at: datetime
    read_at: datetime | None
    attachments: list[AttachmentRow]


@dataclass(frozen=True)
class ThreadView:
    citizen_id: int
    citizen_name: str
    # Who answers: the caseworker holding the case, else the municipality's team.
    counterpart: str
    team: str
    messages: list[MessageRow]
    awaiting_reply_since: datetime | None
    answer_by: date | None


def aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=now().tzinfo)


def answer_by(since: datetime, working_days: int) -> date:
    """The last working day by which the job centre answers a message sent at since."""
    day = in_denmark(aware(since)).date()
    left = working_days
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def is_overdue(since: datetime | None, working_days: int, at: datetime) -> bool:
    return since is not None and answer_by(since, working_days) < in_denmark(at).date()


def thread_of(session: Session, citizen_id: int) -> MessageThread | None:
    return session.scalar(
        select(MessageThread).where(MessageThread.citizen_id == citizen_id)
    )


def open_thread(session: Session, citizen_id: int, actor: Actor) -> MessageThread:
    """The citizen's thread, made on first use (one per citizen)."""
    thread = thread_of(session, citizen_id)
    if thread is not None:
        return thread
    municipality_id = session.scalar(
        select(Citizen.municipality_id).where(Citizen.id == citizen_id)
    )
    if municipality_id is None:
        raise LookupError("no such citizen")
    thread = MessageThread(
        citizen_id=citizen_id, municipality_id=municipality_id, created_at=now()
    )
    record_created(
        session,
        thread,
        actor=actor,
        reason="the conversation with the job centre began",
        citizen_id=citizen_id,
    )
    return thread


def write(
    session: Session,
    citizen_id: int,
    author: Author,
    body: str,
    files: list[attachments.CheckedFile],
    folder: Path | None,
    actor: Actor,
) -> Message:
    """Add a message (and its checked files, stored in folder) to the citizen's thread."""
    thread = open_thread(session, citizen_id, actor)
    sent_at = now()
    message = Message(
        thread_id=thread.id,
        citizen_id=citizen_id,
        author=author,
        author_user_id=actor.user_id,
        body=body,
        sent_at=sent_at,
    )
    reason = (
        "the citizen wrote to the job centre"
        if author is Author.CITIZEN
        else "the job centre wrote to the citizen"
    )
    record_created(session, message, actor=actor, reason=reason, citizen_id=citizen_id)
    for checked in files:
        assert folder is not None, "files need a folder"
        record_created(
            session,
            MessageAttachment(
                message_id=message.id,
                citizen_id=citizen_id,
                filename=checked.filename,
                content_type=checked.content_type,
                size=len(checked.data),
                storage_key=attachments.store(folder, checked),
                sha256=checked.sha256,
            ),
            actor=actor,
            reason="a file was attached to a message",
            citizen_id=citizen_id,
        )
    if author is Author.CITIZEN:
        if thread.awaiting_reply_since is None:
            thread.awaiting_reply_since = sent_at
    else:
        thread.awaiting_reply_since = None
    session.flush()
    return message


def _mark_read(session: Session, thread: MessageThread, written_by: Author) -> None:
    """Read receipts: the other side's unread messages are read now."""
    session.execute(
        update(Message)
        .where(
            # The citizen named too, so only their kept pages are drawn again.
            Message.citizen_id == thread.citizen_id,
            Message.thread_id == thread.id,
            Message.author == written_by,
            Message.read_at.is_(None),
        )
        .values(read_at=now())
        .execution_options(synchronize_session=False)
    )


def _view(session: Session, thread: MessageThread | None, citizen: Citizen, days: int):
    team = session.scalar(
        select(Municipality.name).where(Municipality.id == citizen.municipality_id)
    )
    holder = session.scalar(
        select(User.display_name)
        .join(Caseworker, Caseworker.user_id == User.id)
        .join(Case, Case.claimed_by_id == Caseworker.id)
        .where(Case.citizen_id == citizen.id, Case.status == CaseStatus.CLAIMED)
    )
    rows: list[MessageRow] = []
    if thread is not None:
        files: dict[int, list[AttachmentRow]] = {}
        for row in session.execute(
            select(
                MessageAttachment.message_id,
                MessageAttachment.id,
                MessageAttachment.filename,
                MessageAttachment.size,
            )
            .join(Message, Message.id == MessageAttachment.message_id)
            .where(Message.thread_id == thread.id)
            .order_by(MessageAttachment.id)
        ):
            files.setdefault(row.message_id, []).append(
                AttachmentRow(row.id, row.filename, row.size)
            )
        for message, writer in session.execute(
            select(Message, User.display_name)
            .outerjoin(User, User.id == Message.author_user_id)
            .where(Message.thread_id == thread.id)
            .order_by(Message.sent_at, Message.id)
        ):
            rows.append(
                MessageRow(
                    id=message.id,
                    author=message.author,
                    author_name=writer or "",
                    body=message.body,
                    sent_at=aware(message.sent_at),
                    read_at=aware(message.read_at) if message.read_at else None,
                    attachments=files.get(message.id, []),
                )
            )
    since = thread.awaiting_reply_since if thread is not None else None
    return ThreadView(
        citizen_id=citizen.id,
        citizen_name=f"{citizen.first_name} {citizen.last_name}",
        counterpart=holder or "",
        team=team or "",
        messages=rows,
        awaiting_reply_since=aware(since) if since else None,
        answer_by=answer_by(since, days) if since else None,
    )


def citizen_thread(session: Session, citizen_id: int, working_days: int) -> ThreadView:
    """The citizen's own thread; the job centre's messages are read now."""
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise LookupError("no such citizen")
    thread = thread_of(session, citizen_id)
    if thread is not None:
        _mark_read(session, thread, Author.JOB_CENTRE)
    return _view(session, thread, citizen, working_days)


def staff_thread(
    session: Session,
    municipality_id: int,
    citizen_id: int,
    working_days: int,
    actor: Actor,
) -> ThreadView | None:
    """A citizen's thread for a caseworker of their municipality (logged), else None.

    The citizen's messages count as read by the job centre when a caseworker opens them.
    """
    citizen = session.get(Citizen, citizen_id)
    if citizen is None or citizen.municipality_id != municipality_id:
        return None
    thread = thread_of(session, citizen_id)
    log_access(session, actor, citizen_id, AccessWhat.MESSAGES, AccessPurpose.CASE_WORK)
    if thread is not None:
        _mark_read(session, thread, Author.CITIZEN)
    return _view(session, thread, citizen, working_days)


def unread_for_citizen(session: Session, citizen_id: int) -> int:
    """How many of the job centre's messages the citizen has not read."""
    return len(
        session.scalars(
            select(Message.id).where(
                Message.citizen_id == citizen_id,
                Message.author == Author.JOB_CENTRE,
                Message.read_at.is_(None),
            )
        ).all()
    )


@dataclass(frozen=True)
class WaitingThread:
    citizen_id: int
    name: str
    since: datetime
    answer_by: date
    overdue: bool


def waiting_threads(
    session: Session,
    municipality_id: int,
    working_days: int,
    actor: Actor,
    limit: int = 50,
) -> list[WaitingThread]:
    """The municipality's threads waiting for an answer, oldest first (names logged)."""
    at = now()
    rows = session.execute(
        select(
            MessageThread.citizen_id,
            MessageThread.awaiting_reply_since,
            Citizen.first_name,
            Citizen.last_name,
        )
        .join(Citizen, Citizen.id == MessageThread.citizen_id)
        .where(
            MessageThread.municipality_id == municipality_id,
            MessageThread.awaiting_reply_since.is_not(None),
        )
        .order_by(MessageThread.awaiting_reply_since, MessageThread.id)
        .limit(limit)
    ).all()
    found = [
        WaitingThread(
            citizen_id=row.citizen_id,
            name=f"{row.first_name} {row.last_name}",
            since=aware(row.awaiting_reply_since),
            answer_by=answer_by(row.awaiting_reply_since, working_days),
            overdue=is_overdue(row.awaiting_reply_since, working_days, at),
        )
        for row in rows
    ]
    log_accesses(
        session,
        actor,
        [row.citizen_id for row in found],
        AccessWhat.QUEUE,
        AccessPurpose.ALLOCATING_CASES,
    )
    return found


def attachment_for_citizen(
    session: Session, citizen_id: int, attachment_id: int
) -> MessageAttachment | None:
    """One of the citizen's own attachments, else None."""
    found = session.get(MessageAttachment, attachment_id)
    return found if found is not None and found.citizen_id == citizen_id else None


def attachment_for_staff(
    session: Session, municipality_id: int, attachment_id: int, actor: Actor
) -> MessageAttachment | None:
    """An attachment of a citizen of the caseworker's municipality (logged), else None."""
    found = session.get(MessageAttachment, attachment_id)
    if found is None:
        return None
    citizen_municipality = session.scalar(
        select(Citizen.municipality_id).where(Citizen.id == found.citizen_id)
    )
    if citizen_municipality != municipality_id:
        return None
    log_access(
        session, actor, found.citizen_id, AccessWhat.ATTACHMENT, AccessPurpose.CASE_WORK
    )
    return found


def attachment_ids(session: Session, message_id: int) -> list[int]:
    """The ids of a message's files, in order."""
    return list(
        session.scalars(
            select(MessageAttachment.id)
            .where(MessageAttachment.message_id == message_id)
            .order_by(MessageAttachment.id)
        )
    )
