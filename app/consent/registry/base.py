"""The registry's vocabulary: categories, sources, purposes and the PersonalField entry.

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
    SCREENING = "screening"
    NEEDS = "needs"
    PLAN = "plan"
    SERVICES = "services"
    TRACK = "track"
    CONSENT = "consent"
    FAIRNESS = "fairness"
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
    Category.SCREENING: _l("Your answers about your situation"),
    Category.TRACK: _l("Your track and how it was decided"),
    Category.PLAN: _l("Your plan"),
    Category.SERVICES: _l("Services you have chosen"),
    Category.CV: _l("Your CV and competences"),
    Category.JOB_PREFERENCES: _l("Your job preferences"),
    Category.NEEDS: _l("Your needs"),
    Category.JOB_SEARCH: _l("Your job search"),
    Category.CONSENT: _l("Your consents and objections"),
    Category.FAIRNESS: _l("Used only to check that groups are treated fairly"),
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
