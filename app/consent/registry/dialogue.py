"""Registry entries for the dialogue with the job centre.

Tables: message_thread, message, message_attachment, meeting_slot, notification,
outbox_message, notification_preferences, meeting_feedback. All are used to help.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry.base import (
    HELP,
    HELP_AND_STATISTICS,
    LAB,
    WHILE_REGISTERED,
    Category,
    PersonalField,
    Source,
    _technical,
)


def _field(
    table: str,
    column: str,
    label: Any,
    category: Category = Category.CONTACT,
    source: Source = Source.SYSTEM,
    purposes: frozenset[Any] = HELP,
) -> PersonalField:
    return PersonalField(
        table,
        column,
        label,
        category,
        source=source,
        purposes=purposes,
        legal_basis=LAB,
        retention=WHILE_REGISTERED,
    )


def _keys(table: str, *extra: tuple[str, str]) -> tuple[PersonalField, ...]:
    return (
        _technical(table, "id", "primary key"),
        _technical(table, "citizen_id", "links the row to you"),
        *(_technical(table, column, reason) for column, reason in extra),
    )


TABLES: dict[str, Any] = {
    "message_thread": _l("Your conversation with the job centre"),
    "message": _l("Messages between you and the job centre"),
    "message_attachment": _l("Files sent with messages"),
    "meeting_slot": _l("Your meetings with the job centre"),
    "notification": _l("Your notifications"),
    "outbox_message": _l("E-mails and text messages sent to you"),
    "notification_preferences": _l("How you want to be notified"),
    "meeting_feedback": _l("Your answers about meetings"),
    "staff_task": _l("Tasks for the job centre about you"),
}

FIELDS: tuple[PersonalField, ...] = (
    *_keys("message_thread", ("municipality_id", "the job centre you write with")),
    _field("message_thread", "created_at", _l("When your conversation began")),
    _field(
        "message_thread",
        "awaiting_reply_since",
        _l("Since when you have waited for an answer"),
    ),
    *_keys(
        "message",
        ("thread_id", "links the message to the conversation"),
        ("author_user_id", "the caseworker who wrote (shown by name)"),
    ),
    _field("message", "author", _l("Who wrote the message")),
    _field(
        "message", "body", _l("The text of the message"), source=Source.SELF_DECLARED
    ),
    _field("message", "sent_at", _l("When the message was sent")),
    _field("message", "read_at", _l("When the message was read")),
    *_keys(
        "message_attachment",
        ("message_id", "links the file to its message"),
        ("storage_key", "where the file is kept"),
        ("sha256", "checks the file is unchanged"),
    ),
    _field(
        "message_attachment",
        "filename",
        _l("The name of a file sent with a message"),
        source=Source.SELF_DECLARED,
    ),
    _field("message_attachment", "content_type", _l("The kind of file")),
    _field("message_attachment", "size", _l("The size of the file")),
    *_keys(
        "meeting_slot",
        ("municipality_id", "the job centre of the meeting"),
        ("caseworker_id", "the caseworker you meet"),
        ("booked_by_user_id", "who booked (shown as you or the job centre)"),
        ("withdrawn", "whether the job centre withdrew the time"),
        ("version", "prevents two bookings of one time"),
    ),
    _field("meeting_slot", "starts_at", _l("When the meeting is"), Category.PLAN),
    _field("meeting_slot", "minutes", _l("How long the meeting is"), Category.PLAN),
    _field("meeting_slot", "kind", _l("How you meet"), Category.PLAN),
    _field("meeting_slot", "place", _l("Where or how to join"), Category.PLAN),
    _field(
        "meeting_slot", "booked_at", _l("When the meeting was booked"), Category.PLAN
    ),
    _field(
        "meeting_slot",
        "assisted",
        _l("Whether a caseworker booked the meeting for you"),
        Category.PLAN,
    ),
    _field(
        "meeting_slot",
        "attendance",
        _l("Whether you came to the meeting"),
        Category.PLAN,
        Source.CASEWORKER,
    ),
    _field(
        "meeting_slot",
        "no_show_reason",
        _l("Why you did not come to the meeting"),
        Category.PLAN,
        Source.CASEWORKER,
    ),
    *_keys("notification", ("key", "makes each reminder once only")),
    _field("notification", "template", _l("What the notification is about")),
    _field("notification", "params", _l("The details of the notification")),
    _field("notification", "link", _l("Where the notification leads")),
    _field("notification", "created_at", _l("When you were notified")),
    _field("notification", "read_at", _l("When you read the notification")),
    _field(
        "notification",
        "escalated_at",
        _l("When an unread reminder was also sent by e-mail or text message"),
    ),
    *_keys(
        "outbox_message",
        ("dedupe_key", "makes each message be sent once only"),
        ("claimed_by", "the process that sent it"),
        ("attempts", "how many times sending was tried"),
    ),
    _field("outbox_message", "channel", _l("E-mail or text message")),
    _field("outbox_message", "recipient", _l("The address or number it went to")),
    _field("outbox_message", "subject", _l("The subject of the message")),
    _field("outbox_message", "body", _l("The text of the message")),
    _field("outbox_message", "status", _l("Whether it has been sent")),
    _field("outbox_message", "created_at", _l("When it was written")),
    _field("outbox_message", "sent_at", _l("When it was sent")),
    *_keys(
        "staff_task",
        ("municipality_id", "the job centre that does the task"),
        ("key", "makes each task once only"),
    ),
    _field("staff_task", "template", _l("What the task is")),
    _field("staff_task", "params", _l("The details of the task")),
    _field("staff_task", "created_at", _l("When the task was made")),
    _field(
        "staff_task", "done_at", _l("When the task was done"), source=Source.CASEWORKER
    ),
    *_keys("notification_preferences"),
    _field(
        "notification_preferences",
        "email",
        _l("Whether you want reminders by e-mail"),
        source=Source.SELF_DECLARED,
    ),
    _field(
        "notification_preferences",
        "sms",
        _l("Whether you want reminders by text message"),
        source=Source.SELF_DECLARED,
    ),
    _field(
        "notification_preferences",
        "language",
        _l("The language of your reminders"),
        source=Source.SELF_DECLARED,
    ),
    *_keys(
        "meeting_feedback",
        ("slot_id", "the meeting you answered about"),
        ("municipality_id", "the job centre you answered about"),
    ),
    *(
        _field(
            "meeting_feedback",
            column,
            label,
            Category.CASE,
            Source.SELF_DECLARED,
            HELP_AND_STATISTICS,
        )
        for column, label in (
            ("helpful", _l("Whether the meeting helped you")),
            ("easy", _l("Whether the meeting was easy to take part in")),
            ("words", _l("Your own words about the meeting")),
            ("at", _l("When you answered")),
        )
    ),
)
