"""The column layout of the official ESCO v1.1.1 CSV download, for building tiny bundles."""

from __future__ import annotations

import csv
import io

OCCUPATION_HEADER = [
    "conceptType",
    "conceptUri",
    "iscoGroup",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "modifiedDate",
    "regulatedProfessionNote",
    "scopeNote",
    "definition",
    "inScheme",
    "description",
    "code",
]
SKILL_HEADER = [
    "conceptType",
    "conceptUri",
    "skillType",
    "reuseLevel",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "modifiedDate",
    "scopeNote",
    "definition",
    "inScheme",
    "description",
]
ISCO_HEADER = [
    "conceptType",
    "conceptUri",
    "code",
    "preferredLabel",
    "status",
    "altLabels",
    "inScheme",
    "description",
]
RELATION_HEADER = ["occupationUri", "relationType", "skillType", "skillUri"]


def csv_text(header: list[str], rows: list[dict[str, str]]) -> str:
    """CSV text with the header and rows; columns a row leaves out are empty."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: row.get(column, "") for column in header} for row in rows)
    return buffer.getvalue()
