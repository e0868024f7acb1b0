"""An anonymous profile's shown values in words, in the reader's language."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from app.cv.labels import DRIVING_LICENCE_LABELS, language_name
from app.i18n import format_list
from app.labels import EDUCATION_LEVEL_LABELS
from app.ml.taxonomy import Taxonomy
from app.models import EducationLevel


def fit_words(score: float) -> str:
    if score >= 0.6:
        return _("Strong match")
    if score >= 0.35:
        return _("Good match")
    return _("Some match")


_EXPERIENCE = {
    "0": lambda: _("Under a year"),
    "1-2": lambda: _("1-2 years"),
    "3-5": lambda: _("3-5 years"),
    "6-10": lambda: _("6-10 years"),
    "11+": lambda: _("More than 10 years"),
    "0-2": lambda: _("Up to 2 years"),
    "3+": lambda: _("3 years or more"),
}
_EDUCATION_TIER = {
    "basic": lambda: _("Primary or upper secondary school"),
    "vocational": lambda: _("Vocational or short-cycle higher education"),
    "higher": lambda: _("Higher education (bachelor or more)"),
    "none": lambda: _("No completed education recorded"),
}
_DISTANCE = {
    "0-5": lambda: _("Under 5 km"),
    "5-15": lambda: _("5-15 km"),
    "15-30": lambda: _("15-30 km"),
    "30-50": lambda: _("30-50 km"),
    "50+": lambda: _("More than 50 km"),
    "0-15": lambda: _("Under 15 km"),
    "15+": lambda: _("15 km or more"),
    "unknown": lambda: _("Not known"),
}
_SKILL_COUNT = {
    "0": lambda: _("None of the offer's skills"),
    "1-2": lambda: _("1-2 of the offer's skills"),
    "3-5": lambda: _("3-5 of the offer's skills"),
    "6+": lambda: _("6 or more of the offer's skills"),
}


def shown_in_words(
    values: dict[str, Any], taxonomy: Taxonomy, lang: str
) -> list[tuple[str, str]]:
    """The shown values in words, in the reader's language (hidden fields left out)."""
    fields: list[tuple[str, str]] = []
    occupations = values["occupations"]
    if isinstance(occupations, tuple):
        names = sorted(taxonomy.label(uri, lang) for uri in occupations)
        fields.append(
            (_("Has worked as"), format_list(names, lang) if names else _("Not stated"))
        )
    elif isinstance(occupations, bool):
        fields.append(
            (
                _("Has worked in the offer's occupation"),
                _("Yes") if occupations else _("No"),
            )
        )
    skills = values["skills"]
    if isinstance(skills, tuple):
        names = sorted(taxonomy.label(uri, lang) for uri in skills)
        fields.append(
            (
                _("The offer's skills they have"),
                format_list(names, lang) if names else _("None"),
            )
        )
    else:
        fields.append((_("The offer's skills they have"), _SKILL_COUNT[skills]()))
    if values["experience"] is not None:
        fields.append((_("Years of experience"), _EXPERIENCE[values["experience"]]()))
    education = values["education"]
    if education is not None:
        if education in _EDUCATION_TIER:
            text = _EDUCATION_TIER[education]()
        else:
            text = str(EDUCATION_LEVEL_LABELS[EducationLevel(education)])
        fields.append((_("Education"), text))
    if values["languages"] is not None:
        names = sorted(language_name(code, lang) for code in values["languages"])
        fields.append(
            (_("Languages"), format_list(names, lang) if names else _("Not stated"))
        )
    licences = values["licences"]
    if isinstance(licences, tuple):
        names = [str(DRIVING_LICENCE_LABELS.get(c, c)) for c in licences]
        fields.append(
            (_("Driving licences"), format_list(names, lang) if names else _("None"))
        )
    elif isinstance(licences, bool):
        fields.append(
            (_("Driving licence for a car"), _("Yes") if licences else _("No"))
        )
    if values["distance"] is not None:
        fields.append((_("Distance to the workplace"), _DISTANCE[values["distance"]]()))
    return fields
