"""Min side: a card for each part of the job search, each also its own URL."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from app.models import Assessment, RouteReason, Track
from app.models.jobsearch import (
    ContactRequest,
    JobLogEntry,
    LogKind,
    LogStatus,
    PlanItem,
    PlanKind,
    PlanStatus,
)
from app.models.profile import Channel
from app.portal.services import CARDS
from tests.data import give_cv, make_posting
from tests.pages import check_full_page, csrf_token
from tests.statements import statements_of

HX = {"HX-Request": "true"}


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _fill(db, citizen) -> None:
    """A CV with matches, two applications, an agreed plan item and a track."""
    give_cv(db, citizen, skills=["nursing-care"], desired=["sygeplejerske"])
    for n in range(4):
        make_posting(db, title=f"Sygeplejerske {n}", postcode="2200")
    now = datetime.now(UTC)
    for title in ("Sygeplejerske på Bispebjerg", "Sygeplejerske i hjemmeplejen"):
        db.add(
            JobLogEntry(
                citizen_id=citizen.id,
                kind=LogKind.APPLICATION,
                employer="Region Hovedstaden",
                title=title,
                on_date=date.today(),
                status=LogStatus.SENT,
                created_at=now,
            )
        )
    db.add(
        PlanItem(
            citizen_id=citizen.id,
            kind=PlanKind.ACTIVITY,
            text="Opdatere CV med autorisation",
            due_on=date(2030, 1, 15),
            author_role="caseworker",
            agreed_at=now,
            created_at=now,
        )
    )
    db.add(
        Assessment(
            citizen_id=citizen.id,
            computed_at=now,
            current=True,
            track=Track.SELF_SERVICE,
            route_reason=RouteReason.MODEL,
            reasons=[],
            inputs={},
            trigger="test",
        )
    )
    db.flush()


def test_new_citizen_sees_every_card_with_an_empty_state(get_page, citizen) -> None:
    page = get_page("/min-side")
    headings = [h.get_text(strip=True) for h in page.select(".dashboard-card h2")]
    assert headings == [
        "Kom godt i gang",
        "Min plan",
        "Job til dig",
        "Joblog",
        "Mit CV",
        "Virksomheder der vil møde dig",
        "Mine tilbud",
        "Din vej",
        "Beskeder",
    ]
    text = _text(page)
    assert "Trin 1 af 5" in text
    assert "Din plan er tom" in text
    assert "Når dit CV har stillingsbetegnelser og kompetencer" in text
    assert "Din log er tom" in text
    assert "Dit CV er tomt" in text
    assert "Du deltager ikke i nogen tilbud nu" in text
    assert "Når du har svaret på spørgsmålene om din situation" in text
    assert "Du har ingen beskeder" in text
    for href in ("/min-plan", "/job-til-dig", "/joblog", "/tal-med-en-medarbejder"):
        assert page.find("a", href=href), href


def test_filled_dashboard_shows_plan_jobs_log_cv_and_track(
    db, get_page, citizen
) -> None:
    _fill(db, citizen)
    page = get_page("/min-side")
    jobs = page.find(id="card-job")
    assert len(jobs.select("li a[href^='/job/']")) == 3
    log = _text(page.find(id="card-joblog"))
    assert "2 ansøgninger denne måned" in log and "2 de sidste 4 uger" in log
    plan = _text(page.find(id="card-min-plan"))
    assert "Opdatere CV med autorisation" in plan and "15. januar 2030" in plan
    cv = _text(page.find(id="card-cv"))
    assert "Dit CV har 1 stillingsbetegnelse og 1 kompetence." in cv
    assert "selvbetjeningsvejen" in _text(page.find(id="card-din-vej"))
    assert page.find(id="card-joblog").find(attrs={"aria-live": "polite"})


@pytest.mark.parametrize("name", CARDS)
def test_each_card_is_a_partial_and_a_page(client, citizen, name) -> None:
    partial = client.get(f"/min-side/kort/{name}", headers=HX)
    assert partial.status_code == 200
    assert "HX-Request" in partial.headers["Vary"]
    html = partial.get_data(as_text=True)
    assert "<html" not in html and f'id="card-{name}"' in html
    page = client.get(f"/min-side/kort/{name}")
    assert page.status_code == 200 and "HX-Request" in page.headers["Vary"]
    soup = check_full_page(page.get_data(as_text=True))
    assert soup.find(id=f"card-{name}")
    assert soup.find("a", href="/min-side")


def test_unknown_card_is_not_found(client, citizen) -> None:
    assert client.get("/min-side/kort/hemmelig").status_code == 404
    assert client.get("/min-side/kort/..%2Fbase").status_code == 404


def test_finished_onboarding_hides_the_card(db, get_page, citizen) -> None:
    from app.models import Onboarding

    db.add(
        Onboarding(
            citizen_id=citizen.id,
            current_step=5,
            started_at=datetime.now(UTC),
            completed_at=datetime.now(UTC),
        )
    )
    db.flush()
    assert get_page("/min-side").find(id="card-kom-i-gang") is None


def test_open_request_is_shown(db, get_page, citizen) -> None:
    db.add(
        ContactRequest(
            citizen_id=citizen.id,
            created_at=datetime.now(UTC),
            channel=Channel.PHONE,
        )
    )
    db.flush()
    assert "Du har bedt om at tale med en medarbejder" in _text(get_page("/min-side"))


def test_english(client, get_page, citizen) -> None:
    client.post(
        "/sprog", data={"csrf_token": csrf_token(client), "lang": "en", "next": "/"}
    )
    text = _text(get_page("/min-side"))
    assert "Step 1 of 5" in text and "Your log is empty" in text


def test_query_count_does_not_grow_with_the_data(app, db, client, citizen) -> None:
    """No N+1: the page runs the same number of statements with more rows behind it."""
    _fill(db, citizen)
    small = statements_of(app, client, "/min-side")
    for n in range(20):
        make_posting(db, title=f"Sygeplejerske {n}", postcode="2100")
        db.add(
            JobLogEntry(
                citizen_id=citizen.id,
                kind=LogKind.APPLICATION,
                employer="Region Hovedstaden",
                title=f"Sygeplejerske {n}",
                on_date=date.today(),
                status=LogStatus.SENT,
                created_at=datetime.now(UTC),
            )
        )
    db.flush()
    large = statements_of(app, client, "/min-side")
    assert large == small


def test_plan_card_marks_the_next_item_done_in_place(db, client, citizen) -> None:
    _fill(db, citizen)
    item = db.query(PlanItem).filter_by(citizen_id=citizen.id).one()
    page = client.get("/min-side").get_data(as_text=True)
    assert f'hx-post="/min-plan/{item.id}/udfoert"' in page
    data = {
        "csrf_token": csrf_token(client),
        "done": "1",
        "kort": "min-plan",
    }
    # htmx follows the redirect to the card's own URL (with its HX-Request header).
    partial = client.post(
        f"/min-plan/{item.id}/udfoert", data=data, headers=HX, follow_redirects=True
    )
    assert [r.status_code for r in partial.history] == [303]
    assert partial.request.path == "/min-side/kort/min-plan"
    assert partial.status_code == 200 and "HX-Request" in partial.headers["Vary"]
    html = partial.get_data(as_text=True)
    assert "<html" not in html and 'id="card-min-plan"' in html
    assert "1 udført" in re.sub(r"\s+", " ", html)
    db.expire_all()
    assert db.get(PlanItem, item.id).status.value == "done"
    # Without JavaScript the same form leads back to Min side.
    item.status = PlanStatus.OPEN
    db.flush()
    plain = client.post(f"/min-plan/{item.id}/udfoert", data=data)
    assert plain.status_code == 302 and plain.location.endswith("/min-side")
