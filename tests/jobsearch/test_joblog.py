"""The job-search log: list, add, change, delete; hostile input saves nothing."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.models import ChangeRecord
from app.models.jobsearch import JobLogEntry, LogKind, LogStatus
from tests.pages import csrf_token

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")

TODAY = date.today()


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _entry(db, citizen, **values) -> JobLogEntry:
    fields = {
        "citizen_id": citizen.id,
        "kind": LogKind.APPLICATION,
        "employer": "Bager Hansen ApS",
        "title": "Bagermedhjælper",
        "on_date": TODAY,
        "status": LogStatus.SENT,
        "note": None,
        "created_at": datetime.now(UTC),
    }
    fields.update(values)
    entry = JobLogEntry(**fields)
    db.add(entry)
    db.flush()
    return entry


def _count(db, citizen) -> int:
    db.expire_all()
    return db.scalar(
        select(func.count())
        .select_from(JobLogEntry)
        .where(JobLogEntry.citizen_id == citizen.id)
    )


VALID = {
    "kind": "application",
    "title": "Lagermedarbejder",
    "employer": "Coolsped A/S",
    "on_date": TODAY.isoformat(),
    "status": "sent",
    "note": "Ringede til Hanne først.",
}


def test_empty_log_says_it_is_for_control(get_page, citizen) -> None:
    page = get_page("/joblog")
    assert page.h1.get_text(strip=True) == "Joblog"
    text = _text(page)
    assert "rådighed" in text and "kontrol" in text
    assert page.find("a", href="/mine-data")
    assert "Din log er tom" in text


def test_add_an_application_keeps_history(db, client, post_form, citizen) -> None:
    response = post_form("/joblog/ny", VALID)
    assert response.status_code == 302 and response.location.endswith("/joblog")
    entry = db.scalars(
        select(JobLogEntry).where(JobLogEntry.citizen_id == citizen.id)
    ).one()
    assert (entry.title, entry.employer, entry.status) == (
        "Lagermedarbejder",
        "Coolsped A/S",
        LogStatus.SENT,
    )
    history = db.scalars(
        select(ChangeRecord).where(
            ChangeRecord.table_name == "job_log_entry", ChangeRecord.row_id == entry.id
        )
    ).all()
    assert {r.field for r in history} >= {"title", "employer", "on_date", "status"}
    assert {r.actor_role for r in history} == {"citizen"}
    page = client.get("/joblog").get_data(as_text=True)
    assert "Gemt i din joblog." in page
    assert "Lagermedarbejder, Coolsped A/S" in page
    assert TODAY.strftime("%Y") in page


def test_danish_date_is_accepted(db, post_form, citizen) -> None:
    day = TODAY - timedelta(days=3)
    response = post_form("/joblog/ny", {**VALID, "on_date": day.strftime("%d.%m.%Y")})
    assert response.status_code == 302
    assert db.scalars(select(JobLogEntry.on_date)).one() == day


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Skriv jobtitlen"),
        ({"title": "x" * 201}, "title", "højst 200 tegn"),
        ({"note": "n" * 1001}, "note", "højst 1000 tegn"),
        ({"title": "Lager\x00medarbejder"}, "title", "særlige eller usynlige tegn"),
        ({"employer": "Evil\u202eCorp"}, "employer", "særlige eller usynlige tegn"),
        ({"title": "Lager\ue000"}, "title", "særlige eller usynlige tegn"),
        ({"on_date": "31.02.2026"}, "on_date", "Skriv en rigtig dato"),
        ({"on_date": "i morgen"}, "on_date", "Skriv en rigtig dato"),
        ({"on_date": ""}, "on_date", "Skriv datoen"),
        (
            {"on_date": (TODAY + timedelta(days=5)).isoformat()},
            "on_date",
            "ikke have en dato i fremtiden",
        ),
        (
            {"on_date": (TODAY - timedelta(days=400)).isoformat()},
            "on_date",
            "mere end et år siden",
        ),
        ({"kind": "bribe"}, "kind", "Vælg, hvad"),
        ({"kind": ""}, "kind", "Vælg, hvad"),
        ({"status": "hired-by-magic"}, "status", "Vælg en status"),
        ({"status": "planned"}, "status", "passer til"),
    ],
)
def test_bad_input_gets_an_error_and_saves_nothing(
    db, client, citizen, changes, field, message
) -> None:
    data = {**VALID, **changes, "csrf_token": csrf_token(client)}
    response = client.post("/joblog/ny", data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Der er et problem" in html
    assert f'href="#{field}"' in html
    assert message in html
    assert "<title>Fejl:" in html
    assert _count(db, citizen) == 0


def test_odd_but_real_unicode_is_kept(db, post_form, citizen) -> None:
    title = "Kok på Café Ørsted – 日本料理 😀"
    assert post_form("/joblog/ny", {**VALID, "title": title}).status_code == 302
    assert db.scalars(select(JobLogEntry.title)).one() == title


def test_without_csrf_nothing_is_saved(db, client, citizen) -> None:
    response = client.post("/joblog/ny", data=VALID)
    assert response.status_code in {200, 400}
    assert _count(db, citizen) == 0


def test_list_is_newest_first_paginated_and_filtered(db, get_page, citizen) -> None:
    for days in range(25):
        _entry(db, citizen, title=f"Job {days}", on_date=TODAY - timedelta(days=days))
    _entry(
        db,
        citizen,
        kind=LogKind.PLANNED,
        status=LogStatus.PLANNED,
        title="Planlagt job",
        on_date=TODAY + timedelta(days=2),
    )
    first = get_page("/joblog")
    titles = [h.get_text(strip=True) for h in first.select(".joblog-entry h3")]
    assert titles[0].startswith("Planlagt job")
    assert titles[1].startswith("Job 0,") and len(titles) == 20
    assert "26 registreringer" in _text(first)
    second = get_page("/joblog?page=2")
    assert len(second.select(".joblog-entry")) == 6
    planned = get_page("/joblog?kind=planned")
    assert [h.get_text(strip=True) for h in planned.select(".joblog-entry h3")] == [
        "Planlagt job, Bager Hansen ApS"
    ]
    # A made-up filter shows everything rather than failing.
    assert len(get_page("/joblog?kind=x").select(".joblog-entry")) == 20


def test_summary_counts_this_month_and_four_weeks(db, get_page, citizen) -> None:
    _entry(db, citizen, on_date=TODAY)
    _entry(db, citizen, on_date=TODAY - timedelta(days=20))
    _entry(db, citizen, on_date=TODAY - timedelta(days=60))
    text = _text(get_page("/joblog"))
    in_month = sum(
        1
        for d in (0, 20, 60)
        if (TODAY - timedelta(days=d)).replace(day=1) == TODAY.replace(day=1)
    )
    assert re.search(rf"Ansøgninger denne måned ?{in_month}\b", text)
    assert re.search(r"Ansøgninger de sidste 4 uger ?2\b", text)


def test_edit_changes_and_records_old_value(
    db, client, get_page, post_form, citizen
) -> None:
    entry = _entry(db, citizen)
    form = get_page(f"/joblog/{entry.id}/ret")
    assert form.find("input", id="title")["value"] == "Bagermedhjælper"
    response = post_form(
        f"/joblog/{entry.id}/ret",
        {**VALID, "title": "Bagersvend", "status": "interview"},
    )
    assert response.status_code == 302
    db.expire_all()
    assert db.get(JobLogEntry, entry.id).status is LogStatus.INTERVIEW
    record = db.scalars(
        select(ChangeRecord).where(
            ChangeRecord.row_id == entry.id,
            ChangeRecord.table_name == "job_log_entry",
            ChangeRecord.field == "title",
            ChangeRecord.old_value.is_not(None),
        )
    ).one()
    assert (record.old_value, record.new_value) == ("Bagermedhjælper", "Bagersvend")


def test_delete_asks_first_then_deletes_keeping_history(
    db, client, get_page, post_form, citizen
) -> None:
    entry_id = _entry(db, citizen).id
    page = get_page(f"/joblog/{entry_id}/slet")
    assert "Ja, slet" in _text(page)
    assert _count(db, citizen) == 1
    assert post_form(f"/joblog/{entry_id}/slet").status_code == 302
    assert _count(db, citizen) == 0
    deleted = db.scalars(
        select(ChangeRecord).where(
            ChangeRecord.row_id == entry_id,
            ChangeRecord.table_name == "job_log_entry",
            ChangeRecord.new_value.is_(None),
        )
    ).all()
    assert "Bagermedhjælper" in {r.old_value for r in deleted}


def test_someone_elses_entry_is_not_found_and_unchanged(
    db, client, post_form, make_citizen, citizen
) -> None:
    other = make_citizen(first_name="Ali", last_name="Hassan")
    entry = _entry(db, other, title="Andens job")
    assert client.get(f"/joblog/{entry.id}/ret").status_code == 404
    assert post_form(f"/joblog/{entry.id}/ret", VALID).status_code == 404
    assert post_form(f"/joblog/{entry.id}/slet").status_code == 404
    db.expire_all()
    assert db.get(JobLogEntry, entry.id).title == "Andens job"


def test_new_entry_prefilled_from_a_posting(get_page, citizen) -> None:
    page = get_page("/joblog/ny?type=planned&titel=Pædagog&arbejdsgiver=Børnehuset")
    assert page.find("input", id="title")["value"] == "Pædagog"
    assert page.find("input", id="employer")["value"] == "Børnehuset"
    assert page.find("input", attrs={"name": "kind", "value": "planned"}).has_attr(
        "checked"
    )


def test_english(client, get_page, citizen) -> None:
    client.post(
        "/sprog", data={"csrf_token": csrf_token(client), "lang": "en", "next": "/"}
    )
    text = _text(get_page("/joblog"))
    assert "available for work (control)" in text and "Job-search log" in text
