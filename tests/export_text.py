"""The page check's rules (tests/page_text.py) applied to the exports a person downloads:
the CSV's cells, and the human parts of the JSON (its labels), as the check of a page is
applied to the printable export.

One more rule for the CSV and the printable export, which know what each value is:

raw-id
    A field that names a row of another table (a registered column ending in _id: the
    job centre, a skill, an occupation, a provider) shows a bare number ("Kompetence: 4",
    "Dit jobcenter;1") instead of the name.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from bs4 import BeautifulSoup

from tests.page_text import Finding, standalone_finding, text_findings

# The CSV's columns (app/consent/services/export.py: export_csv): the field, its value.
CSV_FIELD, CSV_VALUE = 3, 4
BARE_IDS = re.compile(r"\d+(?:,\s*\d+)*")

# JSON keeps machine values beside their words: only these keys hold text for people
# (with any key ending in _label or _labels): a label, and what the export says about
# each field.
HUMAN_KEYS = frozenset(
    {"label", "labels", "category", "source", "purposes", "legal_basis", "retention"}
)


def _is_human_key(key: str) -> bool:
    return key in HUMAN_KEYS or key.endswith(("_label", "_labels"))


def _human_strings(node: Any, path: str, human: bool) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            inner = human or _is_human_key(str(key))
            yield from _human_strings(value, f"{path}.{key}", inner)
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from _human_strings(value, f"{path}[{number}]", human)
    elif human and isinstance(node, str | float):
        yield path, node if isinstance(node, str) else repr(node)


def text_cell_findings(text: str, lang: str) -> list[Finding]:
    """The findings on one cell of text read on its own (a CSV cell, a JSON label)."""
    found = text_findings(text, lang)
    finding = standalone_finding(text, lang, whole=True)
    return sorted(set(found + ([finding] if finding else [])))


def _at(where: str, findings: list[Finding]) -> list[Finding]:
    return [Finding(f.rule, f.text, f"[{where}] {f.context}") for f in findings]


def json_findings(document: Any, lang: str) -> list[Finding]:
    """The findings in the human parts of a JSON export, each context led by its path."""
    return sorted(
        finding
        for path, text in _human_strings(document, "$", human=False)
        for finding in _at(path, text_cell_findings(text, lang))
    )


def csv_findings(rows: list[list[str]], lang: str) -> list[Finding]:
    """The findings in a CSV export's cells, each context led by its column's heading."""
    headings = rows[0] if rows else []
    found = set()
    for row in rows:
        for number, cell in enumerate(row):
            heading = headings[number] if number < len(headings) else str(number)
            found.update(_at(heading, text_cell_findings(cell, lang)))
    return sorted(found)


def _raw_id(field: str, value: str, id_fields: Collection[str]) -> list[Finding]:
    value = " ".join(value.split())
    if field in id_fields and BARE_IDS.fullmatch(value):
        return [Finding("raw-id", value, f"[{field}] {value}")]
    return []


def csv_id_findings(rows: list[list[str]], id_fields: Collection[str]) -> list[Finding]:
    """Bare ids in the CSV's values of fields that name another row (id_fields: their
    labels in the export's language)."""
    return sorted(
        {
            finding
            for row in rows[1:]
            if len(row) > CSV_VALUE
            for finding in _raw_id(row[CSV_FIELD], row[CSV_VALUE], id_fields)
        }
    )


def print_id_findings(html: str, id_fields: Collection[str]) -> list[Finding]:
    """Bare ids in the printable export's <dd> of fields that name another row."""
    soup = BeautifulSoup(html, "html.parser")
    found: set[Finding] = set()
    for term in soup.find_all("dt"):
        value = term.find_next_sibling("dd")
        if value is not None:
            field = " ".join(term.get_text().split())
            found.update(_raw_id(field, value.get_text(), id_fields))
    return sorted(found)
