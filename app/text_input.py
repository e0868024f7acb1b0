"""Typed text and dates: one policy for every form.

Text is stored as NFC with the ends trimmed, and cut one character past its field's
limit before anything else reads it (so a megabyte sent costs no more work than the
limit allows, and still gets "too long"). Letters, marks, numbers, punctuation,
symbols (emoji too) and spaces are welcome; control, format (bidirectional overrides,
zero-width), private-use and unassigned characters are refused, because they can make
text display as something other than what is stored. New lines only in text areas.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_ALLOWED_FORMAT = frozenset({"\u200d"})  # the zero-width joiner inside emoji sequences
_LINE_BREAKS = frozenset({"\n", "\r", "\t"})
_DANISH_DATE = re.compile(r"^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$")

BAD_CHARACTERS_MESSAGE = _l(
    "Remove the special or invisible characters from the text, "
    "for example by typing it again."
)


# More than any field accepts: whatever is sent, no filter, check or search after
# `tidy` works on more than this (a field's own limit then says "too long").
MAX_TYPED_TEXT = 10_000


def tidy(value: Any) -> Any:
    """Text as NFC with the ends trimmed, cut at MAX_TYPED_TEXT first (None and
    non-text pass through)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value[:MAX_TYPED_TEXT]).strip()
    return value


def bounded(max_length: int) -> Any:
    """A filter keeping at most one character more than max_length: the Length check
    still says the text is too long, and nothing after it (a search, the occupation
    normaliser) ever works on more than that, whatever was sent."""

    def cut(value: Any) -> Any:
        if isinstance(value, str) and len(value) > max_length + 1:
            return value[: max_length + 1]
        return value

    return cut


def has_bad_characters(text: str, multiline: bool = False) -> bool:
    """True when the text holds a character no form accepts (see the module doc)."""
    for char in text:
        if char in _ALLOWED_FORMAT or (multiline and char in _LINE_BREAKS):
            continue
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            return True
    return False


class PlainText:
    """A WTForms validator refusing the characters has_bad_characters refuses."""

    def __init__(self, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, form: Any, field: Any) -> None:
        if field.data and has_bad_characters(field.data, self.multiline):
            raise ValidationError(BAD_CHARACTERS_MESSAGE)


def parse_date(value: str) -> date | None:
    """A date typed as 2026-11-23 (the date picker) or 23.11.2026 / 23-11-2026."""
    value = value.strip()
    try:
        if len(value) == 10 and value[4] == "-":
            return date.fromisoformat(value)
        match = _DANISH_DATE.match(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        return None
    return None


def text_field(
    label: Any,
    max_length: int,
    required: Any = None,
    multiline: bool = False,
    **kwargs: Any,
) -> Any:
    """A text field under this policy: tidied, at most max_length characters, no
    refused characters; `required` is the message shown when it is left empty."""
    validators: list[Any] = [DataRequired(message=required) if required else Optional()]
    validators += [
        Length(
            max=max_length,
            message=_l("Use at most %(max)s characters.", max=max_length),
        ),
        PlainText(multiline=multiline),
    ]
    field = TextAreaField if multiline else StringField
    return field(
        label, validators=validators, filters=[tidy, bounded(max_length)], **kwargs
    )
