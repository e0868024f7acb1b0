"""Words for stored values: roles, statuses, and the access log's what and why."""

from __future__ import annotations

import enum
import functools
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

STATUS_LABELS: dict[CorrectionStatus, Any] = {
    CorrectionStatus.PENDING: _l("Waiting for a decision"),
    CorrectionStatus.APPROVED: _l("Approved: the data is corrected"),
    CorrectionStatus.REJECTED: _l("Rejected"),
    CorrectionStatus.WITHDRAWN: _l("Withdrawn by you"),
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

# What was looked at and why, as the services record them (English, stable), in words.
KNOWN_TEXTS: dict[str, Any] = {
    "correction request": _l("Your request to correct data"),
    "correction requests (list)": _l("The list of requests to correct data"),
    "deciding a request to correct data": _l(
        "Deciding on your request to correct data"
    ),
    "deciding requests to correct data": _l("Deciding on requests to correct data"),
    "case view: contact data, track, screening, CV, job search, plan": _l(
        "Your case: contact details, track, answers, CV, job search and plan"
    ),
    "case work: assessing and agreeing the help the citizen needs": _l(
        "Case work: assessing and agreeing the help you need"
    ),
    "queue: name, why flagged, waiting time, language": _l(
        "The job centre's queue: your name, why you were flagged, how long you have "
        "waited and your language"
    ),
    "allocating cases: choosing whom to help next": _l(
        "Allocating cases: choosing whom to help next"
    ),
    "enrolment details": _l("What you are enrolled in"),
    "running the course the citizen is enrolled in": _l(
        "Running the course you are enrolled in"
    ),
}


def known_text(value: str) -> str:
    """The stored text in the reader's language when we know it, else as stored."""
    known = KNOWN_TEXTS.get(value)
    return str(known) if known is not None else value


@functools.cache
def _labels_by_enum() -> dict[type, dict[Any, Any]]:
    """Words for stored coded values, by enum class, from the areas that define them."""
    from app.consent.forms import PURPOSE_TITLES
    from app.models import ConsentPurpose

    found: dict[type, dict[Any, Any]] = {
        ConsentPurpose: PURPOSE_TITLES,
        CorrectionStatus: STATUS_LABELS,
    }
    # Other areas' label sets, when they are there (each keyed by its enum).
    try:
        from app.portal import jobsearch_forms

        for labels in (
            jobsearch_forms.KIND_LABELS,
            jobsearch_forms.STATUS_LABELS,
            jobsearch_forms.PLAN_KIND_LABELS,
            jobsearch_forms.CHANNEL_LABELS,
        ):
            found[type(next(iter(labels)))] = labels
    except (ImportError, AttributeError, StopIteration):
        pass
    try:
        from app.advisor import forms as advisor_forms
        from app.models import OverrideReason, RouteReason, Track

        found[Track] = advisor_forms.TRACK_LABELS
        found[RouteReason] = advisor_forms.QUEUE_REASON_LABELS
        found[OverrideReason] = advisor_forms.OVERRIDE_REASON_LABELS
    except (ImportError, AttributeError):
        pass
    return found


def enum_label(value: enum.Enum) -> Any:
    """Words for a stored coded value, or None when no area has words for it."""
    labels = _labels_by_enum().get(type(value))
    if labels is None:
        return None
    return labels.get(value) or labels.get(value.value)
