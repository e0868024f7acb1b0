"""Registry entries for onboarding, screening, preferences and needs.

Tables: contact_preferences, onboarding, screening_answers, citizen_industry and the
new job_preferences columns.

The screening answers are the citizen's own view of their situation. They are used to
help (to offer self-service or a caseworker, and to plan support) and, with names
removed, for statistics on whom the job centre reaches: the same purposes as the CV.
They are never used to check availability for work.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry.base import (
    HELP,
    HELP_AND_STATISTICS,
    LAB,
    WHILE_REGISTERED,
    Category,
    PersonalField,
    Source,
    _cv,
    _technical,
)


def _screening(column: str, label: Any) -> PersonalField:
    return PersonalField(
        "screening_answers",
        column,
        label,
        Category.SCREENING,
        source=Source.SELF_DECLARED,
        purposes=HELP_AND_STATISTICS,
        legal_basis=LAB,
        retention=WHILE_REGISTERED,
    )


def _need(column: str, label: Any) -> PersonalField:
    return _cv("job_preferences", column, label, Category.NEEDS, purposes=HELP)


def _wish(column: str, label: Any) -> PersonalField:
    return _cv(
        "job_preferences", column, label, Category.JOB_PREFERENCES, purposes=HELP
    )


TABLES: dict[str, Any] = {
    "contact_preferences": _l("How you want to be contacted"),
    "onboarding": _l("The guide for getting started"),
    "screening_answers": _l("Your answers about your situation"),
    "citizen_industry": _l("Industries you want to work in"),
}

FIELDS: tuple[PersonalField, ...] = (
    # contact_preferences
    _technical("contact_preferences", "id", "primary key"),
    _technical("contact_preferences", "citizen_id", "links the row to you"),
    _cv(
        "contact_preferences",
        "channel",
        _l("How you prefer to be contacted"),
        Category.CONTACT,
        purposes=HELP,
    ),
    _cv(
        "contact_preferences",
        "language",
        _l("The language you want us to use"),
        Category.CONTACT,
        purposes=HELP,
    ),
    _cv(
        "contact_preferences",
        "interpreter",
        _l("Whether you need an interpreter"),
        Category.CONTACT,
        purposes=HELP,
    ),
    # onboarding
    _technical("onboarding", "id", "primary key"),
    _technical("onboarding", "citizen_id", "links the row to you"),
    _technical(
        "onboarding", "current_step", "where the step guide resumes; no data about you"
    ),
    _technical("onboarding", "started_at", "when the step guide was begun"),
    _technical("onboarding", "completed_at", "when the step guide was finished"),
    # screening_answers
    _technical("screening_answers", "id", "primary key"),
    _technical("screening_answers", "citizen_id", "links the row to you"),
    _screening("answered_at", _l("When you answered the questions")),
    _screening("expected_time_to_job", _l("How soon you expect to find work")),
    _screening("health_limits", _l("Whether your health limits the work you can do")),
    _screening("danish_level", _l("How well you speak and write Danish")),
    _screening("english_level", _l("How well you speak and write English")),
    _screening("childcare_limits", _l("Whether childcare limits when you can work")),
    _screening("transport", _l("How you get to work")),
    _screening("it_confidence", _l("How confident you are with computers and phones")),
    _screening("search_confidence", _l("How confident you are at looking for work")),
    _screening("wants_support", _l("Whether you want support from a person")),
    _screening("needs_in_own_words", _l("What you need, in your own words")),
    # citizen_industry
    _technical("citizen_industry", "id", "primary key"),
    _technical("citizen_industry", "citizen_id", "links the row to you"),
    _cv(
        "citizen_industry",
        "industry",
        _l("Industries you want to work in"),
        Category.JOB_PREFERENCES,
        purposes=HELP,
    ),
    # job_preferences: the columns added for wishes and needs
    _wish("earliest_start", _l("When you can start at the earliest")),
    _wish("remote_work", _l("Whether you want to work from home")),
    _wish("interests", _l("Your interests")),
    _need("reduced_hours", _l("Whether you need reduced hours")),
    _need("flexjob", _l("Whether you need a flexjob")),
    _need("accessibility_needs", _l("Your needs for accessibility at work")),
)
