"""The audit trail: every change keeps its history; every staff read is logged once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.audit import (
    SYSTEM,
    Actor,
    FieldChange,
    change_fields,
    log_access,
    log_accesses,
    record_changes,
    record_created,
    record_deleted,
    save_fields,
)
from app.models import AccessLog, AccessPurpose, AccessWhat, ChangeRecord, Citizen, Role


def _history(db, citizen_id: int) -> list[ChangeRecord]:
    return list(
        db.scalars(
            select(ChangeRecord)
            .where(ChangeRecord.citizen_id == citizen_id)
            .order_by(ChangeRecord.id)
        )
    )


def test_a_change_records_old_and_new_value_actor_and_reason(db, make_citizen) -> None:
    citizen = make_citizen(phone="11223344")
    actor = Actor.of(citizen.user)
    records = change_fields(
        db,
        citizen,
        {"phone": "55667788", "city": "København N"},
        actor=actor,
        reason="Citizen corrected phone",
        citizen_id=citizen.id,
    )
    assert [(r.field, r.old_value, r.new_value) for r in records] == [
        ("phone", "11223344", "55667788")
    ], "unchanged fields are not recorded"
    assert citizen.phone == "55667788"
    (record,) = _history(db, citizen.id)
    assert record.actor_user_id == citizen.user_id and record.actor_role == "citizen"
    assert record.reason == "Citizen corrected phone" and record.table_name == "citizen"


def test_a_change_without_a_reason_changes_nothing(db, make_citizen) -> None:
    citizen = make_citizen(phone="11223344")
    with pytest.raises(ValueError):
        change_fields(
            db, citizen, {"phone": "1"}, actor=SYSTEM, reason="", citizen_id=citizen.id
        )
    assert citizen.phone == "11223344"
    assert _history(db, citizen.id) == []


def test_creation_and_deletion_keep_every_value(db, make_citizen, make_user) -> None:
    owner = make_citizen()
    user = make_user(Role.CITIZEN)
    extra = Citizen(
        user_id=user.id,
        municipality_id=owner.municipality_id,
        first_name="Jonas",
        last_name="Holm",
        synthetic=True,
    )
    record_created(db, extra, actor=SYSTEM, reason="Registered", citizen_id=owner.id)
    row_id = extra.id
    record_deleted(db, extra, actor=SYSTEM, reason="Deregistered", citizen_id=owner.id)
    db.flush()
    assert db.get(Citizen, row_id) is None
    history = [
        (r.field, r.old_value, r.new_value)
        for r in _history(db, owner.id)
        if r.row_id == row_id
    ]
    assert ("first_name", None, "Jonas") in history
    assert ("first_name", "Jonas", None) in history


def test_citizens_own_reads_are_not_logged_but_staff_reads_are(
    db, make_citizen, make_caseworker
) -> None:
    citizen = make_citizen()
    what, why = AccessWhat.CASE_VIEW, AccessPurpose.CASE_WORK
    assert log_access(db, Actor.of(citizen.user), citizen.id, what, why) is None
    caseworker = make_caseworker()
    entry = log_access(db, Actor.of(caseworker), citizen.id, what, why)
    assert entry is not None and entry.organisation == "København Kommune"


def test_a_list_page_logs_each_citizen_on_it_once(
    db, make_citizen, make_caseworker
) -> None:
    first, second = make_citizen(), make_citizen()
    what, why = AccessWhat.QUEUE, AccessPurpose.ALLOCATING_CASES
    log_accesses(db, Actor.of(first.user), [first.id], what, why)
    assert db.scalars(select(AccessLog)).all() == []
    caseworker = make_caseworker()
    log_accesses(db, Actor.of(caseworker), [first.id, second.id], what, why)
    rows = db.scalars(select(AccessLog).order_by(AccessLog.citizen_id)).all()
    assert [(r.citizen_id, r.actor_user_id, r.purpose) for r in rows] == [
        (first.id, caseworker.id, why),
        (second.id, caseworker.id, why),
    ]
    assert {r.organisation for r in rows} == {"København Kommune"}


def test_every_staff_read_writes_exactly_one_access_log_row(
    db, client, login, make_citizen, make_caseworker
) -> None:
    """A caseworker's opening of a case writes one row; the citizen's own reads none."""
    citizen = make_citizen()
    caseworker = make_caseworker()
    login(caseworker)
    assert client.get(f"/sagsbehandler/borger/{citizen.id}").status_code == 200
    entries = list(
        db.scalars(select(AccessLog).where(AccessLog.citizen_id == citizen.id))
    )
    assert [(e.actor_user_id, e.what, e.purpose) for e in entries] == [
        (caseworker.id, AccessWhat.CASE_VIEW, AccessPurpose.CASE_WORK)
    ]
    client.post("/log-ud", data={"csrf_token": _token(client)})
    login(citizen.user)
    assert client.get("/mine-data").status_code == 200
    count = len(
        list(db.scalars(select(AccessLog).where(AccessLog.citizen_id == citizen.id)))
    )
    assert count == 1, "a citizen reading their own data is not an access-log entry"


def _token(client) -> str:
    from tests.pages import csrf_token

    return csrf_token(client)


def test_bulk_changes_are_recorded_in_one_statement_with_actor_and_reason(
    db, make_citizen
) -> None:
    first, second = make_citizen(), make_citizen()
    count = record_changes(
        db,
        [
            FieldChange("citizen", first.id, "city", "Aarhus", "Odense", first.id),
            FieldChange("citizen", second.id, "city", None, "Vejle", second.id),
        ],
        actor=SYSTEM,
        reason="a bulk correction",
    )
    assert count == 2
    rows = [
        (r.citizen_id, r.field, r.old_value, r.new_value, r.actor_role, r.reason)
        for r in _history(db, first.id) + _history(db, second.id)
    ]
    assert rows == [
        (first.id, "city", "Aarhus", "Odense", "system", "a bulk correction"),
        (second.id, "city", None, "Vejle", "system", "a bulk correction"),
    ]
    with pytest.raises(ValueError):
        record_changes(db, [], actor=SYSTEM, reason="")


def test_save_fields_creates_once_then_records_only_what_changed(
    db, make_citizen
) -> None:
    from app.models import CvSettings

    citizen = make_citizen()
    key = {"citizen_id": citizen.id}
    row, created = save_fields(
        db,
        CvSettings,
        key,
        {"hide_contact_details": True},
        actor=SYSTEM,
        reason="first choice",
        citizen_id=citizen.id,
    )
    assert created and row.hide_contact_details is True
    again, records = save_fields(
        db,
        CvSettings,
        key,
        {"hide_contact_details": False},
        actor=SYSTEM,
        reason="changed mind",
        citizen_id=citizen.id,
    )
    assert again is row and row.hide_contact_details is False
    assert [(r.field, r.old_value, r.new_value) for r in records] == [
        ("hide_contact_details", "true", "false")
    ]
    _same, none = save_fields(
        db,
        CvSettings,
        key,
        {"hide_contact_details": False},
        actor=SYSTEM,
        reason="no change",
        citizen_id=citizen.id,
    )
    assert none == []
