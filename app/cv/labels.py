"""The CV's fixed vocabularies: languages, personal competences, driving licences."""

from __future__ import annotations

from typing import Any

from babel import Locale
from flask_babel import lazy_gettext as _l

# Languages common among jobseekers in Denmark; names come from Babel in the reader's
# language, so every name is translated without a catalogue entry.
LANGUAGES: tuple[str, ...] = (
    "da",
    "en",
    "de",
    "sv",
    "no",
    "fr",
    "es",
    "it",
    "pl",
    "ro",
    "lt",
    "uk",
    "ru",
    "bs",
    "tr",
    "ar",
    "fa",
    "ku",
    "ur",
    "so",
    "ti",
    "vi",
    "th",
    "zh",
    "tl",
)


PERSONAL_COMPETENCES: dict[str, Any] = {
    "reliable": _l("Reliable"),
    "cooperative": _l("Good at working with others"),
    "independent": _l("Works independently"),
    "customer_minded": _l("Good with customers"),
    "structured": _l("Structured"),
    "flexible": _l("Flexible"),
    "punctual": _l("Punctual"),
    "positive": _l("Positive"),
    "responsible": _l("Takes responsibility"),
    "quick_learner": _l("Quick to learn"),
    "initiative": _l("Takes initiative"),
    "careful": _l("Careful and thorough"),
    "calm": _l("Keeps calm under pressure"),
    "communicative": _l("Communicates clearly"),
    "creative": _l("Creative"),
    "physically_fit": _l("Good physical stamina"),
}


DRIVING_LICENCES: tuple[str, ...] = (
    "AM",
    "A1",
    "A2",
    "A",
    "B",
    "BE",
    "C1",
    "C1E",
    "C",
    "CE",
    "D1",
    "D1E",
    "D",
    "DE",
)


DRIVING_LICENCE_LABELS: dict[str, Any] = {
    "AM": _l("AM (moped)"),
    "A1": _l("A1 (light motorcycle)"),
    "A2": _l("A2 (medium motorcycle)"),
    "A": _l("A (motorcycle)"),
    "B": _l("B (car)"),
    "BE": _l("BE (car with a large trailer)"),
    "C1": _l("C1 (small lorry)"),
    "C1E": _l("C1E (small lorry with trailer)"),
    "C": _l("C (lorry)"),
    "CE": _l("CE (lorry with trailer)"),
    "D1": _l("D1 (minibus)"),
    "D1E": _l("D1E (minibus with trailer)"),
    "D": _l("D (bus)"),
    "DE": _l("DE (bus with trailer)"),
}


def language_name(code: str, lang: str) -> str:
    """The name of a language in the reader's language, capitalised ("Engelsk")."""
    name = Locale.parse(lang).languages.get(code) or code
    return name[:1].upper() + name[1:]


def language_choices(lang: str) -> list[tuple[str, str]]:
    """(code, name) for the language list, sorted by name in the reader's language."""
    return sorted(
        ((code, language_name(code, lang)) for code in LANGUAGES),
        key=lambda pair: pair[1].casefold(),
    )
