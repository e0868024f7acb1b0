"""Notifications: reminders once, escalation to e-mail/SMS and then to a caseworker,
the outbox sent once, and the citizen's choices."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.audit import SYSTEM
from app.dialogue import meetings, notify, outbox, reminders
from app.dialogue.senders import Outgoing
from app.models import (
    Caseworker,
    JobAlert,
    JobNotification,
    MeetingKind,
    Notification,
    OutboxChannel,
    OutboxMessage,
    OutboxStatus,
    PlanItem,
    PlanKind,
    PlanStatus,
    StaffTask,
)
from tests.data import make_posting
from tests.pages import csrf_token, log_in

DAY = timedelta(hours=24)


@pytest.fixture(autouse=True)
def _app_context(app):
    """The words are chosen in an app context, as in a worker or a request."""
    with app.app_context():
        yield


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


class ListSender:
    def __init__(self) -> None:
        self.sent: list[Outgoing] = []

    def send(self, message: Outgoing) -> None:
        self.sent.append(message)


def _booked_meeting(db, citizen, make_caseworker, when: timedelta):
    user = make_caseworker(citizen.municipality.code)
    worker = db.scalar(select(Caseworker).where(Caseworker.user_id == user.id))
    slot = meetings.publish_slot(
        db,
        citizen.municipality_id,
        worker.id,
        datetime.now(UTC) + when,
        30,
        MeetingKind.PHONE,
        "Vi ringer til dig",
        SYSTEM,
    )
    assert meetings.book(db, citizen.id, slot.id, SYSTEM, timedelta(0)) is not None
    return slot


def test_a_reminder_escalates_from_the_app_to_email_to_a_caseworker(
    db, make_citizen, make_caseworker
) -> None:
    citizen = make_citizen(101, email="omar@example.invalid", phone="+45 20 30 40 50")
    _booked_meeting(db, citizen, make_caseworker, timedelta(hours=30))
    at = datetime.now(UTC)
    run = reminders.send_reminders(db, 2 * DAY, DAY, at)
    assert run.reminded == 1
    # Running again reminds of nothing new.
    assert reminders.send_reminders(db, 2 * DAY, DAY, at).reminded == 0
    assert db.scalar(select(func.count(Notification.id))) == 1

    run = reminders.send_reminders(db, 2 * DAY, DAY, at + DAY + timedelta(minutes=1))
    assert (run.escalated, run.outbox) == (1, 1)  # e-mail only: SMS not chosen
    mail = db.scalar(select(OutboxMessage))
    assert mail.channel is OutboxChannel.EMAIL
    assert mail.recipient == "omar@example.invalid"
    assert mail.subject == "Påmindelse: møde med jobcentret"
    assert "Vi ringer til dig" in mail.body

    run = reminders.send_reminders(
        db, 2 * DAY, DAY, at + 2 * DAY + timedelta(minutes=2)
    )
    assert run.tasks == 1
    task = db.scalar(select(StaffTask))
    assert task.citizen_id == citizen.id
    assert task.municipality_id == citizen.municipality_id
    # Nothing is repeated on later runs.
    later = reminders.send_reminders(db, 2 * DAY, DAY, at + 3 * DAY)
    assert (later.outbox, later.tasks) == (0, 0)


def test_a_read_reminder_does_not_escalate(db, make_citizen, make_caseworker) -> None:
    citizen = make_citizen(101, email="omar@example.invalid")
    _booked_meeting(db, citizen, make_caseworker, timedelta(hours=30))
    at = datetime.now(UTC)
    reminders.send_reminders(db, 2 * DAY, DAY, at)
    notify.list_for_citizen(db, citizen.id, "da")
    run = reminders.send_reminders(db, 2 * DAY, DAY, at + 3 * DAY)
    assert (run.escalated, run.outbox, run.tasks) == (0, 0, 0)


def test_deadlines_in_the_plan_are_reminded_in_english(db, make_citizen) -> None:
    citizen = make_citizen(101, email="omar@example.invalid")
    notify.save_preferences(db, citizen.id, True, False, "en", SYSTEM)
    db.add(
        PlanItem(
            citizen_id=citizen.id,
            kind=PlanKind.ACTIVITY,
            text="Send en ansøgning",
            due_on=date.today() + timedelta(days=1),
            status=PlanStatus.OPEN,
            author_role="caseworker",
            created_at=datetime.now(UTC),
        )
    )
    db.flush()
    at = datetime.now(UTC)
    assert reminders.send_reminders(db, 2 * DAY, DAY, at).reminded == 1
    reminders.send_reminders(db, 2 * DAY, DAY, at + DAY + timedelta(minutes=1))
    mail = db.scalar(select(OutboxMessage))
    assert mail.subject == "Reminder: something in your plan is due"
    assert "Send en ansøgning" in mail.body
    assert "can matter for your benefit" in mail.body


def test_the_outbox_is_sent_once(db, make_citizen) -> None:
    citizen = make_citizen(101)
    for n in range(5):
        notify.queue_outbox(
            db, citizen.id, OutboxChannel.EMAIL, "a@example.invalid", "S", "B", f"k{n}"
        )
    assert not notify.queue_outbox(
        db, citizen.id, OutboxChannel.EMAIL, "a@example.invalid", "S", "B", "k1"
    )
    sender = ListSender()
    senders = {OutboxChannel.EMAIL: sender, OutboxChannel.SMS: sender}
    run = outbox.send_pending(db, senders, checkpoint=db.flush, batch=2)
    assert (run.sent, run.batches) == (5, 3)
    assert outbox.send_pending(db, senders, checkpoint=db.flush).sent == 0
    assert len(sender.sent) == 5
    statuses = db.scalars(select(OutboxMessage.status)).all()
    assert set(statuses) == {OutboxStatus.SENT}


def test_the_citizen_chooses_channels_and_reads_the_list(
    client, db, make_citizen, make_caseworker, get_page
) -> None:
    citizen = make_citizen(101, email="omar@example.invalid")
    _booked_meeting(db, citizen, make_caseworker, timedelta(hours=30))
    reminders.send_reminders(db, 2 * DAY, DAY)
    log_in(client, citizen.user)
    page = get_page("/underretninger")
    assert "Påmindelse: møde med jobcentret" in _text(page)
    assert "Vi ringer til dig" in _text(page)
    assert notify.unread_count(db, citizen.id) == 0
    response = client.post(
        "/underretninger/indstillinger",
        data={"csrf_token": csrf_token(client), "sms": "y", "language": "en"},
    )
    assert response.status_code == 302
    assert notify.preferences(db, citizen.id) == (False, True, "en")


def test_an_answer_from_the_job_centre_is_notified_and_mailed(
    client, db, make_citizen, make_caseworker, tmp_path, app
) -> None:
    citizen = make_citizen(101, email="omar@example.invalid")
    caseworker = make_caseworker(101)
    original = dict(app.config)
    app.config.update(EMAIL_SENDER="file", SENDER_FILE=str(tmp_path / "out.jsonl"))
    try:
        log_in(client, caseworker)
        client.post(
            f"/sagsbehandler/borger/{citizen.id}/beskeder",
            data={"csrf_token": csrf_token(client), "body": "Hej Omar"},
        )
    finally:
        app.config.update(
            EMAIL_SENDER=original["EMAIL_SENDER"], SENDER_FILE=original["SENDER_FILE"]
        )
    note = db.scalar(select(Notification).where(Notification.citizen_id == citizen.id))
    assert note.template == "new_message"
    sent = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert "omar@example.invalid" in sent
    # The e-mail says there is a message, never what it says.
    assert "Hej Omar" not in sent
    assert db.scalar(select(OutboxMessage.status)) is OutboxStatus.SENT


@pytest.mark.usefixtures("taxonomy")
def test_job_alerts_become_one_notification_per_alert_and_day(db, make_citizen) -> None:
    citizen = make_citizen(101, email="omar@example.invalid")
    notify.save_preferences(db, citizen.id, True, False, "da", SYSTEM)
    alert = JobAlert(
        citizen_id=citizen.id,
        name="Sygeplejerske i København",
        query="q=sygeplejerske",
        created_at=datetime.now(UTC),
        last_posting_id=0,
        unsubscribe_token="t" * 32,
    )
    db.add(alert)
    db.flush()
    started = datetime.now(UTC) - timedelta(seconds=1)
    for _ in range(3):
        posting = make_posting(db)
        db.add(
            JobNotification(
                citizen_id=citizen.id,
                alert_id=alert.id,
                posting_id=posting.id,
                created_at=datetime.now(UTC),
            )
        )
    db.flush()
    assert notify.new_jobs(db, started) == 1
    assert notify.new_jobs(db, started) == 0
    (row,) = notify.list_for_citizen(db, citizen.id, "da")
    assert "Sygeplejerske i København" in row.body
    assert "3 nye job" in row.body
    # The citizen chose e-mail: one e-mail for the alert that day, in Danish.
    (mail,) = db.scalars(select(OutboxMessage)).all()
    assert mail.recipient == "omar@example.invalid"
    assert "Sygeplejerske i København" in mail.body and "3 nye job" in mail.body
