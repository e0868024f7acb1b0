"""The sweep beyond its fixed list: each role's crawl (tests/browser/crawl.py) reaches
the pages behind links with ids, and every page it reaches that the fixed list does
not name is checked as the fixed pages are; on every page the keyboard shows where the
focus is; and every combobox, opened with a typed query at 320 px and kept open at 390
and 1280 px, leaves the page accessible and without sideways scrolling.

The test ids begin with the role and language, as the sweep's, so that one worker runs
them in the Chromium context of that role and language (tests/running.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.checks import NARROWEST, WIDTHS, page_problems
from tests.browser.comboboxes import open_list_problems
from tests.browser.conftest import START_PATHS, Tab
from tests.browser.crawl import Crawl, CrawledPage
from tests.browser.keyboard import keyboard_problems
from tests.browser.pages import CRAWLED, FOOTER_PAGES, PAGES, ROLES

LANGUAGES = ("da", "en")
TabFor = Callable[[str, str, int], Tab]
CrawlFor = Callable[[Tab, str], Crawl]


def _params(name: str) -> list[Any]:
    return [
        pytest.param(role, lang, id=f"{role}-{lang}-{name}")
        for role in ROLES
        for lang in LANGUAGES
    ]


def _open(tab: Tab, page: CrawledPage) -> list[str]:
    tab.console_errors.clear()
    url = tab.base_url + page.path
    response = tab.page.goto(url)
    if response is None or response.status != 200:
        return [f"status {response and response.status}"]
    if tab.page.url != url:
        return [f"redirected to {tab.page.url}"]
    return []


def _report(problems: dict[str, list[str]]) -> str:
    return "\n\n".join(
        f"{where}:\n" + "\n".join(found) for where, found in problems.items() if found
    )


@pytest.mark.browser
@pytest.mark.parametrize(("role", "lang"), _params("crawl"))
def test_crawled_pages_pass_the_sweep(
    tab_for: TabFor, crawl_for: CrawlFor, role: str, lang: str
) -> None:
    """The crawl finds no broken link and reaches its routes; each page it reaches
    that the fixed list names for no role (those with an id in their address) passes
    the sweep's checks at both widths."""
    tab = tab_for(role, lang, max(WIDTHS))
    found = crawl_for(tab, role)
    problems: dict[str, list[str]] = {
        "the crawl": [f"broken: {b}" for b in found.broken]
    }
    missing = sorted(set(CRAWLED.get(role, [])) - found.keys)
    if missing:
        problems["the crawl"].append(f"no longer reaches {missing}")
    listed = {path for paths in PAGES.values() for path in paths}
    for page in found.pages:
        if page.key in listed:
            continue
        # Loaded wide, then narrowed (as a phone turned upright): the layout is CSS's.
        tab = tab_for(role, lang, max(WIDTHS))
        problems[page.path] = _open(tab, page)
        if problems[page.path]:
            continue
        for width in sorted(WIDTHS, reverse=True):
            tab = tab_for(role, lang, width)
            problems[f"{page.path} at {width} px"] = page_problems(
                tab, role, lang, once=width == min(WIDTHS)
            )
    assert not _report(problems), _report(problems)


@pytest.mark.browser
@pytest.mark.parametrize(("role", "lang"), _params("keyboard"))
def test_the_focus_shows_on_every_tab_stop(
    tab_for: TabFor, crawl_for: CrawlFor, role: str, lang: str
) -> None:
    """On every page the role reaches, the skip link leads into main and each Tab stop
    after it shows the focus; on the start page the walk goes through the header. Each
    page is walked once, in Danish and English by turns, so the two languages' workers
    share the walk (the footer's pages for the anonymous visitor only: main is the same
    for every role)."""
    tab = tab_for(role, lang, max(WIDTHS))
    pages = [
        page
        for page in crawl_for(tab, role).pages
        if role == "anonymous" or page.key not in FOOTER_PAGES
    ]
    problems: dict[str, list[str]] = {}
    start = START_PATHS.get(role, "/")
    for page in pages[LANGUAGES.index(lang) :: len(LANGUAGES)]:
        problems[page.path] = _open(tab, page) or keyboard_problems(
            tab, header=page.path == start
        )
    assert not _report(problems), _report(problems)


@pytest.mark.browser
@pytest.mark.parametrize(("role", "lang"), _params("comboboxes"))
def test_every_open_combobox_fits_the_page(
    tab_for: TabFor, crawl_for: CrawlFor, role: str, lang: str
) -> None:
    """Each combobox on the pages the role reaches, its list opened at 320 px (axe
    and the list's checks) and kept open as the page widens to 390 and 1280 px."""
    tab = tab_for(role, lang, NARROWEST)
    problems: dict[str, list[str]] = {}
    for page in crawl_for(tab, role).pages:
        for box_id in page.comboboxes:
            tab = tab_for(role, lang, NARROWEST)
            problems[f"{page.path}, #{box_id}"] = _open(tab, page) or [
                f"at {width} px: {problem}"
                for width, problem in open_list_problems(tab, box_id, lang)
            ]
    assert not _report(problems), _report(problems)
