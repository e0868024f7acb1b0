"""Correction requests: the citizen asks, a caseworker of their municipality decides."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.audit import Actor
from app.consent.services.corrections import (
    CorrectionError,
    NotYours,
    decide_correction,
    submit_correction,
)
from app.models import AccessLog, ChangeRecord, CorrectionRequest, CorrectionStatus


def _ask_url(citizen, field: str = "last_name") -> str:
    return f"/mine-data/rettelser/ny?tabel=citizen&felt={field}&raekke={citizen.id}"


def _reads(db, citizen_id: int) -> int:
    return db.scalar(
        select(func.count())
        .select_from(AccessLog)
        .where(AccessLog.citizen_id == citizen_id)
    )


def _history(db, table: str, row_id: int, field: str) -> list[tuple]:
    return list(
        db.execute(
            select(ChangeRecord.old_value, ChangeRecord.new_value, ChangeRecord.reason)
            .where(
                ChangeRecord.table_name == table,
                ChangeRecord.row_id == row_id,
                ChangeRecord.field == field,
            )
            .order_by(ChangeRecord.id)
        ).all()
    )


def test_a_citizen_asks_and_a_caseworker_approves(
    db, client, get_page, make_citizen, make_caseworker, login, post_form
) -> None:
    citizen = make_citizen(last_name="Sørensen")
    caseworker = make_caseworker(101)
    login(citizen.user)
    page = get_page(_ask_url(citizen))
    assert page.h1.get_text(strip=True) == "Bed om rettelse"
    assert "Sørensen" in page.find("dl").get_text()
    response = post_form(
        _ask_url(citizen), {"value": "Sørensen-Berg", "reason": "Jeg er blevet gift"}
    )
    assert response.status_code == 302
    request = db.scalar(select(CorrectionRequest))
    assert request.current_value == "Sørensen"
    page = get_page("/mine-data/rettelser")
    assert "Venter på afgørelse" in page.get_text()

    client.post("/log-ud", data={"csrf_token": _token(client)})
    login(caseworker)
    before = _reads(db, citizen.id)
    page = get_page(f"/sagsbehandler/rettelser/{request.id}")
    assert "Jeg er blevet gift" in page.get_text()
    # Each opening of a request is one row in the citizen's access log.
    assert _reads(db, citizen.id) == before + 1
    response = post_form(
        f"/sagsbehandler/rettelser/{request.id}",
        {"decision": "approve", "reason": "Bekræftet i CPR"},
    )
    assert response.status_code == 302
    db.refresh(citizen)
    db.refresh(request)
    assert citizen.last_name == "Sørensen-Berg"
    assert request.status is CorrectionStatus.APPROVED
    # The history keeps the old and the new value, with the decision as the reason.
    changes = _history(db, "citizen", citizen.id, "last_name")
    assert changes[-1][:2] == ("Sørensen", "Sørensen-Berg")
    assert "Bekræftet i CPR" in changes[-1][2]

    client.post("/log-ud", data={"csrf_token": _token(client)})
    login(citizen.user)
    page = get_page("/mine-data/rettelser")
    text = page.get_text()
    assert "Godkendt" in text and "Bekræftet i CPR" in text


def _token(client) -> str:
    from tests.pages import csrf_token

    return csrf_token(client)


def test_a_rejection_keeps_the_value_and_says_why(
    db, make_citizen, make_caseworker
) -> None:
    citizen = make_citizen(birth_date=date(1980, 1, 2))
    caseworker = make_caseworker(101)
    request = submit_correction(
        db, citizen.id, "citizen", citizen.id, "birth_date", "02.01.1981", "Forkert år"
    )
    decide_correction(
        db,
        request.id,
        actor=Actor.of(caseworker),
        caseworker_municipality_id=caseworker.municipality_id,
        approve=False,
        reason="CPR viser 1980",
    )
    assert citizen.birth_date == date(1980, 1, 2)
    assert request.status is CorrectionStatus.REJECTED
    assert request.decision_reason == "CPR viser 1980"
    statuses = _history(db, "correction_request", request.id, "status")
    assert [new for _old, new, _r in statuses] == ["pending", "rejected"]
    with pytest.raises(CorrectionError):
        decide_correction(
            db,
            request.id,
            actor=Actor.of(caseworker),
            caseworker_municipality_id=caseworker.municipality_id,
            approve=True,
            reason="Alligevel",
        )


def test_another_municipality_cannot_decide(db, make_citizen, make_caseworker):
    citizen = make_citizen(101)
    stranger = make_caseworker(751)
    request = submit_correction(
        db, citizen.id, "citizen", citizen.id, "city", "Aarhus C", "Jeg er flyttet"
    )
    with pytest.raises(NotYours):
        decide_correction(
            db,
            request.id,
            actor=Actor.of(stranger),
            caseworker_municipality_id=stranger.municipality_id,
            approve=True,
            reason="Ok",
        )
    assert request.status is CorrectionStatus.PENDING


def test_self_declared_or_technical_fields_are_not_corrected_by_request(
    db, get_page, make_citizen, login
) -> None:
    citizen = make_citizen()
    login(citizen.user)
    for field in ("phone", "synthetic", "id", "municipality_id", "no_such_field"):
        get_page(_ask_url(citizen, field), status=404)
    with pytest.raises(NotYours):
        submit_correction(db, citizen.id, "citizen", citizen.id, "phone", "1", "x")


@pytest.mark.parametrize(
    ("value", "reason", "message"),
    [
        ("", "Fordi", "Skriv den oplysning"),
        ("Berg", "", "Skriv, hvorfor"),
        ("x" * 101, "For lang", "for lang"),
        ("Berg\x07", "Kontroltegn", "usynlige tegn"),
        ("Berg", "skjult \u202etekst", "usynlige tegn"),
    ],
)
def test_bad_or_hostile_requests_save_nothing(
    db, get_page, make_citizen, login, post_form, value, reason, message
) -> None:
    citizen = make_citizen()
    login(citizen.user)
    response = post_form(_ask_url(citizen), {"value": value, "reason": reason})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "error-summary" in body
    assert message in body
    assert db.scalar(select(func.count()).select_from(CorrectionRequest)) == 0


def test_only_typeable_facts_are_corrected_by_request() -> None:
    from app.consent.services.corrections import correctable_entry

    assert correctable_entry("citizen", "last_name") is not None
    assert correctable_entry("citizen", "unemployed_since") is not None
    # Computed structures, coded values and times of events are not typed in.
    for table, field in (
        ("assessment", "reasons"),
        ("assessment", "track"),
        ("assessment", "model_version"),
        ("case_file", "claimed_at"),
    ):
        assert correctable_entry(table, field) is None


def test_a_postcode_must_be_four_digits(db, make_citizen, login, post_form) -> None:
    citizen = make_citizen()
    login(citizen.user)
    response = post_form(
        _ask_url(citizen, "postcode"), {"value": "80O0", "reason": "Tastefejl"}
    )
    assert "fire cifre" in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(CorrectionRequest)) == 0


def test_a_wrong_date_is_refused(db, make_citizen, login, post_form) -> None:
    citizen = make_citizen()
    login(citizen.user)
    response = post_form(
        _ask_url(citizen, "birth_date"), {"value": "31.02.1980", "reason": "Fejl"}
    )
    assert "rigtig dato" in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(CorrectionRequest)) == 0


def test_the_citizen_withdraws_a_pending_request(
    db, get_page, make_citizen, login, post_form
) -> None:
    citizen = make_citizen()
    request = submit_correction(
        db, citizen.id, "citizen", citizen.id, "city", "Odense C", "Jeg er flyttet"
    )
    login(citizen.user)
    page = get_page(f"/mine-data/rettelser/{request.id}/tilbagekald")
    assert page.h1.get_text(strip=True) == "Vil du trække anmodningen tilbage?"
    post_form(f"/mine-data/rettelser/{request.id}/tilbagekald")
    db.refresh(request)
    assert request.status is CorrectionStatus.WITHDRAWN
    assert "Trukket tilbage af dig" in get_page("/mine-data/rettelser").get_text()


def test_the_list_shows_only_the_municipality_and_logs_each_citizen_once(
    db, get_page, make_citizen, make_caseworker, login
) -> None:
    mine = make_citizen(101, first_name="Ali")
    theirs = make_citizen(751, first_name="Lone")
    for citizen in (mine, mine, theirs):
        submit_correction(
            db, citizen.id, "citizen", citizen.id, "city", "Køge", "Flyttet"
        )
    caseworker = make_caseworker(101)
    login(caseworker)
    page = get_page("/sagsbehandler/rettelser")
    names = [th.get_text(strip=True) for th in page.select("tbody th")]
    assert names == [mine.full_name, mine.full_name]
    assert _reads(db, mine.id) == 1
    assert _reads(db, theirs.id) == 0
    page = get_page(f"/sagsbehandler/rettelser?borger={mine.id}")
    assert len(page.select("tbody tr")) == 2
    get_page(f"/sagsbehandler/rettelser?borger={theirs.id}", status=404)
    get_page("/sagsbehandler/rettelser?borger=abc", status=404)


def test_a_caseworker_decision_needs_a_reason(
    db, make_citizen, make_caseworker, login, post_form
) -> None:
    citizen = make_citizen()
    request = submit_correction(
        db, citizen.id, "citizen", citizen.id, "city", "Køge", "Flyttet"
    )
    login(make_caseworker(101))
    for data in ({"decision": "approve"}, {"decision": "maybe", "reason": "Hmm"}):
        response = post_form(f"/sagsbehandler/rettelser/{request.id}", data)
        assert response.status_code == 200
        assert "error-summary" in response.get_data(as_text=True)
    db.refresh(request)
    assert request.status is CorrectionStatus.PENDING


def test_the_caseworkers_list_is_paginated(
    db, get_page, make_citizen, make_caseworker, login
) -> None:
    citizens = [make_citizen(101, first_name=f"Borger{n}") for n in range(27)]
    for citizen in citizens:
        submit_correction(
            db, citizen.id, "citizen", citizen.id, "city", "Køge", "Flyttet"
        )
    login(make_caseworker(101))
    page = get_page("/sagsbehandler/rettelser")
    assert len(page.select("tbody tr")) == 25
    assert _reads(db, citizens[0].id) == 1 and _reads(db, citizens[26].id) == 0
    page = get_page("/sagsbehandler/rettelser?status=pending&page=2")
    assert len(page.select("tbody tr")) == 2
    assert _reads(db, citizens[26].id) == 1


def test_the_value_when_asked_reads_as_its_field_does(
    db, get_page, make_citizen, make_caseworker, login
) -> None:
    """A date kept as text in the request is a date in words on both sides."""
    citizen = make_citizen(unemployed_since=date(2026, 10, 16))
    request = submit_correction(
        db,
        citizen.id,
        "citizen",
        citizen.id,
        "unemployed_since",
        "9.10.2026",
        "Min sidste arbejdsdag var en uge før",
    )
    assert request.current_value == "2026-10-16"
    login(citizen.user)
    row = get_page("/mine-data/rettelser").select_one("tbody tr")
    assert "16. oktober 2026" in row.get_text()
    assert "2026-10-16" not in row.get_text()
    login(make_caseworker(101))
    page = get_page(f"/sagsbehandler/rettelser/{request.id}")
    assert "16. oktober 2026" in page.find("dl").get_text()
