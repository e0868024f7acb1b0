"""The case view of one citizen, and what a caseworker does on it.

Reading is open to every caseworker of the citizen's municipality (and logged, with its
purpose); acting (notes, the plan, an override, closing) needs the claim on the case,
so two caseworkers never work on one citizen at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app import page_cache
from app.advisor import services as advisor
from app.advisor.services import Outcome as AdviceOutcome
from app.advisor.services import suggestions_for
from app.casework.forms import (
    CloseForm,
    DecisionForm,
    NoteForm,
    OverrideForm,
    PlanItemForm,
    TargetGroupForm,
)
from app.casework.services import actions, claims, overrides
from app.casework.services.case_view import CaseView, case_view
from app.casework.services.claims import ClaimOutcome
from app.casework.services.overrides import OverrideOutcome
from app.casework.services.queue import CaseworkerRef, citizen_in_municipality
from app.casework.views import bp, me
from app.db import commit_with_retries, get_session
from app.forms import ConfirmForm
from app.i18n import current_lang
from app.marketplace.services.enrolments import citizen_requests
from app.models import (
    DeviationReason,
    OverrideReason,
    PlanKind,
    Role,
    TargetGroup,
    Track,
)
from app.security import current_actor, role_required


def _scoped(citizen_id: int) -> CaseworkerRef:
    """The caseworker, when the citizen is of their municipality; otherwise 404."""
    ref = me()
    if not citizen_in_municipality(get_session(), ref.municipality_id, citizen_id):
        abort(404)
    return ref


def _load(citizen_id: int) -> CaseView:
    """The case of a citizen of the caseworker's municipality (logged), else 404."""
    ref = me()
    view = case_view(
        get_session(),
        ref.municipality_id,
        ref.id,
        citizen_id,
        current_lang(),
        current_actor(),
        current_app.config["MESSAGE_REPLY_WORKING_DAYS"],
    )
    if view is None:
        abort(404)
    return view


def _render_case(citizen_id: int, status: int = 200, **forms: Any) -> Any:
    """The case page; `forms` replaces blank forms with submitted ones to show errors."""
    view = _load(citizen_id)
    advice = suggestions_for(get_session(), citizen_id, date.today())
    group = advice.target_group
    context = {
        "note_form": NoteForm(formdata=None),
        "plan_form": PlanItemForm(formdata=None),
        "group_form": TargetGroupForm(
            formdata=None,
            group=group.group.value if group else None,
            expected_absence_weeks=group.expected_absence_weeks if group else None,
        ),
        "decision_form": DecisionForm(formdata=None, top=advice.top),
        "action": ConfirmForm(),
        "service_requests": citizen_requests(get_session(), citizen_id),
        **forms,
    }
    return (
        render_template("casework/case.html", view=view, advice=advice, **context),
        status,
    )


def _back(citizen_id: int) -> Response:
    return redirect(url_for("casework.case", citizen_id=citizen_id))


def _require_csrf() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400)


def _not_held(citizen_id: int) -> Response:
    flash(_("Take the case before you act on it."), "error")
    return _back(citizen_id)


@bp.get("/sagsbehandler/borger/<int:citizen_id>")
@role_required(Role.CASEWORKER)
@page_cache.cached(
    lambda citizen_id: [
        page_cache.municipality_scope(me().municipality_id),
        page_cache.citizen_scope(citizen_id),
    ]
)
def case(citizen_id: int) -> Any:
    """One citizen's data, track and reasons, plan and notes (each opening is logged)."""
    return _render_case(citizen_id)


@bp.post("/sagsbehandler/borger/<int:citizen_id>/tag")
@role_required(Role.CASEWORKER)
def claim(citizen_id: int) -> Response:
    """Claim this citizen's case, if it is waiting."""
    ref = _scoped(citizen_id)
    _require_csrf()
    session = get_session()
    outcome = commit_with_retries(
        session,
        lambda: claims.claim_case(
            session, ref.municipality_id, ref.id, citizen_id, current_actor()
        ),
    )
    if outcome is ClaimOutcome.NOT_FOUND:
        abort(404)
    if outcome is ClaimOutcome.TAKEN:
        flash(_("Another caseworker has the case, or it is closed."), "error")
    elif outcome is ClaimOutcome.CLAIMED:
        flash(_("The case is yours now."), "success")
    return _back(citizen_id)


@bp.post("/sagsbehandler/borger/<int:citizen_id>/frigiv")
@role_required(Role.CASEWORKER)
def release(citizen_id: int) -> Response:
    """Give the case back to the queue."""
    ref = _scoped(citizen_id)
    _require_csrf()
    if not claims.release_case(
        get_session(), ref.municipality_id, ref.id, citizen_id, current_actor()
    ):
        abort(404)
    flash(_("The case is back in the queue."), "success")
    return redirect(url_for("casework.queue"))


@bp.post("/sagsbehandler/borger/<int:citizen_id>/notat")
@role_required(Role.CASEWORKER)
def add_note(citizen_id: int) -> Any:
    """Add a note to the case."""
    ref = _scoped(citizen_id)
    form = NoteForm()
    if not form.validate_on_submit():
        return _render_case(citizen_id, 400, note_form=form)
    if not actions.add_note(
        get_session(),
        ref.municipality_id,
        ref.id,
        citizen_id,
        form.note.data,
        current_actor(),
    ):
        return _not_held(citizen_id)
    flash(_("The note is saved."), "success")
    return _back(citizen_id)


