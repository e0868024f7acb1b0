"""The authorization matrix's routes of the dialogue: messages, files and meetings."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import object_session

from app.audit import SYSTEM
from app.dialogue import attachments, messages
from app.models import Author, Role
from tests.route_cases import RouteCase, World

PDF = b"%PDF-1.4\n% synthetic test file\n"


def attachment_of(world: World, who: str) -> int:
    """An attachment in the thread of one of the world's citizens (made once)."""
    citizen = world.citizens[who]
    session = object_session(citizen)
    assert session is not None
    message = messages.write(
        session,
        citizen.id,
        Author.CITIZEN,
        "Her er mit brev.",
        [attachments.CheckedFile("brev.pdf", "application/pdf", PDF)],
        Path(session.info.setdefault("attachment_folder", "/tmp/jobunivers-authz")),
        SYSTEM,
    )
    session.flush()
    return messages.attachment_ids(session, message.id)[0]


def task_of(world: World) -> int:
    """A caseworker task about the other municipality's citizen."""
    from datetime import UTC, datetime

    from app.models import StaffTask

    citizen = world.citizens["other_municipality"]
    session = object_session(citizen)
    assert session is not None
    task = StaffTask(
        municipality_id=citizen.municipality_id,
        citizen_id=citizen.id,
        key=f"authz:{citizen.id}",
        template="unread_reminder",
        params={},
        created_at=datetime.now(UTC),
    )
    session.add(task)
    session.flush()
    return task.id


def slot_of(
    world: World, who: str | None, municipality: str = "same", past: bool = False
) -> int:
    """A time offered next week (booked by one of the world's citizens, or free)."""
    from datetime import UTC, datetime, timedelta

    from app.dialogue import meetings
    from app.models import Caseworker, MeetingKind

    key = "same_municipality" if municipality == "same" else "other_municipality"
    citizen = world.citizens[key]
    session = object_session(citizen)
    assert session is not None
    caseworker = Caseworker(user_id=citizen.user_id, job_title="Test")
    session.add(caseworker)
    session.flush()
    slot = meetings.publish_slot(
        session,
        citizen.municipality_id,
        caseworker.id,
        datetime.now(UTC) + timedelta(days=-2 if past else 7),
        30,
        MeetingKind.PHONE,
        "Vi ringer til dig",
        SYSTEM,
    )
    if who is not None:
        slot.citizen_id = world.citizens[who].id
    session.flush()
    return slot.id


