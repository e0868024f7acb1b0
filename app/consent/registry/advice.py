"""Registry entries for decision support: the citizen's target group and the
interventions agreed with them.

Tables: citizen_target_group, intervention_decision.
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
    Source,
    _technical,
)

TABLES: dict[str, Any] = {
    "citizen_target_group": _l("Your target group"),
    "intervention_decision": _l("Interventions agreed with you"),
}


def _caseworker(table: str, column: str, label: Any, **kw: Any) -> PersonalField:
    values: dict[str, Any] = {
        "source": Source.CASEWORKER,
        "purposes": HELP,
        "legal_basis": LAB,
        "retention": WHILE_REGISTERED,
    }
    values.update(kw)
    return PersonalField(table, column, label, Category.CASE, **values)


FIELDS: tuple[PersonalField, ...] = (
    _technical("citizen_target_group", "id", "primary key"),
    _technical("citizen_target_group", "citizen_id", "links the row to you"),
    _caseworker(
        "citizen_target_group",
        "group",
        _l("Target group (job-ready, activity-ready or sick-listed)"),
        purposes=HELP_AND_STATISTICS,
    ),
    _caseworker(
        "citizen_target_group",
        "expected_absence_weeks",
        _l("Expected absence in weeks (sick-listed)"),
    ),
    _technical(
        "citizen_target_group", "set_by_id", "the member of staff; names are withheld"
    ),
    _caseworker("citizen_target_group", "set_at", _l("When the target group was set")),
    _technical("intervention_decision", "id", "primary key"),
    _technical("intervention_decision", "citizen_id", "links the row to you"),
    _technical(
        "intervention_decision",
        "caseworker_id",
        "the member of staff; names are withheld",
    ),
    _technical(
        "intervention_decision",
        "municipality_id",
        "a copy of your job centre, shown under Your case",
    ),
    _caseworker("intervention_decision", "at", _l("When the intervention was agreed")),
    _technical(
        "intervention_decision",
        "tables_version",
        "the version of the estimates shown, for the record",
    ),
    _technical(
        "intervention_decision",
        "group_number",
        "the group of the estimates you were in, for the record",
    ),
    _caseworker(
        "intervention_decision",
        "suggested",
        _l("Intervention suggested by the estimate"),
        source=Source.ALGORITHM,
        purposes=HELP_AND_STATISTICS,
    ),
    _caseworker(
        "intervention_decision",
        "agreed",
        _l("Intervention agreed with you"),
        purposes=HELP_AND_STATISTICS,
    ),
    _technical(
        "intervention_decision",
        "follows_suggestion",
        "whether the agreed intervention was the suggestion, for the rates",
    ),
    _caseworker(
        "intervention_decision",
        "reason_code",
        _l("Why another intervention than the suggestion"),
        purposes=HELP_AND_STATISTICS,
    ),
    _caseworker("intervention_decision", "note", _l("The caseworker's explanation")),
)
