"""The reader's language, and dates, times, numbers and lists as read in Denmark.

Every page and export formats through these helpers, so a time is Europe/Copenhagen
time wherever it is shown and a list reads "a, b og c" in Danish.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal
from flask import Flask
from flask_babel import get_locale

DANISH_TIME = ZoneInfo("Europe/Copenhagen")
LANGUAGES = ("da", "en")


def current_lang() -> str:
    """The language of the page being rendered ("da" or "en")."""
    return str(get_locale() or "da")


def in_denmark(value: datetime) -> datetime:
    """A stored time in Danish time (SQLite hands back naive datetimes, stored in UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(DANISH_TIME)


def day(value: date | datetime, lang: str, pattern: str = "long") -> str:
    """A date in words ("7. december 2026"); a time is first turned into Danish time."""
    if isinstance(value, datetime):
        value = in_denmark(value).date()
    return format_date(value, pattern, locale=lang)


def moment(value: datetime, lang: str) -> str:
    """A date and time in Danish time ("7. december 2026, 03.17")."""
    local = in_denmark(value)
    return f"{day(local, lang)}, {format_time(local, 'short', locale=lang)}"


def number(value: float, lang: str) -> str:
    """A number with the reader's separators ("1.234" in Danish)."""
    return format_decimal(value, locale=lang)


def format_list(items: list[Any], lang: str | None = None) -> str:
    """["a", "b", "c"] as "a, b og c" in Danish ("a, b, and c" in English)."""
    if not items:
        return ""
    return babel_format_list(
        [str(item) for item in items], locale=lang or current_lang()
    )


def init_app(app: Flask) -> None:
    """Offer the helpers to every template, in the language of the page."""

    @app.context_processor
    def _formatting() -> dict[str, Any]:
        def page_moment(value: datetime | None) -> str:
            return moment(value, current_lang()) if value is not None else ""

        def page_day(value: date | datetime | None) -> str:
            return day(value, current_lang()) if value is not None else ""

        return {"moment": page_moment, "day": page_day, "format_list": format_list}
