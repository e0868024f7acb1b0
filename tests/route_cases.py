"""The authorization matrix's vocabulary: a route case, and the world it acts in."""

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
