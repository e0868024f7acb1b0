"""Flask extensions, each wired to the app by init_app in create_app."""

from __future__ import annotations

import functools
from typing import Any

from flask import Flask, g, request, session
from flask_babel import Babel, lazy_gettext
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload

from app import page_cache
from app.db import get_session
from app.models import Caseworker, Citizen, User
from app.urls import parse_int

login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
htmx = HTMX()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def select_locale() -> str:
    """The visitor's language: their choice in this session (log-in puts the account's
    there), else what their browser asks for, else Danish. It never reads the database
    or the user, so an error page can always be drawn in the right language."""
    languages = ("da", "en")
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or "da"


@functools.cache
def _account_statement() -> Select[Any]:
    """The statement behind every logged-in request, built once per process."""
    return (
        select(User, Citizen.id, Caseworker.id, *page_cache.account_versions())
        .outerjoin(Citizen, Citizen.user_id == User.id)
        .outerjoin(Caseworker, Caseworker.user_id == User.id)
        .where(User.id == bindparam("user_id"))
        # The municipality names the reader's organisation in the access log.
        .options(joinedload(User.municipality))
    )


@login_manager.user_loader
def _load_user(user_id: str) -> object | None:
    number = parse_int(user_id)
    if number is None:
        return None
    # With the account, in the same statement, the citizen or caseworker record it
    # belongs to, which nearly every page then asks for (current_citizen_id, me()),
    # and the versions of the pages they keep (app.page_cache).
    row = get_session().execute(_account_statement(), {"user_id": number}).first()
    if row is None or not row[0].active:
        return None
    user, citizen_id, caseworker_id, *versions = row
    g.setdefault("citizen_ids", {})[user.id] = citizen_id
    g.setdefault("caseworker_ids", {})[user.id] = caseworker_id
    page_cache.remember_versions(user, citizen_id, versions)
    return user


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    htmx.init_app(app)
    app.config.setdefault(
        "RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://"
    )
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)


def client_address() -> str:
    """The address a request came from (behind a proxy, configure ProxyFix)."""
    return request.remote_addr or "unknown"
