"""Export of all the citizen's data, driven by the registry: JSON, CSV and a printable page.

The exporter walks the registry, not a hand-written list: every non-technical column of
every registered table is exported for the citizen, so a new table is included as soon
as it is declared (and tests/consent/test_registry.py makes sure it is declared).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import now
from app.consent.registry import (
    CATEGORY_LABELS,
    PURPOSE_LABELS,
    REGISTRY,
    SOURCE_LABELS,
    PersonalField,
    Purpose,
)
from app.consent.services.formatting import Formatter
from app.consent.services.track_data import export_words, in_words
from app.db import Base
from app.i18n import DANISH_TIME
from app.labels import enum_label
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
    """Every registered table's rows about the citizen, with their non-technical fields."""
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
        columns = [table.c[f.column] for f in fields]
        query = select(*columns).where(where).order_by(*table.primary_key.columns)
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


def _json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


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


def export_json(session: Session, citizen_id: int) -> str:
    """All the citizen's data as JSON, with what each field is (and logs the export)."""
    tables = collect_export(session, citizen_id)
    log_export(session, citizen_id, "json")
    document = {
        "exported_at": _json_value(now()),
        "tables": {
            t.table: {
                "fields": {f.column: _describe(f) for f in t.fields},
                "rows": [
                    {column: _json_value(value) for column, value in row.items()}
                    | ({"in_words": t.words[i]} if t.words else {})
                    for i, row in enumerate(t.rows)
                ],
            }
            for t in tables
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def danish_value(value: Any, yes: str = "Ja", no: str = "Nej") -> str:
    """A value as a Danish spreadsheet reads it: 23.11.2026, 14:05; Ja/Nej."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(DANISH_TIME).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return f"{value}".replace(".", ",")
    return str(value)


def _cell(value: Any, yes: str, no: str, label: Any) -> str:
    if isinstance(value, Enum) and (words := label(value)) is not None:
        return str(words)
    return danish_value(value, yes, no)


def _worded(table: ExportTable, index: int, column: str) -> str | None:
    return in_words(table.words[index], column) if table.words else None


def _safe_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_csv(
    session: Session,
    citizen_id: int,
    headings: list[str],
    yes: str = "Ja",
    no: str = "Nej",
) -> bytes:
    """All the citizen's data as CSV for a Danish spreadsheet (UTF-8 BOM, semicolons).

    Coded values are in words where their area has words for them; JSON keeps codes.
    """
    tables = collect_export(session, citizen_id)
    log_export(session, citizen_id, "csv")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headings)
    for t in tables:
        for number, row in enumerate(t.rows, start=1):
            for entry in t.fields:
                described = _describe(entry)
                writer.writerow(
                    [
                        _safe_cell(described["category"]),
                        t.table,
                        number,
                        _safe_cell(described["label"]),
                        _safe_cell(
                            _worded(t, number - 1, entry.column)
                            or _cell(row[entry.column], yes, no, enum_label)
                        ),
                        _safe_cell(described["source"]),
                        _safe_cell(", ".join(described["purposes"])),
                    ]
                )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@dataclass(frozen=True)
class PrintRow:
    items: tuple[tuple[Any, str], ...]


@dataclass(frozen=True)
class PrintSection:
    title: Any
    rows: tuple[PrintRow, ...]


def printable_sections(
    session: Session, citizen_id: int, lang: str
) -> list[PrintSection]:
    """The export as readable sections by category, for the printable page."""
    fmt = Formatter(session, lang)
    by_category: dict[Any, list[PrintRow]] = {}
    for t in collect_export(session, citizen_id):
        for i, row in enumerate(t.rows):
            items = tuple(
                (
                    entry.label,
                    _worded(t, i, entry.column) or fmt.value(entry, row[entry.column]),
                )
                for entry in t.fields
            )
            category = t.fields[0].category
            by_category.setdefault(category, []).append(PrintRow(items))
    log_export(session, citizen_id, "print")
    return [
        PrintSection(CATEGORY_LABELS[category], tuple(by_category[category]))
        for category in CATEGORY_LABELS
        if category in by_category
    ]
