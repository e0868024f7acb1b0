"""The citizen answers a company's coffee-meeting invitation on a phone: with the
keyboard only, and without JavaScript (the card's plain form), and with JavaScript
(htmx swaps in the next card)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import choose_demo_citizen
from tests.browser.seed import add_invitation, add_new_citizen


def _phone(browser: Any, javascript: bool) -> Iterator[Any]:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 390, "height": 844}
    )
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def no_script_phone(browser: Any) -> Iterator[Any]:
    yield from _phone(browser, javascript=False)


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    yield from _phone(browser, javascript=True)


def _log_in(page: Any, base: str, user_id: int) -> None:
    choose_demo_citizen(page, base, user_id)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.press("Enter")


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching selector has the focus."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.browser
def test_yes_with_the_keyboard_and_without_javascript(
    no_script_phone: Any, live_server: str, browser_database_url: str
) -> None:
    page, base = no_script_phone, live_server
    user_id = add_new_citizen(browser_database_url, "Karen", "Aabye")
    add_invitation(browser_database_url, user_id)
    _log_in(page, base, user_id)
    page.goto(f"{base}/virksomheder")
    assert page.locator("[data-swipe-card]").count() == 1
    _tab_to(page, "main button[value=yes]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.removeprefix(base) == "/virksomheder"
    text = page.locator("main").inner_text()
    assert "Du sagde ja" in text or "You said yes" in text
    assert page.locator("[data-swipe-card]").count() == 0
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow


@pytest.mark.browser
def test_no_with_the_keyboard_and_htmx(
    phone: Any, live_server: str, browser_database_url: str
) -> None:
    page, base = phone, live_server
    user_id = add_new_citizen(browser_database_url, "Jonas", "Aagaard")
    add_invitation(browser_database_url, user_id)
    add_invitation(browser_database_url, user_id)
    _log_in(page, base, user_id)
    page.goto(f"{base}/virksomheder")
    _tab_to(page, "main button[value=no]")
    page.keyboard.press("Enter")
    # htmx replaces the card in place with the next one, and says what happened.
    # (A locator, not wait_for_function: the page's CSP forbids evaluating strings.)
    page.locator("#invitation-area [role=status]").filter(
        has_text=re.compile(r"\S")
    ).wait_for()
    assert page.url.removeprefix(base) == "/virksomheder"
    assert page.locator("[data-swipe-card]").count() == 1
