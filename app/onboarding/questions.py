"""The early screening: ten questions about the citizen's situation, and their form.

The answers are the citizen's own; segmentation reads them, and the citizen sees and
changes them on "Min situation".
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from app.labels import (
    CONFIDENCE_LABELS,
    EXPECTED_TIME_LABELS,
    LIMITS_LABELS,
    SCREENING_LANGUAGE_LABELS,
    SUPPORT_WISH_LABELS,
    TRANSPORT_LABELS,
)
from app.models import (
    Confidence,
    ExpectedTime,
    LanguageLevel,
    Limits,
    SupportWish,
    Transport,
)
from app.onboarding.forms import Choice
from app.text_input import text_field


def _choices(labels: dict[Any, Any]) -> list[tuple[str, Any]]:
    return [(member.value, words) for member, words in labels.items()]


SCREENING_QUESTIONS: list[tuple[str, Any, list[tuple[str, Any]], Any]] = [
    (
        "expected_time_to_job",
        _l("How soon do you think you will find a job?"),
        _choices(EXPECTED_TIME_LABELS),
        _l("Answer how soon you think you will find a job."),
    ),
    (
        "health_limits",
        _l("Does your health limit the work you can do?"),
        _choices(LIMITS_LABELS),
        _l("Answer whether your health limits the work you can do."),
    ),
    (
        "danish_level",
        _l("How well do you speak and write Danish?"),
        _choices(SCREENING_LANGUAGE_LABELS),
        _l("Answer how well you speak and write Danish."),
    ),
    (
        "english_level",
        _l("How well do you speak and write English?"),
        _choices(SCREENING_LANGUAGE_LABELS),
        _l("Answer how well you speak and write English."),
    ),
    (
        "childcare_limits",
        _l("Does looking after children limit when or how much you can work?"),
        _choices(LIMITS_LABELS),
        _l("Answer whether looking after children limits your work."),
    ),
    (
        "transport",
        _l("How do you usually get to work?"),
        _choices(TRANSPORT_LABELS),
        _l("Answer how you usually get to work."),
    ),
    (
        "it_confidence",
        _l("How sure are you at using a computer or phone for e-mail and forms?"),
        _choices(CONFIDENCE_LABELS),
        _l("Answer how sure you are at using a computer or phone."),
    ),
    (
        "search_confidence",
        _l("How sure are you at finding and applying for jobs?"),
        _choices(CONFIDENCE_LABELS),
        _l("Answer how sure you are at finding and applying for jobs."),
    ),
    (
        "wants_support",
        _l("Would you like support from a person at the job centre?"),
        _choices(SUPPORT_WISH_LABELS),
        _l("Answer whether you would like support from a person."),
    ),
]


SCREENING_ENUMS = {
    "expected_time_to_job": ExpectedTime,
    "health_limits": Limits,
    "danish_level": LanguageLevel,
    "english_level": LanguageLevel,
    "childcare_limits": Limits,
    "transport": Transport,
    "it_confidence": Confidence,
    "search_confidence": Confidence,
    "wants_support": SupportWish,
}


class ScreeningForm(FlaskForm):
    """The ten questions; the radio groups are added below from SCREENING_QUESTIONS."""

    def answers(self) -> dict[str, Any]:
        """The answers as the model's enum values."""
        values: dict[str, Any] = {
            name: SCREENING_ENUMS[name](getattr(self, name).data)
            for name in SCREENING_ENUMS
        }
        values["needs_in_own_words"] = self.needs_in_own_words.data or None
        return values

    def question_fields(self) -> list[Any]:
        return [getattr(self, name) for name, *_rest in SCREENING_QUESTIONS]


for _name, _question, _choices, _message in SCREENING_QUESTIONS:
    setattr(ScreeningForm, _name, Choice(_question, _choices, _message))
# Fields are ordered by creation: keep the free text after the questions.
ScreeningForm.needs_in_own_words = text_field(
    _l("Is there anything else you need to get a job? (optional)"),
    1000,
    multiline=True,
)
