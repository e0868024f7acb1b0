"""The three exports of "Mine data" (JSON, CSV, printable) of several demo citizens, in
Danish and English: nothing raw reaches the citizen (the page check, tests/page_text.py).

The JSON is read only where it speaks to a person (its labels, tests/export_text.py):
it keeps the machine values beside them on purpose.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from sqlalchemy import Select, func, select, union_all
from sqlalchemy.orm import Session

from app.consent.registry import REGISTRY
from app.models import (
    Certificate,
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    ContactRequest,
    DrivingLicence,
    Education,
    LanguageSkill,
    ProfilingObjection,
    TrackOverride,
    WorkExperience,
)
from tests.export_text import (
    csv_findings,
    csv_id_findings,
    json_findings,
    print_id_findings,
)
from tests.page_text import Finding, page_findings, report
from tests.pages import check_full_page, log_in

CV_TABLES = (
    CitizenSkill,
    CitizenOccupation,
    WorkExperience,
    Education,
    LanguageSkill,
    Certificate,
    DrivingLicence,
)


def _named(first: str, last: str) -> Select:
    return select(Citizen.id).where(
        Citizen.first_name == first, Citizen.last_name == last
    )


def _fullest_cv() -> Select:
    rows = union_all(*(select(table.citizen_id) for table in CV_TABLES)).subquery()
    return (
        select(rows.c.citizen_id)
        .group_by(rows.c.citizen_id)
        .order_by(func.count().desc(), rows.c.citizen_id)
    )


# The citizens whose exports are read, found in the small demo by what they have.
CITIZENS: dict[str, Callable[[], Select]] = {
    # Named in issue 11: a screening that went wrong, and a track a caseworker changed.
    "Omar Ali": lambda: _named("Omar", "Ali"),
    "Jacob Hansen": lambda: _named("Jacob", "Hansen"),
    "a caseworker's override": lambda: select(TrackOverride.citizen_id).order_by(
        TrackOverride.id
    ),
    "an objection to profiling": lambda: select(ProfilingObjection.citizen_id).order_by(
        ProfilingObjection.id
    ),
    "the fullest CV": _fullest_cv,
    "a request to talk to a person": lambda: select(ContactRequest.citizen_id).order_by(
        ContactRequest.id
    ),
}


def _log_in(client: FlaskClient, db: Session, who: str, lang: str) -> None:
    citizen_id = db.scalars(CITIZENS[who]().limit(1)).first()
    assert citizen_id is not None, f"the small demo has no citizen with {who}"
    citizen = db.get(Citizen, citizen_id)
    assert citizen is not None
    with client.session_transaction() as stored:
        stored["lang"] = lang
    log_in(client, citizen.user)


def _download(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def _id_fields(app: Flask, lang: str) -> set[str]:
    """The labels, in lang, of the exported fields that name a row of another table."""
    with app.test_request_context(), force_locale(lang):
        return {
            str(entry.label)
            for entry in REGISTRY
            if entry.column.endswith("_id") and not entry.technical
        }


def _csv_rows(body: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("who", CITIZENS)
def test_the_exports_show_no_raw_values(
    app: Flask, client: FlaskClient, small_demo: Session, who: str, lang: str
) -> None:
    _log_in(client, small_demo, who, lang)
    document = json.loads(_download(client, "/mine-data/eksport/json"))
    rows = _csv_rows(_download(client, "/mine-data/eksport/csv"))
    printable = _download(client, "/mine-data/eksport/udskrift")
    id_fields = _id_fields(app, lang)
    exports: dict[str, list[Finding]] = {
        "JSON": json_findings(document, lang),
        "CSV": csv_findings(rows, lang) + csv_id_findings(rows, id_fields),
        "printable": page_findings(printable) + print_id_findings(printable, id_fields),
    }
    # All three exports' findings at once, then the printable page's structure.
    problems = [
        report(findings, f"The {kind} export of {who} ({lang})")
        for kind, findings in exports.items()
        if findings
    ]
    assert not problems, "\n".join(problems)
    check_full_page(printable, f"The printable export of {who} ({lang})")
