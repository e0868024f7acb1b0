"""Pages for service providers."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from app.consent.services.consents import consents_to_provider
from app.db import get_session
from app.models import Role
from app.security import role_required

bp = Blueprint("marketplace", __name__, template_folder="templates")


@bp.get("/udbyder")
@role_required(Role.PROVIDER)
def provider_home() -> str:
    """The provider's start page: what a provider can do today, and what is not built."""
    provider_id = current_user.provider_id
    consenting = (
        consents_to_provider(get_session(), provider_id)
        if provider_id is not None
        else 0
    )
    return render_template("marketplace/provider_home.html", consenting=consenting)
