"""Caseworkers decide on citizens' requests to correct data (their own municipality only).

The list can be narrowed to one citizen with ?borger=<citizen id> (the case view links
there) and to a status with ?status=pending|approved|rejected|withdrawn|all.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.consent.forms import DecisionForm
from app.consent.labels import CORRECTION_ERRORS, STAFF_CORRECTION_STATUS_LABELS
from app.consent.services.corrections import (
    CorrectionError,
    NotYours,
    decide_correction,
    label_of,
    list_for_municipality,
    open_correction,
)
from app.consent.services.formatting import Presenter
from app.consent.views import bp
from app.db import get_session
from app.i18n import current_lang
from app.models import Citizen, CorrectionStatus, Role
from app.pagination import page_number
from app.security import current_actor, role_required
from app.urls import parse_int


def _municipality_id() -> int:
    municipality_id = current_user.municipality_id
    if municipality_id is None:
        abort(403)
    return municipality_id


def _status_filter() -> tuple[str, CorrectionStatus | None]:
    value = request.args.get("status") or CorrectionStatus.PENDING.value
    if value == "all":
        return value, None
    try:
        return value, CorrectionStatus(value)
    except ValueError:
        return CorrectionStatus.PENDING.value, CorrectionStatus.PENDING


@bp.get("/sagsbehandler/rettelser")
@role_required(Role.CASEWORKER)
def staff_corrections() -> str:
    """Requests to correct data from citizens of my municipality (pending first)."""
    session = get_session()
    borger = request.args.get("borger") or ""
    citizen_id = None
    if borger:
        citizen_id = parse_int(borger)
        if citizen_id is None:
            abort(404)
    status_value, status = _status_filter()
    try:
        results = list_for_municipality(
            session,
            _municipality_id(),
            actor=current_actor(),
            status=status,
            citizen_id=citizen_id,
            page=page_number(request.args.get("page")),
        )
    except NotYours:
        abort(404)
    return render_template(
        "consent/staff_corrections.html",
        results=results,
        rows=results.items,
        status_labels=STAFF_CORRECTION_STATUS_LABELS,
        status_value=status_value,
        borger=citizen_id,
        statuses=list(CorrectionStatus),
    )


@bp.route("/sagsbehandler/rettelser/<int:request_id>", methods=["GET", "POST"])
@role_required(Role.CASEWORKER)
def staff_correction(request_id: int) -> str | Response:
    """One request: the current and proposed value, the citizen's reason, the decision."""
    session = get_session()
    municipality_id = _municipality_id()
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            decide_correction(
                session,
                request_id,
                actor=current_actor(),
                caseworker_municipality_id=municipality_id,
                approve=form.decision.data == "approve",
                reason=form.reason.data,
            )
        except NotYours:
            abort(404)
        except CorrectionError as error:
            message = (
                _("The request is already decided.")
                if str(error) == "decided"
                else _(
                    "The proposed value cannot be used: %(problem)s "
                    "Reject the request and explain why.",
                    problem=CORRECTION_ERRORS.get(str(error), ""),
                )
            )
            form.decision.errors = [message]
        else:
            flash(_("Your decision is saved. The citizen can see it."), "success")
            return redirect(url_for("consent.staff_corrections"))
    try:
        correction = open_correction(
            session, request_id, actor=current_actor(), municipality_id=municipality_id
        )
    except NotYours:
        abort(404)
    citizen = session.get(Citizen, correction.citizen_id)
    return render_template(
        "consent/staff_correction.html",
        form=form,
        correction=correction,
        citizen=citizen,
        label=label_of(correction),
        status_labels=STAFF_CORRECTION_STATUS_LABELS,
        lang=current_lang(),
        present=Presenter(get_session(), current_lang()),
    )
