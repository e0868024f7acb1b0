"""Public pages, the language choice, and the citizen's start page."""

from __future__ import annotations

from flask import redirect, render_template, request, session, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from app.auth.services import set_user_locale
from app.db import get_session
from app.models import Role
from app.portal import bp
from app.security import public, role_required
from app.services.taxonomy import describe_taxonomy
from app.templating import LANGUAGE_CHOICES, START_PAGES
from app.urls import safe_next


@bp.get("/")
@public
def index() -> str | Response:
    """The front page; a logged-in user is sent to their own start page."""
    if current_user.is_authenticated:
        return redirect(url_for(START_PAGES[current_user.role]))
    return render_template("portal/index.html")


@bp.post("/sprog")
@public
def set_language() -> Response:
    """Remember the chosen language for this session and the user's account."""
    lang = request.form.get("lang", "")
    if lang in dict(LANGUAGE_CHOICES):
        session["lang"] = lang
        if current_user.is_authenticated:
            set_user_locale(get_session(), current_user.id, lang)
    return redirect(safe_next(request.form.get("next"), url_for("portal.index")))


@bp.get("/tilgaengelighed")
@public
def accessibility() -> str:
    """The accessibility statement (tilgængelighedserklæring)."""
    return render_template("portal/accessibility.html")


@bp.get("/om-data")
@public
def about_data() -> str:
    """About the data and the algorithms, and which taxonomy version is loaded."""
    return render_template(
        "portal/about_data.html", taxonomy=describe_taxonomy(get_session())
    )


@bp.get("/privatliv")
@public
def privacy() -> str:
    """The privacy notice."""
    return render_template("portal/privacy.html")


@bp.get("/min-side")
@role_required(Role.CITIZEN)
def dashboard() -> str:
    """The citizen's start page."""
    return render_template("portal/dashboard.html")
