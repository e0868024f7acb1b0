"""The reader's language, and dates, times, numbers and lists as read in Denmark.

Every page and export formats through these helpers, so a time is Europe/Copenhagen
time wherever it is shown, Danish pages read "7. december 2026 kl. 03.16" and English
pages the British way, "7 December 2026, 03:16" (Babel's en_GB, not US English).
Times are stored in UTC: SQLite hands them back naive, PostgreSQL aware; both work.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_skeleton, format_time, format_timedelta
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal
from flask import Flask
from flask_babel import force_locale, get_locale, gettext

DANISH_TIME = ZoneInfo("Europe/Copenhagen")
LANGUAGES = ("da", "en")
# The Babel locale each page language is formatted in: English as written in Britain
# (day before month, 24-hour clock), as Danish readers of English expect.
FORMAT_LOCALES = {"da": "da_DK", "en": "en_GB"}
# How a day and a time of day are joined: "7. december 2026 kl. 03.16" reads as
# Danish public services write it; "7 December 2026, 03:16" is Babel's en_GB join.
_DAY_AND_TIME = {"da": "{day} kl. {time}", "en": "{day}, {time}"}
# Dates and times stored as text (the change history, correction requests).
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?"
)

DayStyle = Literal["short", "medium", "long"]
WhenStyle = Literal["short", "long"]
StoredStyle = Literal["short", "long", "iso"]


def current_lang() -> str:
    """The language of the page being rendered ("da" or "en")."""
    return str(get_locale() or "da")


def format_locale(lang: str | None = None) -> str:
    """The Babel locale to format in for a page language ("en" -> "en_GB")."""
    lang = lang or current_lang()
    return FORMAT_LOCALES.get(lang, FORMAT_LOCALES["da"])


def in_denmark(value: datetime) -> datetime:
    """A stored time in Danish time (a naive value is UTC, as SQLite hands it back)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(DANISH_TIME)


def format_day(
    value: date | datetime, lang: str | None = None, style: DayStyle = "long"
) -> str:
    """A day: "7. december 2026" ("7 December 2026"); medium "7. dec. 2026", short
    "07.12.2026" ("07/12/2026"). A time is first turned into its Danish day."""
    if isinstance(value, datetime):
        value = in_denmark(value).date()
    return format_date(value, style, locale=format_locale(lang))


def format_month(
    value: date | datetime, lang: str | None = None, abbreviated: bool = False
) -> str:
    """A month and year: "december 2026" ("December 2026"), or "dec. 2026"."""
    if isinstance(value, datetime):
        value = in_denmark(value).date()
    skeleton = "yMMM" if abbreviated else "yMMMM"
    return format_skeleton(skeleton, value, locale=format_locale(lang))


def format_when(
    value: datetime | date, lang: str | None = None, style: WhenStyle = "long"
) -> str:
    """A moment in Danish time: "7. december 2026 kl. 03.16" ("7 December 2026,
    03:16"); short "07.12.2026 03.16" ("07/12/2026, 03:16"), for spreadsheets."""
    if not isinstance(value, datetime):
        return format_day(value, lang, "short" if style == "short" else "long")
    lang = lang or current_lang()
    local = in_denmark(value)
    time = format_time(local, "short", locale=format_locale(lang))
    if style == "short":
        return f"{format_day(local, lang, 'short')} {time}"
    joined = _DAY_AND_TIME.get(lang, _DAY_AND_TIME["da"])
    return joined.format(day=format_day(local, lang), time=time)


def format_time_of_day(value: datetime, lang: str | None = None) -> str:
    """The clock time in Denmark only: "03.16" ("03:16")."""
    return format_time(in_denmark(value), "short", locale=format_locale(lang))


def format_iso(value: datetime | date) -> str:
    """A machine-readable time (JSON) in Danish time with its offset:
    "2026-12-07T03:16:00+01:00"; a day as "2026-12-07"."""
    if isinstance(value, datetime):
        return in_denmark(value).isoformat(timespec="seconds")
    return value.isoformat()


def format_ago(
    value: date | datetime, lang: str | None = None, today: date | None = None
) -> str:
    """How long ago, counted in Danish calendar days: "i dag", "i går",
    "for 3 dage siden" ("today", "yesterday", "3 days ago")."""
    lang = lang or current_lang()
    if isinstance(value, datetime):
        value = in_denmark(value).date()
    today = today or datetime.now(DANISH_TIME).date()
    days = (today - value).days
    if days <= 1:
        with force_locale(lang):
            return gettext("yesterday") if days == 1 else gettext("today")
    return format_timedelta(
        timedelta(days=-days),
        granularity="day",
        add_direction=True,
        locale=format_locale(lang),
    )


def format_stored(
    text: str, lang: str | None = None, style: StoredStyle = "long"
) -> str:
    """A value kept as text (the change history, a correction request): an ISO day
    or time reads as a Danish day or time (style "iso": as format_iso writes it, for
    JSON); any other text is returned as it is."""
    if _ISO_DAY.fullmatch(text):
        if style == "iso":
            return text
        parsed = date.fromisoformat(text)
        return format_day(parsed, lang, "short" if style == "short" else "long")
    if _ISO_TIME.fullmatch(text):
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if style == "iso":
            return format_iso(instant)
        return format_when(instant, lang, style)
    return text


def number(value: float, lang: str) -> str:
    """A number with the reader's separators ("1.234" in Danish)."""
    return format_decimal(value, locale=format_locale(lang))


def format_list(items: list[Any], lang: str | None = None) -> str:
    """["a", "b", "c"] as "a, b og c" in Danish ("a, b and c" in British English)."""
    if not items:
        return ""
    return babel_format_list([str(item) for item in items], locale=format_locale(lang))


def _on_page(helper: Any) -> Any:
    """The helper in the page's language, for templates: `x | format_day("medium")`
    passes the style, never the language; nothing (None) reads as nothing."""

    def page_helper(value: Any, *args: Any, **kwargs: Any) -> str:
        return helper(value, None, *args, **kwargs) if value is not None else ""

    page_helper.__doc__ = helper.__doc__
    return page_helper


TEMPLATE_HELPERS = {
    helper.__name__: _on_page(helper)
    for helper in (
        format_day,
        format_month,
        format_when,
        format_time_of_day,
        format_ago,
        format_stored,
    )
}


def init_app(app: Flask) -> None:
    """Offer the helpers to every template, as globals and filters, in the language of
    the page (the language is read when a helper is called, so pass none)."""
    app.jinja_env.globals.update(TEMPLATE_HELPERS)
    app.jinja_env.filters.update(TEMPLATE_HELPERS)
    app.jinja_env.globals.update(format_list=format_list)
