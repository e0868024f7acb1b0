"""Notifications: the citizen's in-app list, the e-mail/SMS outbox, and reminders that
escalate.

A reminder is first a notification in the app. Left unread for ESCALATE_AFTER_HOURS it
is also sent by e-mail and/or SMS (the channels the citizen chose, in their language);
still unread after as long again, it becomes a task for the caseworkers of the
citizen's job centre. Each step is keyed, so running the job twice does nothing twice.
Texts are plain-language templates in Danish and English. Services flush, never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, now, save_fields
from app.dialogue.messages import aware
from app.i18n import format_when
from app.models import (
    Citizen,
    ContactPreferences,
    JobAlert,
    JobNotification,
    Notification,
    NotificationPreferences,
    OutboxChannel,
    OutboxMessage,
    OutboxStatus,
)

# Each template: a subject and a body, with %(...)s from the notification's params.
TEMPLATES: dict[str, tuple[Any, Any]] = {
    "meeting_reminder": (
        _l("Reminder: meeting with the job centre"),
        _l("You have a meeting with the job centre on %(when)s: %(place)s."),
    ),
    "deadline_reminder": (
        _l("Reminder: something in your plan is due"),
        _l(
            "“%(text)s” in your plan is due on %(when)s. If you cannot make it, "
            "write to the job centre. It can matter for your benefit."
        ),
    ),
    "new_jobs": (
        _l("New jobs from your job alert"),
        _l("Your job alert “%(name)s” found %(count)s new jobs. See them on My page."),
    ),
    "new_message": (
        _l("New message from the job centre"),
        _l("The job centre has written to you. Log in to Jobunivers to read it."),
    ),
}
TASK_TEMPLATES: dict[str, Any] = {
    "unread_reminder": _l(
        "The citizen has not read a reminder of %(when)s, also sent by e-mail or "
        "text message. Consider calling them."
    ),
}


@dataclass(frozen=True)
class NotificationRow:
    id: int
    subject: str
    body: str
    link: str | None
    created_at: datetime
    read_at: datetime | None


def words(template: str, params: dict[str, Any], lang: str) -> tuple[str, str]:
    """A template's subject and body in a language (times said in Danish time)."""
    subject, body = TEMPLATES[template]
    with force_locale(lang):
        values = {
            key: format_when(datetime.fromisoformat(value), lang)
            if key == "when"
            else value
            for key, value in params.items()
        }
        return str(subject), str(body) % values


def notify(
    session: Session,
    citizen_id: int,
    template: str,
    params: dict[str, Any],
    key: str,
    link: str | None = None,
) -> Notification | None:
    """Add an in-app notification once per key; None when it was there already."""
    if template not in TEMPLATES:
        raise KeyError(template)
    found = session.scalar(
        select(Notification.id).where(
            Notification.citizen_id == citizen_id, Notification.key == key
        )
    )
    if found is not None:
        return None
    notification = Notification(
        citizen_id=citizen_id,
        key=key,
        template=template,
        params=params,
        link=link,
        created_at=now(),
    )
    session.add(notification)
    session.flush()
    return notification


def preferences(session: Session, citizen_id: int) -> tuple[bool, bool, str]:
    """(e-mail, SMS, language) the citizen chose; by default e-mail in their language."""
    chosen = session.scalar(
        select(NotificationPreferences).where(
            NotificationPreferences.citizen_id == citizen_id
        )
    )
    if chosen is not None:
        return chosen.email, chosen.sms, chosen.language
    language = session.scalar(
        select(ContactPreferences.language).where(
            ContactPreferences.citizen_id == citizen_id
        )
    )
    return True, False, language if language in {"da", "en"} else "da"


def save_preferences(
    session: Session,
    citizen_id: int,
    email: bool,
    sms: bool,
    language: str,
    actor: Actor,
) -> None:
    save_fields(
        session,
        NotificationPreferences,
        {"citizen_id": citizen_id},
        {"email": email, "sms": sms, "language": language},
        actor=actor,
        reason="the citizen chose how to be notified",
        citizen_id=citizen_id,
    )
    session.flush()