def dialogue_cases() -> list[RouteCase]:
    citizen = frozenset({Role.CITIZEN})
    caseworker = frozenset({Role.CASEWORKER})
    thread = "/sagsbehandler/borger/{id}/beskeder"
    booking = "/sagsbehandler/borger/{id}/moeder"
    return [
        RouteCase("dialogue.meetings_page", allowed=citizen),
        RouteCase("dialogue.notifications", allowed=citizen),
        RouteCase("dialogue.feedback_results", allowed=frozenset({Role.ADMIN})),
        RouteCase("dialogue.failed_jobs", allowed=frozenset({Role.ADMIN})),
        *(
            RouteCase(
                "dialogue.give_feedback",
                method=method,
                allowed=citizen,
                data={"helpful": "yes", "easy": "yes"},
                url=lambda world: "/moeder/999999999/feedback",
                foreign={
                    Role.CITIZEN: lambda world: (
                        f"/moeder/{slot_of(world, 'same_municipality', past=True)}"
                        "/feedback"
                    )
                },
            )
            for method in ("GET", "POST")
        ),
        RouteCase(
            "dialogue.finish_task",
            method="POST",
            allowed=caseworker,
            url=lambda world: "/sagsbehandler/opgave/999999999/udfoert",
            foreign={
                Role.CASEWORKER: lambda world: (
                    f"/sagsbehandler/opgave/{task_of(world)}/udfoert"
                )
            },
        ),
        RouteCase("dialogue.notification_settings", allowed=citizen),
        RouteCase(
            "dialogue.notification_settings",
            method="POST",
            allowed=citizen,
            data={"email": "y", "language": "da"},
        ),
        RouteCase(
            "dialogue.book",
            method="POST",
            allowed=citizen,
            url=lambda world: "/moeder/999999999/book",
            foreign={
                Role.CITIZEN: lambda world: (
                    f"/moeder/{slot_of(world, None, 'other')}/book"
                )
            },
        ),
        RouteCase(
            "dialogue.cancel",
            allowed=citizen,
            url=lambda world: "/moeder/999999999/aflys",
            foreign={
                Role.CITIZEN: lambda world: (
                    f"/moeder/{slot_of(world, 'same_municipality')}/aflys"
                )
            },
        ),
        RouteCase(
            "dialogue.cancel",
            method="POST",
            allowed=citizen,
            url=lambda world: "/moeder/999999999/aflys",
            foreign={
                Role.CITIZEN: lambda world: (
                    f"/moeder/{slot_of(world, 'same_municipality')}/aflys"
                )
            },
        ),
        RouteCase(
            "dialogue.calendar",
            allowed=citizen,
            url=lambda world: "/moeder/999999999/kalender",
            foreign={
                Role.CITIZEN: lambda world: (
                    f"/moeder/{slot_of(world, 'same_municipality')}/kalender"
                )
            },
        ),
        RouteCase("dialogue.offer_times", allowed=caseworker),
        RouteCase(
            "dialogue.attendance",
            method="POST",
            allowed=caseworker,
            data={"attendance": "attended"},
            url=lambda world: "/sagsbehandler/moeder/999999999/fremmoede",
            foreign={
                Role.CASEWORKER: lambda world: (
                    f"/sagsbehandler/moeder/{slot_of(world, 'other_municipality', 'other')}"
                    "/fremmoede"
                )
            },
        ),
        RouteCase(
            "dialogue.offer_times",
            method="POST",
            allowed=caseworker,
            data={"place": "Jobcentret"},
        ),
        RouteCase(
            "dialogue.book_for_citizen",
            allowed=caseworker,
            url=lambda world: booking.format(id=world.citizens["same_municipality"].id),
            foreign={
                Role.CASEWORKER: lambda world: booking.format(
                    id=world.citizens["other_municipality"].id
                )
            },
        ),
        RouteCase(
            "dialogue.book_for_citizen",
            method="POST",
            allowed=caseworker,
            data={"slot": "999999999"},
            url=lambda world: booking.format(id=world.citizens["same_municipality"].id),
            foreign={
                Role.CASEWORKER: lambda world: booking.format(
                    id=world.citizens["other_municipality"].id
                )
            },
        ),
        RouteCase("dialogue.inbox", allowed=citizen),
        RouteCase(
            "dialogue.write", method="POST", allowed=citizen, data={"body": "Hej"}
        ),
        RouteCase(
            "dialogue.attachment",
            allowed=citizen,
            url=lambda world: "/beskeder/fil/999999999",
            foreign={
                Role.CITIZEN: lambda world: (
                    "/beskeder/fil/" + str(attachment_of(world, "same_municipality"))
                )
            },
        ),
        RouteCase(
            "dialogue.staff_thread",
            allowed=caseworker,
            url=lambda world: thread.format(id=world.citizens["same_municipality"].id),
            foreign={
                Role.CASEWORKER: lambda world: thread.format(
                    id=world.citizens["other_municipality"].id
                )
            },
        ),
        RouteCase(
            "dialogue.staff_write",
            method="POST",
            allowed=caseworker,
            data={"body": "Hej"},
            url=lambda world: thread.format(id=world.citizens["same_municipality"].id),
            foreign={
                Role.CASEWORKER: lambda world: thread.format(
                    id=world.citizens["other_municipality"].id
                )
            },
        ),
        RouteCase(
            "dialogue.staff_attachment",
            allowed=caseworker,
            url=lambda world: "/sagsbehandler/fil/999999999",
            foreign={
                Role.CASEWORKER: lambda world: (
                    "/sagsbehandler/fil/"
                    + str(attachment_of(world, "other_municipality"))
                )
            },
        ),
    ]
