"""The citizen's requests to correct data the job centre holds."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response as BaseResponse

from app.consent.forms import CorrectionForm
from app.consent.labels import CORRECTION_ERRORS
from app.consent.services.corrections import (
    CorrectionError,
    NotYours,
    citizens_row,
    correctable_entry,
    list_own_corrections,
    submit_correction,
    withdraw_correction,
)
from app.consent.services.formatting import Presenter
from app.consent.views import bp
from app.db import Base, get_session
from app.forms import ConfirmForm
from app.i18n import current_lang
from app.labels import CORRECTION_STATUS_LABELS
from app.models import Role
from app.security import current_citizen_id, role_required
from app.urls import parse_int

# A hint for the proposed value, by column type (none for plain text).
VALUE_HINTS = {
    "Date": _l("For a date, write for example 23.11.2026."),
    "Integer": _l("Write a whole number."),
    "Boolean": _l("Write yes or no."),
}


@bp.get("/mine-data/rettelser")
@role_required(Role.CITIZEN)
def corrections() -> str:
    """My requests to correct data, with their status and the decision."""
    session = get_session()
    rows = list_own_corrections(session, current_citizen_id())
    return render_template(
        "consent/corrections.html",
        rows=rows,
        status_labels=CORRECTION_STATUS_LABELS,
        present=Presenter(session, current_lang()),
    )


def _correction_target() -> tuple[str, str, int]:
    table = (request.args.get("tabel") or "")[:64]
    field = (request.args.get("felt") or "")[:64]
    row = parse_int(request.args.get("raekke"))
    if row is None:
        abort(404)
    return table, field, row


@bp.route("/mine-data/rettelser/ny", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def correction_new() -> str | BaseResponse:
    """Ask the job centre to correct one piece of data I cannot edit myself."""
    session = get_session()
    citizen_id = current_citizen_id()
    table, field, row_id = _correction_target()
    entry = correctable_entry(table, field)
    if entry is None:
        abort(404)
    try:
        row = citizens_row(session, citizen_id, table, row_id)
    except NotYours:
        abort(404)
    current = getattr(row, field)
    form = CorrectionForm()
    if form.validate_on_submit():
        try:
            submit_correction(
                session,
                citizen_id,
                table,
                row_id,
                field,
                form.value.data,
                form.reason.data,
            )
        except CorrectionError as error:
            form.value.errors = [
                CORRECTION_ERRORS.get(str(error), _("Check the value."))
            ]
        else:
            flash(
                _("Your request is sent. The job centre will decide on it."), "success"
            )
            return redirect(url_for("consent.corrections"))
    shown = Presenter(session, current_lang()).words(table, field, current)
    return render_template(
        "consent/correction_form.html",
        form=form,
        entry=entry,
        current=shown,
        hint=VALUE_HINTS.get(type(Base.metadata.tables[table].c[field].type).__name__),
        target={"tabel": table, "felt": field, "raekke": row_id},
    )


@bp.route("/mine-data/rettelser/<int:request_id>/tilbagekald", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def correction_withdraw(request_id: int) -> str | BaseResponse:
    """Ask for confirmation, then withdraw one of my pending requests."""
    session = get_session()
    citizen_id = current_citizen_id()
    rows = [
        r
        for r in list_own_corrections(session, citizen_id)
        if r.request.id == request_id
    ]
    if not rows:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            withdraw_correction(session, citizen_id, request_id)
        except CorrectionError:
            flash(_("The request is already decided."), "info")
        else:
            flash(_("Your request is withdrawn."), "success")
        return redirect(url_for("consent.corrections"))
    return render_template("consent/correction_withdraw.html", form=form, row=rows[0])
