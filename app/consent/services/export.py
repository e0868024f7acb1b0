"""Export of all the citizen's data, driven by the registry: JSON, CSV and a printable page.

The exporter walks the registry, not a hand-written list: every non-technical column of
every registered table is exported for the citizen, so a new table is included as soon
as it is declared (and tests/consent/test_registry.py makes sure it is declared).
Every value goes through the presentation layer (formatting.Presenter): the CSV and the
printable page hold words only (labels, names, plain numbers, Danish time), and the JSON
keeps each machine value and puts its words beside it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import now
from app.consent.registry import (
    CATEGORY_LABELS,
    PURPOSE_LABELS,
    REGISTRY,
    SOURCE_LABELS,
    TABLE_LABELS,
    PersonalField,
    Purpose,
)
from app.consent.services.formatting import Presenter, machine_value
from app.consent.services.track_data import export_words, in_words
from app.db import Base
from app.i18n import format_when
from app.models import Citizen, DataExport

FORMATS = ("json", "csv", "print")
# Spreadsheets run text starting with these as a formula; a leading ' stops that.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportTable:
    table: str
    fields: tuple[PersonalField, ...]
    rows: tuple[dict[str, Any], ...]
    # The rows in words, for the tables whose values need more than a label (the track).
    words: tuple[dict[str, Any], ...] = ()


def _tables() -> list[str]:
    seen: list[str] = []
    for entry in REGISTRY:
        if entry.table not in seen:
            seen.append(entry.table)
    return seen


def _shown(table: str) -> tuple[PersonalField, ...]:
    return tuple(e for e in REGISTRY if e.table == table and not e.technical)


def collect_export(session: Session, citizen_id: int) -> list[ExportTable]:
    """Every registered table's rows about the citizen, with their non-technical fields.

    Each row also holds the table's other columns that its words depend on (the table
    and field a change record is about), so the rows are read whole."""
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise LookupError("unknown citizen")
    found = []
    for table_name in _tables():
        fields = _shown(table_name)
        if not fields:
            continue
        table = Base.metadata.tables[table_name]
        if table_name == "citizen":
            where = table.c.id == citizen.id
        elif table_name == "user_account":
            where = table.c.id == citizen.user_id
        elif "citizen_id" in table.c:
            where = table.c.citizen_id == citizen.id
        else:
            continue
        query = select(table).where(where).order_by(*table.primary_key.columns)
        rows = tuple(dict(row._mapping) for row in session.execute(query))
        words = export_words(session, citizen.id, table_name) or ()
        found.append(ExportTable(table_name, fields, rows, tuple(words)))
    return found


def log_export(session: Session, citizen_id: int, fmt: str) -> DataExport:
    """Record one export of the citizen's data."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    export = DataExport(citizen_id=citizen_id, at=now(), format=fmt)
    session.add(export)
    session.flush()
    return export


def _describe(entry: PersonalField) -> dict[str, Any]:
    assert entry.category is not None
    return {
        "label": str(entry.label),
        "category": str(CATEGORY_LABELS[entry.category]),
        "source": str(SOURCE_LABELS[entry.source]),
        "purposes": [str(PURPOSE_LABELS[p]) for p in Purpose if p in entry.purposes],
        "legal_basis": str(entry.legal_basis),
        "retention": str(entry.retention),
    }


