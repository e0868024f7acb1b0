"""The marketplace on a phone (390 px), with the keyboard: a citizen finds a free
online course, chooses it, later chooses it off, and writes a review."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.models import Review
from tests.browser.seed import add_new_citizen

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def newcomer(live_server: str, browser_database_url: str) -> int:
    """A citizen who has chosen no services (named to come first in the log-in list)."""
    return add_new_citizen(browser_database_url, "Aase", "Aagaard")


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


def _fits(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
def test_find_choose_leave_and_review_a_free_online_course(
    phone: Any, live_server: str, newcomer: int, browser_database_url: str
) -> None:
    page, base = phone, live_server
    page.goto(f"{base}/log-ind/demo-mitid")
    _press(page, f"#demo-user-{newcomer}", "Space")
    with page.expect_navigation():
        _press(page, "main form button[type=submit]")

    # Find: free services only, online, by a word; Enter in the search field sends it.
    page.goto(f"{base}/tilbud")
    assert page.locator("h1").inner_text() == "Tilbud"
    _press(page, "#free", "Space")
    page.locator("#format").focus()
    page.keyboard.type("Online")
    field = page.locator("#q")
    field.focus()
    page.keyboard.type("onlinekursus")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "free=y" in page.url and "format=online" in page.url
    assert _fits(page)
    first = page.locator(".offering-card h3 a").first
    title = first.inner_text()
    with page.expect_navigation():
        _press(page, ".offering-card h3 a")
    assert page.locator("h1").inner_text() == title
    assert "Gratis og på nettet" in page.locator("main").inner_text()

    # Choose it: it starts at once.
    with page.expect_navigation():
        _press(page, "main a.button-primary")
    with page.expect_navigation():
        _press(page, "main form button[type=submit]")
    assert page.url.endswith("/mine-tilbud")
    main = page.locator("main").inner_text()
    assert "Du er begyndt" in main and title in main
    assert _fits(page)

    # Choose it off, with a reason.
    with page.expect_navigation():
        _press(page, "a[href$='/fravaelg']")
    page.locator("#reason").focus()
    page.keyboard.type("Jeg har fået arbejde")
    with page.expect_navigation():
        _press(page, "main form button[type=submit]")
    main = page.locator("main").inner_text()
    assert "Du har fravalgt tilbuddet" in main
    assert "sanktion" not in main.lower()

    # Write a review.
    with page.expect_navigation():
        _press(page, "a[href$='/anmeldelse']")
    page.locator("#rating").focus()
    page.keyboard.type("5")
    page.locator("#text").focus()
    page.keyboard.type("Kort og brugbart.")
    with page.expect_navigation():
        _press(page, "main form button[type=submit]")
    assert "Din anmeldelse er offentliggjort" in page.locator("main").inner_text()
    assert page.locator("a[href$='/anmeldelse']").count() == 0

    engine = make_engine(browser_database_url)
    try:
        with Session(engine) as session:
            texts = session.scalars(select(Review.text)).all()
            assert "Kort og brugbart." in texts
    finally:
        engine.dispose()
