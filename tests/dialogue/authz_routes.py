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


def dialogue_cases() -> list[RouteCase]:
    citizen = frozenset({Role.CITIZEN})
    caseworker = frozenset({Role.CASEWORKER})
    thread = "/sagsbehandler/borger/{id}/beskeder"
    return [
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
