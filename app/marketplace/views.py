"""Pages for service providers."""

from __future__ import annotations

from flask import render_template

from app.marketplace import bp
from app.models import Role
from app.security import role_required


@bp.get("/udbyder")
@role_required(Role.PROVIDER)
def provider_home() -> str:
    """The provider's start page."""
    return render_template("marketplace/provider_home.html")
