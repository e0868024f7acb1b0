"""Registry entries for segmentation and the case.

Tables: assessment, case_file, track_override, case_note, unemployment_spell,
protected_attributes.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry.base import (
    HELP,
    HELP_AND_STATISTICS,
    LAB,
    WHILE_REGISTERED,
    Category,
    PersonalField,
    Purpose,
    Source,
    _technical,
)

# Profiling needs a legal basis and a human decision: the model only suggests a track,
# and a caseworker can always deviate (GDPR art. 22 is not triggered).
PROFILING = _l(
    "Act on an active employment effort (lov om en aktiv beskæftigelsesindsats) on "
    "assessing your need for help; GDPR art. 6(1)(e); you can object (art. 21), and a "
    "person decides"
)
STATISTICS_ONLY = _l(
    "Data Protection Act § 10 (statistics); GDPR art. 9(2)(j): used only to check "
    "that the algorithm treats groups fairly"
)
THREE_YEARS = _l("3 years, so that fairness can be checked over time")


def _assessment(column: str, label: Any, **kw: Any) -> PersonalField:
    values: dict[str, Any] = {
        "source": Source.ALGORITHM,
        "purposes": HELP_AND_STATISTICS,
        "legal_basis": PROFILING,
        "retention": WHILE_REGISTERED,
    }
    values.update(kw)
    return PersonalField("assessment", column, label, Category.TRACK, **values)


def _case(table: str, column: str, label: Any, **kw: Any) -> PersonalField:
    values: dict[str, Any] = {
        "source": Source.CASEWORKER,
        "purposes": HELP,
        "legal_basis": LAB,
        "retention": WHILE_REGISTERED,
    }
    values.update(kw)
    category = values.pop("category", Category.CASE)
    return PersonalField(table, column, label, category, **values)


TABLES: dict[str, Any] = {
    "assessment": _l("Assessments of your track"),
    "case_file": _l("Your case in the job centre's queue"),
    "track_override": _l("A caseworker's choice of your track"),
    "case_note": _l("Your caseworker's notes"),
    "unemployment_spell": _l("Periods of unemployment"),
    "protected_attributes": _l("Data used only to check fairness"),
}

FIELDS: tuple[PersonalField, ...] = (
    # assessment: each segmentation result, kept as history
    _technical("assessment", "id", "primary key"),
    _technical("assessment", "citizen_id", "links the row to you"),
    _technical("assessment", "current", "marks the newest result, shown as your track"),
    _assessment("computed_at", _l("When your track was assessed")),
    _assessment("model_version", _l("Version of the model")),
    _assessment(
        "probability",
        _l("Estimated chance of being unemployed for more than 26 weeks"),
    ),
    _assessment("track", _l("Your track")),
    _assessment("route_reason", _l("How your track was decided")),
    _assessment("reasons", _l("The main reasons")),
    _assessment("inputs", _l("The data the assessment used")),
    _assessment(
        "trigger", _l("What made us assess again"), source=Source.SYSTEM, purposes=HELP
    ),
    _assessment("next_review_on", _l("Next review"), source=Source.SYSTEM),
    # case_file: your place in the job centre's queue
    _technical("case_file", "id", "primary key"),
    _technical("case_file", "citizen_id", "links the row to you"),
    _technical("case_file", "version", "guards against two caseworkers at once"),
    _case(
        "case_file",
        "municipality_id",
        _l("The job centre handling your case"),
        source=Source.SYSTEM,
    ),
    _case("case_file", "status", _l("Status of your case"), source=Source.SYSTEM),
    _case(
        "case_file",
        "queue_reason",
        _l("Why you are waiting for a caseworker"),
        source=Source.SYSTEM,
    ),
    _case(
        "case_file",
        "priority",
        _l("Priority in the queue"),
        source=Source.ALGORITHM,
        legal_basis=PROFILING,
    ),
    _case(
        "case_file",
        "language",
        _l("Language for talking to you"),
        source=Source.SELF_DECLARED,
    ),
    _case(
        "case_file",
        "queued_at",
        _l("When you joined the queue"),
        source=Source.SYSTEM,
    ),
    _technical(
        "case_file", "claimed_by_id", "the caseworker; names are shown on your case"
    ),
    _case("case_file", "claimed_at", _l("When a caseworker took your case")),
    # track_override: a caseworker chose a different track
    _technical("track_override", "id", "primary key"),
    _technical("track_override", "citizen_id", "links the row to you"),
    _technical("track_override", "assessment_id", "the result that was overridden"),
    _technical(
        "track_override", "caseworker_id", "the member of staff; names are withheld"
    ),
    _technical(
        "track_override",
        "municipality_id",
        "a copy of your job centre, shown under Your case",
    ),
    _case(
        "track_override",
        "from_track",
        _l("Suggested track"),
        category=Category.TRACK,
        purposes=HELP_AND_STATISTICS,
    ),
    _case(
        "track_override",
        "to_track",
        _l("Track the caseworker chose"),
        category=Category.TRACK,
        purposes=HELP_AND_STATISTICS,
    ),
    _case(
        "track_override",
        "reason_code",
        _l("Why the caseworker chose another track"),
        category=Category.TRACK,
        purposes=HELP_AND_STATISTICS,
    ),
    _case(
        "track_override",
        "note",
        _l("The caseworker's explanation"),
        category=Category.TRACK,
    ),
    _case(
        "track_override",
        "at",
        _l("When the track was changed"),
        category=Category.TRACK,
    ),
    # case_note: the caseworker's notes
    _technical("case_note", "id", "primary key"),
    _technical("case_note", "citizen_id", "links the row to you"),
    _technical("case_note", "caseworker_id", "the member of staff; names are withheld"),
    _case("case_note", "at", _l("When the note was written")),
    _case("case_note", "text", _l("Caseworker's note")),
    # unemployment_spell: earlier and current periods of unemployment
    _technical("unemployment_spell", "id", "primary key"),
    _technical("unemployment_spell", "citizen_id", "links the row to you"),
    _case(
        "unemployment_spell",
        "started_on",
        _l("Period of unemployment began"),
        source=Source.REGISTER,
        purposes=HELP_AND_STATISTICS,
    ),
    _case(
        "unemployment_spell",
        "ended_on",
        _l("Period of unemployment ended"),
        source=Source.REGISTER,
        purposes=HELP_AND_STATISTICS,
    ),
    # protected_attributes: held apart; only the fairness audit reads them
    _technical("protected_attributes", "id", "primary key"),
    _technical("protected_attributes", "citizen_id", "links the row to you"),
    PersonalField(
        "protected_attributes",
        "gender",
        _l("Gender"),
        Category.FAIRNESS,
        source=Source.REGISTER,
        purposes=frozenset({Purpose.STATISTICS}),
        legal_basis=STATISTICS_ONLY,
        retention=THREE_YEARS,
    ),
    PersonalField(
        "protected_attributes",
        "origin",
        _l("Origin (Danish, Western, non-Western)"),
        Category.FAIRNESS,
        source=Source.REGISTER,
        purposes=frozenset({Purpose.STATISTICS}),
        legal_basis=STATISTICS_ONLY,
        retention=THREE_YEARS,
    ),
)
