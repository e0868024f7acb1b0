"""The occupation and skill suggestions behind the autocomplete: a listbox or a page."""

from __future__ import annotations

import re

from flask import Blueprint, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from app.db import get_session
from app.forms import SuggestionForm
from app.htmx import render_page_or_partial
from app.i18n import current_lang
from app.models import Role
from app.security import role_required
from app.taxonomy.services import suggest

bp = Blueprint("taxonomy", __name__, template_folder="templates")

# Ids and field names the autocomplete macro may ask the partial to use.
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")
SUGGESTION_LIMIT = 8

SUGGESTION_PAGES = {
    "occupation": (_l("Find an occupation"), _l("Occupation")),
    "skill": (_l("Find a skill"), _l("Skill")),
}


def _suggestions(kind: str, endpoint: str) -> Response:
    listbox = request.args.get("listbox", "")
    listbox = listbox if _NAME.match(listbox) else "suggestions"
    field = request.args.get("field", "q")
    field = field if _NAME.match(field) else "q"
    # The combobox sends its own input by its own name; the fallback form sends q.
    form = SuggestionForm(
        MultiDict({"q": request.args.get(field, request.args.get("q", ""))})
    )
    valid = form.validate()
    query = (form.q.data or "").strip() if valid else ""
    found = []
    if query:
        found = suggest(
            get_session(), query, kind, current_lang(), limit=SUGGESTION_LIMIT
        )
    heading, field_label = SUGGESTION_PAGES[kind]
    form.q.label.text = field_label
    return render_page_or_partial(
        "taxonomy/suggestions.html",
        "taxonomy/partials/suggestions.html",
        form=form,
        query=query,
        suggestions=found,
        kind=kind,
        heading=heading,
        endpoint=endpoint,
        listbox=listbox,
        link_to_jobs=kind == "occupation" and current_user.role is Role.CITIZEN,
    )


@bp.get("/forslag/stillinger")
@role_required(Role.CITIZEN, Role.CASEWORKER)
def suggest_occupations() -> Response:
    """Occupations whose names match what was typed (typos allowed): listbox or page."""
    return _suggestions("occupation", "taxonomy.suggest_occupations")


@bp.get("/forslag/kompetencer")
@role_required(Role.CITIZEN, Role.CASEWORKER)
def suggest_skills() -> Response:
    """Skills whose names match what was typed (typos allowed): listbox or page."""
    return _suggestions("skill", "taxonomy.suggest_skills")
