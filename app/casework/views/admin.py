"""Municipal administration: the start page and the rates of track overrides."""

from __future__ import annotations

from datetime import date, timedelta

from flask import render_template, request
from flask_login import current_user

from app.casework.forms import PeriodForm
from app.casework.services import overrides
from app.casework.views import bp
from app.db import get_session
from app.models import Role
from app.security import role_required


@bp.get("/administration")
@role_required(Role.ADMIN)
def admin_home() -> str:
    """The municipal administrator's start page."""
    return render_template("casework/admin_home.html")


@bp.get("/administration/afvigelser")
@role_required(Role.ADMIN)
def override_rates() -> str:
    """How often caseworkers chose another track than the suggestion, and why."""
    form = PeriodForm(request.args, date.today())
    valid = form.validate()
    if not valid:
        form.start_date = form.today - timedelta(days=90)
        form.end_date = form.today
    rates = overrides.override_rates(
        get_session(), current_user.municipality_id, form.start_date, form.end_date
    )
    return render_template(
        "casework/overrides.html", form=form, valid=valid, rates=rates
    )
