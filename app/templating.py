"""Template globals shared by every page: locale, navigation by role, form helpers."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_babel import format_decimal, get_locale, lazy_gettext
from flask_login import current_user
from wtforms import Form

from app.labels import ROLE_LABELS
from app.models import Role

LANGUAGE_CHOICES = (("da", "Dansk"), ("en", "English"))

# Each role's navigation: (endpoint, label).
NAVIGATION: dict[Role, tuple[tuple[str, Any], ...]] = {
    Role.CITIZEN: (
        ("portal.dashboard", lazy_gettext("My page")),
        ("cv.overview", lazy_gettext("My CV")),
        ("jobs.for_you", lazy_gettext("Jobs for you")),
        ("jobs.search_jobs", lazy_gettext("Find a job")),
        ("jobs.alternatives", lazy_gettext("Other options")),
        ("jobsearch.joblog", lazy_gettext("Job-search log")),
        ("jobsearch.plan", lazy_gettext("My plan")),
        ("marketplace.catalogue", lazy_gettext("Services")),
        ("consent.my_data", lazy_gettext("My data")),
    ),
    Role.CASEWORKER: (
        ("casework.home", lazy_gettext("Caseworker start")),
        ("casework.queue", lazy_gettext("Queue")),
        ("consent.staff_corrections", lazy_gettext("Corrections")),
        ("marketplace.service_requests", lazy_gettext("Requests for services")),
    ),
    Role.PROVIDER: (
        ("marketplace.provider_home", lazy_gettext("Provider start")),
        ("marketplace.participants", lazy_gettext("Your participants")),
    ),
    Role.EMPLOYER: (("employers.home", lazy_gettext("Company start")),),
    Role.ADMIN: (
        ("casework.admin_home", lazy_gettext("Administration")),
        ("employers.admin_queue", lazy_gettext("Companies")),
        ("casework.override_rates", lazy_gettext("Overrides")),
        ("segmentation.fairness_audit", lazy_gettext("Fairness")),
        ("marketplace.admin_providers", lazy_gettext("Providers and services")),
    ),
}

START_PAGES = {
    Role.CITIZEN: "portal.dashboard",
    Role.CASEWORKER: "casework.home",
    Role.PROVIDER: "marketplace.provider_home",
    Role.ADMIN: "casework.admin_home",
    Role.EMPLOYER: "employers.home",
}


def navigation_for(user: Any) -> tuple[tuple[str, Any], ...]:
    if not user.is_authenticated:
        return ()
    return NAVIGATION.get(user.role, ())


def role_label(role: Role) -> Any:
    return ROLE_LABELS[role]


def form_errors(form: Form) -> list[tuple[str, str]]:
    """(field id, first message) for each field with errors, in the form's order."""
    found = []
    for field in form:
        if field.errors:
            found.append((field.id, str(field.errors[0])))
    return found


def init_app(app: Flask) -> None:
    app.jinja_env.filters["form_errors"] = form_errors
    app.jinja_env.filters["format_number"] = format_decimal

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {
            "current_locale": str(get_locale() or "da"),
            "language_choices": LANGUAGE_CHOICES,
            "navigation_for": navigation_for,
            "role_label": role_label,
            "current_user": current_user,
        }
