"""The audit trail: every change keeps its history; every staff read is logged once."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from app.audit import (
    SYSTEM,
    Actor,
    change_fields,
    log_access,
    log_accesses,
    record_created,
    record_deleted,
)
from app.models import AccessLog, ChangeRecord, Citizen, Role
from app.security import access_logged, role_required


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
    assert log_access(db, Actor.of(citizen.user), citizen.id, "profile", "self") is None
    caseworker = make_caseworker()
    entry = log_access(db, Actor.of(caseworker), citizen.id, "profile", "case_handling")
    assert entry is not None and entry.organisation == "København Kommune"


def test_a_list_page_logs_each_citizen_on_it_once(
    db, make_citizen, make_caseworker
) -> None:
    first, second = make_citizen(), make_citizen()
    log_accesses(db, Actor.of(first.user), [first.id], "list", "self")
    assert db.scalars(select(AccessLog)).all() == []
    caseworker = make_caseworker()
    log_accesses(db, Actor.of(caseworker), [first.id, second.id], "queue", "allocating")
    rows = db.scalars(select(AccessLog).order_by(AccessLog.citizen_id)).all()
    assert [(r.citizen_id, r.actor_user_id, r.purpose) for r in rows] == [
        (first.id, caseworker.id, "allocating"),
        (second.id, caseworker.id, "allocating"),
    ]
    assert {r.organisation for r in rows} == {"København Kommune"}


@pytest.fixture(scope="module")
def audited_app(make_app) -> Flask:
    app = make_app()

    @app.get("/borger/<int:citizen_id>/profil")
    @role_required(Role.CASEWORKER, Role.CITIZEN)
    @access_logged(what="profile", purpose="case_handling")
    def show(citizen_id: int) -> str:
        return render_template_string("<p>{{ id }}</p>", id=citizen_id)

    return app


def test_every_staff_read_writes_exactly_one_access_log_row(
    audited_app, db, make_citizen, make_caseworker
) -> None:
    from tests.pages import log_in

    original = audited_app.extensions["db_sessionmaker"]
    audited_app.extensions["db_sessionmaker"] = sessionmaker(
        bind=db.get_bind(),
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
    )
    try:
        citizen = make_citizen()
        caseworker = make_caseworker()
        client = audited_app.test_client()
        log_in(client, caseworker)
        assert client.get(f"/borger/{citizen.id}/profil").status_code == 200
        entries = list(
            db.scalars(select(AccessLog).where(AccessLog.citizen_id == citizen.id))
        )
        assert [(e.actor_user_id, e.what, e.purpose) for e in entries] == [
            (caseworker.id, "profile", "case_handling")
        ]
        own = audited_app.test_client()
        log_in(own, citizen.user)
        assert own.get(f"/borger/{citizen.id}/profil").status_code == 200
        count = len(
            list(
                db.scalars(select(AccessLog).where(AccessLog.citizen_id == citizen.id))
            )
        )
        assert count == 1, "a citizen reading their own data is not an access-log entry"
    finally:
        audited_app.extensions["db_sessionmaker"] = original
