"""The presentation layer for stored values: how "Mine data" and the three exports (and
the correction pages) say what we hold about a citizen.

Every registered column's value becomes words here, and nowhere else: coded values by
their labels (app.labels for the shared domain's enums; the areas' labels modules for
codes stored as strings: languages, competences, licences, industries, roles), ids by
names (occupations and skills in the reader's language, job centres, providers), yes
and no, plain numbers, and dates and times through app.i18n in Europe/Copenhagen time.
`words` is the text a person reads (CSV, print, Mine data); `labelled` is what the JSON
export holds: the machine value beside its words. Values of the change history and of
correction requests are stored as text; they are read back as their column's type and
said the same way. Columns whose values need more than the rules by type are listed in
Presenter.SPECIAL; tests/consent/test_presentation.py checks that no coded column of
the registry is left to show its code.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.advisor.labels import INTERVENTION_LABELS
from app.consent.labels import (
    ACTOR_ROLE_LABELS,
    CONSENT_GIVEN_LABELS,
    EXPORT_FORMAT_LABELS,
    PLAN_AUTHOR_LABELS,
    STAFF,
    TECHNICAL_FIELD_LABELS,
    change_reason,
    priority_words,
)
from app.consent.registry import BY_COLUMN, TABLE_LABELS
from app.consent.services.track_data import stored_words
from app.cv.labels import DRIVING_LICENCE_LABELS, PERSONAL_COMPETENCES, language_name
from app.db import Base
from app.i18n import format_day, format_iso, format_stored, format_when, number
from app.labels import SCREENING_LANGUAGE_LABELS, enum_label
from app.models import (
    LanguageLevel,
    Municipality,
    Occupation,
    Offering,
    Posting,
    Provider,
    Skill,
)
from app.taxonomy.services import INDUSTRY_NAMES, label_for

# Stored as text in the change history and in correction requests: (table, field) of
# the value is in the same row.
STORED_AS_TEXT = {
    ("change_record", "old_value"),
    ("change_record", "new_value"),
    ("correction_request", "current_value"),
    ("correction_request", "proposed_value"),
}
# Foreign keys to people: names of staff are withheld (the registry says why).
_PEOPLE = {"user_account", "caseworker"}


def machine_value(value: Any) -> Any:
    """A value as JSON holds it: codes as stored, times as ISO 8601 with the Danish
    offset (the same instant as the UTC one stored, read as Danish time)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return format_iso(value)
    if isinstance(value, str):
        # Times kept as text (the change history's old and new values) likewise.
        return format_stored(value, style="iso")
    if isinstance(value, date):
        return value.isoformat()
    return value


