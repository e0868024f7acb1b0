"""The registry of personal data: every column that holds data about a citizen, once.

Each entry says what a field is (label and category), where it comes from, what it is
used for, on what legal basis, and how long it is kept. "Mine data" and the exports are
generated from this registry, and tests/consent/test_registry.py fails when a table
linked to a citizen gains a column that is not declared here. Technical columns (keys,
markers) are declared too, with the reason they are not shown, so nothing is forgotten.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l


class Category(enum.StrEnum):
    IDENTITY = "identity"
    CONTACT = "contact"
    ADDRESS = "address"
    CV = "cv"
    JOB_PREFERENCES = "job_preferences"
    JOB_SEARCH = "job_search"
    CASE = "case"
    ACCOUNT = "account"
    ACCESS_LOG = "access_log"
    CHANGE_HISTORY = "change_history"


class Source(enum.StrEnum):
    SELF_DECLARED = "self"
    REGISTER = "register"
    CASEWORKER = "caseworker"
    ALGORITHM = "algorithm"
    SYSTEM = "system"


class Purpose(enum.StrEnum):
    HELP = "help"
    AVAILABILITY_CONTROL = "control"
    STATISTICS = "statistics"
    MODEL_TRAINING = "training"
    # The access log and the change history: security, and your right to insight.
    ACCOUNTABILITY = "accountability"


# The order of the sections on "Mine data", with their headings.
CATEGORY_LABELS: dict[Category, Any] = {
    Category.IDENTITY: _l("Who you are"),
    Category.CONTACT: _l("How we contact you"),
    Category.ADDRESS: _l("Where you live"),
    Category.CASE: _l("Your case at the job centre"),
    Category.CV: _l("Your CV and competences"),
    Category.JOB_PREFERENCES: _l("Your job preferences"),
    Category.JOB_SEARCH: _l("Your job search"),
    Category.ACCOUNT: _l("Your account"),
    Category.ACCESS_LOG: _l("Who has looked at your data"),
    Category.CHANGE_HISTORY: _l("History of changes"),
}

SOURCE_LABELS: dict[Source, Any] = {
    Source.SELF_DECLARED: _l("You told us"),
    Source.REGISTER: _l("From a public register"),
    Source.CASEWORKER: _l("From your caseworker"),
    Source.ALGORITHM: _l("Computed by an algorithm"),
    Source.SYSTEM: _l("Recorded by the system"),
}

PURPOSE_LABELS: dict[Purpose, Any] = {
    Purpose.HELP: _l("Helping you find work"),
    Purpose.AVAILABILITY_CONTROL: _l("Checking your availability for work"),
    Purpose.STATISTICS: _l("Statistics"),
    Purpose.MODEL_TRAINING: _l("Training models"),
    Purpose.ACCOUNTABILITY: _l("Security and your right to insight"),
}

# Legal bases and retention periods, shared by many fields.
LAB = _l(
    "Act on an active employment effort (lov om en aktiv beskæftigelsesindsats); "
    "GDPR art. 6(1)(e)"
)
AVAILABILITY = _l(
    "Rules on availability in the Act on an active employment effort and the "
    "Unemployment Insurance Act; GDPR art. 6(1)(e)"
)
LOGIN = _l("GDPR art. 6(1)(e): running a secure login with MitID")
LOGGING = _l("GDPR art. 5(2) and 32: logging of access and changes")

WHILE_REGISTERED = _l(
    "While you are registered with the job centre, and 5 years after your last contact"
)
WHILE_ACCOUNT = _l("As long as you have an account")
FIVE_YEARS = _l("5 years from when it was recorded")

HELP = frozenset({Purpose.HELP})
HELP_AND_STATISTICS = frozenset({Purpose.HELP, Purpose.STATISTICS})
HELP_AND_CONTROL = frozenset({Purpose.HELP, Purpose.AVAILABILITY_CONTROL})
LOG = frozenset({Purpose.ACCOUNTABILITY})


@dataclass(frozen=True)
class PersonalField:
    """One column holding data about a citizen, or a technical column and why."""

    table: str
    column: str
    label: Any = None
    category: Category | None = None
    source: Source = Source.SYSTEM
    purposes: frozenset[Purpose] = field(default_factory=frozenset)
    legal_basis: Any = None
    retention: Any = None
    technical: bool = False
    reason: str = ""

    @property
    def is_control(self) -> bool:
        return Purpose.AVAILABILITY_CONTROL in self.purposes


def _technical(table: str, column: str, reason: str) -> PersonalField:
    return PersonalField(table, column, technical=True, reason=reason)


def _citizen(column: str, label: Any, category: Category, **kw: Any) -> PersonalField:
    values: dict[str, Any] = {
        "source": Source.REGISTER,
        "purposes": HELP,
        "legal_basis": LAB,
        "retention": WHILE_REGISTERED,
    }
    values.update(kw)
    return PersonalField("citizen", column, label, category, **values)


def _account(column: str, label: Any, **kw: Any) -> PersonalField:
    values: dict[str, Any] = {
        "source": Source.SYSTEM,
        "purposes": frozenset({Purpose.ACCOUNTABILITY}),
        "legal_basis": LOGIN,
        "retention": WHILE_ACCOUNT,
    }
    values.update(kw)
    return PersonalField("user_account", column, label, Category.ACCOUNT, **values)


def _cv(
    table: str,
    column: str,
    label: Any,
    category: Category = Category.CV,
    **kw: Any,
) -> PersonalField:
    values: dict[str, Any] = {
        "source": Source.SELF_DECLARED,
        "purposes": HELP_AND_STATISTICS,
        "legal_basis": LAB,
        "retention": WHILE_REGISTERED,
    }
    values.update(kw)
    return PersonalField(table, column, label, category, **values)


def _log(table: str, column: str, label: Any, category: Category) -> PersonalField:
    return PersonalField(
        table,
        column,
        label,
        category,
        source=Source.SYSTEM,
        purposes=LOG,
        legal_basis=LOGGING,
        retention=FIVE_YEARS,
    )


REGISTRY: tuple[PersonalField, ...] = (
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

BY_COLUMN: dict[tuple[str, str], PersonalField] = {
    (entry.table, entry.column): entry for entry in REGISTRY
}


def entry_for(table: str, column: str) -> PersonalField:
    """The registry entry of one column (KeyError when it is not declared)."""
    return BY_COLUMN[(table, column)]


def shown_fields(table: str) -> list[PersonalField]:
    """The non-technical fields of a table, in declaration order."""
    return [e for e in REGISTRY if e.table == table and not e.technical]
