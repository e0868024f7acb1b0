"""The administrators' fairness audit of the segmentation model."""

from __future__ import annotations

from flask import current_app, render_template, request
from flask_babel import format_percent
from flask_login import current_user

from app.advisor import bp
from app.db import get_session
from app.models import Role
from app.portal.track_views import ATTRIBUTE_LABELS, GROUP_LABELS, MEASURE_LABELS
from app.security import role_required
from app.services import fairness, segmentation

SCOPES = ("kommune", "hele-landet")


@bp.get("/administration/retfaerdighed")
@role_required(Role.ADMIN)
def fairness_audit() -> str:
    """Flag and error rates by gender, age band and origin, with intervals and gaps."""
    scope = request.args.get("omraade", SCOPES[0])
    if scope not in SCOPES:
        scope = SCOPES[0]
    settings = segmentation.current_settings()
    max_gap = float(current_app.config["FAIRNESS_MAX_GAP"])
    current = fairness.current_flag_rates(
        get_session(),
        max_gap,
        municipality_id=current_user.municipality_id if scope == "kommune" else None,
    )
    return render_template(
        "advisor/fairness.html",
        scope=scope,
        current=current,
        holdout=fairness.holdout_audit(settings.threshold, max_gap),
        max_gap=max_gap,
        attribute_labels=ATTRIBUTE_LABELS,
        group_labels=GROUP_LABELS,
        measure_labels=MEASURE_LABELS,
        format_percent=format_percent,
    )
