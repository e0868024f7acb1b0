"""Decision support's pages: the caseworker records the target group and what was
agreed (the panel itself is on the case view), the public model card of the estimator,
and the administrators' agreement and override rates with the fairness figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import format_decimal, format_percent
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.advisor import labels, model_store, services, wording
from app.advisor.forms import DecisionForm, TargetGroupForm
from app.advisor.interventions import INTERVENTION_TYPES
from app.advisor.services import Outcome
from app.casework.views import casework_helpers
from app.casework.views.case import render_case, scoped_caseworker
from app.db import get_session
from app.models import DeviationReason, Role, TargetGroup
from app.security import current_actor, public, role_required
from app.segmentation.labels import ATTRIBUTE_LABELS, GROUP_LABELS

bp = Blueprint("advisor", __name__, template_folder="templates")
# The target group and agreement forms re-render the case view on errors.
bp.context_processor(casework_helpers)


@bp.app_context_processor
def _advisor_names() -> dict[str, Any]:
    # The case view (casework) and Din vej (segmentation) show the panel's partials.
    return {"advisor_labels": labels, "advisor_wording": wording}


def _back(citizen_id: int) -> Response:
    return redirect(url_for("casework.case", citizen_id=citizen_id) + "#advice-heading")


def _not_held(citizen_id: int) -> Response:
    flash(_("Take the case before you act on it."), "error")
    return _back(citizen_id)


@bp.post("/sagsbehandler/borger/<int:citizen_id>/maalgruppe")
@role_required(Role.CASEWORKER)
def set_target_group(citizen_id: int) -> Any:
    """Set the citizen's target group (and expected absence when sick-listed)."""
    ref = scoped_caseworker(citizen_id)
    form = TargetGroupForm()
    if not form.validate_on_submit():
        return render_case(citizen_id, 400, group_form=form)
    outcome = services.set_target_group(
        get_session(),
        ref.municipality_id,
        ref.id,
        citizen_id,
        TargetGroup(form.group.data),
        form.expected_absence_weeks.data,
        current_actor(),
    )
    if outcome is Outcome.NOT_HELD:
        return _not_held(citizen_id)
    flash(_("The target group is saved."), "success")
    return _back(citizen_id)


@bp.post("/sagsbehandler/borger/<int:citizen_id>/indsats")
@role_required(Role.CASEWORKER)
def record_decision(citizen_id: int) -> Any:
    """Record the intervention agreed with the citizen, and why when not the top one."""
    ref = scoped_caseworker(citizen_id)
    session = get_session()
    shown = services.suggestions_for(session, citizen_id, date.today())
    form = DecisionForm(top=shown.top)
    if not form.validate_on_submit():
        return render_case(citizen_id, 400, decision_form=form)
    outcome = services.record_decision(
        session,
        ref.municipality_id,
        ref.id,
        citizen_id,
        form.agreed.data,
        DeviationReason(form.decision_reason.data)
        if form.decision_reason.data
        else None,
        form.decision_note.data or None,
        current_actor(),
        date.today(),
    )
    if outcome is Outcome.NOT_HELD:
        return _not_held(citizen_id)
    if outcome is not Outcome.DONE:
        form.decision_reason.errors = [
            _("Choose why you agreed another intervention than the suggestion.")
        ]
        return render_case(citizen_id, 400, decision_form=form)
    flash(_("What you agreed is recorded; the citizen sees it on Din vej."), "success")
    return _back(citizen_id)


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
