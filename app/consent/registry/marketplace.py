"""Registry entries for the marketplace.

Table: enrolment (the services a citizen chose, requested or left, with the provider's
report). Used to help and, without names, for the published results of each service.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry.base import (
    HELP_AND_STATISTICS,
    LAB,
    WHILE_REGISTERED,
    Category,
    PersonalField,
    Source,
    _technical,
)


def _enrolment(
    column: str, label: Any, source: Source = Source.SELF_DECLARED
) -> PersonalField:
    return PersonalField(
        "enrolment",
        column,
        label,
        Category.SERVICES,
        source=source,
        purposes=HELP_AND_STATISTICS,
        legal_basis=LAB,
        retention=WHILE_REGISTERED,
    )


TABLES: dict[str, Any] = {
    "enrolment": _l("Services you have chosen"),
    # Linked to you through the enrolment (no column of their own names you); named
    # here so the change history says what they are.
    "offering_review": _l("Your reviews of services"),
    "provider_message": _l("Messages from providers"),
}

FIELDS: tuple[PersonalField, ...] = (
    _technical("enrolment", "id", "primary key"),
    _technical("enrolment", "citizen_id", "links the row to you"),
    _enrolment("offering_id", _l("The service you chose")),
    _enrolment("state", _l("Where your choice of the service stands"), Source.SYSTEM),
    _enrolment("requested_at", _l("When you chose the service"), Source.SYSTEM),
    _enrolment("started_at", _l("When you started"), Source.SYSTEM),
    _enrolment("ended_at", _l("When it ended"), Source.SYSTEM),
    _enrolment("reason", _l("Why you left, or why your caseworker said no")),
    _technical(
        "enrolment",
        "decided_by_user_id",
        "the caseworker who decided (shown in the change history)",
    ),
    _enrolment(
        "attendance_percent",
        _l("How much of the service you attended, as the provider reported it"),
        Source.SYSTEM,
    ),
    _enrolment(
        "completed", _l("Whether the provider reported you completed it"), Source.SYSTEM
    ),
    _enrolment("reported_at", _l("When the provider reported it"), Source.SYSTEM),
    _enrolment(
        "start_support_track",
        _l("Whether you had a caseworker's support when you started"),
        Source.SYSTEM,
    ),
    _enrolment(
        "start_months_unemployed",
        _l("How many months you had been unemployed when you started"),
        Source.SYSTEM,
    ),
    _enrolment("start_age", _l("Your age when you started"), Source.REGISTER),
    _technical("enrolment", "synthetic", "marks made-up demo data"),
)
