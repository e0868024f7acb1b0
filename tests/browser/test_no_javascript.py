"""The five core tasks of a citizen without JavaScript, as the portal promises (htmx
and the autocomplete are enhancements): log in with (demo) MitID, add a skill to the CV,
add an entry to the job-search log, add an occupation to "Mine ønsker", and ask to talk
to a person. Each through the page's own links and forms, at phone width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import choose_demo_citizen
from tests.browser.seed import add_new_citizen


@pytest.fixture(scope="module")
def unscripted_citizen(live_server: str, browser_database_url: str) -> int:
    """A citizen of their own, as the tasks change what they have (the user id)."""
    return add_new_citizen(browser_database_url, "Bodil", "Aagesen")


@pytest.fixture
def no_script(browser: Any, live_server: str) -> Iterator[Any]:
    """A phone-sized tab without JavaScript that fails the test on any failed request
    (other than the favicon, which the site does not have)."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    failed: list[str] = []

    def on_response(response: Any) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            failed.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    try:
        yield page
    finally:
        context.close()
    assert failed == [], failed


def _path(page: Any, base: str) -> str:
    return page.url.removeprefix(base).split("#")[0]


def _press(page: Any, selector: str) -> None:
    """Press a submit button and wait for the page the form leads to."""
    with page.expect_navigation():
        page.locator(selector).first.click()


def _main(page: Any) -> str:
    return page.locator("main").inner_text()


@pytest.mark.browser
def test_the_core_tasks_work_without_javascript(
    no_script: Any, live_server: str, unscripted_citizen: int
) -> None:
    page, base = no_script, live_server

    # Log in with demo MitID: a first log-in goes to the guide, or to Min side.
    choose_demo_citizen(page, base, unscripted_citizen)
    _press(page, "main form button[type=submit]")
    assert _path(page, base) in {"/kom-i-gang/1", "/min-side"}, _path(page, base)
    # No script ran: app.js would have replaced the class.
    assert "no-js" in (page.locator("html").get_attribute("class") or "").split()

    # A skill: the typed text gives a list to choose from, the first chosen.
    page.goto(f"{base}/mit-cv/faglige-kompetencer")
    page.fill("#skill", "medicinhå")
    _press(page, "main form.cv-add-skill button[type=submit]")
    assert page.locator("main input[name=skill_uri]:checked").count() == 1, _main(page)
    _press(page, "main form.cv-add-skill button[type=submit]")
    assert _path(page, base) == "/mit-cv/faglige-kompetencer"
    assert "Medicinhåndtering" in page.locator("main .cv-list").inner_text()

    # An entry in the job-search log (the date is today's unless changed).
    page.goto(f"{base}/joblog")
    with page.expect_navigation():
        page.click("main a[href='/joblog/ny']")
    page.fill("#title", "Sygeplejerske")
    page.fill("#employer", "Bispebjerg Hospital")
    _press(page, "main form button[type=submit]")
    assert _path(page, base) == "/joblog", _main(page)
    assert "Sygeplejerske, Bispebjerg Hospital" in _main(page)

    # An occupation on Mine ønsker: the typed text, then the suggestion meant.
    page.goto(f"{base}/mine-oensker")
    page.fill("#occupation", "sygeplejer")
    _press(page, "main button[name=action][value=add]")
    if page.locator("main button[name=pick]").count():
        _press(page, "main button[name=pick]")
    assert _path(page, base) == "/mine-oensker", _main(page)
    chosen = page.locator("main .chosen-occupations").inner_text()
    assert "ygeplejerske" in chosen, _main(page)

    # Ask to talk to a person.
    page.goto(f"{base}/tal-med-en-medarbejder")
    page.locator("main input[name=channel]").first.check()
    page.fill("#message", "Jeg vil gerne tale om uddannelse.")
    _press(page, "main form button[type=submit]")
    assert _path(page, base) == "/tal-med-en-medarbejder/sendt", _main(page)
