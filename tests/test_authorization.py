"""The authorization matrix: each route x each role x someone else's object.

Every page it is answered with passes the page check (tests/pages.py: check_response).
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask, url_for

from app.models import Role
from tests.authz import ROUTES
from tests.pages import check_response, csrf_token, log_in
from tests.route_cases import RouteCase, World

ACTORS: list[Role | None] = [None, *Role]


@pytest.fixture
def world(
    make_citizen, make_caseworker, make_provider_user, make_admin, make_employer_user
) -> World:
    home, other = 101, 751
    return World(
        users={
            Role.CITIZEN: make_citizen(home).user,
            Role.CASEWORKER: make_caseworker(home),
            Role.PROVIDER: make_provider_user(),
            Role.ADMIN: make_admin(home),
            "other_caseworker": make_caseworker(other),
            "other_provider": make_provider_user(),
            Role.EMPLOYER: make_employer_user(),
            "other_employer": make_employer_user(),
        },
        citizens={
            "same_municipality": make_citizen(
                home, first_name="Ali", last_name="Hassan"
            ),
            "other_municipality": make_citizen(
                other, first_name="Lone", last_name="Berg"
            ),
        },
    )


def _url(app: Flask, case: RouteCase, world: World) -> str:
    if case.url is not None:
        return case.url(world)
    with app.test_request_context():
        return url_for(case.endpoint)


def _request(client: Any, case: RouteCase, url: str) -> Any:
    if case.method == "GET":
        return client.get(url)
    return client.post(url, data={"csrf_token": csrf_token(client), **case.data})


def test_every_route_is_in_the_matrix(app: Flask) -> None:
    registered = {case.endpoint for case in ROUTES}
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints - registered == set(), "add these routes to tests/authz.py"
    assert registered - endpoints == set(), "these registry entries name no route"


@pytest.mark.parametrize("case", ROUTES, ids=lambda c: f"{c.method} {c.endpoint}")
@pytest.mark.parametrize("actor", ACTORS, ids=lambda r: r.value if r else "anonymous")
def test_route_by_role(app, client, world: World, case: RouteCase, actor) -> None:
    if actor is not None:
        log_in(client, world.users[actor])
    url = _url(app, case, world)
    response = _request(client, case, url)
    if case.allowed is None or (actor is not None and actor in case.allowed):
        # Public or allowed: never refused (a disabled feature may still answer 404;
        # /healthz answers 503 while this process has no match index).
        ready = {503} if case.endpoint == "portal.healthz" else set()
        assert response.status_code in {200, 302, 404} | ready, response.status_code
        if response.status_code == 302:
            assert "/log-ind?next" not in response.headers["Location"]
    elif actor is None:
        assert response.status_code == 302
        assert "/log-ind" in response.headers["Location"]
    else:
        assert response.status_code == 403
    check_response(response, f"{case.method} {url} as {actor or 'anonymous'}")


@pytest.mark.parametrize(
    "case", [c for c in ROUTES if c.foreign], ids=lambda c: f"{c.method} {c.endpoint}"
)
def test_someone_elses_object(client, world: World, case: RouteCase) -> None:
    for role, build in case.foreign.items():
        client.post("/log-ud", data={"csrf_token": csrf_token(client)})
        log_in(client, world.users[role])
        url = build(world)
        response = _request(client, case, url)
        assert response.status_code in {403, 404}, (role, response.status_code)
        check_response(response, f"{case.method} {url} as {role}")
