"""The background jobs of every area, by name (each fn(session, **arguments))."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy.orm import Session

from app.audit import now
from app.dialogue import notify, outbox, reminders
from app.dialogue.senders import Sender, sender_named
from app.jobs import alerts
from app.models import OutboxChannel
from app.segmentation import screening
from app.tasks import enqueue, job


@job("screen")
def screen_everyone(session: Session) -> str:
    """The nightly re-screening of every citizen."""
    summary = screening.rescreen_all(session, after_range=session.commit)
    return f"{summary.citizens} citizens screened"


@job("job_alerts")
def run_job_alerts(session: Session) -> str:
    """The daily job alerts; each alert that found jobs is also a notification."""
    started = now()
    run = alerts.run_all(session)
    notified = notify.new_jobs(session, started)
    if notified:
        enqueue(session, "send_outbox")
    return f"{run.alerts} job alerts run, {notified} citizens notified"


def _senders() -> dict[OutboxChannel, Sender]:
    config = current_app.config
    file = Path(
        config["SENDER_FILE"] or Path(current_app.instance_path) / "outbox.jsonl"
    )
    return {
        OutboxChannel.EMAIL: sender_named(config["EMAIL_SENDER"], file),
        OutboxChannel.SMS: sender_named(config["SMS_SENDER"], file),
    }


@job("send_outbox")
def send_outbox(session: Session) -> str:
    """Send the pending e-mails and SMS (each once, also with several workers)."""
    run = outbox.send_pending(
        session,
        _senders(),
        checkpoint=session.commit,
        batch=current_app.config["OUTBOX_BATCH"],
    )
    return f"{run.sent} sent, {run.failed} failed"


@job("reminders")
def send_reminders(session: Session) -> str:
    """Remind of meetings and deadlines; escalate unread reminders; then send."""
    config = current_app.config
    run = reminders.send_reminders(
        session,
        ahead=timedelta(hours=config["REMINDER_HOURS"]),
        escalate_after=timedelta(hours=config["ESCALATE_AFTER_HOURS"]),
    )
    if run.outbox:
        enqueue(session, "send_outbox")
    return (
        f"{run.reminded} reminders, {run.escalated} escalated, "
        f"{run.outbox} e-mails/SMS queued, {run.tasks} caseworker tasks"
    )
