"""Messages: a conversation between a citizen and the job centre, with files."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.audit import SYSTEM
from app.dialogue import messages
from app.models import (
    AccessLog,
    AccessWhat,
    Author,
    Case,
    CaseStatus,
    Message,
    MessageAttachment,
    MessageThread,
    RouteReason,
)
from tests.pages import csrf_token, log_in

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _send(client, url: str, body: str, file=None):
    data = {"csrf_token": csrf_token(client), "body": body}
    if file is not None:
        name, content = file
        data["attachment"] = (io.BytesIO(content), name)
    return client.post(url, data=data, content_type="multipart/form-data")


def test_citizen_and_caseworker_hold_a_conversation(
    client, db, make_citizen, make_caseworker, attachment_folder, get_page
) -> None:
    citizen = make_citizen(101, first_name="Omar", last_name="Ali")
    caseworker = make_caseworker(101, display_name="Hanne Holm")
    log_in(client, citizen.user)
    page = get_page("/beskeder")
    assert "Du har ingen beskeder endnu" in _text(page)

    response = _send(client, "/beskeder", "Jeg har fået et brev.", ("brev.pdf", PDF))
    assert response.status_code == 302
    page = get_page("/beskeder")
    assert "Jeg har fået et brev." in _text(page)
    assert "Ikke læst endnu" in _text(page)
    assert "Du får svar senest" in _text(page)
    link = page.find("a", string="brev.pdf")
    download = client.get(link["href"])
    assert download.data == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert "attachment" in download.headers["Content-Disposition"]
    # Stored under the attachment folder by a random key, not by its name.
    stored = [p for p in attachment_folder.rglob("*") if p.is_file()]
    assert len(stored) == 1 and "brev" not in stored[0].name

    log_in(client, caseworker)
    page = get_page(f"/sagsbehandler/borger/{citizen.id}/beskeder")
    assert "Jeg har fået et brev." in _text(page)
    assert "Borgeren har ventet på svar siden" in _text(page)
    logged = db.scalars(
        select(AccessLog.what).where(AccessLog.citizen_id == citizen.id)
    ).all()
    assert AccessWhat.MESSAGES in logged
    response = _send(
        client, f"/sagsbehandler/borger/{citizen.id}/beskeder", "Tak, jeg ringer i dag."
    )
    assert response.status_code == 302

    log_in(client, citizen.user)
    page = get_page("/beskeder")
    text = _text(page)
    assert "Tak, jeg ringer i dag." in text
    assert "Hanne Holm" in text
    # The citizen's message shows it was read; the answer ends the wait.
    assert "Læst " in text
    assert "Du får svar senest" not in text


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("brev.pdf", b"MZ\x90\x00 not a pdf", "Du kan kun vedhæfte PDF-filer"),
        ("billede.pdf", PNG, "Du kan kun vedhæfte PDF-filer"),
        ("brev.exe", PDF, "Du kan kun vedhæfte PDF-filer"),
        ("../../etc/brev.pdf", PDF, "Filnavnet er ikke tilladt"),
        (".htaccess.pdf", PDF, "Filnavnet er ikke tilladt"),
        ("brev\x00.pdf", PDF, "Filnavnet er ikke tilladt"),
        ("stor.pdf", PDF + b"0" * 2048, "Filen er for stor"),
        ("tom.pdf", b"", "Filen er tom"),
    ],
)
def test_refused_files_change_nothing(
    app, client, db, make_citizen, attachment_folder, get_page, name, content, error
) -> None:
    citizen = make_citizen(101)
    log_in(client, citizen.user)
    app.config["ATTACHMENT_MAX_BYTES"] = 1024
    try:
        response = _send(client, "/beskeder", "Se vedhæftet.", (name, content))
    finally:
        app.config["ATTACHMENT_MAX_BYTES"] = 5 * 1024 * 1024
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert error in html
    assert 'class="alert alert-error error-summary"' in html
    db.expire_all()
    assert db.scalar(select(func.count(Message.id))) == 0
    assert db.scalar(select(func.count(MessageAttachment.id))) == 0
    assert not attachment_folder.exists() or not any(attachment_folder.rglob("*.*"))
    assert not any(p.is_file() for p in attachment_folder.rglob("*"))


def test_an_empty_message_is_refused(client, db, make_citizen, get_page) -> None:
    citizen = make_citizen(101)
    log_in(client, citizen.user)
    response = _send(client, "/beskeder", "   ")
    assert "Skriv din besked." in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Message.id))) == 0


def test_asking_for_a_person_opens_the_thread(
    client, db, make_citizen, make_caseworker, get_page
) -> None:
    citizen = make_citizen(101)
    log_in(client, citizen.user)
    response = client.post(
        "/tal-med-en-medarbejder",
        data={
            "csrf_token": csrf_token(client),
            "channel": "phone",
            "message": "Om mit CV",
        },
    )
    assert response.status_code == 302
    thread = db.scalar(
        select(MessageThread).where(MessageThread.citizen_id == citizen.id)
    )
    assert thread is not None and thread.awaiting_reply_since is not None
    body = db.scalar(select(Message.body).where(Message.citizen_id == citizen.id))
    assert "Jeg har bedt om at tale med en medarbejder" in body
    assert "Om mit CV" in body


def test_waiting_threads_are_overdue_after_the_target(db, make_citizen) -> None:
    citizen = make_citizen(101)
    other = make_citizen(751)
    for who in (citizen, other):
        messages.write(db, who.id, Author.CITIZEN, "Hej", [], None, SYSTEM)
    thread = messages.thread_of(db, citizen.id)
    thread.awaiting_reply_since = datetime.now(UTC) - timedelta(days=10)
    db.flush()
    waiting = messages.waiting_threads(db, citizen.municipality_id, 2, SYSTEM)
    assert [(w.citizen_id, w.overdue) for w in waiting] == [(citizen.id, True)]
    messages.write(db, citizen.id, Author.JOB_CENTRE, "Svar", [], None, SYSTEM)
    assert messages.waiting_threads(db, citizen.municipality_id, 2, SYSTEM) == []


def test_answer_by_counts_working_days() -> None:
    friday = datetime(2026, 12, 4, 10, tzinfo=UTC)
    assert messages.answer_by(friday, 2).isoformat() == "2026-12-08"


def test_the_queue_and_the_case_show_an_overdue_message(
    client, db, make_citizen, make_caseworker, get_page
) -> None:
    citizen = make_citizen(101, first_name="Omar", last_name="Ali")
    db.add(
        Case(
            citizen_id=citizen.id,
            municipality_id=citizen.municipality_id,
            status=CaseStatus.QUEUED,
            queue_reason=RouteReason.ASKED_FOR_PERSON,
            priority=1.0,
            language="da",
            queued_at=datetime.now(UTC),
            version=0,
        )
    )
    messages.write(db, citizen.id, Author.CITIZEN, "Hjælp", [], None, SYSTEM)
    messages.thread_of(db, citizen.id).awaiting_reply_since = datetime.now(
        UTC
    ) - timedelta(days=8)
    db.flush()
    log_in(client, make_caseworker(101))
    queue = get_page("/sagsbehandler/koe")
    row = queue.find("th", class_="queue-citizen")
    assert "Besked venter" in _text(row)
    assert "Svarfristen er overskredet" in _text(row)
    waiting = queue.find("section", class_="waiting-messages")
    assert "Omar Ali" in _text(waiting)
    case = get_page(f"/sagsbehandler/borger/{citizen.id}")
    section = case.find(id="dialogue-heading").parent
    assert "Borgeren har ventet på svar" in _text(section)
    assert "Svarfristen er overskredet" in _text(section)
