"""The authorization matrix's routes of the step guide, the situation and the wishes."""

from __future__ import annotations

from app.models import Role
from tests.route_cases import RouteCase


def onboarding_cases() -> list[RouteCase]:
    """The guide, the screening answers and the wishes page: each shows and
    changes only the logged-in citizen's own data (nothing in the URL names a citizen;
    removing a desired occupation by id is limited to one's own, tested in
    tests/onboarding/test_wishes.py)."""
    citizen = frozenset({Role.CITIZEN})
    cases = [RouteCase("onboarding.start", allowed=citizen)]
    for method in ("GET", "POST"):
        for step in (1, 5):
            cases.append(
                RouteCase(
                    "onboarding.step",
                    method=method,
                    allowed=citizen,
                    url=lambda world, n=step: f"/kom-i-gang/{n}",
                )
            )
        cases.append(RouteCase("onboarding.situation", method=method, allowed=citizen))
        cases.append(RouteCase("onboarding.wishes", method=method, allowed=citizen))
    return cases
