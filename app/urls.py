"""URL helpers: safe return addresses and one strict parser for numbers in URLs.

Numbers in paths and query strings are ASCII digits only (`str.isdigit` also accepts
"²" and "٣", which `int` then refuses or reads as another digit) and must fit the
database's id columns (a signed 64-bit integer); anything else is "not found".
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from werkzeug.routing import IntegerConverter

# The largest value a BIGINT (and SQLite's INTEGER) column holds.
MAX_ID = 2**63 - 1


def safe_next(target: str | None, fallback: str) -> str:
    """A local path to return to, or fallback: never an open redirect."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
    ):
        return fallback
    if "\\" in target:
        return fallback
    return target


def parse_int(text: str | None, low: int = 1, high: int = MAX_ID) -> int | None:
    """ASCII digits within low..high as an int, else None (ids from 1, pages from 1)."""
    if not text or len(text) > 19 or not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if low <= value <= high else None


class IdConverter(IntegerConverter):
    """The `int` converter of every route: ASCII digits, 1 .. MAX_ID, else a 404."""

    regex = r"[0-9]{1,19}"

    def __init__(self, url_map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def init_app(app: Any) -> None:
    app.url_map.converters["int"] = IdConverter
