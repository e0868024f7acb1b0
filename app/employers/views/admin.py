"""Municipal administrators approve the companies of their municipality."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.db import get_session
from app.employers import companies
from app.employers.views import bp
from app.forms import ConfirmForm
from app.models import Role
from app.security import current_actor, role_required


def _municipality_id() -> int:
    if current_user.municipality_id is None:
        abort(403)
    return int(current_user.municipality_id)


@bp.get("/administration/virksomheder")
@role_required(Role.ADMIN)
def admin_queue() -> str:
    """Companies of the municipality waiting for approval, and recent decisions."""
    session = get_session()
    municipality_id = _municipality_id()
    return render_template(
        "employers/admin_queue.html",
        pending=companies.pending_employers(session, municipality_id),
        decided=companies.decided_employers(session, municipality_id),
        form=ConfirmForm(),
    )


def _decide(employer_id: int, approve: bool) -> Response:
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    employer = companies.decide_employer(
        get_session(), _municipality_id(), employer_id, approve, current_actor()
    )
    if employer is None:
        abort(404)
    if approve:
        flash(_("%(company)s is approved.", company=employer.name), "success")
    else:
        flash(_("%(company)s is not approved.", company=employer.name), "success")
    return redirect(url_for("employers.admin_queue"))


@bp.post("/administration/virksomheder/<int:employer_id>/godkend")
@role_required(Role.ADMIN)
def approve(employer_id: int) -> Response:
    """Approve a company: it may then add offers and see anonymous candidates."""
    return _decide(employer_id, approve=True)


@bp.post("/administration/virksomheder/<int:employer_id>/afvis")
@role_required(Role.ADMIN)
def reject(employer_id: int) -> Response:
    """Refuse a company."""
    return _decide(employer_id, approve=False)
