"""The authorization matrix registry: every route, who may use it, and whose objects.

Each issue that adds a route adds it here. `test_authorization.py` checks every route for
every role (and anonymous), and that no route in the app is missing from this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.models import Role

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class World:
    """The people a matrix test acts as and acts on: two of each, in two municipalities."""

    users: dict[str, Any]
    citizens: dict[str, Any]


@dataclass(frozen=True)
class RouteCase:
    endpoint: str
    method: str = "GET"
    # None: public. Otherwise the roles that may use the route.
    allowed: frozenset[Role] | None = None
    # Builds the URL from the world (for routes with parameters); default: url_for(endpoint).
    url: Callable[[World], str] | None = None
    data: dict[str, Any] = field(default_factory=dict)
    # For routes about one citizen/provider's object: a URL to an object the acting user of
    # that role must NOT reach (another citizen, provider or municipality): 403 or 404.
    foreign: dict[Role, Callable[[World], str]] = field(default_factory=dict)


ROUTES: list[RouteCase] = [
    RouteCase("portal.index"),
    RouteCase("portal.accessibility"),
    RouteCase("portal.about_data"),
    RouteCase("portal.privacy"),
    RouteCase("portal.set_language", method="POST", data={"lang": "en", "next": "/"}),
    RouteCase("portal.dashboard", allowed=frozenset({Role.CITIZEN})),
    RouteCase("auth.login"),
    RouteCase("auth.staff_login"),
    RouteCase("auth.demo_mitid"),
    RouteCase("auth.mitid_start"),
    RouteCase("auth.mitid_callback"),
    RouteCase("auth.logout", method="POST"),
    RouteCase("consent.my_data", allowed=frozenset({Role.CITIZEN})),
    # Job matching: postings are public data, and each page shows only the logged-in
    # citizen's own matches (nothing in the URL names a citizen), so no `foreign`.
    RouteCase("portal.jobs", allowed=frozenset({Role.CITIZEN})),
    RouteCase(
        "portal.posting",
        allowed=frozenset({Role.CITIZEN}),
        url=lambda world: "/job/999999999",
    ),
    RouteCase("portal.alternatives", allowed=frozenset({Role.CITIZEN})),
    RouteCase(
        "portal.suggest_occupations",
        allowed=frozenset({Role.CITIZEN, Role.CASEWORKER}),
    ),
    RouteCase(
        "portal.suggest_skills", allowed=frozenset({Role.CITIZEN, Role.CASEWORKER})
    ),
    RouteCase("marketplace.provider_home", allowed=frozenset({Role.PROVIDER})),
    RouteCase("advisor.caseworker_home", allowed=frozenset({Role.CASEWORKER})),
    RouteCase("advisor.admin_home", allowed=frozenset({Role.ADMIN})),
]
