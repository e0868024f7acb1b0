"""Registry entries for consent, objection, corrections and exports.

Tables: consent_event, profiling_objection, correction_request, data_export.

Consent receipts and the objection are kept so the citizen (and the job centre) can
show what was agreed and when; they are used for nothing else. Correction requests and
the log of exports are part of the citizen's right to insight and correction.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry.base import (
    LOG,
    WHILE_ACCOUNT,
    Category,
    PersonalField,
    Source,
    _technical,
)

CONSENT_BASIS = _l("GDPR art. 6(1)(a) and 7: your consent, and proof that you gave it")
OBJECTION_BASIS = _l("GDPR art. 21 and 22: your right to object to profiling")
RIGHTS_BASIS = _l("GDPR art. 15, 16 and 20: your rights to insight and correction")
WHILE_ACCOUNT_AND_FIVE = _l("As long as you have an account, and 5 years after")


def _consent(
    table: str,
    column: str,
    label: Any,
    category: Category = Category.CONSENT,
    **kw: Any,
) -> PersonalField:
    values: dict[str, Any] = {
        "source": Source.SELF_DECLARED,
        "purposes": LOG,
        "legal_basis": CONSENT_BASIS,
        "retention": WHILE_ACCOUNT_AND_FIVE,
    }
    values.update(kw)
    return PersonalField(table, column, label, category, **values)


def _objection(column: str, label: Any) -> PersonalField:
    return _consent("profiling_objection", column, label, legal_basis=OBJECTION_BASIS)


def _correction(column: str, label: Any, **kw: Any) -> PersonalField:
    return _consent(
        "correction_request",
        column,
        label,
        legal_basis=RIGHTS_BASIS,
        category=Category.CHANGE_HISTORY,
        **kw,
    )


TABLES: dict[str, Any] = {
    "consent_event": _l("Consents you gave or withdrew"),
    "profiling_objection": _l("Your objection to profiling"),
    "correction_request": _l("Your requests to correct data"),
    "data_export": _l("Downloads of your data"),
}

FIELDS: tuple[PersonalField, ...] = (
    # consent_event: one giving or withdrawal, each also the receipt
    _technical("consent_event", "id", "primary key"),
    _technical("consent_event", "citizen_id", "links the row to you"),
    _consent("consent_event", "purpose", _l("What you consented to")),
    _consent("consent_event", "provider_id", _l("The provider you chose")),
    _consent("consent_event", "given", _l("Given or withdrawn")),
    _consent("consent_event", "at", _l("When")),
    _consent("consent_event", "receipt_code", _l("Receipt code"), source=Source.SYSTEM),
    # profiling_objection
    _technical("profiling_objection", "id", "primary key"),
    _technical("profiling_objection", "citizen_id", "links the row to you"),
    _objection("objected_at", _l("You objected to profiling on")),
    _objection("reason", _l("Your reason for objecting")),
    _objection("withdrawn_at", _l("You withdrew the objection on")),
    # correction_request
    _technical("correction_request", "id", "primary key"),
    _technical("correction_request", "citizen_id", "links the row to you"),
    _technical("correction_request", "row_id", "which row the request is about"),
    _technical(
        "correction_request",
        "decided_by_user_id",
        "the caseworker who decided; names are withheld",
    ),
    _correction("table_name", _l("Kind of data")),
    _correction("field", _l("Field")),
    _correction("current_value", _l("Value when you asked")),
    _correction("proposed_value", _l("The value you proposed")),
    _correction("reason", _l("Your reason")),
    _correction("status", _l("Status"), source=Source.CASEWORKER),
    _correction("created_at", _l("Asked on"), source=Source.SYSTEM),
    _correction("decided_at", _l("Decided on"), source=Source.CASEWORKER),
    _correction(
        "decision_reason", _l("The caseworker's reason"), source=Source.CASEWORKER
    ),
    # data_export
    _technical("data_export", "id", "primary key"),
    _technical("data_export", "citizen_id", "links the row to you"),
    PersonalField(
        "data_export",
        "at",
        _l("You exported your data on"),
        Category.CHANGE_HISTORY,
        source=Source.SYSTEM,
        purposes=LOG,
        legal_basis=RIGHTS_BASIS,
        retention=WHILE_ACCOUNT,
    ),
    PersonalField(
        "data_export",
        "format",
        _l("Export format"),
        Category.CHANGE_HISTORY,
        source=Source.SYSTEM,
        purposes=LOG,
        legal_basis=RIGHTS_BASIS,
        retention=WHILE_ACCOUNT,
    ),
)
