"""The marketplace of approved service providers."""

from flask import Blueprint

bp = Blueprint("marketplace", __name__, template_folder="templates")

from app.marketplace import views  # noqa: E402,F401  (registers the routes)
