"""Where the citizen changes each datum of "Mine data", or asks to have it corrected.

What the citizen told us links to the page whose form holds that datum (the row's own
edit page where there is one). Data the citizen cannot change themself links to the
correction request for it when it can be corrected by request, or to "talk to a person"
when only the job centre can change it together with them (a plan item agreed with a
caseworker, an occupation a caseworker recorded). Times at which something happened,
receipts and the logs have no link: they are records, not statements to correct.
tests/consent/test_change_links.py follows every link and finds the datum's field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import DateTime

from app.consent.registry import PersonalField, Source
from app.consent.services.corrections import correctable_entry
from app.db import Base
from app.jobsearch.services import citizen_may_edit
from app.models import ContactStatus, CorrectionStatus, OccupationLink

CHANGE = "change"
CORRECT = "correct"
ASK = "ask"
# The language chooser in the footer of every page (app/templates/base.html).
LANGUAGE_CHOOSER = "sprogvalg"


@dataclass(frozen=True)
class ChangeLink:
    """A link to where a datum is changed: url_for(endpoint, **args) + #anchor."""

    endpoint: str
    kind: str
    args: dict[str, Any] = field(default_factory=dict)
    anchor: str = ""


# The page where the citizen changes what they told us, by table.
PAGES: dict[str, tuple[str, dict[str, Any]]] = {
    "citizen": ("onboarding.step", {"step": 1}),
    "contact_preferences": ("onboarding.step", {"step": 2}),
    "screening_answers": ("onboarding.situation", {}),
    "job_preferences": ("onboarding.wishes", {}),
    "citizen_industry": ("onboarding.wishes", {}),
    "citizen_skill": ("cv.skills", {}),
    "language_skill": ("cv.languages", {}),
    "personal_competence": ("cv.competences", {}),
    "driving_licence": ("cv.licences", {}),
    "cv_settings": ("cv.visibility", {}),
    "contact_request": ("dialogue.contact", {}),
    "consent_event": ("consent.consents", {}),
    "profiling_objection": ("consent.objection", {}),
    "correction_request": ("consent.corrections", {}),
}
# Rows with an edit page of their own: (endpoint, the name of its id argument).
ROW_PAGES: dict[str, tuple[str, str]] = {
    "education": ("cv.education_edit", "row_id"),
    "work_experience": ("cv.work_edit", "row_id"),
    "certificate": ("cv.certificate_edit", "row_id"),
    "job_log_entry": ("jobsearch.joblog_edit", "entry_id"),
}
# A copy of what the citizen told us elsewhere: changed where the original is.
COPIES: dict[tuple[str, str], str] = {("case_file", "language"): "contact_preferences"}
# Changed where the consent, the objection or the request is; the moments are records.
KEPT_AS_RECORDS = frozenset({("consent_event", "receipt_code")})


def change_link(
    entry: PersonalField, row_id: int | None, row: dict[str, Any]
) -> ChangeLink | None:
    """Where the citizen changes this datum, asks for it to change, or None."""
    if row_id is None or (entry.table, entry.column) in KEPT_AS_RECORDS:
        return None
    table = COPIES.get((entry.table, entry.column), entry.table)
    if table != entry.table:
        return _page(table, row_id)
    if entry.source is not Source.SELF_DECLARED:
        if correctable_entry(entry.table, entry.column) is None:
            return None
        args = {"tabel": entry.table, "felt": entry.column, "raekke": row_id}
        return ChangeLink("consent.correction_new", CORRECT, args)
    column = Base.metadata.tables[entry.table].c[entry.column]
    if isinstance(column.type, DateTime) and table != "profiling_objection":
        return None  # when something was done: done again, it changes
    if table == "user_account":
        if entry.column != "locale":
            return None  # a citizen's account has no e-mail or settings of its own
        return ChangeLink("consent.my_data", CHANGE, anchor=LANGUAGE_CHOOSER)
    if table == "citizen_occupation":
        if row.get("link") == OccupationLink.DESIRED:
            return ChangeLink("onboarding.wishes", CHANGE, anchor="occupations")
        return ChangeLink("dialogue.contact", ASK)  # recorded by the job centre
    if table == "plan_item":
        return _plan_item(entry.column, row_id, row)
    if table == "contact_request" and row.get("status") != ContactStatus.OPEN:
        return None  # handled or cancelled: ask again instead
    if table == "correction_request" and row.get("status") != CorrectionStatus.PENDING:
        return None  # decided: a new request is made from the datum itself
    return _page(table, row_id)


def _page(table: str, row_id: int) -> ChangeLink | None:
    if table in ROW_PAGES:
        endpoint, argument = ROW_PAGES[table]
        return ChangeLink(endpoint, CHANGE, {argument: row_id})
    if table in PAGES:
        endpoint, args = PAGES[table]
        return ChangeLink(endpoint, CHANGE, dict(args))
    return None


def _plan_item(column: str, row_id: int, row: dict[str, Any]) -> ChangeLink | None:
    if column == "author_role":
        return None
    if column == "status":
        return ChangeLink("jobsearch.plan", CHANGE)  # "done" is marked on the plan
    if citizen_may_edit(SimpleNamespace(**row)):
        return ChangeLink("jobsearch.plan_edit", CHANGE, {"item_id": row_id})
    return ChangeLink("dialogue.contact", ASK)  # agreed with a caseworker