@bp.post("/sagsbehandler/borger/<int:citizen_id>/plan")
@role_required(Role.CASEWORKER)
def add_plan_item(citizen_id: int) -> Any:
    """Add a goal or activity agreed with the citizen to their plan."""
    ref = _scoped(citizen_id)
    form = PlanItemForm()
    if not form.validate_on_submit():
        return _render_case(citizen_id, 400, plan_form=form)
    if not actions.add_agreed_plan_item(
        get_session(),
        ref.municipality_id,
        ref.id,
        citizen_id,
        PlanKind(form.kind.data),
        form.text.data,
        form.due_date,
        current_actor(),
    ):
        return _not_held(citizen_id)
    flash(_("The plan item is added; the citizen sees it in their plan."), "success")
    return _back(citizen_id)


@bp.post("/sagsbehandler/borger/<int:citizen_id>/plan/<int:item_id>/aftalt")
@role_required(Role.CASEWORKER)
def agree_plan_item(citizen_id: int, item_id: int) -> Response:
    """Mark an item the citizen wrote as agreed with them."""
    ref = _scoped(citizen_id)
    _require_csrf()
    session = get_session()
    if not claims.holds_claim(session, ref.municipality_id, ref.id, citizen_id):
        return _not_held(citizen_id)
    if not actions.agree_plan_item(
        session, ref.municipality_id, ref.id, citizen_id, item_id, current_actor()
    ):
        abort(404)
    flash(_("The plan item is marked as agreed."), "success")
    return _back(citizen_id)


@bp.route("/sagsbehandler/borger/<int:citizen_id>/skift-spor", methods=["GET", "POST"])
@role_required(Role.CASEWORKER)
def override(citizen_id: int) -> Any:
    """Choose another track than the suggestion, with a reason code and a note."""
    ref = _scoped(citizen_id)
    form = OverrideForm()
    if form.validate_on_submit():
        outcome = overrides.override_track(
            get_session(),
            ref.municipality_id,
            ref.id,
            citizen_id,
            Track(form.to_track.data),
            OverrideReason(form.reason_code.data),
            form.note.data,
            current_actor(),
            date.today(),
        )
        if outcome is OverrideOutcome.DONE:
            flash(_("The track is changed and your reason is recorded."), "success")
            return _back(citizen_id)
        if outcome is OverrideOutcome.NOT_HELD:
            return _not_held(citizen_id)
        form.to_track.errors = [_("The citizen is already on that track.")]
    view = _load(citizen_id)
    if not view.held_by_me:
        return _not_held(citizen_id)
    status = 400 if form.is_submitted() else 200
    return render_template("casework/case_override.html", view=view, form=form), status


@bp.route("/sagsbehandler/borger/<int:citizen_id>/luk", methods=["GET", "POST"])
@role_required(Role.CASEWORKER)
def close(citizen_id: int) -> Any:
    """Close the case, with the reason (asks for confirmation first)."""
    ref = _scoped(citizen_id)
    form = CloseForm()
    if form.validate_on_submit():
        if not actions.close_case(
            get_session(),
            ref.municipality_id,
            ref.id,
            citizen_id,
            form.note.data,
            current_actor(),
        ):
            return _not_held(citizen_id)
        flash(_("The case is closed."), "success")
        return redirect(url_for("casework.queue"))
    view = _load(citizen_id)
    if not view.held_by_me:
        return _not_held(citizen_id)
    status = 400 if form.is_submitted() else 200
    return render_template("casework/case_close.html", view=view, form=form), status


# ---- decision support: the panel "Det kan hjælpe" (rules in app.advisor.services) ----


def _back_to_advice(citizen_id: int) -> Response:
    return redirect(url_for("casework.case", citizen_id=citizen_id) + "#advice-heading")


@bp.post("/sagsbehandler/borger/<int:citizen_id>/maalgruppe")
@role_required(Role.CASEWORKER)
def set_target_group(citizen_id: int) -> Any:
    """Set the citizen's target group (and expected absence when sick-listed)."""
    ref = _scoped(citizen_id)
    form = TargetGroupForm()
    if not form.validate_on_submit():
        return _render_case(citizen_id, 400, group_form=form)
    outcome = advisor.set_target_group(
        get_session(),
        ref.municipality_id,
        ref.id,
        citizen_id,
        TargetGroup(form.group.data),
        form.expected_absence_weeks.data,
        current_actor(),
    )
    if outcome is AdviceOutcome.NOT_HELD:
        return _not_held(citizen_id)
    flash(_("The target group is saved."), "success")
    return _back_to_advice(citizen_id)


@bp.post("/sagsbehandler/borger/<int:citizen_id>/indsats")
@role_required(Role.CASEWORKER)
def record_decision(citizen_id: int) -> Any:
    """Record the intervention agreed with the citizen, and why when not the top one."""
    ref = _scoped(citizen_id)
    session = get_session()
    shown = advisor.suggestions_for(session, citizen_id, date.today())
    form = DecisionForm(top=shown.top)
    if not form.validate_on_submit():
        return _render_case(citizen_id, 400, decision_form=form)
    outcome = advisor.record_decision(
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
    if outcome is AdviceOutcome.NOT_HELD:
        return _not_held(citizen_id)
    if outcome is not AdviceOutcome.DONE:
        form.decision_reason.errors = [
            _("Choose why you agreed another intervention than the suggestion.")
        ]
        return _render_case(citizen_id, 400, decision_form=form)
    flash(_("What you agreed is recorded; the citizen sees it on Din vej."), "success")
    return _back_to_advice(citizen_id)
