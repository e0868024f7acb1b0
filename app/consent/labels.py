"""Words of "Mine data": who acted (by role), and why a correction was refused; the
statuses of corrections in the caseworker's words.

Words for coded values of the shared domain are in app.labels."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.models import CorrectionStatus

ACTOR_ROLE_LABELS: dict[str, Any] = {
    "caseworker": _l("Caseworker at the job centre"),
    "provider": _l("Provider"),
    "admin": _l("Administrator"),
    "system": _l("The system"),
    "citizen": _l("You"),
}

CORRECTION_ERRORS: dict[str, Any] = {
    "empty": _l("Write the value you think is correct."),
    "choice": _l("Choose one of the values shown."),
    "boolean": _l("Write yes or no."),
    "date": _l("Enter a real date, for example 23.11.2026."),
    "number": _l("Write a whole number."),
    "postcode": _l("Write a postcode of four digits, for example 8000."),
    "length": _l("The value is too long for this field."),
    "reason": _l("Write why the value is wrong, so the job centre can check it."),
    "not correctable": _l("This data cannot be corrected by request."),
}


# The statuses as a caseworker reads them (app.labels has the citizen's: "by you").
STAFF_CORRECTION_STATUS_LABELS: dict[CorrectionStatus, Any] = {
    CorrectionStatus.PENDING: _l("Waiting for a decision"),
    CorrectionStatus.APPROVED: _l("Approved: the data is corrected"),
    CorrectionStatus.REJECTED: _l("Rejected"),
    CorrectionStatus.WITHDRAWN: _l("Withdrawn by the citizen"),
}
