"""Page helpers: every full page fetched is checked; log-in and CSRF helpers for tests.

A full page is checked for its structure here and for what a person reads on it by
tests/page_text.py (no Python repr, coded value, long float or raw time).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask import session
from flask.testing import FlaskClient
from flask_login import login_user
from sqlalchemy.orm import object_session
from werkzeug.test import TestResponse

from app.auth.services import record_login
from app.models import Role, User
from app.security import start_session
from tests.factories import TEST_PASSWORD
from tests.page_text import check_page_text

UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


def text_of(node: Any) -> str:
    """The text of a page or element, white space folded."""
    return re.sub(r"\s+", " ", node.get_text()).strip()


def check_full_page(html: str, where: str = "") -> BeautifulSoup:
    """Assert the rules every full page follows; return the parsed page.

    `where` (the URL, say) names the page in the message when its text fails.
    """
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html is not None and soup.html.get("lang") in {"da", "en"}, "html lang"
    h1s = soup.find_all("h1")
    assert len(h1s) == 1, f"expected one h1, found {len(h1s)}"
    heading = text_of(h1s[0])
    assert heading, "the h1 is empty"
    title = text_of(soup.title) if soup.title else ""
    title = re.sub(r"^(Fejl|Error): ", "", title)
    assert title.startswith(heading), (
        f"title {title!r} does not start with h1 {heading!r}"
    )
    assert soup.find("a", class_="skipnav", href="#main-content"), "skip link"
    assert soup.find(id="main-content"), "main landmark target"
    for form in soup.find_all("form"):
        assert form.get("action"), f"form without action: {form}"[:200]
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    labelled_for = {label.get("for") for label in soup.find_all("label")}
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.name == "input" and control.get("type", "text") in UNLABELLED_TYPES:
            continue
        labelled = (
            control.get("id") in labelled_for
            or control.get("aria-label")
            or control.get("aria-labelledby")
            or control.find_parent("label") is not None
        )
        assert labelled, f"unlabelled control: {control}"[:200]
    check_page_text(soup, where or heading)
    return soup


def is_full_page(response: TestResponse) -> bool:
    return response.mimetype == "text/html" and b"<html" in response.data[:500]


def check_response(response: TestResponse, where: str) -> None:
    """Check a full page as check_full_page does, and an HTML fragment's text (not the
    stock page a redirect carries, which no browser shows)."""
    if response.status_code in range(300, 400):
        return
    if is_full_page(response):
        check_full_page(response.get_data(as_text=True), where)
    elif response.mimetype == "text/html":
        check_page_text(response.get_data(as_text=True), where)


def csrf_token(client: FlaskClient) -> str:
    """A valid CSRF token for the client's session, read from a page as a browser would."""
    html = client.get("/privatliv").get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def log_in(client: FlaskClient, user: User) -> None:
    """Log in by writing the session the real log-in leaves (tests/auth/ goes through it).

    As app/auth/views.py does: the session is emptied but for the language, then
    login_user (with the identifier "strong" session protection checks, made from the
    test client's address and User-Agent), start_session's clock, and record_login.
    """
    app = client.application
    with (
        client.session_transaction() as stored,
        app.test_request_context(environ_base=client.environ_base),
    ):
        lang = stored.get("lang")
        if lang:
            session["lang"] = lang
        assert login_user(user), f"{user.display_name} cannot log in"
        start_session()
        stored.clear()
        stored.update(session)
    user_session = object_session(user)
    assert user_session is not None, "log in a user made in the test's session"
    record_login(user_session, user)


def log_in_with_form(client: FlaskClient, user: User) -> TestResponse:
    """Log in through the real flow: demo MitID for citizens, e-mail and password for staff."""
    token = csrf_token(client)
    if user.role is Role.CITIZEN:
        response = client.post(
            "/log-ind/demo-mitid", data={"csrf_token": token, "user_id": user.id}
        )
    else:
        response = client.post(
            "/log-ind/medarbejder",
            data={"csrf_token": token, "email": user.email, "password": TEST_PASSWORD},
        )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response


@pytest.fixture
def get_page(client: FlaskClient) -> Callable[..., BeautifulSoup]:
    """Fetch a URL, assert its status, and check it if it is a full page."""

    def get(url: str, status: int = 200, **kwargs: Any) -> BeautifulSoup:
        response = client.get(url, **kwargs)
        assert response.status_code == status, (response.status_code, url)
        if is_full_page(response):
            return check_full_page(response.get_data(as_text=True), url)
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")

    return get


@pytest.fixture
def login(client: FlaskClient) -> Callable[[User], None]:
    """Log the client in as a user (the session written directly, see log_in)."""
    return lambda user: log_in(client, user)


@pytest.fixture
def login_with_form(client: FlaskClient) -> Callable[[User], TestResponse]:
    """Log the client in through the log-in forms; returns the response."""
    return lambda user: log_in_with_form(client, user)


@pytest.fixture
def post_form(client: FlaskClient) -> Callable[..., TestResponse]:
    """POST form data with a valid CSRF token."""

    def post(
        url: str, data: dict[str, Any] | None = None, **kwargs: Any
    ) -> TestResponse:
        payload = {"csrf_token": csrf_token(client), **(data or {})}
        return client.post(url, data=payload, **kwargs)

    return post


def my_data_page(get_page: Callable[..., BeautifulSoup]) -> BeautifulSoup:
    """ "Mine data" with every category's data in place, as a reader without
    JavaScript gets it: the overview, then each category's own page (its link in the
    category), whose data is put where the link was."""
    page = get_page("/mine-data")
    for details in page.select("details.my-data-details"):
        holder = details.select_one(".details-text")
        link = holder.select_one("a[href^='/mine-data/kategori/']")
        own = get_page(link["href"])
        holder.clear()
        for node in list(own.select_one("#main-content .details-text").contents):
            holder.append(node)
    return page
