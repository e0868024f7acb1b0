"""What the caseworker sees of the citizen's own words and wishes: open requests to talk
to a person, the objection to profiling, requests to correct data, the preferred channel
and language, and how long the citizen has waited (from the request or the flag)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from app.casework.services.queue import waiting_days
from app.consent.services.corrections import submit_correction
from app.models import (
    Channel,
    ContactPreferences,
    ContactRequest,
    ContactStatus,
    ProfilingObjection,
    RouteReason,
)

# 09.30 UTC is 10.30 in Copenhagen in winter: the page must show Danish time.
ASKED_AT = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def _section(soup, heading_id: str):
    return soup.find(id=heading_id).find_parent("section")


def _ask(db, citizen, **overrides) -> ContactRequest:
    values = {
        "citizen_id": citizen.id,
        "created_at": ASKED_AT,
        "channel": Channel.PHONE,
        "message": "Kan I ringe om truckkurser?",
        "status": ContactStatus.OPEN,
    }
    values.update(overrides)
    request = ContactRequest(**values)
    db.add(request)
    db.flush()
    return request


def _object(db, citizen, reason: str | None, withdrawn: bool = False) -> None:
    db.add(
        ProfilingObjection(
            citizen_id=citizen.id,
            objected_at=datetime(2026, 10, 14, 8, 15, tzinfo=UTC),
            reason=reason,
            withdrawn_at=datetime(2026, 10, 20, tzinfo=UTC) if withdrawn else None,
        )
    )
    db.flush()


@pytest.fixture
def omar(make_citizen, make_case, caseworker):
    citizen = make_citizen(first_name="Omar", last_name="Ali")
    make_case(citizen, queue_reason=RouteReason.ASKED_FOR_PERSON)
    return citizen


def test_an_open_request_shows_its_channel_words_and_time(db, get_page, omar):
    _ask(db, omar)
    _ask(db, omar, status=ContactStatus.CANCELLED, message="Glem det")
    section = _section(get_page(f"/sagsbehandler/borger/{omar.id}"), "requests-heading")
    text = _text(section)
    assert "Vil gerne tale med en medarbejder" in text
    assert "Telefonopkald" in text
    assert "Kan I ringe om truckkurser?" in text
    assert "30. november 2026 kl. 10.30" in text
    assert "Glem det" not in text
    assert "phone" not in text


def test_the_objection_shows_its_reason_and_a_withdrawn_one_does_not(
    db, get_page, omar, make_citizen, make_case
):
    _object(db, omar, "Jeg vil hellere tale med et menneske.")
    text = _text(
        _section(get_page(f"/sagsbehandler/borger/{omar.id}"), "requests-heading")
    )
    assert "Gør indsigelse mod profilering" in text
    assert "Jeg vil hellere tale med et menneske." in text
    assert "14. oktober 2026 kl. 10.15" in text

    no_reason = make_citizen(first_name="Uden", last_name="Grund")
    make_case(no_reason)
    _object(db, no_reason, None)
    text = _text(get_page(f"/sagsbehandler/borger/{no_reason.id}"))
    assert "Borgeren har ikke skrevet en begrundelse." in text

    withdrawn = make_citizen(first_name="Trak", last_name="Tilbage")
    make_case(withdrawn)
    _object(db, withdrawn, "Gammel grund", withdrawn=True)
    text = _text(
        _section(get_page(f"/sagsbehandler/borger/{withdrawn.id}"), "requests-heading")
    )
    assert "Gammel grund" not in text
    assert "Borgeren har ingen åbne anmodninger." in text


def test_an_open_correction_request_is_shown_with_a_way_to_decide(db, get_page, omar):
    submit_correction(
        db, omar.id, "citizen", omar.id, "city", "Odense C", "Jeg er flyttet"
    )
    soup = get_page(f"/sagsbehandler/borger/{omar.id}")
    text = _text(_section(soup, "requests-heading"))
    assert "Vil have rettet: By" in text
    assert "Odense C" in text and "Jeg er flyttet" in text
    decide = [
        a for a in soup.find_all("a") if "Tag stilling til anmodningen" in _text(a)
    ]
    assert len(decide) == 1 and _text(decide[0]).endswith(": By")
    get_page(decide[0]["href"])
    every = soup.find("a", string=re.compile("Alle borgerens anmodninger om rettelse"))
    assert every is not None and f"borger={omar.id}" in every["href"]
    get_page(every["href"])


def test_the_preferred_channel_and_language_are_shown_in_words(
    db, get_page, omar, post_form
):
    page = get_page(f"/sagsbehandler/borger/{omar.id}")
    contact = _text(_section(page, "contact-heading"))
    assert "Foretrukken kontaktform Ikke oplyst" in contact
    db.add(
        ContactPreferences(citizen_id=omar.id, channel=Channel.IN_PERSON, language="en")
    )
    db.flush()
    contact = _text(
        _section(get_page(f"/sagsbehandler/borger/{omar.id}"), "contact-heading")
    )
    assert "Foretrukken kontaktform Møde i jobcentret" in contact
    assert "Kontaktsprog Engelsk" in contact
    assert "in_person" not in contact
    post_form("/sprog", {"lang": "en", "next": "/"})
    contact = _text(
        _section(get_page(f"/sagsbehandler/borger/{omar.id}"), "contact-heading")
    )
    assert "Prefers to be contacted by Meeting at the job centre" in contact
    assert "Contact language English" in contact


def _waiting_cell(soup, name: str) -> str:
    row = soup.find("a", string=name).find_parent("tr")
    return _text(row.select_one("td.queue-waiting"))


def test_waiting_time_is_from_the_flag_the_request_or_the_objection(
    db, get_page, caseworker, make_citizen, make_case
):
    now = datetime.now(UTC)
    flagged = make_citizen(first_name="Flagget", last_name="Tre")
    make_case(flagged, waited_days=3)
    asked = make_citizen(first_name="Spurgte", last_name="Fem")
    # Queued today (a re-screening), but the request was made five days ago.
    make_case(asked, waited_days=0, queue_reason=RouteReason.ASKED_FOR_PERSON)
    _ask(db, asked, created_at=now - timedelta(days=5))
    objected = make_citizen(first_name="Indsigelse", last_name="Ti")
    make_case(objected, waited_days=0, queue_reason=RouteReason.OBJECTED)
    db.add(
        ProfilingObjection(citizen_id=objected.id, objected_at=now - timedelta(days=10))
    )
    today = make_citizen(first_name="Flagget", last_name="Idag")
    make_case(today, waited_days=0)
    db.flush()

    soup = get_page("/sagsbehandler/koe")
    assert _waiting_cell(soup, "Flagget Tre").startswith("3 dage")
    assert _waiting_cell(soup, "Spurgte Fem").startswith("5 dage")
    assert _waiting_cell(soup, "Indsigelse Ti").startswith("10 dage")
    assert _waiting_cell(soup, "Flagget Idag").startswith("Siden i dag")

    longest = get_page("/sagsbehandler/koe?sort=waiting")
    names = [a.get_text(strip=True) for a in longest.select("tbody th a")]
    assert names == ["Indsigelse Ti", "Spurgte Fem", "Flagget Tre", "Flagget Idag"]
    week = get_page("/sagsbehandler/koe?waited=7")
    assert [a.get_text(strip=True) for a in week.select("tbody th a")] == [
        "Indsigelse Ti"
    ]

    case_text = _text(get_page(f"/sagsbehandler/borger/{flagged.id}"))
    assert re.search(
        r"Venter siden \d+\. \w+ \d{4} kl\. \d{2}\.\d{2} \(3 dage\)", case_text
    )


def test_waiting_days_count_danish_calendar_days() -> None:
    # 23.30 in Copenhagen on 1 December, read at 00.30 on 2 December: one day.
    late = datetime(2026, 12, 1, 22, 30, tzinfo=UTC)
    assert waiting_days(late, datetime(2026, 12, 1, 23, 30, tzinfo=UTC)) == 1
    assert waiting_days(late, datetime(2026, 12, 1, 22, 45, tzinfo=UTC)) == 0
    assert waiting_days(late.replace(tzinfo=None), late + timedelta(days=3)) == 3


def test_the_queue_is_a_card_per_citizen_on_a_phone(get_page, omar):
    """DKFDS's responsive table: every cell labelled, the name heads the row."""
    soup = get_page("/sagsbehandler/koe")
    table = soup.select_one("table.queue-table")
    assert "table--responsive-headers" in table["class"]
    row = table.select_one("tbody tr")
    assert row.find("th", scope="row").get_text(strip=True) == "Omar Ali"
    assert [td.get("data-title") for td in row.find_all("td")] == [
        "Hvorfor i køen",
        "Venter",
        "Sprog",
        "Status",
    ]
    assert not soup.select(".table--responsive-scroll .queue-table")
