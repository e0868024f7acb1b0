"""The staff side: caseworkers' workspace and municipal administration."""

from flask import Blueprint

bp = Blueprint("advisor", __name__, template_folder="templates")

from app.advisor import (  # noqa: E402,F401  (registers the routes)
    case_views,
    model_views,
    views,
)
