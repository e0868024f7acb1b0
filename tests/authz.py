"""The authorization matrix registry: every route, who may use it, and whose objects.

Each area lists its routes with objects in tests/<area>/authz_routes.py; the rest are
here. `test_authorization.py` checks every route for every role (and anonymous), and
that no route in the app is missing from this registry.
"""

from __future__ import annotations

from app.models import Role
from tests.casework.authz_routes import casework_cases
from tests.consent.authz_routes import consent_cases
from tests.cv.authz_routes import cv_cases
from tests.dialogue.authz_routes import dialogue_cases
from tests.employers.authz_routes import employers_cases
from tests.jobs.authz_routes import jobs_cases
from tests.jobsearch.authz_routes import jobsearch_cases
from tests.marketplace.authz_routes import marketplace_cases
from tests.onboarding.authz_routes import onboarding_cases
from tests.route_cases import RouteCase

ROUTES: list[RouteCase] = [
    RouteCase("portal.index"),
    RouteCase("portal.accessibility"),
    RouteCase("portal.about_data"),
    RouteCase("portal.privacy"),
    RouteCase("portal.favicon"),
    RouteCase("portal.healthz"),
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
    RouteCase("jobs.for_you", allowed=frozenset({Role.CITIZEN})),
    RouteCase("jobs.alternatives", allowed=frozenset({Role.CITIZEN})),
    RouteCase(
        "taxonomy.suggest_occupations",
        allowed=frozenset({Role.CITIZEN, Role.CASEWORKER}),
    ),
    RouteCase(
        "taxonomy.suggest_skills", allowed=frozenset({Role.CITIZEN, Role.CASEWORKER})
    ),
    *cv_cases(),
    *jobsearch_cases(),
    *jobs_cases(),
    *consent_cases(),
    *onboarding_cases(),
    *marketplace_cases(),
    RouteCase("casework.home", allowed=frozenset({Role.CASEWORKER})),
    RouteCase("casework.admin_home", allowed=frozenset({Role.ADMIN})),
    *casework_cases(),
    *dialogue_cases(),
    *employers_cases(),
    # Segmentation: Din vej shows only the citizen's own track (no id in
    # the URL); the model card is public; the fairness audit is for administrators.
    RouteCase("segmentation.my_track", allowed=frozenset({Role.CITIZEN})),
    RouteCase("segmentation.model_card"),
    RouteCase("segmentation.fairness_audit", allowed=frozenset({Role.ADMIN})),
    # Decision support's model card is public (its actions are with casework's routes).
    RouteCase("advisor.model_card"),
]
