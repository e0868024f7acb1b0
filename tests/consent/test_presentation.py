"""The presentation layer (app/consent/services/formatting.py): every stored value of the
registry in words, in Danish and English; never its code, id or a Python repr."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask import Flask
from flask_babel import force_locale
from sqlalchemy import select

from app.audit import SYSTEM, change_fields, record_created
from app.consent.labels import TECHNICAL_FIELD_LABELS
from app.consent.registry import REGISTRY, TABLE_LABELS
from app.consent.services.consents import give_consent, withdraw_consent
from app.consent.services.formatting import Presenter
from app.db import Base
from app.models import (
    CaseStatus,
    ChangeRecord,
    ConsentPurpose,
    JobLogEntry,
    LogKind,
    LogStatus,
    Occupation,
    RouteReason,
    Skill,
)
from app.taxonomy.services import label_for

LANGS = ("da", "en")


def _shown(entry) -> bool:
    return not entry.technical


@pytest.mark.parametrize("lang", LANGS)
def test_every_coded_column_has_words_for_every_value(
    app: Flask, db, lang: str
) -> None:
    present = Presenter(db, lang)
    checked = 0
    with app.test_request_context(), force_locale(lang):
        for entry in filter(_shown, REGISTRY):
            column = Base.metadata.tables[entry.table].c[entry.column]
            members = getattr(column.type, "enum_class", None)
            for member in members or ():
                words = present.words(entry.table, entry.column, member)
                assert words and words != member.value, (entry, member)
                checked += 1
    assert checked > 100


def test_every_id_has_a_name_rather_than_a_number(db) -> None:
    """A foreign key shown to the citizen is one the presentation layer names."""
    present = Presenter(db, "da")
    for entry in filter(_shown, REGISTRY):
        column = Base.metadata.tables[entry.table].c[entry.column]
        if column.foreign_keys:
            assert (entry.table, entry.column) in present.SPECIAL, entry


def test_every_table_and_key_has_a_name() -> None:
    """Tables and keys appear by name in the CSV and in the change history."""
    tables = {entry.table for entry in REGISTRY}
    assert tables <= set(TABLE_LABELS), tables - set(TABLE_LABELS)
    for entry in REGISTRY:
        table = Base.metadata.tables[entry.table]
        recorded = "citizen_id" in table.c and not table.c[entry.column].primary_key
        if entry.technical and recorded:
            assert entry.column in TECHNICAL_FIELD_LABELS, entry


@pytest.mark.usefixtures("taxonomy")
def test_ids_codes_and_languages_in_words(app: Flask, db) -> None:
    present = Presenter(db, "da")
    skill = db.query(Skill).filter(Skill.uri.like("%nursing-care")).one()
    occupation = db.query(Occupation).first()
    with app.test_request_context(), force_locale("da"):
        assert present.words("citizen_skill", "skill_id", skill.id) == "Sygepleje"
        assert present.words(
            "work_experience", "occupation_id", occupation.id
        ) == label_for(db, occupation.uri, "da")
        labelled = present.labelled("citizen_skill", "skill_id", skill.id)
        assert labelled == {"value": skill.id, "label": "Sygepleje", "uri": skill.uri}
        assert present.words("citizen", "municipality_id", 1).startswith("Jobcenter ")
        assert present.words("contact_preferences", "language", "da") == "Dansk"
        assert present.words("language_skill", "language", "en") == "Engelsk"
        assert present.words("user_account", "locale", "en") == "Engelsk"
        assert present.words("driving_licence", "category", "B") == "B: almindelig bil"
        assert present.words("citizen_industry", "industry", "retail") == "Detailhandel"
        assert present.words("screening_answers", "danish_level", "good") == "Godt"
        assert present.words("education", "level", "upper_secondary").startswith(
            "Gymnasial uddannelse"
        )
        assert present.words("citizen_occupation", "link", "experience") == (
            "Erfaring: du har arbejdet i det"
        )
        assert present.words("consent_event", "given", False) == "Trukket tilbage"
        assert present.words("data_export", "format", "csv") == (
            "En CSV-fil til regneark"
        )
        assert present.words("education", "end_year", 2005) == "2005"
        assert present.words("citizen", "phone", None) == "Ikke registreret"


def test_the_queue_priority_is_a_sentence_and_the_status_words(app: Flask, db) -> None:
    present = Presenter(db, "da")
    with app.test_request_context(), force_locale("da"):
        by_model = present.words(
            "case_file", "priority", 0.9822, {"queue_reason": RouteReason.MODEL}
        )
        asked = present.words(
            "case_file", "priority", 1.0, {"queue_reason": RouteReason.ASKED_FOR_PERSON}
        )
        status = present.words("case_file", "status", CaseStatus.QUEUED)
    assert "0.98" not in by_model and "0,98" not in by_model
    assert "skønnet over dit behov for hjælp" in by_model
    assert "blandt de første i jobcentrets kø" in asked
    assert status == "Venter på en sagsbehandler"


def test_times_are_danish_time_through_the_central_helpers(app: Flask, db) -> None:
    from app.i18n import format_day as day
    from app.i18n import format_when as moment

    present = Presenter(db, "da")
    at = datetime(2026, 12, 7, 2, 17, tzinfo=UTC)  # 03.17 in Copenhagen
    with app.test_request_context(), force_locale("da"):
        assert present.words("consent_event", "at", at) == moment(at, "da")
        assert "03.17" in present.words("consent_event", "at", at)
        assert present.words("citizen", "birth_date", date(1984, 3, 14)) == day(
            date(1984, 3, 14), "da"
        )
        labelled = present.labelled("consent_event", "at", at)
    assert labelled["value"] == "2026-12-07T03:17:00+01:00"  # the same instant


def test_the_change_history_reads_as_what_changed(app: Flask, db, make_citizen) -> None:
    """A change record names its table, field, old and new value and why, in words."""
    citizen = make_citizen()
    entry = JobLogEntry(
        citizen_id=citizen.id,
        kind=LogKind.APPLICATION,
        title="Lagermedarbejder",
        on_date=date(2026, 11, 2),
        status=LogStatus.SENT,
        created_at=datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
    )
    record_created(
        db,
        entry,
        actor=SYSTEM,
        reason="added to the job-search log",
        citizen_id=citizen.id,
    )
    [change] = change_fields(
        db,
        entry,
        {"status": LogStatus.INTERVIEW},
        actor=SYSTEM,
        reason="changed in the job-search log",
        citizen_id=citizen.id,
    )
    row = {c.key: getattr(change, c.key) for c in change.__table__.columns}
    present = Presenter(db, "da")
    with app.test_request_context(), force_locale("da"):
        said = {
            column: present.words("change_record", column, row[column], row)
            for column in ("table_name", "field", "old_value", "new_value", "reason")
        }
        owner = present.words("change_record", "field", "citizen_id", row)
    assert said == {
        "table_name": "Registreringer i din joblog",
        "field": "Status for ansøgningen",
        "old_value": "Sendt, venter på svar",
        "new_value": "Inviteret til samtale",
        "reason": "Ændret i din joblog",
    }
    assert owner == "Hvem det handler om"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("da", {"Du gav dit samtykke", "Du trak dit samtykke tilbage"}),
        ("en", {"You gave your consent", "You withdrew your consent"}),
    ],
)
def test_a_consent_given_and_withdrawn_says_why_in_words(
    app: Flask, db, make_citizen, lang: str, words: set[str]
) -> None:
    """The change history's reason for a consent event is a sentence, not its code."""
    citizen = make_citizen()
    give_consent(db, citizen.id, ConsentPurpose.PERSONALISE, actor=SYSTEM)
    withdraw_consent(db, citizen.id, ConsentPurpose.PERSONALISE, actor=SYSTEM)
    reasons = db.scalars(
        select(ChangeRecord.reason).where(ChangeRecord.citizen_id == citizen.id)
    )
    present = Presenter(db, lang)
    with app.test_request_context(), force_locale(lang):
        said = {present.words("change_record", "reason", r, {}) for r in reasons}
    assert said == words


def test_a_correction_request_says_the_value_as_its_field_would(app: Flask, db) -> None:
    row = {"table_name": "citizen", "field": "unemployed_since"}
    present = Presenter(db, "da")
    with app.test_request_context(), force_locale("da"):
        current = present.words(
            "correction_request", "current_value", "2026-10-16", row
        )
        typed = present.words("correction_request", "proposed_value", "9.10.2026", row)
    assert current == "16. oktober 2026"
    assert typed == "9.10.2026"  # what the citizen wrote, as written
