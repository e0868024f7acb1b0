"""The registry of personal data: every column that holds data about a citizen, once.

Each entry says what a field is (label and category), where it comes from, what it is
used for, on what legal basis, and how long it is kept. "Mine data" and the exports are
generated from this registry, and tests/consent/test_registry.py fails when a table
linked to a citizen gains a column that is not declared here. Technical columns (keys,
markers) are declared too, with the reason they are not shown, so nothing is forgotten.

The entries of the core tables are here; each area's tables are declared in a module
of this package (profile, cv, jobsearch, consent, cases, advice), and REGISTRY joins
them.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry import advice as registry_advice
from app.consent.registry import cases as registry_cases
from app.consent.registry import consent as registry_consent
from app.consent.registry import cv as registry_cv
from app.consent.registry import dialogue as registry_dialogue
from app.consent.registry import employers as registry_employers
from app.consent.registry import jobsearch as registry_jobsearch
from app.consent.registry import marketplace as registry_marketplace
from app.consent.registry import profile as registry_profile
from app.consent.registry.base import (  # noqa: F401 - the registry's public vocabulary
    AVAILABILITY,
    CATEGORY_LABELS,
    FIVE_YEARS,
    HELP,
    HELP_AND_CONTROL,
    HELP_AND_STATISTICS,
    LAB,
    LOG,
    LOGGING,
    LOGIN,
    PURPOSE_LABELS,
    SOURCE_LABELS,
    WHILE_ACCOUNT,
    WHILE_REGISTERED,
    Category,
    PersonalField,
    Purpose,
    Source,
    _account,
    _citizen,
    _cv,
    _log,
    _technical,
)

CORE_TABLES: dict[str, Any] = {
    "citizen": _l("Your personal details"),
    "user_account": _l("Your account"),
    "citizen_skill": _l("Your competences"),
    "citizen_occupation": _l("Occupations you have worked in or want"),
    "job_preferences": _l("Your job preferences and needs"),
    "access_log": _l("Times your data was looked at"),
    "change_record": _l("Changes to your data"),
}

CORE: tuple[PersonalField, ...] = (
    # citizen
    _technical("citizen", "id", "primary key"),
    _technical("citizen", "user_id", "links to the account, shown under Your account"),
    _technical("citizen", "synthetic", "marks demo people; not data about a person"),
    _citizen("first_name", _l("First name"), Category.IDENTITY),
    _citizen("last_name", _l("Last name"), Category.IDENTITY),
    _citizen(
        "birth_date",
        _l("Date of birth"),
        Category.IDENTITY,
        purposes=HELP_AND_STATISTICS,
    ),
    _citizen("street", _l("Street address"), Category.ADDRESS),
    _citizen("postcode", _l("Postcode"), Category.ADDRESS),
    _citizen("city", _l("Town"), Category.ADDRESS),
    _citizen("phone", _l("Phone"), Category.CONTACT, source=Source.SELF_DECLARED),
    _citizen("email", _l("E-mail"), Category.CONTACT, source=Source.SELF_DECLARED),
    _citizen(
        "municipality_id",
        _l("Your job centre"),
        Category.CASE,
        purposes=HELP_AND_CONTROL,
        legal_basis=AVAILABILITY,
    ),
    _citizen(
        "unemployed_since",
        _l("Unemployed since"),
        Category.CASE,
        purposes=frozenset(
            {Purpose.HELP, Purpose.AVAILABILITY_CONTROL, Purpose.STATISTICS}
        ),
        legal_basis=AVAILABILITY,
    ),
    # user_account: the citizen's own login
    _technical("user_account", "id", "primary key"),
    _technical("user_account", "role", "always 'citizen' on a citizen's account"),
    _technical(
        "user_account", "password_hash", "staff only; citizens log in with MitID"
    ),
    _technical("user_account", "provider_id", "staff of providers only"),
    _technical(
        "user_account",
        "session_version",
        "a counter raised at each log-out, so old sessions end",
    ),
    _technical(
        "user_account",
        "municipality_id",
        "a copy of the citizen's job centre, shown under Your case",
    ),
    _technical(
        "user_account", "display_name", "a copy of the name, shown under Who you are"
    ),
    _account(
        "email",
        _l("E-mail for logging in"),
        source=Source.SELF_DECLARED,
    ),
    _account("mitid_subject", _l("MitID identifier"), source=Source.REGISTER),
    _account("active", _l("Account active")),
    _account("locale", _l("Language"), source=Source.SELF_DECLARED, purposes=HELP),
    _account("created_at", _l("Account created")),
    _account("last_login_at", _l("Last logged in")),
    # citizen_skill
    _technical("citizen_skill", "id", "primary key"),
    _technical("citizen_skill", "citizen_id", "links the row to you"),
    _cv("citizen_skill", "skill_id", _l("Competence")),
    # citizen_occupation
    _technical("citizen_occupation", "id", "primary key"),
    _technical("citizen_occupation", "citizen_id", "links the row to you"),
    _cv("citizen_occupation", "occupation_id", _l("Occupation")),
    _cv("citizen_occupation", "link", _l("Experience or wish")),
    _cv("citizen_occupation", "title_as_written", _l("Job title as you wrote it")),
    _cv("citizen_occupation", "years", _l("Years of experience")),
    # job_preferences
    _technical("job_preferences", "id", "primary key"),
    _technical("job_preferences", "citizen_id", "links the row to you"),
    _cv(
        "job_preferences",
        "max_distance_km",
        _l("How far you will travel"),
        category=Category.JOB_PREFERENCES,
        purposes=HELP_AND_CONTROL,
        legal_basis=AVAILABILITY,
    ),
    _cv(
        "job_preferences",
        "hours",
        _l("Working hours"),
        category=Category.JOB_PREFERENCES,
        purposes=HELP_AND_CONTROL,
        legal_basis=AVAILABILITY,
    ),
    _cv(
        "job_preferences",
        "open_to_other_industries",
        _l("Open to other industries"),
        category=Category.JOB_PREFERENCES,
        purposes=HELP,
    ),
    # access_log: each read of your data by staff or a provider
    _technical("access_log", "id", "primary key"),
    _technical("access_log", "citizen_id", "links the row to you"),
    _technical(
        "access_log", "actor_user_id", "the member of staff; names are withheld"
    ),
    _log("access_log", "at", _l("When"), Category.ACCESS_LOG),
    _log("access_log", "actor_role", _l("Role"), Category.ACCESS_LOG),
    _log("access_log", "organisation", _l("Organisation"), Category.ACCESS_LOG),
    _log("access_log", "what", _l("What was looked at"), Category.ACCESS_LOG),
    _log("access_log", "purpose", _l("Why"), Category.ACCESS_LOG),
    # change_record: every change to your data, with old and new value
    _technical("change_record", "id", "primary key"),
    _technical("change_record", "citizen_id", "links the row to you"),
    _technical("change_record", "row_id", "which row changed"),
    _technical(
        "change_record", "actor_user_id", "the member of staff; names are withheld"
    ),
    _log("change_record", "at", _l("When"), Category.CHANGE_HISTORY),
    _log("change_record", "table_name", _l("Kind of data"), Category.CHANGE_HISTORY),
    _log("change_record", "field", _l("Field"), Category.CHANGE_HISTORY),
    _log("change_record", "old_value", _l("Old value"), Category.CHANGE_HISTORY),
    _log("change_record", "new_value", _l("New value"), Category.CHANGE_HISTORY),
    _log("change_record", "actor_role", _l("Changed by"), Category.CHANGE_HISTORY),
    _log("change_record", "reason", _l("Reason"), Category.CHANGE_HISTORY),
)

REGISTRY: tuple[PersonalField, ...] = (
    *CORE,
    *registry_profile.FIELDS,
    *registry_cv.FIELDS,
    *registry_jobsearch.FIELDS,
    *registry_marketplace.FIELDS,
    *registry_consent.FIELDS,
    *registry_cases.FIELDS,
    *registry_dialogue.FIELDS,
    *registry_employers.FIELDS,
    *registry_advice.FIELDS,
)

# Each table's name, as the citizen reads it (exports, the change history).
TABLE_LABELS: dict[str, Any] = {
    **CORE_TABLES,
    **registry_profile.TABLES,
    **registry_cv.TABLES,
    **registry_jobsearch.TABLES,
    **registry_marketplace.TABLES,
    **registry_consent.TABLES,
    **registry_cases.TABLES,
    **registry_dialogue.TABLES,
    **registry_employers.TABLES,
    **registry_advice.TABLES,
}

BY_COLUMN: dict[tuple[str, str], PersonalField] = {
    (entry.table, entry.column): entry for entry in REGISTRY
}


def entry_for(table: str, column: str) -> PersonalField:
    """The registry entry of one column (KeyError when it is not declared)."""
    return BY_COLUMN[(table, column)]


def shown_fields(table: str) -> list[PersonalField]:
    """The non-technical fields of a table, in declaration order."""
    return [e for e in REGISTRY if e.table == table and not e.technical]
