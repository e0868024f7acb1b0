"""Results, shares and intake in words, for the pages and the CSV export alike."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.i18n import format_stored, format_when
from app.labels import (
    OFFERING_FORMAT_LABELS,
    OFFERING_KIND_LABELS,
    OFFERING_STATE_LABELS,
    PAYMENT_LABELS,
    PROVIDER_STATE_LABELS,
)
from app.ml.provider_rating import percentage_points
from app.models import ChangeRecord, ServiceResult


def share(value: float | None) -> str:
    """A fraction as whole per cent ("34 %")."""
    if value is None:
        return _("Not known")
    return _("%(num)s %%", num=percentage_points(value))


def points(value: float) -> str:
    """A difference in percentage points with its sign ("+4", "−3", "0")."""
    whole = percentage_points(value)
    if whole > 0:
        return f"+{whole}"
    if whole < 0:
        return f"\u2212{-whole}"
    return "0"


def too_few() -> Any:
    return _("too few participants to show results")


def observed_words(result: ServiceResult | None) -> str:
    if result is None or not result.enough:
        return str(too_few())
    return share(result.observed)


def value_added_words(result: ServiceResult | None) -> str:
    """ "+4 percentage points (90 % interval −2 to +10)" or "too few participants"."""
    if result is None or not result.enough or result.value_added is None:
        return str(too_few())
    return _(
        "%(value)s percentage points (90 %% interval %(low)s to %(high)s)",
        value=points(result.value_added),
        low=points(result.low or 0.0),
        high=points(result.high or 0.0),
    )


def verdict(result: ServiceResult | None) -> str | None:
    """Whether the interval lies above, below or around the average service."""
    if result is None or not result.enough or result.low is None or result.high is None:
        return None
    if result.low > 0:
        return _("Better than the average service for people in the same position")
    if result.high < 0:
        return _("Worse than the average service for people in the same position")
    return _("Cannot be told apart from the average service")


PROVIDER_FIELDS: dict[str, Any] = {
    "name": _l("Name"),
    "cvr": _l("CVR number"),
    "state": _l("State"),
    "state_reason": _l("Reason"),
    "contact_email": _l("E-mail"),
    "contact_phone": _l("Phone"),
    "description": _l("What they offer"),
    "languages": _l("Languages"),
    "areas": _l("Areas"),
    "applied_at": _l("Applied"),
    "synthetic": _l("Demo data"),
}


OFFERING_FIELDS: dict[str, Any] = {
    "title": _l("Title"),
    "kind": _l("Kind"),
    "format": _l("Format"),
    "municipality_id": _l("Municipality"),
    "postcode": _l("Postcode"),
    "place": _l("Place"),
    "duration_weeks": _l("Duration in weeks"),
    "schedule": _l("Schedule"),
    "languages": _l("Languages"),
    "accessibility": _l("Accessibility"),
    "target_groups": _l("Who it is for"),
    "capacity": _l("Places"),
    "waiting_weeks": _l("Waiting time in weeks"),
    "payment": _l("Who pays"),
    "description": _l("Description in plain language"),
    "state": _l("State"),
    "state_reason": _l("Reason"),
    "was_published": _l("Published before"),
    "created_at": _l("Created"),
    "submitted_at": _l("Sent for review"),
    "published_at": _l("Published"),
    "provider_id": _l("Provider"),
    "synthetic": _l("Demo data"),
}

# Coded fields and the words for their values.
_CODED: dict[str, dict[str, Any]] = {
    "kind": {m.value: label for m, label in OFFERING_KIND_LABELS.items()},
    "format": {m.value: label for m, label in OFFERING_FORMAT_LABELS.items()},
    "payment": {m.value: label for m, label in PAYMENT_LABELS.items()},
}
_TIMES = {"applied_at", "created_at", "submitted_at", "published_at"}
_FLAGS = {"synthetic", "was_published"}


def offering_history(records: list[ChangeRecord]) -> list[tuple[str, str, str]]:
    """(when, field, new value) in words, for the administrator's offering page."""
    states = {m.value: label for m, label in OFFERING_STATE_LABELS.items()}
    return _history(records, OFFERING_FIELDS, {**_CODED, "state": states})


def provider_history(records: list[ChangeRecord]) -> list[tuple[str, str, str]]:
    """(when, field, new value) in words, for the administrator's history."""
    states = {m.value: label for m, label in PROVIDER_STATE_LABELS.items()}
    return _history(records, PROVIDER_FIELDS, {"state": states})


def _history(
    records: list[ChangeRecord],
    fields: dict[str, Any],
    coded: dict[str, dict[str, Any]],
) -> list[tuple[str, str, str]]:
    rows = []
    for record in records:
        value = record.new_value or "\u2013"
        if record.field in coded and record.new_value in coded[record.field]:
            value = str(coded[record.field][record.new_value])
        elif record.field in ("municipality_id", "provider_id") and record.new_value:
            value = _("Changed")
        elif record.field in _TIMES:
            value = format_stored(record.new_value or "")
        elif record.field in _FLAGS:
            value = _("Yes") if record.new_value == "true" else _("No")
        field = fields.get(record.field, _("A technical field"))
        rows.append((format_when(record.at), str(field), value))
    return rows
