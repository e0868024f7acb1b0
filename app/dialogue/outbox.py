"""Sending the outbox: each message once, also when several workers run.

A worker claims a batch with one UPDATE that only takes rows still `pending` and marks
them `sending` under its own token, and commits that claim before it sends anything;
another worker's UPDATE then finds them taken (SQLite lets one writer in at a time;
PostgreSQL re-checks the row after the first writer's lock, and picks rows with SKIP
LOCKED). After sending, the batch is marked `sent`. A worker that dies mid-batch leaves
its rows `sending`: they are not sent again by themselves (at most once), and
administrators see them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.audit import now
from app.dialogue.senders import Outgoing, Sender
from app.models import OutboxChannel, OutboxMessage, OutboxStatus


@dataclass
class OutboxRun:
    sent: int = 0
    failed: int = 0
    batches: int = 0


def _claim(session: Session, token: str, batch: int) -> list[int]:
    pick = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status == OutboxStatus.PENDING)
        .order_by(OutboxMessage.id)
        .limit(batch)
    )
    if session.get_bind().dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    ids = list(session.scalars(pick))
    if not ids:
        return []
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status == OutboxStatus.PENDING)
        .values(
            status=OutboxStatus.SENDING,
            claimed_by=token,
            attempts=OutboxMessage.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    return list(
        session.scalars(
            select(OutboxMessage.id).where(
                OutboxMessage.id.in_(ids), OutboxMessage.claimed_by == token
            )
        )
    )


def send_pending(
    session: Session,
    senders: dict[OutboxChannel, Sender],
    checkpoint: Callable[[], None],
    batch: int = 1000,
) -> OutboxRun:
    """Send every pending message; `checkpoint` commits (the job's session.commit)."""
    token = uuid.uuid4().hex
    run = OutboxRun()
    while True:
        ids = _claim(session, token, batch)
        checkpoint()  # the claim is saved before anything leaves
        if not ids:
            return run
        rows = session.execute(
            select(
                OutboxMessage.id,
                OutboxMessage.channel,
                OutboxMessage.recipient,
                OutboxMessage.subject,
                OutboxMessage.body,
            ).where(OutboxMessage.id.in_(ids))
        ).all()
        sent, failed = [], []
        for row in rows:
            try:
                senders[row.channel].send(
                    Outgoing(
                        row.id, row.channel.value, row.recipient, row.subject, row.body
                    )
                )
                sent.append(row.id)
            except Exception:  # noqa: BLE001  (one bad address must not stop the batch)
                failed.append(row.id)
        at = now()
        if sent:
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(sent))
                .values(status=OutboxStatus.SENT, sent_at=at)
                .execution_options(synchronize_session=False)
            )
        if failed:
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(failed))
                .values(status=OutboxStatus.FAILED)
                .execution_options(synchronize_session=False)
            )
        checkpoint()
        run.sent += len(sent)
        run.failed += len(failed)
        run.batches += 1
