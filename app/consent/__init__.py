"""My data ("Mine data"): insight, correction, export, consent and objection."""

from flask import Blueprint

bp = Blueprint("consent", __name__, template_folder="templates")

from app.consent import staff_views, views  # noqa: E402,F401  (registers the routes)
