"""Meetings: offered, booked, moved, cancelled within the rules; a calendar file."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from app.audit import SYSTEM, Actor
from app.dialogue import meetings
from app.dialogue.meetings import Outcome
from app.models import (
    AccessLog,
    AccessWhat,
    Attendance,
    Caseworker,
    ChangeRecord,
    MeetingKind,
    MeetingSlot,
)
from tests.pages import csrf_token, log_in

DAY = timedelta(hours=24)


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


@pytest.fixture
def caseworker(db, make_caseworker):
    user = make_caseworker(101, display_name="Hanne Holm")
    worker = db.scalar(select(Caseworker).where(Caseworker.user_id == user.id))
    return user, worker


def _slot(db, caseworker, when: timedelta, kind=MeetingKind.IN_PERSON) -> MeetingSlot:
    user, worker = caseworker
    return meetings.publish_slot(
        db,
        user.municipality_id,
        worker.id,
        datetime.now(UTC) + when,
        45,
        kind,
        "Jobcenter København, Gyldenløvesgade 15",
        Actor.of(user),
    )


def test_a_citizen_books_moves_and_cancels(
    client, db, make_citizen, caseworker, get_page
) -> None:
    citizen = make_citizen(101)
    first = _slot(db, caseworker, timedelta(days=3))
    second = _slot(db, caseworker, timedelta(days=4), MeetingKind.PHONE)
    log_in(client, citizen.user)
    page = get_page("/moeder")
    assert "Du har ingen møder booket" in _text(page)
    assert "Hanne Holm" in _text(page)

    client.post(f"/moeder/{first.id}/book", data={"csrf_token": csrf_token(client)})
    db.expire_all()
    assert db.get(MeetingSlot, first.id).citizen_id == citizen.id
    page = get_page("/moeder")
    assert "Føj til min kalender" in _text(page)

    client.post(
        f"/moeder/{second.id}/book",
        data={"csrf_token": csrf_token(client), "flyt": str(first.id)},
    )
    db.expire_all()
    assert db.get(MeetingSlot, first.id).citizen_id is None
    assert db.get(MeetingSlot, second.id).citizen_id == citizen.id

    page = get_page(f"/moeder/{second.id}/aflys")
    assert "Vil du aflyse mødet?" in _text(page)
    client.post(f"/moeder/{second.id}/aflys", data={"csrf_token": csrf_token(client)})
    db.expire_all()
    assert db.get(MeetingSlot, second.id).citizen_id is None
    reasons = db.scalars(
        select(ChangeRecord.reason).where(ChangeRecord.citizen_id == citizen.id)
    ).all()
    assert "the citizen booked a meeting" in reasons
    assert "the citizen cancelled the meeting" in reasons


def test_the_notice_period_holds(db, make_citizen, caseworker) -> None:
    citizen = make_citizen(101)
    soon = _slot(db, caseworker, timedelta(hours=5))
    later = _slot(db, caseworker, timedelta(days=5))
    actor = Actor.of(citizen.user)
    assert meetings.book(db, citizen.id, soon.id, actor, DAY) is Outcome.TOO_LATE
    assert meetings.book(db, citizen.id, later.id, actor, DAY) is Outcome.BOOKED
    later.starts_at = datetime.now(UTC) + timedelta(hours=3)
    db.flush()
    assert meetings.cancel(db, citizen.id, later.id, actor, DAY) is Outcome.TOO_LATE
    assert db.get(MeetingSlot, later.id).citizen_id == citizen.id


def test_nobody_books_another_municipalitys_time_or_a_taken_one(
    db, make_citizen, caseworker
) -> None:
    mine, other, neighbour = make_citizen(101), make_citizen(751), make_citizen(101)
    slot = _slot(db, caseworker, timedelta(days=3))
    assert (
        meetings.book(db, other.id, slot.id, Actor.of(other.user), DAY)
        is Outcome.NOT_FOUND
    )
    assert (
        meetings.book(db, mine.id, slot.id, Actor.of(mine.user), DAY) is Outcome.BOOKED
    )
    assert (
        meetings.book(db, neighbour.id, slot.id, Actor.of(neighbour.user), DAY)
        is Outcome.TAKEN
    )


def test_the_calendar_file_parses_back_in_danish_time(
    client, db, make_citizen, caseworker
) -> None:
    citizen = make_citizen(101)
    slot = _slot(db, caseworker, timedelta(days=3), MeetingKind.VIDEO)
    meetings.book(db, citizen.id, slot.id, SYSTEM, DAY)
    log_in(client, citizen.user)
    response = client.get(f"/moeder/{slot.id}/kalender")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "moede.ics" in response.headers["Content-Disposition"]
    calendar = Calendar.from_ical(response.data)
    (event,) = calendar.walk("VEVENT")
    starts = event.decoded("dtstart")
    assert str(starts.tzinfo) == "Europe/Copenhagen"
    assert starts.astimezone(UTC) == meetings.aware(slot.starts_at)
    assert event.decoded("dtend") - starts == timedelta(minutes=45)
    assert "Møde med jobcentret" in str(event.get("summary"))
    assert "Gyldenløvesgade" in str(event.get("location"))


def test_a_caseworker_books_for_the_citizen_recorded_as_assisted(
    client, db, make_citizen, caseworker, get_page
) -> None:
    citizen = make_citizen(101)
    slot = _slot(db, caseworker, timedelta(hours=2))
    user, _worker = caseworker
    log_in(client, user)
    page = get_page(f"/sagsbehandler/borger/{citizen.id}/moeder")
    assert "Book for borgeren" in _text(page)
    assert db.scalars(
        select(AccessLog.what).where(AccessLog.citizen_id == citizen.id)
    ).all() == [AccessWhat.MEETINGS]
    client.post(
        f"/sagsbehandler/borger/{citizen.id}/moeder",
        data={"csrf_token": csrf_token(client), "slot": str(slot.id)},
    )
    db.expire_all()
    booked = db.get(MeetingSlot, slot.id)
    assert booked.citizen_id == citizen.id
    assert booked.assisted is True
    assert booked.booked_by_user_id == user.id
    log_in(client, citizen.user)
    assert "Jobcentret har booket det for dig" in _text(get_page("/moeder"))


def test_a_caseworker_offers_a_time(client, db, caseworker, get_page) -> None:
    user, _worker = caseworker
    log_in(client, user)
    day = (datetime.now(UTC) + timedelta(days=10)).date().isoformat()
    response = client.post(
        "/sagsbehandler/moeder",
        data={
            "csrf_token": csrf_token(client),
            "day": day,
            "time": "09:30",
            "minutes": "30",
            "kind": "phone",
            "place": "Vi ringer til dig",
        },
    )
    assert response.status_code == 302
    slot = db.scalar(
        select(MeetingSlot).where(MeetingSlot.place == "Vi ringer til dig")
    )
    starts = meetings.aware(slot.starts_at).astimezone(meetings.DANISH_TIME)
    assert (starts.hour, starts.minute) == (9, 30)
    page = get_page("/sagsbehandler/moeder")
    assert "Vi ringer til dig" in _text(page)


def test_a_missed_meeting_needs_a_reason_and_sanctions_nothing(
    db, make_citizen, caseworker
) -> None:
    citizen = make_citizen(101)
    slot = _slot(db, caseworker, timedelta(days=3))
    meetings.book(db, citizen.id, slot.id, SYSTEM, DAY)
    user, _ = caseworker
    actor = Actor.of(user)
    municipality = user.municipality_id
    assert not meetings.record_attendance(
        db, municipality, slot.id, Attendance.NO_SHOW, None, actor
    )
    assert meetings.record_attendance(
        db, municipality, slot.id, Attendance.NO_SHOW, "Syg, ringede bagefter", actor
    )
    assert db.get(MeetingSlot, slot.id).no_show_reason == "Syg, ringede bagefter"
    # The citizen keeps the meeting on their list: nothing else changes.
    assert db.get(MeetingSlot, slot.id).citizen_id == citizen.id
