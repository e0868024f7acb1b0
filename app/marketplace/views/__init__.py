"""The marketplace's pages, one blueprint with views by audience: citizen.py (the
catalogue, choosing and "Mine tilbud"), provider.py (/udbyder and the application),
staff.py (the caseworker's decisions and the administrators' queues)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash
from flask_babel import lazy_gettext as _l

from app.marketplace.services import MarketplaceError, NotFound

bp = Blueprint("marketplace", __name__, template_folder="../templates")

# What each MarketplaceError code means to a person.
ERRORS: dict[str, Any] = {
    "already": _l("You have already chosen this service."),
    "state": _l("That is no longer possible: the page was out of date. Look again."),
    "reason": _l("Write the reason."),
    "rating": _l("Choose a rating."),
    "cvr": _l("The CVR number is not valid."),
    "cvr_taken": _l("An organisation with this CVR number has already applied."),
    "attendance": _l("Write a number from 0 to 100."),
    "body": _l("Write the message."),
    "link_unknown": _l("This link is not valid. Check that you copied all of it."),
    "link_used": _l(
        "This link has already been used. Log in with your password, or ask the job "
        "centre's administrator for a new link."
    ),
    "link_expired": _l(
        "This link has expired. Ask the job centre's administrator for a new link."
    ),
    "password_length": _l("Use a password of 12 to 200 characters."),
}


def attempt(action: Callable[[], Any]) -> Any:
    """Run a service call: NotFound answers 404, a refused action flashes why (None)."""
    try:
        return action()
    except NotFound:
        abort(404)
    except MarketplaceError as error:
        flash(ERRORS.get(str(error), ERRORS["state"]), "error")
        return None


def found(action: Callable[[], Any]) -> Any:
    """Run a read: NotFound answers 404."""
    try:
        return action()
    except NotFound:
        abort(404)


from app.marketplace.views import citizen, provider, staff  # noqa: E402,F401
