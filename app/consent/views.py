"""The citizen's own data."""

from __future__ import annotations

from flask import abort, render_template
from flask_babel import get_locale
from flask_login import current_user

from app.consent import bp
from app.consent.services import collect_my_data
from app.db import get_session
from app.models import Role
from app.security import role_required


@bp.get("/mine-data")
@role_required(Role.CITIZEN)
def my_data() -> str:
    """Every piece of data held about me, by category, with its source and purpose."""
    data = collect_my_data(get_session(), current_user.id, str(get_locale() or "da"))
    if data is None:
        abort(404)
    return render_template("consent/my_data.html", data=data)
