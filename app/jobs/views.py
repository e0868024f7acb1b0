"""The citizen's job pages: "Job til dig" and "Andre muligheder" (the public search, the
posting, saved jobs and alerts are in app.jobs.public_views)."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from werkzeug.wrappers import Response

from app import page_cache
from app.db import get_session
from app.forms import SuggestionForm
from app.htmx import render_page_or_partial
from app.i18n import current_lang
from app.jobs import queries
from app.jobs.forms import JobFilterForm
from app.models import Role
from app.pagination import page_number
from app.security import current_citizen_id, role_required

bp = Blueprint("jobs", __name__, template_folder="templates")


@bp.get("/job-til-dig")
@role_required(Role.CITIZEN)
@page_cache.cached(page_cache.own_pages)
def for_you() -> Response:
    """Current postings ranked for the citizen, with the reasons; filter by distance and hours."""
    form = JobFilterForm(request.args)
    valid = form.validate()
    filters = form.query_args() if valid else {}
    result = queries.jobs_for(
        get_session(),
        current_citizen_id(),
        page=page_number(request.args.get("page")) if valid else 1,
        max_distance_km=form.distance_km if valid else None,
        hours=form.hours_value if valid else None,
        occupation_uri=form.occupation_uri if valid else None,
        lang=current_lang(),
    )
    if valid:
        # Show the values in force, so the citizen sees what the list is based on.
        if form.distance_km is None and result.max_distance_km is not None:
            form.distance.data = str(int(result.max_distance_km))
        if not form.hours.data:
            form.hours.data = result.hours
    return render_page_or_partial(
        "jobs/jobs.html",
        "jobs/partials/job_results_htmx.html",
        form=form,
        result=result,
        filters=filters,
    )


@bp.get("/andre-muligheder")
@role_required(Role.CITIZEN)
def alternatives() -> str:
    """Occupations in other fields that the citizen's skills carry over to."""
    result = queries.alternatives_for(
        get_session(), current_citizen_id(), lang=current_lang()
    )
    return render_template(
        "jobs/alternatives.html", result=result, search=SuggestionForm()
    )


# The public search, the posting, saved jobs and alerts add their routes to bp.
from app.jobs import public_views  # noqa: E402,F401