def export_json(session: Session, citizen_id: int, lang: str) -> str:
    """All the citizen's data as JSON, with what each field is (and logs the export).

    `rows` hold the machine values (codes, ids, ISO times with the Danish offset); beside them,
    `labelled_rows` hold each value as {"value": ..., "label": ...} in `lang`, ids with
    their names (and ESCO URIs for occupations and skills)."""
    present = Presenter(session, lang)
    tables = collect_export(session, citizen_id)
    log_export(session, citizen_id, "json")
    exported_at = now()
    document = {
        "exported_at": machine_value(exported_at),
        "exported_at_label": format_when(exported_at, lang),
        "language": lang,
        "tables": {
            t.table: {
                "label": str(TABLE_LABELS[t.table]),
                "fields": {f.column: _describe(f) for f in t.fields},
                "rows": [
                    {f.column: machine_value(row[f.column]) for f in t.fields}
                    for row in t.rows
                ],
                "labelled_rows": [
                    {
                        f.column: _labelled(present, t, i, f.column, row)
                        for f in t.fields
                    }
                    for i, row in enumerate(t.rows)
                ],
            }
            for t in tables
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _worded(table: ExportTable, index: int, column: str) -> str | None:
    return in_words(table.words[index], column) if table.words else None


def _labelled(
    present: Presenter, t: ExportTable, index: int, column: str, row: dict[str, Any]
) -> dict[str, Any]:
    """The value and its words; a track's words come from its own wording."""
    worded = _worded(t, index, column)
    if worded is not None:
        return {"value": machine_value(row[column]), "label": worded}
    return present.labelled(t.table, column, row[column], row)


def _safe_cell(text: Any) -> str:
    text = str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_headings() -> list[str]:
    return [
        _("Category"),
        _("Kind of data"),
        _("Row"),
        _("Field"),
        _("Value"),
        _("Source"),
        _("Purposes"),
    ]


def export_csv(session: Session, citizen_id: int, lang: str) -> bytes:
    """All the citizen's data as CSV for a Danish spreadsheet (UTF-8 BOM, semicolons).

    Every cell is words: labels for codes, names for ids, dates in Danish time."""
    present = Presenter(session, lang)
    tables = collect_export(session, citizen_id)
    log_export(session, citizen_id, "csv")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(csv_headings())
    for t in tables:
        for number, row in enumerate(t.rows, start=1):
            for entry in t.fields:
                described = _describe(entry)
                value = _worded(t, number - 1, entry.column) or present.words(
                    t.table, entry.column, row[entry.column], row
                )
                cells = [
                    described["category"],
                    TABLE_LABELS[t.table],
                    number,
                    described["label"],
                    value,
                    described["source"],
                    ", ".join(described["purposes"]),
                ]
                writer.writerow([_safe_cell(cell) for cell in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@dataclass(frozen=True)
class PrintRow:
    items: tuple[tuple[Any, str], ...]


@dataclass(frozen=True)
class PrintTable:
    title: Any
    rows: tuple[PrintRow, ...]


@dataclass(frozen=True)
class PrintSection:
    title: Any
    tables: tuple[PrintTable, ...]


def printable_sections(
    session: Session, citizen_id: int, lang: str
) -> list[PrintSection]:
    """The export as readable sections by category, a table's rows under its name.

    A table whose fields belong to several categories (the citizen's own row: identity,
    address, contact, case) is shown in each, without its name as a heading."""
    present = Presenter(session, lang)
    by_category: dict[Any, list[PrintTable]] = {}
    for t in collect_export(session, citizen_id):
        categories = list(dict.fromkeys(e.category for e in t.fields))
        for category in categories if t.rows else []:
            fields = [e for e in t.fields if e.category == category]
            rows = tuple(
                PrintRow(
                    tuple(
                        (
                            e.label,
                            _worded(t, i, e.column)
                            or present.words(t.table, e.column, row[e.column], row),
                        )
                        for e in fields
                    )
                )
                for i, row in enumerate(t.rows)
            )
            title = TABLE_LABELS[t.table] if len(categories) == 1 else None
            by_category.setdefault(category, []).append(PrintTable(title, rows))
    log_export(session, citizen_id, "print")
    return [
        PrintSection(CATEGORY_LABELS[category], _titled(by_category[category]))
        for category in CATEGORY_LABELS
        if category in by_category
    ]


def _titled(tables: list[PrintTable]) -> tuple[PrintTable, ...]:
    """A category of one table needs no heading for it."""
    if len(tables) > 1:
        return tuple(tables)
    return tuple(PrintTable(None, t.rows) for t in tables)
