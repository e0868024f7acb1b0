"""The citizen's own data."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from app.consent import bp
from app.consent.services import count_own_history
from app.db import get_session
from app.models import Role
from app.security import role_required


@bp.get("/mine-data")
@role_required(Role.CITIZEN)
def my_data() -> str:
    """What is held about me: an honest overview until the full page is built."""
    counts = count_own_history(get_session(), current_user.id)
    return render_template("consent/my_data.html", counts=counts)
