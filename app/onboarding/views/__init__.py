"""The views of onboarding: the step guide, "Min situation" and "Mine ønsker"."""

from flask import Blueprint

bp = Blueprint("onboarding", __name__, template_folder="../templates")

# The routes (imported last: they register on bp).
from app.onboarding.views import guide, profile  # noqa: E402,F401
