"""'Jeg vil gerne tale med en medarbejder': on every page, a request, the hook, cancel."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.dialogue import services as dialogue
from app.models import ChangeRecord
from app.models.jobsearch import ContactRequest, ContactStatus
from app.models.profile import Channel, ContactPreferences
from tests.pages import csrf_token

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _requests(db, citizen) -> list[ContactRequest]:
    db.expire_all()
    return list(
        db.scalars(
            select(ContactRequest).where(ContactRequest.citizen_id == citizen.id)
        )
    )


@pytest.mark.parametrize("path", ["/min-side", "/joblog", "/min-plan", "/mine-data"])
def test_the_action_is_on_citizen_pages(get_page, citizen, path) -> None:
    link = get_page(path).find("a", href="/tal-med-en-medarbejder")
    assert link is not None
    assert link.get_text(strip=True) == "Jeg vil gerne tale med en medarbejder"


def test_anonymous_visitors_get_contact_information_and_log_in(get_page) -> None:
    page = get_page("/")
    assert page.find("a", href="/tal-med-en-medarbejder")
    contact = get_page("/tal-med-en-medarbejder")
    text = _text(contact)
    assert "borger.dk" in text
    assert contact.find("a", href=re.compile(r"^/log-ind"))
    assert not contact.find("form", action="/tal-med-en-medarbejder")


def test_staff_do_not_see_the_action(get_page, login, make_caseworker) -> None:
    login(make_caseworker())
    assert get_page("/sagsbehandler").find("a", href="/tal-med-en-medarbejder") is None


def test_asking_records_sends_profile_changed_and_says_what_happens(
    db, client, get_page, post_form, citizen, profile_changes
) -> None:
    calls = profile_changes
    response = post_form(
        "/tal-med-en-medarbejder",
        {"channel": "phone", "message": "Jeg er i tvivl om mine timer."},
    )
    assert response.status_code == 302
    assert response.location.endswith("/tal-med-en-medarbejder/sendt")
    (request,) = _requests(db, citizen)
    assert (request.channel, request.status) == (Channel.PHONE, ContactStatus.OPEN)
    assert request.message == "Jeg er i tvivl om mine timer."
    assert calls == [(citizen.id, "asked_for_person")]
    assert (
        db.scalars(
            select(ChangeRecord.reason).where(
                ChangeRecord.table_name == "contact_request"
            )
        ).first()
        == "the citizen asked to talk to a person"
    )
    text = _text(get_page("/tal-med-en-medarbejder/sendt"))
    assert "Vi har modtaget din henvendelse" in text
    assert "ringer til dig" in text
    assert re.search(r"senest den \d+\. \w+ \d{4}", text)
    # The open request is shown on the form and on the dashboard; asking again
    # changes it rather than making a second one.
    assert "Du har allerede bedt om at tale med en medarbejder" in _text(
        get_page("/tal-med-en-medarbejder")
    )
    assert "Du har bedt om at tale med en medarbejder" in _text(get_page("/min-side"))
    post_form("/tal-med-en-medarbejder", {"channel": "digital", "message": ""})
    (request,) = _requests(db, citizen)
    assert request.channel is Channel.DIGITAL and request.message is None


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"message": "Hej"}, "channel", "Vælg, hvordan vi skal kontakte dig"),
        ({"channel": "pigeon"}, "channel", "Vælg, hvordan vi skal kontakte dig"),
        ({"channel": "phone", "message": "x" * 1001}, "message", "højst 1000 tegn"),
        (
            {"channel": "phone", "message": "hej\u2067skjult"},
            "message",
            "særlige eller usynlige tegn",
        ),
    ],
)
def test_bad_input_saves_nothing(db, client, citizen, data, field, message) -> None:
    response = client.post(
        "/tal-med-en-medarbejder", data={**data, "csrf_token": csrf_token(client)}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'href="#{field}"' in html and message in html
    assert _requests(db, citizen) == []


def test_cancel_asks_first(db, client, get_page, post_form, citizen) -> None:
    request = ContactRequest(
        citizen_id=citizen.id,
        created_at=datetime.now(UTC),
        channel=Channel.IN_PERSON,
        status=ContactStatus.OPEN,
    )
    db.add(request)
    db.flush()
    page = get_page("/tal-med-en-medarbejder/annuller")
    assert "Et møde på jobcentret" in _text(page)
    assert _requests(db, citizen)[0].status is ContactStatus.OPEN
    assert post_form("/tal-med-en-medarbejder/annuller").status_code == 302
    assert _requests(db, citizen)[0].status is ContactStatus.CANCELLED
    # Nothing open any more: the pages lead back to the form.
    assert client.get("/tal-med-en-medarbejder/annuller").status_code == 302
    assert client.get("/tal-med-en-medarbejder/sendt").status_code == 302


def test_someone_elses_request_is_never_shown_or_cancelled(
    db, client, get_page, post_form, make_citizen, citizen
) -> None:
    other = make_citizen(first_name="Ali", last_name="Hassan")
    request = ContactRequest(
        citizen_id=other.id,
        created_at=datetime.now(UTC),
        channel=Channel.PHONE,
        message="Andens besked",
        status=ContactStatus.OPEN,
    )
    db.add(request)
    db.flush()
    assert "Andens besked" not in _text(get_page("/tal-med-en-medarbejder"))
    post_form("/tal-med-en-medarbejder/annuller")
    db.expire_all()
    assert db.get(ContactRequest, request.id).status is ContactStatus.OPEN


def test_answer_by_skips_the_weekend() -> None:
    friday = datetime(2026, 11, 20, 15, tzinfo=UTC)
    assert dialogue.answer_by(friday).isoformat() == "2026-11-24"


def test_the_channel_chosen_in_the_guide_is_preselected(db, get_page, citizen) -> None:
    db.add(ContactPreferences(citizen_id=citizen.id, channel=Channel.IN_PERSON))
    db.flush()
    checked = get_page("/tal-med-en-medarbejder").find(
        "input", attrs={"name": "channel", "checked": True}
    )
    assert checked["value"] == "in_person"
