"""Registry entries for companies' invitations and the citizen's blocks of companies.

Tables: employer_invitation, employer_block.

Used only to bring the citizen and a company together, with the citizen's consent to
share their CV. A no is never control data: the job centre does not see it.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry.base import (
    HELP,
    WHILE_REGISTERED,
    Category,
    PersonalField,
    Source,
    _technical,
)

CONSENT_BASIS = _l("Your consent to share your CV with employers; GDPR art. 6(1)(a)")


def _invitation(column: str, label: Any, source: Source = Source.SYSTEM) -> Any:
    return PersonalField(
        "employer_invitation",
        column,
        label,
        Category.JOB_SEARCH,
        source=source,
        purposes=HELP,
        legal_basis=CONSENT_BASIS,
        retention=WHILE_REGISTERED,
    )


TABLES: dict[str, Any] = {
    "employer_invitation": _l("Companies that want to meet you"),
    "employer_block": _l("Companies you have blocked"),
}

FIELDS: tuple[PersonalField, ...] = (
    _technical("employer_invitation", "id", "primary key"),
    _technical("employer_invitation", "citizen_id", "links the row to you"),
    _technical(
        "employer_invitation",
        "employer_id",
        "the company, named on Companies that want to meet you",
    ),
    _technical(
        "employer_invitation",
        "offer_id",
        "the company's offer, shown on Companies that want to meet you",
    ),
    _technical(
        "employer_invitation",
        "sent_by_user_id",
        "the company's employee; names are withheld",
    ),
    _invitation("kind", _l("What the company invited you to")),
    _invitation("message", _l("The company's message to you")),
    _invitation("sent_at", _l("When the company contacted you")),
    _invitation("expires_at", _l("When the invitation expires")),
    _invitation("state", _l("Your answer"), Source.SELF_DECLARED),
    _invitation("answered_at", _l("When you answered"), Source.SELF_DECLARED),
    _invitation(
        "chosen_window", _l("The time you chose for the meeting"), Source.SELF_DECLARED
    ),
    _invitation(
        "share_phone", _l("You shared your phone number"), Source.SELF_DECLARED
    ),
    _invitation("share_email", _l("You shared your e-mail"), Source.SELF_DECLARED),
    _technical("employer_block", "id", "primary key"),
    _technical("employer_block", "citizen_id", "links the row to you"),
    _technical(
        "employer_block",
        "employer_id",
        "the company, named on Companies that want to meet you",
    ),
    PersonalField(
        "employer_block",
        "blocked_at",
        _l("When you blocked a company"),
        Category.JOB_SEARCH,
        source=Source.SELF_DECLARED,
        purposes=HELP,
        legal_basis=CONSENT_BASIS,
        retention=WHILE_REGISTERED,
    ),
)
