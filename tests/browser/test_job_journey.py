"""The job search on a phone (390 px), with the keyboard and without logging in first:
search, open a posting, log in from "Gem job" and come back, save it, apply through the
employer's (stubbed) page, and add the application to the joblog in one click."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.models import Citizen, JobLogEntry, Municipality, Posting, Role, User

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def job_world(live_server: str, browser_database_url: str) -> Iterator[dict[str, Any]]:
    """A citizen who has never logged in (named to come first in the demo log-in list),
    and a current demo posting with an application form."""
    engine = make_engine(browser_database_url)
    try:
        with Session(engine) as session:
            copenhagen = session.scalars(
                select(Municipality).where(Municipality.code == 101)
            ).one()
            user = User(
                role=Role.CITIZEN,
                display_name="Aage Aaberg",
                mitid_subject="browser-job-journey-citizen",
                municipality_id=copenhagen.id,
            )
            session.add(user)
            session.flush()
            citizen = Citizen(
                user_id=user.id,
                municipality_id=copenhagen.id,
                first_name="Aage",
                last_name="Aaberg",
                street="Nørrebrogade 1",
                postcode="2200",
                city="København N",
                synthetic=True,
            )
            session.add(citizen)
            posting = session.scalars(
                select(Posting)
                .where(
                    Posting.apply_url.is_not(None),
                    or_(Posting.deadline.is_(None), Posting.deadline >= date.today()),
                )
                .order_by(Posting.id)
            ).first()
            assert posting is not None
            session.flush()
            world = {
                "user_id": user.id,
                "citizen_id": citizen.id,
                "posting_id": posting.id,
                "title": posting.title,
                "employer": posting.employer,
            }
            session.commit()
    finally:
        engine.dispose()
    yield world


@pytest.fixture
def phone(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, locale="da-DK")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == []


def _press(page: Any, selector: str, key: str = "Enter") -> None:
    page.locator(selector).first.focus()
    page.keyboard.press(key)


def _path(page: Any, base: str) -> str:
    return page.url.removeprefix(base).split("#")[0]


@pytest.mark.browser
def test_search_open_save_apply_and_log_on_a_phone(
    phone: Any, live_server: str, job_world: dict[str, Any], browser_database_url: str
) -> None:
    page, base = phone, live_server
    posting_id = job_world["posting_id"]

    # Search without logging in: type the employer's name and press Enter (htmx).
    page.goto(f"{base}/job")
    assert page.locator("h1").inner_text() == "Find job"
    field = page.locator("#q")
    field.focus()
    page.keyboard.type(job_world["employer"])
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "q=" in url)
    page.locator(f"a[href='/job/{posting_id}']").wait_for()
    announced = page.locator("#job-count-announcer").inner_text()
    assert "passer til din søgning" in announced, announced

    # Open the posting with the keyboard.
    with page.expect_navigation():
        _press(page, f"a[href='/job/{posting_id}']")
    assert _path(page, base) == f"/job/{posting_id}"
    assert page.locator("h1").inner_text() == job_world["title"]

    # "Gem job" leads to the log-in, and the log-in back to the posting.
    with page.expect_navigation():
        _press(page, "#save-job")
    assert _path(page, base).startswith("/log-ind")
    page.goto(f"{base}/log-ind/demo-mitid")
    _press(page, f"#demo-user-{job_world['user_id']}", "Space")
    with page.expect_navigation():
        _press(page, "main form button[type=submit]")
    assert _path(page, base) == f"/job/{posting_id}", page.url

    # Save it.
    with page.expect_navigation():
        _press(page, "#save-job")
    assert page.locator("#unsave-job").count() == 1

    # Apply through the employer (its made-up page is not on the network, so the link
    # is followed here without leaving the site), come back, and log it in one click.
    apply = page.locator("#apply-link")
    assert apply.is_visible()
    followed = page.request.get(base + apply.get_attribute("href"), max_redirects=0)
    assert followed.status == 302
    assert ".demo.jobunivers.dk/" in followed.headers["location"]
    page.reload()
    offer = page.locator("#joblog-offer")
    assert offer.is_visible()
    assert job_world["title"] in offer.inner_text()
    with page.expect_navigation():
        _press(page, "#joblog-add")
    assert (
        page.locator("main form input[name=title]").input_value()
        == (job_world["title"])
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    engine = make_engine(browser_database_url)
    with Session(engine) as session:
        titles = session.scalars(
            select(JobLogEntry.title).where(
                JobLogEntry.citizen_id == job_world["citizen_id"]
            )
        ).all()
    engine.dispose()
    assert titles == [job_world["title"]]
