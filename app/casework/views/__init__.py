"""The caseworker's workspace and the administrators' pages: one blueprint, views by
audience (caseworker.py: the start page and the queue; case.py: one citizen's case;
admin.py: municipal administration)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel import Locale, UnknownLocaleError
from flask import Blueprint, abort, g, url_for
from flask_babel import format_decimal, format_percent, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from app.casework.labels import (
    CHANNEL_LABELS,
    DIRECTION_LABELS,
    SCREENING_FIELDS,
    SCREENING_VALUES,
)
from app.casework.services.queue import CaseworkerRef, caseworker_for_user, waiting_days
from app.db import get_session
from app.i18n import current_lang
from app.labels import (
    INVITATION_KIND_LABELS,
    OVERRIDE_REASON_LABELS,
    ROUTE_REASON_LABELS,
    TRACK_LABELS,
    label_of,
)
from app.segmentation import wording

bp = Blueprint("casework", __name__, template_folder="../templates")
STAFF = wording.Voice.STAFF


def corrections_url(citizen_id: int) -> str:
    """The staff list of one citizen's correction requests."""
    return url_for("consent.staff_corrections", borger=citizen_id, status="all")


def reason_words(
    reasons: list[Any], inputs: dict[str, Any] | None = None, limit: int = 3
) -> list[str]:
    """The top reasons of an assessment in a caseworker's words: the citizen's value
    (their answer, the count) and the way it pulls the estimate."""
    return [r.text for r in wording.reason_texts(reasons, inputs, STAFF, limit)]


def language_name(code: str) -> str:
    """A language's name as a value on its own: capitalised ("Dansk", "Arabisk")."""
    try:
        name = Locale.parse(code).get_display_name(current_lang()) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def waited_for(since: datetime) -> str:
    """How long since `since`, in calendar days: "today", "1 day", "3 days"."""
    days = waiting_days(since)
    if days == 0:
        return _("today")
    return ngettext("%(days)s day", "%(days)s days", days, days=format_decimal(days))


def waiting_text(since: datetime) -> str:
    """The queue's waiting time: "Since today", "1 day", "3 days"."""
    return _("Since today") if waiting_days(since) == 0 else waited_for(since)


@bp.context_processor
def _casework_helpers() -> dict[str, Any]:
    return {
        "queue_reason_label": lambda value: label_of(ROUTE_REASON_LABELS, value),
        "invitation_kind_labels": INVITATION_KIND_LABELS,
        "track_label": lambda value: label_of(TRACK_LABELS, value),
        "override_reason_label": lambda value: label_of(OVERRIDE_REASON_LABELS, value),
        "reason_words": reason_words,
        "decision_words": wording,
        "language_name": language_name,
        "waiting_text": waiting_text,
        "waited_for": waited_for,
        "channel_label": lambda value: label_of(CHANNEL_LABELS, value),
        "format_percent": format_percent,
        "screening_fields": SCREENING_FIELDS,
        "screening_value": lambda value: SCREENING_VALUES.get(
            getattr(value, "value", value), value
        ),
        "direction_label": lambda value: DIRECTION_LABELS.get(value, value),
        "corrections_url": corrections_url,
    }


def me() -> CaseworkerRef:
    """The logged-in caseworker (a caseworker account without a record: 403); asked
    once a request."""
    known = g.get("caseworker_ids", {})
    if current_user.id in known:  # read with the account (app.extensions)
        found = known[current_user.id]
        municipality_id = current_user.municipality_id
        ref = (
            CaseworkerRef(found, municipality_id) if found and municipality_id else None
        )
    else:
        ref = caseworker_for_user(get_session(), current_user.id)
    if ref is None:
        abort(403)
    return ref


# The routes of each audience (imported last: they register on bp).
from app.casework.views import admin, case, caseworker  # noqa: E402,F401
