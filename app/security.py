"""Roles, route guards, the current actor, sessions and security headers."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from flask import (
    Flask,
    abort,
    current_app,
    flash,
    g,
    redirect,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.audit import Actor
from app.db import get_session
from app.models import Citizen, Role

F = TypeVar("F", bound=Callable[..., Any])

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


def public(view: F) -> F:
    """Mark a view as open to everyone (the url-map meta-test checks every view is marked)."""
    view.access_roles = None  # type: ignore[attr-defined]
    view.is_public = True  # type: ignore[attr-defined]
    return view


def role_required(*roles: Role) -> Callable[[F], F]:
    """Allow the view only to logged-in users with one of the roles; 403 for others."""
    allowed = frozenset(roles)

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        wrapped.access_roles = allowed  # type: ignore[attr-defined]
        wrapped.is_public = False  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


def current_actor() -> Actor:
    """The logged-in user as an audit Actor."""
    return Actor.of(current_user)


def current_citizen_id() -> int:
    """The logged-in citizen's id (a citizen account without a citizen record: 404);
    asked once a request."""
    known = g.setdefault("citizen_ids", {})
    if current_user.id not in known:
        known[current_user.id] = get_session().scalar(
            select(Citizen.id).where(Citizen.user_id == current_user.id)
        )
    citizen_id = known[current_user.id]
    if citizen_id is None:
        abort(404)
    return citizen_id


# The idle clock moves on at most once a minute, so most requests leave the session
# as it was and send no new cookie (SESSION_REFRESH_EACH_REQUEST is off): a session
# ends after 30 to 31 idle minutes.
SEEN_STEP_SECONDS = 60


def _timestamp() -> float:
    return datetime.now(UTC).timestamp()


def start_session() -> None:
    """Begin the clock for a fresh log-in (called right after login_user)."""
    now = _timestamp()
    session.permanent = True
    session["login_at"] = now
    session["seen_at"] = now
    session["version"] = current_user.session_version or 0


def _session_ended(now: float) -> bool:
    """True when the session has passed a limit, or its user has logged out since."""
    idle = current_app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()
    absolute = current_app.config["ABSOLUTE_SESSION_LIFETIME"].total_seconds()
    login_at = session.get("login_at")
    seen_at = session.get("seen_at")
    return (
        login_at is None
        or seen_at is None
        or now - seen_at > idle
        or now - login_at > absolute
        or session.get("version") != (current_user.session_version or 0)
    )


def enforce_session_limits() -> Response | None:
    """End sessions idle for too long or older than the absolute limit."""
    if not current_user.is_authenticated:
        return None
    now = _timestamp()
    if _session_ended(now):
        lang = session.get("lang")
        logout_user()
        session.clear()
        if lang:
            session["lang"] = lang
        flash(_("You have been logged out because your session expired."), "info")
        return redirect(url_for("auth.login"))
    if now - session["seen_at"] >= SEEN_STEP_SECONDS:
        session["seen_at"] = now
    return None


def set_security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
    )
    if current_app.config["ENV"] == "production":
        # Browsers keep to HTTPS for a year once they have seen this.
        response.headers.setdefault(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
        )
    if request.endpoint != "static" and current_user.is_authenticated:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def init_app(app: Flask) -> None:
    app.before_request(enforce_session_limits)
    app.after_request(set_security_headers)
