"""Friendly, translated error pages; never a stack trace."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, render_template
from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin
from werkzeug.exceptions import HTTPException, InternalServerError

from app.db import end_failed_transaction

MESSAGES = {
    400: (
        _l("The request could not be understood"),
        _l("Something in what was sent was not valid. Go back and try again."),
    ),
    403: (
        _l("You do not have access to this page"),
        _l(
            "Your role does not give access to this page. If you think it should, contact "
            "your job centre."
        ),
    ),
    404: (
        _l("Page not found"),
        _l(
            "The page may have been moved or deleted. Check the address, or go to the front "
            "page."
        ),
    ),
    405: (
        _l("The request could not be understood"),
        _l("This page cannot be used in that way. Go back and try again."),
    ),
    429: (
        _l("Too many attempts"),
        _l(
            "You have tried too many times in a short while. Wait a minute and try again."
        ),
    ),
    500: (
        _l("Sorry, something went wrong"),
        _l(
            "An error occurred on our side. Nothing you did caused it. Try again in a moment."
        ),
    ),
}


# The last resort, when even the error page cannot be drawn: both languages, no
# template, no database.
FALLBACK = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Der opstod en fejl</title></head>
<body><main id="main-content"><h1>Der opstod en fejl</h1>
<p>Der opstod en fejl hos os. Prøv igen om lidt.</p>
<p lang="en">An error occurred on our side. Try again in a moment.</p>
<p><a href="/">Forsiden / Front page</a></p></main></body></html>"""


def render_error(code: int) -> tuple[str, int]:
    """The translated error page. For a server error it neither reads the database nor
    the user (drawn as for a visitor), so it is drawn whatever state the error left."""
    end_failed_transaction()
    heading, text = MESSAGES.get(code, MESSAGES[500])
    context: dict[str, Any] = {"heading": heading, "text": text, "code": code}
    if code >= 500:
        context["current_user"] = AnonymousUserMixin()
    try:
        return render_template("errors/error.html", **context), code
    except Exception:  # noqa: BLE001  (the last resort above)
        current_app.logger.exception("The error page failed")
        return FALLBACK, code


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> tuple[str, int]:
        code = error.code or 500
        if code not in MESSAGES:
            code = 500 if code >= 500 else 400
        return render_error(code)

    @app.errorhandler(InternalServerError)
    def _server_error(_error: Exception) -> tuple[str, int]:
        return render_error(500)

    @app.errorhandler(Exception)
    def _unhandled(error: Exception) -> tuple[str, int]:
        app.logger.exception("Unhandled error", exc_info=error)
        return render_error(500)
