"""Start pages for caseworkers and administrators."""

from __future__ import annotations

from flask import render_template

from app.advisor import bp
from app.models import Role
from app.security import role_required


@bp.get("/sagsbehandler")
@role_required(Role.CASEWORKER)
def caseworker_home() -> str:
    """The caseworker's start page."""
    return render_template("advisor/caseworker_home.html")


@bp.get("/administration")
@role_required(Role.ADMIN)
def admin_home() -> str:
    """The municipal administrator's start page."""
    return render_template("advisor/admin_home.html")