def list_for_citizen(
    session: Session, citizen_id: int, lang: str, limit: int = 50
) -> list[NotificationRow]:
    """The citizen's newest notifications in their words; opening the list reads them."""
    rows = session.scalars(
        select(Notification)
        .where(Notification.citizen_id == citizen_id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(limit)
    ).all()
    found = []
    at = now()
    for row in rows:
        subject, body = words(row.template, row.params, lang)
        found.append(
            NotificationRow(
                row.id,
                subject,
                body,
                row.link,
                aware(row.created_at),
                aware(row.read_at) if row.read_at else None,
            )
        )
        if row.read_at is None:
            row.read_at = at
    session.flush()
    return found


def unread_count(session: Session, citizen_id: int) -> int:
    return len(
        session.scalars(
            select(Notification.id).where(
                Notification.citizen_id == citizen_id, Notification.read_at.is_(None)
            )
        ).all()
    )


def queue_outbox(
    session: Session,
    citizen_id: int,
    channel: OutboxChannel,
    recipient: str,
    subject: str,
    body: str,
    dedupe_key: str,
) -> bool:
    """Put an e-mail or SMS in the outbox once per key; False when it was there."""
    if session.scalar(
        select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)
    ):
        return False
    session.add(
        OutboxMessage(
            citizen_id=citizen_id,
            channel=channel,
            recipient=recipient,
            subject=subject,
            body=body,
            dedupe_key=dedupe_key,
            status=OutboxStatus.PENDING,
            created_at=now(),
            attempts=0,
        )
    )
    session.flush()
    return True


def new_message(session: Session, citizen_id: int, message_id: int) -> int:
    """Tell the citizen the job centre wrote: in the app, and by the chosen channels.

    Returns how many e-mails/SMS were queued (the caller enqueues the sending).
    """
    notify(session, citizen_id, "new_message", {}, f"message:{message_id}", "/beskeder")
    return by_chosen_channels(
        session, citizen_id, "new_message", {}, f"message:{message_id}"
    )


def by_chosen_channels(
    session: Session,
    citizen_id: int,
    template: str,
    params: dict[str, Any],
    key: str,
) -> int:
    """Put the template in the outbox for the e-mail and SMS the citizen chose, in
    their language, once per key and channel; returns how many were queued."""
    email, sms, lang = preferences(session, citizen_id)
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        return 0
    subject, body = words(template, params, lang)
    queued = 0
    for chosen, channel, address in (
        (email, OutboxChannel.EMAIL, citizen.email),
        (sms, OutboxChannel.SMS, citizen.phone),
    ):
        if chosen and address:
            queued += queue_outbox(
                session,
                citizen_id,
                channel,
                address,
                subject,
                body,
                f"{key}:{channel.value}",
            )
    return queued


def contact_of(session: Session, citizen_id: int) -> tuple[str | None, str | None]:
    """The citizen's e-mail address and phone number, as reminders would use them."""
    citizen = session.get(Citizen, citizen_id)
    return (citizen.email, citizen.phone) if citizen else (None, None)


def new_jobs(session: Session, since: datetime) -> int:
    """One notification per job alert that found jobs since `since` (a run's start),
    also by e-mail or SMS when the citizen chose them."""
    rows = session.execute(
        select(
            JobNotification.citizen_id,
            JobNotification.alert_id,
            JobAlert.name,
            func.count(JobNotification.id),
        )
        .join(JobAlert, JobAlert.id == JobNotification.alert_id)
        .where(JobNotification.created_at >= since)
        .group_by(JobNotification.citizen_id, JobNotification.alert_id, JobAlert.name)
    ).all()
    day = since.date().isoformat()
    made = 0
    for citizen_id, alert_id, name, count in rows:
        params = {"name": name, "count": str(count)}
        key = f"jobs:{alert_id}:{day}"
        if notify(session, citizen_id, "new_jobs", params, key, "/min-side"):
            made += 1
            by_chosen_channels(session, citizen_id, "new_jobs", params, key)
    return made
