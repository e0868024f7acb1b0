"""Segmentation's pages: 'Din vej' (the citizen's track explained), the public model
card, and the administrators' fairness audit."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import format_decimal, format_percent
from flask_babel import gettext as _
from flask_login import current_user

from app import page_cache
from app.advisor.services import suggestions_for
from app.db import get_session
from app.models import Role
from app.security import current_citizen_id, public, role_required
from app.segmentation import fairness, wording
from app.segmentation.labels import (
    ADVICE,
    ATTRIBUTE_LABELS,
    FEATURE_LABELS,
    GROUP_LABELS,
    MEASURE_LABELS,
)
from app.segmentation.model_store import current_settings, load_model
from app.segmentation.track import current_decision

bp = Blueprint("segmentation", __name__, template_folder="templates")
CITIZEN = wording.Voice.CITIZEN


@bp.get("/din-vej")
@role_required(Role.CITIZEN)
@page_cache.cached(page_cache.own_pages)
def my_track() -> str:
    """Din vej: the decided track, how and why, what the citizen can change, review."""
    decision = current_decision(get_session(), current_citizen_id())
    advice = []
    if decision is not None and not decision.by_caseworker:
        for reason in decision.changeable:
            text, endpoint = ADVICE[reason["feature"]]
            advice.append((text, url_for(endpoint)))
    estimate = decision.estimate if decision else None
    return render_template(
        "segmentation/track.html",
        view=decision,
        how=wording.how_decided(decision, CITIZEN) if decision else None,
        suggestion=wording.suggestion(decision, CITIZEN) if decision else None,
        chance=wording.chance_sentence(estimate.probability or 0, CITIZEN)
        if estimate
        else None,
        reasons=wording.reason_texts(estimate.reasons, estimate.inputs, CITIZEN, 3)
        if estimate
        else [],
        advice=advice,
        contact_url=url_for("dialogue.contact"),
        objection_url=url_for("consent.objection"),
        screening_url=url_for("onboarding.situation"),
        model_card_url=url_for("segmentation.model_card"),
        interventions=suggestions_for(
            get_session(), current_citizen_id(), date.today()
        ),
    )


def format_points(share: float) -> str:
    """A difference between two rates in percentage points ("12,3 procentpoint")."""
    return _(
        "%(points)s percentage points", points=format_decimal(share * 100, "#,##0.#")
    )


def _audit_labels() -> dict[str, Any]:
    return {
        "attribute_labels": ATTRIBUTE_LABELS,
        "group_labels": GROUP_LABELS,
        "measure_labels": MEASURE_LABELS,
        "format_percent": format_percent,
        "format_points": format_points,
    }


@bp.get("/algoritmer/segmentering")
@public
def model_card() -> str:
    """The segmentation model's card: what it uses, how well it does, for whom."""
    settings = current_settings()
    limits = fairness.limits_of(current_app.config)
    model = load_model(settings)
    return render_template(
        "segmentation/model_card.html",
        model=model,
        settings=settings,
        limits=limits,
        features=list(zip(model.feature_names, model.coefficients, strict=True)),
        labels=FEATURE_LABELS,
        holdout=fairness.holdout_audit(settings.threshold, limits),
        external=fairness.external_check(limits, threshold=settings.threshold),
        national=fairness.national_flag_rates(get_session(), limits),
        **_audit_labels(),
    )


SCOPES = ("kommune", "hele-landet")


@bp.get("/administration/retfaerdighed")
@role_required(Role.ADMIN)
def fairness_audit() -> str:
    """Flag and error rates by gender, age band and origin, with intervals and gaps."""
    scope = request.args.get("omraade", SCOPES[0])
    if scope not in SCOPES:
        scope = SCOPES[0]
    settings = current_settings()
    limits = fairness.limits_of(current_app.config)
    current = fairness.current_flag_rates(
        get_session(),
        limits,
        municipality_id=current_user.municipality_id if scope == "kommune" else None,
    )
    return render_template(
        "segmentation/fairness.html",
        scope=scope,
        current=current,
        holdout=fairness.holdout_audit(settings.threshold, limits),
        limits=limits,
        **_audit_labels(),
    )
