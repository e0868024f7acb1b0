"""The dialogue on a phone (390 px), with the keyboard: a citizen reads the job
centre's message, answers it, books a meeting and downloads it for their calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import SYSTEM, now
from app.db import make_engine
from app.dialogue import meetings, messages
from app.models import (
    Author,
    Caseworker,
    Citizen,
    MeetingKind,
    MeetingSlot,
    Message,
    Municipality,
    Role,
    User,
)

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def talking_citizen(live_server: str, browser_database_url: str) -> dict[str, int]:
    """A citizen with a message from the job centre and a free time to book."""
    engine = make_engine(browser_database_url)
    try:
        with Session(engine) as session:
            copenhagen = session.scalars(
                select(Municipality).where(Municipality.code == 101)
            ).one()
            user = User(
                role=Role.CITIZEN,
                display_name="Bashir Bakr",
                mitid_subject="browser-dialogue-citizen",
                municipality_id=copenhagen.id,
            )
            staff = User(
                role=Role.CASEWORKER,
                display_name="Hanne Holm",
                email="dialog@browser.jobunivers.dk",
                municipality_id=copenhagen.id,
            )
            session.add_all([user, staff])
            session.flush()
            citizen = Citizen(
                user_id=user.id,
                municipality_id=copenhagen.id,
                first_name="Bashir",
                last_name="Bakr",
                synthetic=True,
            )
            worker = Caseworker(user_id=staff.id, job_title="Jobkonsulent")
            session.add_all([citizen, worker])
            session.flush()
            messages.write(
                session,
                citizen.id,
                Author.JOB_CENTRE,
                "Hej Bashir. Book en tid til en samtale om dit CV.",
                [],
                None,
                SYSTEM,
            )
            slot = meetings.publish_slot(
                session,
                copenhagen.id,
                worker.id,
                now() + timedelta(days=5),
                45,
                MeetingKind.PHONE,
                "Hanne ringer til dig",
                SYSTEM,
            )
            session.commit()
            return {"user": user.id, "citizen": citizen.id, "slot": slot.id}
    finally:
        engine.dispose()


@pytest.fixture
def phone(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, locale="da-DK", accept_downloads=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    try:
        yield page
    finally:
        context.close()
    assert problems == [], problems


def _submit(page: Any, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.focus()
        page.keyboard.press("Enter")


@pytest.mark.browser
def test_read_answer_book_and_add_to_calendar(
    phone: Any, live_server: str, browser_database_url: str, talking_citizen: dict
) -> None:
    page, base = phone, live_server
    page.goto(f"{base}/log-ind/demo-mitid")
    page.locator(f"#demo-user-{talking_citizen['user']}").focus()
    page.keyboard.press("Space")
    _submit(page, "main form button[type=submit]")

    # Read the message.
    page.goto(f"{base}/beskeder")
    main = page.locator("main").inner_text()
    assert "Book en tid til en samtale om dit CV." in main
    # Answer it.
    page.locator("#body").focus()
    page.keyboard.type("Tak. Jeg booker en tid nu.")
    _submit(page, "main form button[type=submit]")
    assert "Din besked er sendt." in page.locator("main").inner_text()
    assert "Tak. Jeg booker en tid nu." in page.locator("main").inner_text()

    # Book the meeting.
    page.goto(f"{base}/moeder")
    _submit(page, f"main form[action='/moeder/{talking_citizen['slot']}/book'] button")
    text = page.locator("main").inner_text()
    assert "Mødet er booket." in text
    assert "Hanne ringer til dig" in text

    # Add it to the calendar: the file parses back as the meeting, in Danish time.
    with page.expect_download() as download:
        page.locator(
            f"main a[href='/moeder/{talking_citizen['slot']}/kalender']"
        ).click()
    (event,) = Calendar.from_ical(Path(download.value.path()).read_bytes()).walk(
        "VEVENT"
    )
    assert str(event.decoded("dtstart").tzinfo) == "Europe/Copenhagen"
    assert "Hanne ringer til dig" in str(event.get("location"))

    # Nothing sideways at phone width.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    engine = make_engine(browser_database_url)
    try:
        with Session(engine) as session:
            assert (
                session.get(MeetingSlot, talking_citizen["slot"]).citizen_id
                == talking_citizen["citizen"]
            )
            bodies = session.scalars(
                select(Message.body).where(
                    Message.citizen_id == talking_citizen["citizen"]
                )
            ).all()
            assert "Tak. Jeg booker en tid nu." in bodies
    finally:
        engine.dispose()
