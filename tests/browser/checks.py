"""The checks the sweep runs on a loaded page: axe-core's WCAG 2.1 A/AA rules, nothing
raw on the page (tests/page_text.py), no CSP errors, and at 320 px no sideways
scrolling and nothing hidden that a desktop shows."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Tab
from tests.page_text import page_findings, report

WIDTHS = (390, 1280)
NARROWEST = 320
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# axe itself is added to every page by the context (see conftest.py).
RUN_AXE = """async options => [
    document.documentElement.lang,
    (await axe.run(document, options)).violations,
]"""
SCROLLS_SIDEWAYS = """() => [document.documentElement.scrollWidth,
                             document.documentElement.clientWidth]"""

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


def axe_report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"      {summary}")
    return "\n".join(lines)


def axe_problems(tab: Tab, lang: str) -> list[str]:
    """axe's violations on the page as it is now (and that it is in `lang`)."""
    page_lang, violations = tab.page.evaluate(RUN_AXE, AXE_OPTIONS)
    problems = [f"<html lang> is {page_lang}, not {lang}"] if page_lang != lang else []
    if violations:
        problems.append("axe found:\n" + axe_report(violations))
    return problems


def sideways_problems(tab: Tab) -> list[str]:
    scroll, client = tab.page.evaluate(SCROLLS_SIDEWAYS)
    if scroll > client:
        return [f"scrolls sideways at {tab.width} px: {scroll} > {client}"]
    return []


def page_problems(tab: Tab, role: str, lang: str, *, once: bool) -> list[str]:
    """Every check of the loaded page at the tab's width; `once` (per page and
    language) adds what does not depend on the width, and the reflow to 320 px."""
    page = tab.page
    problems = axe_problems(tab, lang)
    if not once:
        return problems
    findings = page_findings(page.content())
    if findings:
        path = page.url.removeprefix(tab.base_url)
        problems.append(report(findings, f"{path} ({role}, {lang})"))
    csp_errors = [e for e in tab.console_errors if "Content Security Policy" in e]
    if csp_errors:
        problems.append(f"CSP violations: {csp_errors}")
    width = tab.width
    try:
        page.set_viewport_size({"width": max(WIDTHS), "height": 800})
        page.evaluate(REMEMBER_SHOWN)
        page.set_viewport_size({"width": NARROWEST, "height": 800})
        tab.width = NARROWEST
        lost = page.evaluate(NO_LONGER_SHOWN)
        problems += sideways_problems(tab)
    finally:
        page.set_viewport_size({"width": width, "height": 800})
        tab.width = width
    if lost:
        problems.append("hidden at 320 px but shown on a desktop:\n" + "\n".join(lost))
    return problems
