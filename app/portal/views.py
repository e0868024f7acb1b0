"""Public pages, the language choice, and the citizen's start page ("Min side")."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from app import health, page_cache
from app.auth.services import set_user_locale
from app.db import get_session
from app.htmx import render_page_or_partial
from app.i18n import current_lang
from app.models import Role
from app.portal import services as dashboard_service
from app.security import current_citizen_id, public, role_required
from app.taxonomy.services import describe_taxonomy
from app.templating import LANGUAGE_CHOICES, START_PAGES
from app.urls import safe_next

bp = Blueprint("portal", __name__, template_folder="templates")


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


@bp.get("/healthz")
@public
def healthz() -> tuple[Response, int]:
    """200 and {"status": "ok", ...} when ready, else 503 with what is wrong; no
    session, template or translation."""
    ready, state = health.check()
    response = jsonify({"status": "ok" if ready else "unavailable", **state})
    response.headers["Cache-Control"] = "no-store"
    return response, 200 if ready else 503


@bp.get("/favicon.ico")
@public
def favicon() -> Response:
    """The icon browsers ask for at this fixed address, whatever a page links to."""
    # Read whole (2 KB) rather than streamed, so no open file outlives the request.
    icon = Path(current_app.static_folder or "", "favicon.ico").read_bytes()
    response = Response(icon, mimetype="image/vnd.microsoft.icon")
    # The same for everyone, logged in or not: browsers may keep it for a day.
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    response.add_etag()
    return response.make_conditional(request)


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


# --- "Min side": the citizen's dashboard ---------------------------------------------

CARD_TITLES = {
    "kom-i-gang": _l("Getting started"),
    "min-plan": _l("My plan"),
    "job": _l("Jobs for you"),
    "joblog": _l("Job-search log"),
    "cv": _l("My CV"),
    "virksomheder": _l("Companies that want to meet you"),
    "mine-tilbud": _l("My services"),
    "din-vej": _l("My track"),
    "beskeder": _l("Messages"),
}


def _card_context() -> dict[str, Any]:
    """What every card template needs: the cards' titles."""
    return {"card_titles": CARD_TITLES}


@bp.get("/min-side")
@role_required(Role.CITIZEN)
@page_cache.cached(page_cache.own_pages)
def dashboard() -> str:
    """The citizen's start page: a card for each part of their job search."""
    session = get_session()
    citizen_id = current_citizen_id()
    lang = current_lang()
    return render_template(
        "portal/dashboard.html",
        cards=dashboard_service.all_cards(session, citizen_id, date.today(), lang),
        open_request=dashboard_service.open_contact_request(session, citizen_id),
        **_card_context(),
    )


@bp.get("/min-side/kort/<string:name>")
@role_required(Role.CITIZEN)
def dashboard_card(name: str) -> Response:
    """One card of "Min side": the partial for htmx, a page of its own without."""
    if name not in dashboard_service.CARDS:
        abort(404)
    return card_response(name)


def card_response(name: str) -> Response:
    """A card by its (checked) name: the partial for htmx, its own page without."""
    data = dashboard_service.card(
        get_session(),
        current_citizen_id(),
        name,
        date.today(),
        current_lang(),
    )
    return render_page_or_partial(
        "portal/dashboard_card.html",
        f"portal/partials/cards/{name}.html",
        name=name,
        data=data,
        **_card_context(),
    )
