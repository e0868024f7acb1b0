"""My data ("Mine data"): insight, correction, export, consent and objection."""

from datetime import date, datetime
from typing import Any

from flask import Blueprint
from flask_babel import get_locale

bp = Blueprint("consent", __name__, template_folder="templates")


@bp.context_processor
def _danish_time() -> dict[str, Any]:
    """moment(dt) and day(d): dates and times as read in Denmark, in the page's language."""
    from app.consent.services import _Formatter

    def formatter() -> _Formatter:
        return _Formatter(None, str(get_locale() or "da"))  # type: ignore[arg-type]

    def moment(value: datetime | None) -> str:
        return formatter().moment(value) if value is not None else ""

    def day(value: date | datetime | None) -> str:
        return formatter().date(value) if value is not None else ""

    return {"moment": moment, "day": day}


from app.consent import staff_views, views  # noqa: E402,F401  (registers the routes)
