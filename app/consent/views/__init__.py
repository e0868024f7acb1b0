"""The views of "Mine data": the citizen's own data, consents and objection, requests to
correct data, and the caseworkers' decisions on them."""

from flask import Blueprint

bp = Blueprint("consent", __name__, template_folder="../templates")

# The routes (imported last: they register on bp).
from app.consent.views import consents, corrections, my_data, staff  # noqa: E402,F401
