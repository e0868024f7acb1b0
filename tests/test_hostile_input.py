"""Hostile input: a megabyte in any form field gets its answer at once, never a 500.

Every page of the authorization matrix is fetched as a role allowed to see it; every
form on it is sent back with its own values and one field (text, hidden, search) set to
a megabyte of text, one field at a time. The text policy (app.text_input) cuts what it
keeps before any search or normaliser sees it, so the answer comes in well under a
second and says what is wrong.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode, urljoin

import pytest
from bs4 import BeautifulSoup
from flask import Flask, url_for

from app.models import Role
from tests.authz import ROUTES
from tests.pages import log_in
from tests.route_cases import RouteCase, World

MEGABYTE = "a" * (1024 * 1024)
TEXT_TYPES = {"text", "search", "email", "tel", "url", "number", "date", "hidden"}
ACTING_ORDER = (Role.CITIZEN, Role.CASEWORKER, Role.ADMIN, Role.PROVIDER)


def _actor(case: RouteCase) -> Role | None:
    if case.allowed is None:
        return None
    return next(role for role in ACTING_ORDER if role in case.allowed)


def _pages() -> list[RouteCase]:
    seen: set[str] = set()
    pages = []
    for case in ROUTES:
        if case.method == "GET" and case.endpoint not in seen:
            seen.add(case.endpoint)
            pages.append(case)
    # The guide's middle steps (the matrix checks only its first and last).
    citizen = frozenset({Role.CITIZEN})
    for step in (2, 3, 4):
        pages.append(
            RouteCase(
                f"onboarding.step.{step}",
                allowed=citizen,
                url=lambda world, n=step: f"/kom-i-gang/{n}",
            )
        )
    return pages


def _values(form: Any) -> tuple[dict[str, str], list[str]]:
    """The values the browser would send, and the names of the fields to fill."""
    values: dict[str, str] = {}
    fillable: list[str] = []
    for control in form.find_all(["input", "textarea", "select"]):
        name = control.get("name")
        if not name:
            continue
        kind = control.get("type", "text") if control.name == "input" else control.name
        if kind in {"radio", "checkbox"}:
            if control.has_attr("checked") or name not in values:
                values[name] = control.get("value", "on")
        elif kind == "select":
            option = control.find("option", selected=True) or control.find("option")
            values[name] = option.get("value", "") if option else ""
        elif kind in {"submit", "button", "image", "reset", "file"}:
            continue
        else:
            values[name] = control.get("value", "") if kind != "textarea" else ""
            if name != "csrf_token" and (kind in TEXT_TYPES or kind == "textarea"):
                fillable.append(name)
    button = form.find("button", attrs={"name": True})
    if button is not None:
        values[button["name"]] = button.get("value", "")
    return values, fillable


@pytest.fixture
def world(make_citizen, make_caseworker, make_provider_user, make_admin) -> World:
    home = 101
    return World(
        users={
            Role.CITIZEN: make_citizen(home).user,
            Role.CASEWORKER: make_caseworker(home),
            Role.PROVIDER: make_provider_user(),
            Role.ADMIN: make_admin(home),
        },
        citizens={"same_municipality": make_citizen(home, first_name="Ali")},
    )


@pytest.mark.parametrize("case", _pages(), ids=lambda c: c.endpoint)
def test_a_megabyte_in_any_field_is_answered_at_once(
    app: Flask, client, world: World, taxonomy, case: RouteCase
) -> None:
    actor = _actor(case)
    if actor is not None:
        log_in(client, world.users[actor])
    if case.url is not None:
        url = case.url(world)
    else:
        with app.test_request_context():
            url = url_for(case.endpoint)
    page = client.get(url)
    if page.status_code != 200 or page.mimetype != "text/html":
        pytest.skip(f"{url} answers {page.status_code}")
    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    for form in soup.find_all("form"):
        method = (form.get("method") or "get").lower()
        action = urljoin(url, form.get("action") or url)
        values, fillable = _values(form)
        for name in fillable:
            data = {**values, name: MEGABYTE}
            started = time.perf_counter()
            if method == "post":
                response = client.post(action, data=data)
            else:
                separator = "&" if "?" in action else "?"
                response = client.get(action + separator + urlencode(data))
            seconds = time.perf_counter() - started
            where = f"{method.upper()} {action} [{name}]"
            assert response.status_code < 500, f"{where}: {response.status_code}"
            assert seconds < 1.0, f"{where}: {seconds:.1f} s"
