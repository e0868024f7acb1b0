"""One whole journey on a phone (390 px), with the keyboard: a new citizen logs in,
gets through "Kom i gang", adds three skills through the autocomplete and one joblog
entry, and finds them on "Min side"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.seed import add_new_citizen

PHONE = {"width": 390, "height": 844}
# Typed into the skill combobox, and the suggestion expected first for each.
SKILLS = (
    ("medicinhå", "Medicinhåndtering"),
    ("observation af sund", "Observation af sundhedstilstand"),
    ("sundhedsfaglig dok", "Sundhedsfaglig dokumentation"),
)


@pytest.fixture(scope="module")
def new_citizen(live_server: str, browser_database_url: str) -> int:
    """A citizen who has never logged in: no guide, no CV, no log (returns the user id)."""
    return add_new_citizen(browser_database_url, "Aase", "Aabel")


@pytest.fixture
def phone(browser: Any, live_server: str) -> Iterator[Any]:
    """A phone-sized tab that fails the test on a script error, a CSP violation or a
    failed request (other than the favicon, which the site does not have)."""
    context = browser.new_context(viewport=PHONE, locale="da-DK")
    page = context.new_page()
    problems: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            problems.append(message.text)

    def on_response(response: Any) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            problems.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", on_response)
    try:
        yield page
    finally:
        context.close()
    assert problems == [], problems


def _path(page: Any, base: str) -> str:
    return page.url.removeprefix(base).split("#")[0]


def _press(page: Any, selector: str, key: str = "Enter") -> None:
    """Focus a control and press a key on it, as a keyboard user would."""
    page.locator(selector).first.focus()
    page.keyboard.press(key)


def _submit(page: Any, selector: str = "main form button[type=submit]") -> None:
    with page.expect_navigation():
        _press(page, selector)


def _type(page: Any, selector: str, text: str) -> None:
    field = page.locator(selector).first
    field.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def _answer_unanswered_radios(page: Any) -> None:
    """Choose the first option of every radio group in the main form left unanswered."""
    names = page.eval_on_selector_all(
        "main form input[type=radio]",
        "els => [...new Set(els.map(e => e.name))]",
    )
    for name in names:
        group = page.locator(f"main form input[type=radio][name='{name}']")
        if not page.locator(
            f"main form input[type=radio][name='{name}']:checked"
        ).count():
            group.first.focus()
            page.keyboard.press("Space")


def _problem(page: Any) -> str:
    summary = page.locator(".error-summary")
    return (
        summary.inner_text() if summary.count() else page.locator("main").inner_text()
    )


@pytest.mark.browser
def test_new_citizen_journey_on_a_phone(
    phone: Any, live_server: str, new_citizen: int
) -> None:
    page = phone
    base = live_server

    # Log in with demo MitID, keyboard only.
    page.goto(f"{base}/log-ind/demo-mitid")
    _press(page, f"#demo-user-{new_citizen}", "Space")
    _submit(page)
    # A first log-in goes to the guide (or to Min side, which offers it).
    if _path(page, base) == "/min-side":
        with page.expect_navigation():
            _press(page, "#card-kom-i-gang a")
    assert _path(page, base) == "/kom-i-gang/1", _path(page, base)
    assert "Trin 1 af 5" in page.locator("main").inner_text()

    # Kom i gang: five steps, each saved before the next.
    for step in range(1, 5):
        assert _path(page, base) == f"/kom-i-gang/{step}"
        if page.locator("main form input[type=tel]").count():
            _type(page, "main form input[type=tel]", "12 34 56 78")
        distance = page.locator("main form input[name=distance]")
        if distance.count() and not distance.input_value():
            _type(page, "main form input[name=distance]", "25")
        _answer_unanswered_radios(page)
        _submit(page, "main form button[name=action][value=next]")
        assert _path(page, base) == f"/kom-i-gang/{step + 1}", _problem(page)
    _submit(page, "main form button[type=submit]")
    assert _path(page, base) == "/min-side", _problem(page)
    assert page.locator("#card-kom-i-gang").count() == 0

    # Three skills through the autocomplete: type, arrow down, Enter, submit.
    page.goto(f"{base}/mit-cv/faglige-kompetencer")
    for typed, label in SKILLS:
        field = page.locator("input[role=combobox]").first
        field.focus()
        page.keyboard.type(typed, delay=40)
        option = page.locator("[role=listbox] [role=option]").first
        option.wait_for(state="visible")
        assert field.get_attribute("aria-expanded") == "true"
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        assert field.input_value() == label
        _submit(page, "main form.cv-add-skill button[type=submit]")
        assert label in page.locator("main .cv-list").inner_text(), _problem(page)
    assert len(page.locator("main .cv-list li").all()) == 3

    # One joblog entry.
    page.goto(f"{base}/joblog")
    with page.expect_navigation():
        _press(page, "main a[href='/joblog/ny']")
    _type(page, "#title", "Sygeplejerske")
    _type(page, "#employer", "Bispebjerg Hospital")
    _submit(page)
    assert _path(page, base) == "/joblog", _problem(page)
    assert "Sygeplejerske, Bispebjerg Hospital" in page.locator("main").inner_text()

    # Min side shows all of it.
    page.goto(f"{base}/min-side")
    cv_card = page.locator("#card-cv").inner_text()
    assert "3 kompetencer" in cv_card, cv_card
    log_card = page.locator("#card-joblog").inner_text()
    assert re.search(r"1 ansøgning denne måned", log_card), log_card
    assert page.locator("#card-job").count() == 1
    # Nothing sideways at phone width.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
