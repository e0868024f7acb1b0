"""Every page, for every role, in Danish and English, at phone and desktop width:
zero WCAG 2.1 A/AA violations, no CSP errors, no sideways scrolling at 320 px, and
(once per page and language) nothing raw in what it shows after load (tests/page_text.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from tests.browser.conftest import Tab
from tests.browser.pages import EXCLUDED, PAGES, ROLES, STATES, State
from tests.page_text import page_findings, report

LANGUAGES = ("da", "en")
WIDTHS = (390, 1280)
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# axe itself is added to every page by the context (see conftest.py).
RUN_AXE = """async options => [
    document.documentElement.lang,
    (await axe.run(document, options)).violations,
]"""

# Reflowing to 320 px must not hide a link or form control that a desktop shows
# (WCAG 1.4.10). The first script remembers what is shown; the second lists what of
# that is no longer shown (elements are compared by identity, as scripts may move
# them around on resize).
RENDERED = """el => el.isConnected && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden'"""
REMEMBER_SHOWN = f"""() => {{
    window.__shownControls = Array.from(document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea'
    )).filter({RENDERED});
}}"""
NO_LONGER_SHOWN = f"""() => window.__shownControls
    .filter(el => !({RENDERED})(el))
    .map(el => el.outerHTML.slice(0, 160))"""


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


def _axe_report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"      {summary}")
    return "\n".join(lines)


def _open(tab: Tab, target: str | State) -> None:
    page = tab.page
    url = tab.base_url + (target.path if isinstance(target, State) else target)
    response = page.goto(url)
    if isinstance(target, State) and target.submit:
        if target.break_csrf:
            page.locator("footer input[name=csrf_token]").evaluate(
                "input => { input.value = 'not-the-token'; }"
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
    page = tab.page
    tab.console_errors.clear()
    _open(tab, target)
    page_lang, violations = page.evaluate(RUN_AXE, AXE_OPTIONS)
    assert page_lang == lang
    # Every check runs and all that fail are reported together.
    problems = ["axe found:\n" + _axe_report(violations)] if violations else []

    if width == min(WIDTHS):
        findings = page_findings(page.content())
        if findings:
            path = page.url.removeprefix(tab.base_url)
            problems.append(report(findings, f"{path} ({role}, {lang})"))
        csp_errors = [e for e in tab.console_errors if "Content Security Policy" in e]
        if csp_errors:
            problems.append(f"CSP violations: {csp_errors}")
        try:
            page.set_viewport_size({"width": max(WIDTHS), "height": 800})
            page.evaluate(REMEMBER_SHOWN)
            page.set_viewport_size({"width": 320, "height": 800})
            lost = page.evaluate(NO_LONGER_SHOWN)
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth,"
                " document.documentElement.clientWidth]"
            )
        finally:
            page.set_viewport_size({"width": width, "height": 800})
        if scroll > client:
            problems.append(f"scrolls sideways at 320 px: {scroll} > {client}")
        if lost:
            problems.append(
                "hidden at 320 px but shown on a desktop:\n" + "\n".join(lost)
            )
    assert not problems, "\n\n".join(problems)


def test_every_page_is_in_the_registry(app: Flask) -> None:
    """Each GET route without URL parameters is swept for some role, or excluded."""
    listed = {path for paths in PAGES.values() for path in paths}
    routes = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if "GET" in (rule.methods or set()) and not rule.arguments
    }
    forgotten = routes - listed - set(EXCLUDED)
    assert not forgotten, f"add these pages to tests/browser/pages.py: {forgotten}"
    stale = (listed | set(EXCLUDED)) - routes
    assert not stale, f"tests/browser/pages.py lists pages that do not exist: {stale}"