class Presenter:
    """Stored values in words, in the reader's language (one per request or export)."""

    def __init__(self, session: Session, lang: str) -> None:
        self.session = session
        self.lang = lang
        self._names: dict[tuple[str, int], tuple[str, str | None]] = {}
        self.SPECIAL: dict[tuple[str, str], Callable[[Any, dict[str, Any]], str]] = {
            ("citizen", "municipality_id"): self._job_centre,
            ("case_file", "municipality_id"): self._job_centre,
            ("citizen_skill", "skill_id"): self._concept("skill"),
            ("citizen_occupation", "occupation_id"): self._concept("occupation"),
            ("work_experience", "occupation_id"): self._concept("occupation"),
            ("consent_event", "provider_id"): self._provider,
            ("saved_job", "posting_id"): self._posting,
            ("job_notification", "posting_id"): self._posting,
            ("enrolment", "offering_id"): self._offering,
            ("consent_event", "given"): lambda v, _row: str(CONSENT_GIVEN_LABELS[v]),
            ("job_preferences", "max_distance_km"): lambda v, _row: f"{v} km",
            ("user_account", "locale"): self._language,
            ("contact_preferences", "language"): self._language,
            ("case_file", "language"): self._language,
            ("language_skill", "language"): self._language,
            ("screening_answers", "danish_level"): self._screening_language,
            ("screening_answers", "english_level"): self._screening_language,
            ("citizen_industry", "industry"): self._industry,
            ("personal_competence", "code"): self._from(PERSONAL_COMPETENCES),
            ("driving_licence", "category"): self._from(DRIVING_LICENCE_LABELS),
            ("access_log", "actor_role"): self._from(ACTOR_ROLE_LABELS),
            ("change_record", "actor_role"): self._from(ACTOR_ROLE_LABELS),
            ("plan_item", "author_role"): self._from(PLAN_AUTHOR_LABELS),
            ("intervention_decision", "agreed"): self._from(INTERVENTION_LABELS),
            ("intervention_decision", "suggested"): self._from(INTERVENTION_LABELS),
            ("data_export", "format"): self._from(EXPORT_FORMAT_LABELS),
            ("change_record", "table_name"): self._from(TABLE_LABELS),
            ("assessment", "reasons"): lambda v, _row: stored_words("reasons", v),
            ("assessment", "inputs"): lambda v, _row: stored_words("inputs", v),
            ("assessment", "trigger"): lambda v, _row: stored_words("trigger", v),
            ("correction_request", "table_name"): self._from(TABLE_LABELS),
            ("change_record", "field"): self._field,
            ("correction_request", "field"): self._field,
            ("change_record", "reason"): lambda v, _row: str(change_reason(v)),
            ("case_file", "priority"): lambda v, row: str(
                priority_words(v, row.get("queue_reason"))
            ),
        }

    # --- what a person reads -----------------------------------------------------------

    def words(
        self, table: str, column: str, value: Any, row: dict[str, Any] | None = None
    ) -> str:
        """The value of table.column in words ("Not recorded" when empty)."""
        row = row or {}
        if value is None or value == "":
            return _("Not recorded")
        if (table, column) in STORED_AS_TEXT:
            return self._stored_text(value, row)
        value = _as_member(table, column, value)
        special = self.SPECIAL.get((table, column))
        if special is not None:
            return special(value, row)
        entry = BY_COLUMN.get((table, column))
        if entry is not None and entry.technical:
            return self._technical(table, column, value)
        return self.plain(value)

    def labelled(
        self, table: str, column: str, value: Any, row: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """{"value": the machine value, "label": its words}; ids also carry their URI."""
        found: dict[str, Any] = {
            "value": machine_value(value),
            "label": self.words(table, column, value, row),
        }
        kind = {"skill_id": "skill", "occupation_id": "occupation"}.get(column)
        if kind is not None and value is not None:
            found["uri"] = self._concept_name(kind, value)[1]
        return found

    def stored(self, table: str, field: str, text: str | None) -> str:
        """A value kept as text (a correction request's), said as its field says it."""
        if text is None:
            return _("Not recorded")
        return self._stored_text(text, {"table_name": table, "field": field})

    def plain(self, value: Any) -> str:
        """A value by its type: words for codes, yes/no, plain numbers, Danish time."""
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, enum.Enum):
            words = enum_label(value)
            return str(words) if words is not None else str(value.value)
        if isinstance(value, datetime):
            return format_when(value, self.lang)
        if isinstance(value, date):
            return format_day(value, self.lang)
        if isinstance(value, float):
            return number(round(value, 2), self.lang)
        return str(value)

    def date(self, value: date | datetime) -> str:
        return format_day(value, self.lang)

    def number(self, value: int) -> str:
        return number(value, self.lang)

    # --- the special columns -------------------------------------------------------------

    def _from(self, labels: dict[Any, Any]) -> Callable[[Any, dict[str, Any]], str]:
        return lambda value, _row: str(labels.get(value, value))

    def _job_centre(self, value: int, _row: dict[str, Any]) -> str:
        return _("Jobcenter %(name)s", name=self._name("municipality", value)[0])

    def _provider(self, value: int, _row: dict[str, Any]) -> str:
        return self._name("provider", value)[0]

    def _posting(self, value: int, _row: dict[str, Any]) -> str:
        return self._name("posting", value)[0]

    def _offering(self, value: int, _row: dict[str, Any]) -> str:
        return self._name("offering", value)[0]

    def _concept(self, kind: str) -> Callable[[Any, dict[str, Any]], str]:
        return lambda value, _row: self._concept_name(kind, value)[0]

    def _language(self, value: str, _row: dict[str, Any]) -> str:
        return language_name(value, self.lang)

    def _screening_language(self, value: Any, _row: dict[str, Any]) -> str:
        return str(SCREENING_LANGUAGE_LABELS[LanguageLevel(value)])

    def _industry(self, value: str, _row: dict[str, Any]) -> str:
        names = INDUSTRY_NAMES.get(value)
        return value if names is None else names.get(self.lang) or names["en"]

    def _field(self, value: str, row: dict[str, Any]) -> str:
        entry = BY_COLUMN.get((row.get("table_name") or "", value))
        if entry is not None and not entry.technical:
            return str(entry.label)
        return str(TECHNICAL_FIELD_LABELS.get(value, _("A technical field")))

    def _stored_text(self, text: str, row: dict[str, Any]) -> str:
        """A value stored as text, said as its own column would say it."""
        table, field = row.get("table_name") or "", row.get("field") or ""
        if table not in Base.metadata.tables or field not in (
            columns := Base.metadata.tables[table].c
        ):
            return str(text)
        return self.words(table, field, _parse(columns[field], str(text)), row={})

    def _technical(self, table: str, column: str, value: Any) -> str:
        """Keys and markers, as they appear in the change history."""
        keys = Base.metadata.tables[table].c[column].foreign_keys
        target = next((fk.column.table.name for fk in keys), None)
        if target in _PEOPLE:
            return str(STAFF)
        if target == "citizen":
            return _("You")
        if target == "municipality":
            return self._job_centre(value, {})
        if target == "provider":
            return self._provider(value, {})
        return self.plain(value)

    # --- names for ids, looked up once per presenter ---------------------------------

    def _name(self, kind: str, key: int) -> tuple[str, str | None]:
        if (kind, key) not in self._names:
            if kind == "posting":
                row = self.session.get(Posting, key)
                name = f"{row.title}, {row.employer}" if row is not None else None
            elif kind == "offering":
                offering = self.session.get(Offering, key)
                name = (
                    f"{offering.title}, {offering.provider.name}"
                    if offering is not None
                    else None
                )
            else:
                model = {"municipality": Municipality, "provider": Provider}[kind]
                name = self.session.scalar(select(model.name).where(model.id == key))
            self._names[(kind, key)] = (name or _("Unknown"), None)
        return self._names[(kind, key)]

    def _concept_name(self, kind: str, key: int) -> tuple[str, str | None]:
        if (kind, key) not in self._names:
            model = Skill if kind == "skill" else Occupation
            uri = self.session.scalar(select(model.uri).where(model.id == key))
            name = label_for(self.session, uri, self.lang) if uri else _("Unknown")
            self._names[(kind, key)] = (name, uri)
        return self._names[(kind, key)]


def _as_member(table: str, column: str, value: Any) -> Any:
    """A code given as its stored string, as the member of its column's enum."""
    if not isinstance(value, str) or isinstance(value, enum.Enum):
        return value
    table_columns = Base.metadata.tables[table].c
    enum_class = getattr(table_columns[column].type, "enum_class", None)
    if enum_class is None:
        return value
    try:
        return enum_class(value)
    except ValueError:
        return value


def _parse(column: Any, text: str) -> Any:
    """Text written by app.audit or a correction request, read back as the column's type
    (the text itself when it does not parse: a citizen's proposal may be anything)."""
    kind = column.type
    try:
        if getattr(kind, "enum_class", None) is not None:
            return kind.enum_class(text)
        python_type = kind.python_type
    except (ValueError, NotImplementedError):
        return text
    try:
        if python_type is bool:
            return {"true": True, "false": False}.get(text.lower(), text)
        if python_type is datetime:
            return datetime.fromisoformat(text)
        if python_type is date:
            return date.fromisoformat(text)
        if python_type in (int, float):
            return python_type(text)
    except ValueError:
        return text
    return text
