"""Employers: one blueprint, views by audience (company.py: the company's pages;
citizen.py: "Virksomheder der vil møde dig" and internships; admin.py: approving
companies)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort
from flask_babel import format_percent
from flask_login import current_user

from app.db import get_session
from app.employers.companies import employer_of_user
from app.labels import (
    EMPLOYER_STATUS_LABELS,
    INVITATION_KIND_LABELS,
    INVITATION_STATE_LABELS,
    MEETING_MODE_LABELS,
    OFFER_KIND_LABELS,
)
from app.models import Employer

bp = Blueprint("employers", __name__, template_folder="../templates")


@bp.context_processor
def _labels() -> dict[str, Any]:
    return {
        "offer_kind_labels": OFFER_KIND_LABELS,
        "meeting_mode_labels": MEETING_MODE_LABELS,
        "invitation_kind_labels": INVITATION_KIND_LABELS,
        "invitation_state_labels": INVITATION_STATE_LABELS,
        "employer_status_labels": EMPLOYER_STATUS_LABELS,
        "format_percent": format_percent,
    }


def my_employer() -> Employer:
    """The company of the logged-in employer user (a user of none: 403)."""
    employer = employer_of_user(get_session(), current_user.id)
    if employer is None:
        abort(403)
    return employer


# The routes of each audience (imported last: they register on bp).
from app.employers.views import admin, citizen, company, postings  # noqa: E402,F401
