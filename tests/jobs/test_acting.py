"""Acting on a posting: apply through the employer, log it, save it, and job alerts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.jobs import alerts
from app.models import JobAlert, JobLogEntry, JobNotification, LogKind, SavedJob
from tests.data import make_posting
from tests.pages import csrf_token

pytestmark = pytest.mark.usefixtures("taxonomy")


def _post(db, title: str = "Kok", **values):
    values.setdefault("occupation", None)
    values.setdefault("essential", ())
    return make_posting(db, title=title, **values)


def test_anyone_sees_how_to_apply(db, get_page, client) -> None:
    posting = _post(
        db,
        apply_url="https://firma.example.dk/ansog",
        apply_email="job@firma.example.dk",
        contact_name="Mette Holm",
        contact_phone="+45 00 12 34 56",
    )
    page = get_page(f"/job/{posting.id}")
    text = page.get_text(" ")
    assert "Mette Holm" in text and "+45 00 12 34 56" in text
    assert page.find("a", href="mailto:job@firma.example.dk")
    assert "openstreetmap.org/search?query=2200" in str(page)
    apply = page.find(id="apply-link")
    response = client.get(apply["href"])
    assert response.headers["Location"] == "https://firma.example.dk/ansog"
    # Without a log-in, saving leads to the log-in and back to the posting.
    save = page.find(id="save-job")
    assert save["href"] == f"/log-ind?next=/job/{posting.id}"


def test_e_mail_only_postings_apply_by_mail(db, client) -> None:
    posting = _post(db, apply_email="job@firma.example.dk")
    response = client.get(f"/job/{posting.id}/soeg")
    assert response.headers["Location"] == "mailto:job@firma.example.dk"


def test_log_in_returns_to_the_posting(db, client, make_citizen) -> None:
    posting = _post(db)
    person = make_citizen()
    client.get(f"/log-ind?next=/job/{posting.id}")
    response = client.post(
        "/log-ind/demo-mitid",
        data={"csrf_token": csrf_token(client), "user_id": person.user.id},
    )
    assert response.headers["Location"] == f"/job/{posting.id}"
    client.get("/log-ind?next=https://evil.example/")
    client.post("/log-ud", data={"csrf_token": csrf_token(client)})


def test_apply_then_log_it_in_one_click(db, client, get_page, citizen) -> None:
    posting = _post(db, "Kok til kantinen", apply_url="https://firma.example.dk/ansog")
    assert get_page(f"/job/{posting.id}").find(id="joblog-offer") is None
    client.get(f"/job/{posting.id}/soeg")
    page = get_page(f"/job/{posting.id}")
    offer = page.find(id="joblog-offer")
    assert offer is not None and "Kok til kantinen" in offer.get_text()
    response = client.post(
        f"/job/{posting.id}/joblog", data={"csrf_token": csrf_token(client)}
    )
    assert response.status_code == 302
    entry = db.scalars(
        select(JobLogEntry).where(JobLogEntry.citizen_id == citizen.id)
    ).one()
    assert (entry.title, entry.employer, entry.kind) == (
        "Kok til kantinen",
        posting.employer,
        LogKind.APPLICATION,
    )
    assert get_page(f"/job/{posting.id}").find(id="joblog-offer") is None


def test_save_and_remove_a_job(db, client, get_page, citizen) -> None:
    posting = _post(db, "Gartner")
    token = csrf_token(client)
    client.post(f"/job/{posting.id}/gem", data={"csrf_token": token})
    client.post(f"/job/{posting.id}/gem", data={"csrf_token": token})
    assert db.scalars(select(SavedJob)).all()[0].posting_id == posting.id
    page = get_page("/gemte-job")
    assert [a.get_text(strip=True) for a in page.select(".job-title a")] == ["Gartner"]
    assert get_page(f"/job/{posting.id}").find(id="unsave-job")
    client.post(f"/job/{posting.id}/fjern", data={"csrf_token": token, "back": "saved"})
    assert db.scalars(select(SavedJob)).all() == []
    assert get_page("/gemte-job").select(".job-title a") == []


def test_an_alert_collects_new_matching_postings(db, client, get_page, citizen) -> None:
    _post(db, "Sygeplejerske, gammel")
    response = client.post(
        "/jobagenter",
        data={
            "csrf_token": csrf_token(client),
            "name": "Sygeplejersker i Aarhus",
            "query": "q=sygeplejersker&municipality=751",
        },
    )
    assert response.headers["Location"] == "/jobagenter"
    new = _post(db, "Sygeplejerske til hjemmeplejen", postcode="8000")
    _post(db, "Sygeplejerske i København", postcode="2200")
    _post(db, "Lagermedarbejder", postcode="8000")
    run = alerts.run_all(db)
    assert (run.alerts, run.new_postings) == (1, 1)
    assert [n.posting_id for n in db.scalars(select(JobNotification))] == [new.id]
    assert alerts.run_all(db).new_postings == 0  # nothing twice
    page = get_page("/jobagenter")
    assert "Sygeplejerske til hjemmeplejen" in page.get_text()
    assert "Sygeplejerske, gammel" not in page.get_text()
    # The stop link works without a log-in: GET asks, POST stops.
    stop = page.find("a", href=lambda h: h and h.startswith("/jobagenter/afmeld/"))
    client.post("/log-ud", data={"csrf_token": csrf_token(client)})
    confirm = get_page(stop["href"])
    assert confirm.find(id="unsubscribe")
    client.post(stop["href"], data={"csrf_token": csrf_token(client)})
    assert db.scalars(select(JobAlert)).all() == []
    assert client.get(stop["href"]).status_code == 404


def test_an_alert_needs_a_name(db, client, citizen) -> None:
    response = client.post(
        "/jobagenter",
        data={"csrf_token": csrf_token(client), "name": "", "query": "q=kok"},
    )
    assert response.status_code == 200
    assert "Giv jobagenten et navn" in response.get_data(as_text=True)
    assert db.scalars(select(JobAlert)).all() == []
