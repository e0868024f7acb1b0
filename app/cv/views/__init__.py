"""The citizen's CV ("Mit CV"): an overview as employers see it, and a page per section.

Education, jobs and certificates have add, edit and remove pages each (one pattern,
three kinds); skills and languages are listed with an add form and a remove page;
personal competences, driving licences and visibility are one form each. Removing
always asks first. Someone else's row id answers 404.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, render_template, url_for
from werkzeug.wrappers import Response

from app import page_cache
from app.cv import queries
from app.cv.labels import DRIVING_LICENCE_LABELS, PERSONAL_COMPETENCES
from app.db import get_session
from app.i18n import current_lang
from app.labels import EDUCATION_LEVEL_LABELS, LANGUAGE_LEVEL_LABELS
from app.models import Role
from app.security import current_citizen_id, role_required

bp = Blueprint("cv", __name__, template_folder="../templates")

CITIZEN = Role.CITIZEN


def _back() -> Response:
    return redirect(url_for("cv.overview"))


def _row(kind: str, row_id: int) -> Any:
    try:
        return queries.entry_for(get_session(), current_citizen_id(), kind, row_id)
    except LookupError:
        abort(404)


@bp.get("/mit-cv")
@role_required(CITIZEN)
@page_cache.cached(page_cache.own_pages)
def overview() -> str:
    """The whole CV as an employer would see it, with a link to change each section."""
    session = get_session()
    citizen_id = current_citizen_id()
    return render_template(
        "cv/overview.html",
        cv=queries.cv_for(session, citizen_id, current_lang()),
        searchable=queries.share_cv_in_force(session, citizen_id),
        labels=_labels(),
    )


def _labels() -> dict[str, Any]:
    return {
        "education_levels": EDUCATION_LEVEL_LABELS,
        "language_levels": LANGUAGE_LEVEL_LABELS,
        "competences": PERSONAL_COMPETENCES,
        "licences": DRIVING_LICENCE_LABELS,
    }


# The routes of each part of the CV (imported last: they register on bp).
from app.cv.views import rows, sections  # noqa: E402,F401
