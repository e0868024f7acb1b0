"""The citizen's job pages ("Job til dig", a posting, "Andre muligheder") and suggestions."""

from __future__ import annotations

import re
from typing import Any

from babel.lists import format_list
from flask import abort, render_template, request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from app.db import get_session
from app.htmx import render_page_or_partial
from app.models import Role
from app.portal import bp
from app.portal.forms import JobFilterForm, SuggestionForm, page_number
from app.security import current_citizen_id, role_required
from app.services import matching
from app.services.taxonomy import suggest

# Ids and field names the autocomplete macro may ask the partial to use.
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")
SUGGESTION_LIMIT = 8


@bp.context_processor
def _list_formatting() -> dict[str, Any]:
    return {"format_list": _format_list}


def _format_list(items: list[str]) -> str:
    """["a", "b", "c"] as "a, b og c" in Danish ("a, b, and c" in English)."""
    return format_list([str(item) for item in items], locale=_lang()) if items else ""


def _lang() -> str:
    return str(get_locale() or "da")


@bp.get("/job-til-dig")
@role_required(Role.CITIZEN)
def jobs() -> Response:
    """Current postings ranked for the citizen, with the reasons; filter by distance and hours."""
    form = JobFilterForm(request.args)
    valid = form.validate()
    filters = form.query_args() if valid else {}
    result = matching.jobs_for(
        get_session(),
        current_citizen_id(),
        page=page_number(request.args.get("page")) if valid else 1,
        max_distance_km=form.distance_km if valid else None,
        hours=form.hours_value if valid else None,
        occupation_uri=form.occupation_uri if valid else None,
        lang=_lang(),
    )
    if valid:
        # Show the values in force, so the citizen sees what the list is based on.
        if form.distance_km is None and result.max_distance_km is not None:
            form.distance.data = str(int(result.max_distance_km))
        if not form.hours.data:
            form.hours.data = result.hours
    return render_page_or_partial(
        "portal/jobs.html",
        "portal/partials/job_results_htmx.html",
        form=form,
        result=result,
        filters=filters,
    )


@bp.get("/job/<int:posting_id>")
@role_required(Role.CITIZEN)
def posting(posting_id: int) -> str:
    """One current posting with the reasons it fits (or does not fit) the citizen."""
    match = matching.posting_detail(
        get_session(), current_citizen_id(), posting_id, lang=_lang()
    )
    if match is None:
        abort(404)
    return render_template("portal/posting.html", match=match)


@bp.get("/andre-muligheder")
@role_required(Role.CITIZEN)
def alternatives() -> str:
    """Occupations in other fields that the citizen's skills carry over to."""
    result = matching.alternatives_for(
        get_session(), current_citizen_id(), lang=_lang()
    )
    return render_template(
        "portal/alternatives.html", result=result, search=SuggestionForm()
    )


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
        found = suggest(get_session(), query, kind, _lang(), limit=SUGGESTION_LIMIT)
    heading, field_label = SUGGESTION_PAGES[kind]
    form.q.label.text = field_label
    return render_page_or_partial(
        "portal/jobs_suggestions.html",
        "portal/partials/suggestions.html",
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
    return _suggestions("occupation", "portal.suggest_occupations")


@bp.get("/forslag/kompetencer")
@role_required(Role.CITIZEN, Role.CASEWORKER)
def suggest_skills() -> Response:
    """Skills whose names match what was typed (typos allowed): listbox or page."""
    return _suggestions("skill", "portal.suggest_skills")
