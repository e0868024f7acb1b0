"""Export (complete according to the registry) and "who has looked at my data"."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from sqlalchemy import func, select

from app.audit import Actor, log_access
from app.consent.registry import REGISTRY
from app.consent.services.consents import give_consent, object_to_profiling
from app.consent.services.corrections import submit_correction
from app.consent.services.export import collect_export
from app.db import Base
from app.i18n import format_when as moment
from app.models import (
    AccessLog,
    AccessPurpose,
    AccessWhat,
    ConsentPurpose,
    DataExport,
)
from tests.consent.test_consent_services import _actor


def _exports(db, citizen_id: int) -> list[str]:
    return list(
        db.scalars(
            select(DataExport.format)
            .where(DataExport.citizen_id == citizen_id)
            .order_by(DataExport.id)
        )
    )


def test_the_json_export_has_every_declared_column(
    db, client, make_citizen, make_caseworker, login
) -> None:
    citizen = make_citizen(phone="+45 12 34 56 78")
    give_consent(db, citizen.id, ConsentPurpose.SHARE_CV, actor=_actor(citizen))
    object_to_profiling(db, citizen.id, actor=_actor(citizen), reason="Nej tak")
    submit_correction(
        db, citizen.id, "citizen", citizen.id, "city", "Køge", "Jeg er flyttet"
    )
    log_access(
        db,
        Actor.of(make_caseworker()),
        citizen.id,
        AccessWhat.CASE_VIEW,
        AccessPurpose.CASE_WORK,
    )
    db.flush()
    login(citizen.user)
    response = client.get("/mine-data/eksport/json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    document = json.loads(response.get_data(as_text=True))
    tables = document["tables"]
    # Every non-technical column of every registered table that can name a citizen.
    for entry in REGISTRY:
        if entry.technical:
            continue
        columns = Base.metadata.tables[entry.table].c
        if (
            entry.table not in {"citizen", "user_account"}
            and "citizen_id" not in columns
        ):
            continue
        assert entry.column in tables[entry.table]["fields"], entry
        for row in tables[entry.table]["rows"]:
            assert entry.column in row, entry
    assert tables["citizen"]["rows"][0]["phone"] == "+45 12 34 56 78"
    assert tables["consent_event"]["rows"][0]["purpose"] == "share_cv"
    assert tables["profiling_objection"]["rows"][0]["reason"] == "Nej tak"
    assert tables["correction_request"]["rows"][0]["proposed_value"] == "Køge"
    read = tables["access_log"]["rows"][0]
    assert read["what"] == "case_view" and "actor_user_id" not in read
    assert _exports(db, citizen.id) == ["json"]


def test_the_generic_exporter_covers_every_registered_table(db, make_citizen):
    citizen = make_citizen()
    exported = {t.table for t in collect_export(db, citizen.id)}
    expected = {
        e.table
        for e in REGISTRY
        if not e.technical
        and (
            e.table in {"citizen", "user_account"}
            or "citizen_id" in Base.metadata.tables[e.table].c
        )
    }
    assert exported == expected


def test_the_csv_opens_in_a_danish_spreadsheet(db, client, make_citizen, login) -> None:
    citizen = make_citizen(first_name="=HYPERLINK(1)")
    event = give_consent(
        db, citizen.id, ConsentPurpose.PERSONALISE, actor=_actor(citizen)
    )
    login(citizen.user)
    response = client.get("/mine-data/eksport/csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.data
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Kategori", "Type af oplysning", "Række", "Felt", "Værdi"]
    values = {(row[1], row[3]): row[4] for row in rows[1:]}
    person = "Dine personoplysninger"
    consents = "Samtykker, du har givet eller trukket tilbage"
    assert values[(person, "Efternavn")] == "Sørensen"
    # A formula is never run by the spreadsheet.
    assert values[(person, "Fornavn")] == "'=HYPERLINK(1)"
    # In Danish time, through the same helper as every page.
    assert values[(consents, "Hvornår")] == moment(event.at, "da")
    assert values[(consents, "Givet eller trukket tilbage")] == "Givet"
    what = values[(consents, "Hvad du gav samtykke til")]
    assert what == "Brug min aktivitet i portalen til at tilpasse den til mig"
    assert _exports(db, citizen.id) == ["csv"]


def test_the_printable_page_shows_the_data_and_is_logged(
    db, get_page, make_citizen, login
) -> None:
    citizen = make_citizen(city="Svendborg")
    login(citizen.user)
    page = get_page("/mine-data/eksport/udskrift")
    assert page.h1.get_text(strip=True) == "Alle dine data"
    assert "Svendborg" in page.get_text()
    assert _exports(db, citizen.id) == ["print"]
    page = get_page("/mine-data/eksport")
    assert [a["href"] for a in page.select(".my-data-downloads a")] == [
        "/mine-data/eksport/udskrift",
        "/mine-data/eksport/csv",
        "/mine-data/eksport/json",
    ]


COURSE = AccessPurpose.RUNNING_COURSE


def _read(db, citizen_id, who, at, purpose=AccessPurpose.CASE_WORK):
    entry = log_access(db, Actor.of(who), citizen_id, AccessWhat.CASE_VIEW, purpose)
    entry.at = at


def test_who_has_looked_filters_and_pages(
    db, client, get_page, make_citizen, make_caseworker, make_provider_user, login
) -> None:
    citizen = make_citizen()
    caseworker = make_caseworker(display_name="Hemmelig Medarbejder")
    provider = make_provider_user()
    for day in range(1, 31):
        _read(db, citizen.id, caseworker, datetime(2026, 10, day, 9, 30, tzinfo=UTC))
    _read(db, citizen.id, provider, datetime(2026, 11, 2, 12, 0, tzinfo=UTC), COURSE)
    db.flush()
    login(citizen.user)
    page = get_page("/mine-data/hvem-har-set")
    assert page.h1.get_text(strip=True) == "Hvem har set dine data"
    assert "31 gange fundet" in page.get_text()
    assert len(page.select("#access-results tbody tr")) == 25
    assert "Hemmelig" not in page.get_text()  # staff names are withheld
    # Danish time: 12:00 UTC on 2 November is 13.00 in Copenhagen.
    assert "2. november 2026" in page.select("#access-results tbody tr")[0].get_text()
    assert "13.00" in page.select("#access-results tbody tr")[0].get_text()
    page = get_page("/mine-data/hvem-har-set?page=2")
    assert len(page.select("#access-results tbody tr")) == 6
    page = get_page("/mine-data/hvem-har-set?since=01.10.2026&until=10.10.2026")
    assert "10 gange fundet" in page.get_text()
    page = get_page("/mine-data/hvem-har-set?purpose=running_course")
    assert "1 gang fundet" in page.get_text()
    page = get_page(f"/mine-data/hvem-har-set?organisation={provider.organisation}")
    assert "1 gang fundet" in page.get_text()
    # htmx gets the results only.
    response = client.get(
        "/mine-data/hvem-har-set?purpose=running_course", headers={"HX-Request": "true"}
    )
    assert "<html" not in response.get_data(as_text=True)
    assert "HX-Request" in response.headers["Vary"]


def test_a_bad_filter_says_so_and_shows_everything(
    db, get_page, make_citizen, login
) -> None:
    citizen = make_citizen()
    login(citizen.user)
    page = get_page("/mine-data/hvem-har-set?since=31.02.2026&until=\x00")
    assert page.find(class_="error-summary") is not None
    assert "rigtig dato" in page.get_text()
    page = get_page("/mine-data/hvem-har-set?since=10.10.2026&until=01.10.2026")
    assert "samme dag som eller efter" in page.get_text()


def test_citizens_own_reads_are_not_logged(db, get_page, make_citizen, login):
    citizen = make_citizen()
    login(citizen.user)
    for url in ("/mine-data", "/mine-data/hvem-har-set", "/mine-data/samtykker"):
        get_page(url)
    count = db.scalar(
        select(func.count())
        .select_from(AccessLog)
        .where(AccessLog.citizen_id == citizen.id)
    )
    assert count == 0
