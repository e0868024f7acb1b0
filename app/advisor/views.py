"""Decision support's pages: the public model card of the estimator and the
administrators' agreement and override rates. The panel and its two actions (the target
group, the agreed intervention) are on the case view, in app/casework/views/case.py."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_babel import format_decimal, format_percent
from flask_login import current_user

from app.advisor import labels, model_store, services, wording
from app.advisor.interventions import INTERVENTION_TYPES
from app.db import get_session
from app.models import Role
from app.security import public, role_required
from app.segmentation.labels import ATTRIBUTE_LABELS, GROUP_LABELS

bp = Blueprint("advisor", __name__, template_folder="templates")


@bp.app_context_processor
def _advisor_names() -> dict[str, Any]:
    # The case view (casework) and Din vej (segmentation) show the panel's partials.
    return {"advisor_labels": labels, "advisor_wording": wording}


def _common() -> dict[str, Any]:
    return {
        "labels": labels,
        "wording": wording,
        "format_percent": format_percent,
        "format_decimal": format_decimal,
        "attribute_labels": ATTRIBUTE_LABELS,
        "group_labels": GROUP_LABELS,
        "wording_rule": wording.rule_words,
    }


@bp.get("/algoritmer/indsatser")
@public
def model_card() -> str:
    """The effect estimator's card: data, method, groups, evaluation and fairness."""
    return render_template(
        "advisor/model_card.html",
        tables=model_store.load_tables(),
        types=INTERVENTION_TYPES,
        **_common(),
    )


@bp.get("/administration/indsatsforslag")
@role_required(Role.ADMIN)
def rates() -> str:
    """How often caseworkers agreed the top suggestion, why not, and fairness by group."""
    return render_template(
        "advisor/rates.html",
        rates=services.decision_rates(get_session(), current_user.municipality_id),
        tables=model_store.load_tables(),
        **_common(),
    )
