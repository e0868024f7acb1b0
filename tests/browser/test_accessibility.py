"""Every page, for every role, in Danish and English, at phone and desktop width:
zero WCAG 2.1 A/AA violations, no CSP errors, no sideways scrolling at 320 px, and
(once per page and language) nothing raw in what it shows after load (tests/page_text.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from tests.browser.checks import WIDTHS, page_problems
from tests.browser.conftest import Tab
from tests.browser.pages import CRAWLED, EXCLUDED, PAGES, ROLES, STATES, State

LANGUAGES = ("da", "en")


def _visits() -> list[Any]:
    visits = []
    for role in ROLES:
        targets: list[str | State] = [*PAGES[role], *STATES.get(role, [])]
        for lang in LANGUAGES:
            for width in WIDTHS:
                for target in targets:
                    name = target.name if isinstance(target, State) else target
                    visits.append(
                        pytest.param(
                            role,
                            lang,
                            width,
                            target,
                            # Role and language first: under pytest-xdist one worker
                            # visits all pages of a role and language (tests/running.py).
                            id=f"{role}-{lang}-{width}-{name}",
                        )
                    )
    return visits


def _open(tab: Tab, target: str | State) -> None:
    page = tab.page
    url = tab.base_url + (target.path if isinstance(target, State) else target)
    response = page.goto(url)
    if isinstance(target, State) and target.submit:
        if target.break_csrf:
            page.locator("footer input[name=csrf_token]").evaluate(
                "input => { input.value = 'not-the-token'; }"
            )
        if target.uncheck:
            page.locator(target.uncheck).evaluate_all(
                "inputs => inputs.forEach(input => { input.checked = false; })"
            )
        with page.expect_navigation() as navigation:
            page.click(target.submit)
        response = navigation.value
    expected = target.status if isinstance(target, State) else 200
    assert response is not None and response.status == expected, (
        f"{url}: status {response and response.status}, expected {expected}"
    )
    if not isinstance(target, State):
        assert page.url == url, f"{url} redirected to {page.url}"


@pytest.mark.browser
@pytest.mark.parametrize(("role", "lang", "width", "target"), _visits())
def test_page_is_accessible(
    tab_for: Callable[[str, str, int], Tab],
    role: str,
    lang: str,
    width: int,
    target: str | State,
) -> None:
    tab = tab_for(role, lang, width)
    tab.console_errors.clear()
    _open(tab, target)
    problems = page_problems(tab, role, lang, once=width == min(WIDTHS))
    assert not problems, "\n\n".join(problems)


def test_every_page_is_in_the_registry(app: Flask) -> None:
    """Each GET route is swept for some role (from the fixed list without parameters,
    by the crawl with them), or excluded."""
    routes = {
        rule.rule: bool(rule.arguments)
        for rule in app.url_map.iter_rules()
        if "GET" in (rule.methods or set())
    }
    listed = {path for paths in PAGES.values() for path in paths}
    crawled = {path for paths in CRAWLED.values() for path in paths}
    forgotten = {rule for rule, ids in routes.items() if not ids} - listed
    forgotten |= {rule for rule, ids in routes.items() if ids} - crawled
    forgotten -= set(EXCLUDED)
    assert not forgotten, f"add these pages to tests/browser/pages.py: {forgotten}"
    stale = (listed | crawled | set(EXCLUDED)) - set(routes)
    assert not stale, f"tests/browser/pages.py lists pages that do not exist: {stale}"
