"""Every form the authorization matrix reaches: the pages, who may open them, the values
a browser would send back, and the fields a person can type into."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from flask import Flask, url_for
from flask.testing import FlaskClient

from app.models import Role
from tests.authz import ROUTES
from tests.pages import log_in
from tests.route_cases import RouteCase, World

TEXT_TYPES = {"text", "search", "email", "tel", "url", "number", "date", "hidden"}
ACTING_ORDER = (Role.CITIZEN, Role.CASEWORKER, Role.ADMIN, Role.PROVIDER, Role.EMPLOYER)


def actor_for(case: RouteCase) -> Role | None:
    if case.allowed is None:
        return None
    return next(role for role in ACTING_ORDER if role in case.allowed)


def form_pages() -> list[RouteCase]:
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


def form_values(form: Any) -> tuple[dict[str, str], list[str]]:
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
def form_world(
    make_citizen, make_caseworker, make_provider_user, make_admin, make_employer_user
) -> World:
    home = 101
    return World(
        users={
            Role.CITIZEN: make_citizen(home).user,
            Role.CASEWORKER: make_caseworker(home),
            Role.PROVIDER: make_provider_user(),
            Role.ADMIN: make_admin(home),
            Role.EMPLOYER: make_employer_user(),
            "other_provider": make_provider_user(),
        },
        citizens={
            "same_municipality": make_citizen(home, first_name="Ali"),
            "other_municipality": make_citizen(751, first_name="Lone"),
        },
    )


def page_url(app: Flask, case: RouteCase, world: World) -> str:
    """The URL of a matrix page in the world (its builder, or the endpoint's own)."""
    if case.url is not None:
        return case.url(world)
    with app.test_request_context():
        return url_for(case.endpoint)


def forms_on(
    app: Flask, client: FlaskClient, world: World, case: RouteCase
) -> Iterator[tuple[str, str, dict[str, str], list[str]]]:
    """Log in as a role allowed on the page, open it, and yield each form on it:
    (method, action, the values it sends, the fields to type into). Skips a page that
    does not open for that role's test world."""
    actor = actor_for(case)
    if actor is not None:
        log_in(client, world.users[actor])
    url = page_url(app, case, world)
    page = client.get(url)
    if page.status_code != 200 or page.mimetype != "text/html":
        pytest.skip(f"{url} answers {page.status_code}")
    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    for form in soup.find_all("form"):
        method = (form.get("method") or "get").lower()
        values, fillable = form_values(form)
        yield method, urljoin(url, form.get("action") or url), values, fillable
