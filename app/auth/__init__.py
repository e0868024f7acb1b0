"""Log-in and log-out: MitID (OpenID Connect) for citizens, e-mail and password for staff."""

from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from app.auth import views  # noqa: E402,F401  (registers the routes)
