"""The public pages and the citizen's own portal ("Min side")."""

from flask import Blueprint

bp = Blueprint("portal", __name__, template_folder="templates")

from app.portal import (  # noqa: E402,F401  (registers the routes)
    cv_views,
    jobs_views,
    jobsearch_views,
    onboarding_views,
    preferences_views,
    track_views,
    views,
)
