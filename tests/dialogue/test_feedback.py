"""Feedback after a meeting: asked once, counted per job centre and kind of meeting."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.audit import SYSTEM
from app.dialogue import feedback, meetings
from app.models import Attendance, Caseworker, MeetingKind, StaffTask, TaskFailure
from tests.pages import csrf_token, log_in


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _past_meeting(db, citizen, make_caseworker, kind=MeetingKind.IN_PERSON):
    user = make_caseworker(citizen.municipality.code)
    worker = db.scalar(select(Caseworker).where(Caseworker.user_id == user.id))
    slot = meetings.publish_slot(
        db,
        citizen.municipality_id,
        worker.id,
        datetime.now(UTC) - timedelta(days=2),
        30,
        kind,
        "Jobcentret",
        SYSTEM,
    )
    slot.citizen_id = citizen.id
    db.flush()
    return slot


def test_a_citizen_rates_a_past_meeting_once(
    client, db, make_citizen, make_caseworker, get_page
) -> None:
    citizen = make_citizen(101)
    slot = _past_meeting(db, citizen, make_caseworker)
    log_in(client, citizen.user)
    page = get_page("/moeder")
    assert "Svar på to spørgsmål om mødet" in _text(page)
    page = get_page(f"/moeder/{slot.id}/feedback")
    assert "Hjalp mødet dig?" in _text(page)
    response = client.post(
        f"/moeder/{slot.id}/feedback",
        data={"csrf_token": csrf_token(client), "easy": "yes"},
    )
    assert "Svar på, om mødet hjalp dig." in response.get_data(as_text=True)
    response = client.post(
        f"/moeder/{slot.id}/feedback",
        data={
            "csrf_token": csrf_token(client),
            "helpful": "yes",
            "easy": "no",
            "words": "Svært at finde lokalet",
        },
    )
    assert response.status_code == 302
    # Once only: the form is gone, and the question left the list.
    assert client.get(f"/moeder/{slot.id}/feedback").status_code == 404
    assert "Svar på to spørgsmål" not in _text(get_page("/moeder"))


def test_a_missed_meeting_is_not_rated(db, make_citizen, make_caseworker) -> None:
    citizen = make_citizen(101)
    slot = _past_meeting(db, citizen, make_caseworker)
    slot.attendance = Attendance.NO_SHOW
    db.flush()
    assert feedback.awaiting(db, citizen.id) == []


def test_administrators_read_counts_of_their_own_job_centre(
    client, db, make_citizen, make_caseworker, make_admin, get_page
) -> None:
    answers = [(True, True), (True, False), (False, True)]
    for helpful, easy in answers:
        citizen = make_citizen(101)
        slot = _past_meeting(db, citizen, make_caseworker, MeetingKind.PHONE)
        feedback.give(db, citizen.id, slot.id, helpful, easy, None, SYSTEM)
    other = make_citizen(751)
    slot = _past_meeting(db, other, make_caseworker)
    feedback.give(db, other.id, slot.id, False, False, "Nej", SYSTEM)
    results = feedback.results(db, make_citizen(101).municipality_id)
    assert [(r.kind, r.answers, r.helpful, r.easy) for r in results] == [
        (None, 3, 2, 2),
        (MeetingKind.PHONE, 3, 2, 2),
    ]
    log_in(client, make_admin(101))
    page = get_page("/administration/feedback")
    rows = [_text(tr) for tr in page.find_all("tr")]
    assert any("Alle møder" in row and " 3 2 2 0" in row for row in rows), rows


def test_administrators_see_failed_jobs_and_caseworkers_their_tasks(
    client, db, make_citizen, make_caseworker, make_admin, get_page
) -> None:
    db.add(
        TaskFailure(
            job="send_outbox",
            arguments={},
            error="ConnectionError: the mail relay did not answer",
            attempts=4,
            failed_at=datetime.now(UTC),
        )
    )
    citizen = make_citizen(101, first_name="Omar", last_name="Ali")
    db.add(
        StaffTask(
            municipality_id=citizen.municipality_id,
            citizen_id=citizen.id,
            key="t1",
            template="unread_reminder",
            params={},
            created_at=datetime.now(UTC),
        )
    )
    db.flush()
    log_in(client, make_admin(101))
    page = get_page("/administration/baggrundsjob")
    assert "Afsendelse af e-mails og sms'er" in _text(page)
    assert "the mail relay did not answer" in _text(page)
    log_in(client, make_caseworker(101))
    queue = get_page("/sagsbehandler/koe")
    tasks = queue.find("section", class_="staff-tasks")
    assert "Omar Ali" in _text(tasks)
    task_id = db.scalar(select(StaffTask.id))
    client.post(
        f"/sagsbehandler/opgave/{task_id}/udfoert",
        data={"csrf_token": csrf_token(client)},
    )
    db.expire_all()
    assert db.get(StaffTask, task_id).done_at is not None
    assert get_page("/sagsbehandler/koe").find("section", class_="staff-tasks") is None
