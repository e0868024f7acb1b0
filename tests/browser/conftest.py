"""The browser sweep's fixtures: a live server on a copy of the small demo's database,
Chromium, one context per role x language, each logged in through the real UI."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.engine import Engine
from werkzeug.serving import WSGIRequestHandler, make_server

from app import create_app
from tests.advisor.tables import small_tables
from tests.browser.crawl import Crawl, crawl
from tests.browser.seed import STAFF_EMAILS, seed_users
from tests.databases import create_database, drop_database, sibling_url
from tests.factories import TEST_PASSWORD

# Debian's headless shell of Chromium (package chromium-headless-shell, built from the
# same source as its chromium): the same Blink without the desktop browser around it,
# and the sweep takes a fifth less time in it. The full browser if only that is there.
CHROMIUM_BINARIES = (
    Path("/usr/bin/chromium-headless-shell"),
    Path("/usr/bin/chromium"),
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_PATHS = {
    "citizen": "/min-side",
    "caseworker": "/sagsbehandler",
    "provider": "/udbyder",
    "admin": "/administration",
    "employer": "/virksomhed",
}


def _chromium() -> Path | None:
    return next((path for path in CHROMIUM_BINARIES if path.exists()), None)


def require_browser() -> None:
    """Skip without Chromium, unless JOBUNIVERS_REQUIRE_BROWSER=1 (CI) makes it fail."""
    if _chromium() is not None:
        return
    reason = (
        "Chromium is missing: install it with `apt-get install chromium-headless-shell`"
    )
    if os.environ.get("JOBUNIVERS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"JOBUNIVERS_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_database_url(database_url: str, demo_database: Engine) -> Iterator[str]:
    """A copy of the database holding the small demo, for the live server to commit to
    (a file beside the test database, or <name>_browser next to it on PostgreSQL)."""
    require_browser()
    url = sibling_url(database_url, "browser")
    # PostgreSQL copies a database only while nobody is connected to it.
    demo_database.dispose()
    create_database(url, template=sibling_url(database_url, "demo"))
    try:
        yield url
    finally:
        drop_database(url)


class QuietHandler(WSGIRequestHandler):
    """Serve without a log line per request (errors are still logged)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@pytest.fixture(scope="session")
def browser_citizen(browser_database_url: str) -> int:
    """The user id of the citizen the sweep logs in as (the staff users are added too)."""
    return seed_users(browser_database_url)


@pytest.fixture(scope="session")
def live_server(
    browser_database_url: str,
    browser_citizen: int,
    compiled_translations: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The app served on a free local port in a thread; yields its base URL."""
    require_browser()
    # Small effect tables, so the sweep sees the decision-support panel filled.
    effects = tmp_path_factory.mktemp("models") / "effects.json"
    effects.write_text(small_tables().to_json(), encoding="utf-8")
    app = create_app(
        {
            "ENV": "testing",
            "TESTING": True,
            "DATABASE_URL": browser_database_url,
            "SECRET_KEY": "browser-test-secret",
            "RATELIMIT_STORAGE_URI": "memory://",
            "DEMO_LOGIN_ENABLED": True,
            "EFFECTS_TABLES_PATH": str(effects),
            # Let each context cache the assets instead of revalidating them per page.
            "SEND_FILE_MAX_AGE_DEFAULT": 3600,
        }
    )
    server = make_server(
        "127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        app.extensions["db_engine"].dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(_chromium()), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def choose_demo_citizen(page: Any, base_url: str, user_id: int) -> None:
    """Choose the citizen on the demo MitID page, 20 citizens a page (citizens that
    other tests add may come before the one sought)."""
    for number in range(1, 4):
        page.goto(f"{base_url}/log-ind/demo-mitid?page={number}")
        if page.locator(f"#demo-user-{user_id}").count():
            break
    page.locator(f"#demo-user-{user_id}").check()


def _log_in(page: Any, base_url: str, role: str, citizen: int) -> None:
    if role == "citizen":
        choose_demo_citizen(page, base_url, citizen)
    else:
        page.goto(f"{base_url}/log-ind/medarbejder")
        page.fill("#email", STAFF_EMAILS[role])
        page.fill("#password", TEST_PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    path = page.url.removeprefix(base_url)
    assert path == START_PATHS[role], f"log-in as {role} ended on {path}"


@pytest.fixture(scope="session")
def storage_states(
    browser: Any, live_server: str, browser_citizen: int
) -> Callable[[str], Any]:
    """The cookies of a session logged in through the UI, once per role."""
    states: dict[str, Any] = {}

    def state_for(role: str) -> Any:
        if role == "anonymous":
            return None
        if role not in states:
            context = browser.new_context()
            try:
                _log_in(context.new_page(), live_server, role, browser_citizen)
                states[role] = context.storage_state()
            finally:
                context.close()
        return states[role]

    return state_for


@dataclass
class Tab:
    """A page in a context set up for one role, language and width."""

    page: Any
    base_url: str
    width: int
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def tab_for(
    browser: Any, live_server: str, storage_states: Callable[[str], Any]
) -> Iterator[Callable[[str, str, int], Tab]]:
    """The tab for (role, language, width): one context per role and language, kept
    open while the tests that use it run one after the other, its viewport set to the
    width before the test loads its page."""
    from axe_playwright_python.base import AXE_FILE_PATH

    current: dict[tuple[str, str], Tab] = {}

    def open_tab(role: str, lang: str, width: int) -> Tab:
        context = browser.new_context(
            storage_state=storage_states(role),
            viewport={"width": width, "height": 800},
            locale="da-DK",
        )
        # axe-core from axe-playwright-python, present in every page this context loads.
        context.add_init_script(path=str(AXE_FILE_PATH))
        page = context.new_page()
        tab = Tab(page=page, base_url=live_server, width=width)

        def remember_error(message: Any) -> None:
            if message.type == "error":
                tab.console_errors.append(message.text)

        page.on("console", remember_error)
        page.goto(f"{live_server}/privatliv")
        with page.expect_navigation():
            page.click(f"footer button[name=lang][value={lang}]")
        assert page.locator("html").get_attribute("lang") == lang
        return tab

    def get(role: str, lang: str, width: int) -> Tab:
        key = (role, lang)
        if key not in current:
            for tab in current.values():
                tab.page.context.close()
            current.clear()
            current[key] = open_tab(role, lang, width)
        tab = current[key]
        if tab.width != width:
            tab.page.set_viewport_size({"width": width, "height": 800})
            tab.width = width
        return tab

    yield get
    for tab in current.values():
        tab.page.context.close()


@pytest.fixture(scope="session")
def crawl_for(app: Flask) -> Callable[[Tab, str], Crawl]:
    """The crawl of a role from its start page, once per worker, with the cookies of
    the role's tab (tests/browser/crawl.py)."""
    crawls: dict[str, Crawl] = {}

    def get(tab: Tab, role: str) -> Crawl:
        if role not in crawls:
            start = START_PATHS.get(role, "/")
            request = tab.page.context.request
            crawls[role] = crawl(request, tab.base_url, start, app.url_map)
        return crawls[role]

    return get
