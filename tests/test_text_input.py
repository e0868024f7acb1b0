"""The one policy for typed text and dates that every form uses."""

from __future__ import annotations

from datetime import date

import pytest

from app.text_input import has_bad_characters, parse_date, tidy


@pytest.mark.parametrize(
    "text",
    [
        "Rødovre Æblemost ÅS",
        "Kokkeelev 👩‍🍳",  # an emoji sequence joined by the zero-width joiner
        "Ünal Özdemir – برنامج",
        "C++ & SQL (3 år)",
    ],
)
def test_real_text_is_accepted(text: str) -> None:
    assert not has_bad_characters(text)


@pytest.mark.parametrize(
    "text",
    [
        "abc\u202edcba",  # right-to-left override: shows as something else
        "skjult\u200btekst",  # zero-width space
        "klokke\x07",  # a control character
        "privat\ue000",  # private use
        "ny\u2028linje",  # line separator
    ],
)
def test_hidden_or_control_characters_are_refused(text: str) -> None:
    assert has_bad_characters(text)
    assert has_bad_characters(text, multiline=True)


def test_new_lines_only_in_text_areas() -> None:
    assert has_bad_characters("første\nanden")
    assert not has_bad_characters("første\r\nanden", multiline=True)


def test_text_is_stored_composed_and_trimmed() -> None:
    assert tidy("  Sa\u0308rlig  ") == "S\u00e4rlig"
    assert tidy(None) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-23", date(2026, 11, 23)),
        ("23.11.2026", date(2026, 11, 23)),
        ("1-3-2027", date(2027, 3, 1)),
        (" 1/3/2027 ", date(2027, 3, 1)),
        ("31.02.2027", None),
        ("2027-13-01", None),
        ("i morgen", None),
        ("", None),
    ],
)
def test_dates_typed_the_danish_way_or_from_the_picker(
    typed: str, expected: date | None
) -> None:
    assert parse_date(typed) == expected
