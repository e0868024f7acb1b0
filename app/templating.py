"""Template globals shared by every page: locale, navigation by role, form helpers."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_babel import format_decimal, get_locale, lazy_gettext
from flask_login import current_user
from wtforms import Form

from app.models import Role

LANGUAGE_CHOICES = (("da", "Dansk"), ("en", "English"))

ROLE_LABELS = {
    Role.CITIZEN: lazy_gettext("citizen"),
    Role.CASEWORKER: lazy_gettext("caseworker"),
    Role.PROVIDER: lazy_gettext("service provider"),
    Role.ADMIN: lazy_gettext("administrator"),
}

# Each role's navigation: (endpoint, label). Later issues add their pages here.
NAVIGATION: dict[Role, tuple[tuple[str, Any], ...]] = {
    Role.CITIZEN: (
        ("portal.dashboard", lazy_gettext("My page")),
        ("portal.cv", lazy_gettext("My CV")),
        ("portal.jobs", lazy_gettext("Jobs for you")),
        ("portal.alternatives", lazy_gettext("Other options")),
        ("portal.joblog", lazy_gettext("Job-search log")),
        ("portal.plan", lazy_gettext("My plan")),
        ("consent.my_data", lazy_gettext("My data")),
    ),
    Role.CASEWORKER: (
        ("advisor.caseworker_home", lazy_gettext("Caseworker start")),
        ("advisor.queue", lazy_gettext("Queue")),
        ("consent.staff_corrections", lazy_gettext("Corrections")),
    ),
    Role.PROVIDER: (("marketplace.provider_home", lazy_gettext("Provider start")),),
    Role.ADMIN: (
        ("advisor.admin_home", lazy_gettext("Administration")),
        ("advisor.override_rates", lazy_gettext("Overrides")),
        ("advisor.fairness_audit", lazy_gettext("Fairness")),
    ),
}

START_PAGES = {
    Role.CITIZEN: "portal.dashboard",
    Role.CASEWORKER: "advisor.caseworker_home",
    Role.PROVIDER: "marketplace.provider_home",
    Role.ADMIN: "advisor.admin_home",
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
