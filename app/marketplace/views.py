"""Pages for service providers."""

from __future__ import annotations

from flask import Blueprint, render_template

from app.models import Role
from app.security import role_required

bp = Blueprint("marketplace", __name__, template_folder="templates")


@bp.get("/udbyder")
@role_required(Role.PROVIDER)
def provider_home() -> str:
    """The provider's start page."""
    return render_template("marketplace/provider_home.html")
