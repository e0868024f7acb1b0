"""The public pages and the citizen's own portal ("Min side")."""

from flask import Blueprint

bp = Blueprint("portal", __name__, template_folder="templates")

from app.portal import jobs_views, views  # noqa: E402,F401  (registers the routes)
