"""Forms of "Mit CV". Every text is checked for length, control characters and
direction overrides; years and months must make sense and end after they start."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Field,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from app.cv.labels import DRIVING_LICENCE_LABELS, DRIVING_LICENCES, PERSONAL_COMPETENCES
from app.labels import EDUCATION_LEVEL_LABELS, LANGUAGE_LEVEL_LABELS
from app.models import EducationLevel, LanguageLevel
from app.text_input import BAD_CHARACTERS_MESSAGE, has_bad_characters, parse_date, tidy

EARLIEST_YEAR = 1940


def clean_text(value: str | None) -> str:
    """Text as stored: Unicode NFC, the ends trimmed ("" for nothing)."""
    return tidy(value or "")


class PlainText:
    """A text of at most `limit` characters without control characters (newlines are
    allowed where `multiline`); `required` adds the message shown when it is empty."""

    def __init__(
        self, limit: int, required: Any = None, *, multiline: bool = False
    ) -> None:
        self.limit = limit
        self.required = required
        self.multiline = multiline

    def __call__(self, form: FlaskForm, field: Field) -> None:
        text = clean_text(field.data)
        if not text:
            if self.required:
                raise ValidationError(self.required)
            return
        if len(text) > self.limit:
            raise ValidationError(
                _l("Use at most %(limit)s characters.", limit=self.limit)
            )
        if has_bad_characters(text, self.multiline):
            raise ValidationError(BAD_CHARACTERS_MESSAGE)


def _year(value: str | None, *, latest: int) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    if not (text.isdigit() and len(text) == 4):
        raise ValidationError(_l("Enter a year with four digits, for example 2019."))
    year = int(text)
    if not EARLIEST_YEAR <= year <= latest:
        raise ValidationError(
            _l(
                "Enter a year from %(low)s to %(high)s.",
                low=EARLIEST_YEAR,
                high=latest,
            )
        )
    return year


def parse_day(value: str | None) -> date | None:
    """A date written as 31.12.2027 (Danish), 31-12-2027 or 2027-12-31; None if empty.

    ValueError when it is not a real date.
    """
    text = (value or "").strip()
    if not text:
        return None
    parsed = parse_date(text)
    if parsed is None:
        raise ValueError(text)
    return parsed


def _month_choices() -> list[SelectChoice]:
    names = (
        _l("January"),
        _l("February"),
        _l("March"),
        _l("April"),
        _l("May"),
        _l("June"),
        _l("July"),
        _l("August"),
        _l("September"),
        _l("October"),
        _l("November"),
        _l("December"),
    )
    return [SelectChoice("", _l("Choose a month"))] + [
        SelectChoice(str(number), name) for number, name in enumerate(names, start=1)
    ]


class EducationForm(FlaskForm):
    level = SelectField(
        _l("Type of education"),
        choices=[SelectChoice("", _l("Choose a type"))]
        + [
            SelectChoice(level.value, label)
            for level, label in EDUCATION_LEVEL_LABELS.items()
        ],
        validate_choice=False,
    )
    title = StringField(
        _l("Name of the education"),
        validators=[PlainText(200, _l("Enter the name of the education."))],
    )
    institution = StringField(
        _l("School or place of study"), validators=[PlainText(200)]
    )
    start_year = StringField(_l("Year started"))
    end_year = StringField(_l("Year finished or expected to finish"))
    completed = BooleanField(_l("I have completed this education"))

    def validate_level(self, field: SelectField) -> None:
        if field.data not in {level.value for level in EducationLevel}:
            raise ValidationError(_l("Choose the type of education."))

    def validate_start_year(self, field: StringField) -> None:
        _year(field.data, latest=date.today().year)

    def validate_end_year(self, field: StringField) -> None:
        end = _year(field.data, latest=date.today().year + 8)
        try:
            start = _year(self.start_year.data, latest=date.today().year)
        except ValidationError:
            return
        if start is not None and end is not None and end < start:
            raise ValidationError(
                _l("The year finished cannot be before the year started.")
            )

    def values(self) -> dict[str, Any]:
        today = date.today().year
        return {
            "level": EducationLevel(self.level.data),
            "title": clean_text(self.title.data),
            "institution": clean_text(self.institution.data) or None,
            "start_year": _year(self.start_year.data, latest=today),
            "end_year": _year(self.end_year.data, latest=today + 8),
            "completed": bool(self.completed.data),
        }

    def fill(self, row: Any) -> None:
        self.level.data = row.level.value
        self.title.data = row.title
        self.institution.data = row.institution or ""
        self.start_year.data = str(row.start_year or "")
        self.end_year.data = str(row.end_year or "")
        self.completed.data = row.completed


class WorkForm(FlaskForm):
    title = StringField(
        _l("Job title"),
        validators=[PlainText(200, _l("Enter your job title."))],
    )
    occupation = StringField(_l("Occupation"), validators=[PlainText(200)])
    occupation_uri = HiddenField()
    employer = StringField(_l("Employer"), validators=[PlainText(200)])
    hide_employer = BooleanField(_l("Hide the employer's name from employers"))
    started_month = SelectField(
        _l("Month started"), choices=_month_choices(), validate_choice=False
    )
    started_year = StringField(_l("Year started"))
    ended_month = SelectField(
        _l("Month ended"), choices=_month_choices(), validate_choice=False
    )
    ended_year = StringField(_l("Year ended"))
    description = TextAreaField(
        _l("What you did"), validators=[PlainText(1000, multiline=True)]
    )

    def _month(self, field: SelectField, required: bool) -> int | None:
        if not field.data:
            if required:
                raise ValidationError(_l("Choose the month."))
            return None
        if field.data not in {str(n) for n in range(1, 13)}:
            raise ValidationError(_l("Choose the month."))
        return int(field.data)

    def validate_started_month(self, field: SelectField) -> None:
        self._month(field, required=True)

    def validate_started_year(self, field: StringField) -> None:
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter the year you started."))
        _year(field.data, latest=date.today().year)

    def validate_ended_month(self, field: SelectField) -> None:
        self._month(field, required=bool((self.ended_year.data or "").strip()))

    def validate_ended_year(self, field: StringField) -> None:
        end_year = _year(field.data, latest=date.today().year)
        if end_year is None:
            if self.ended_month.data:
                raise ValidationError(_l("Enter the year you stopped."))
            return
        try:
            start, end = self.started_on(), self.ended_on()
        except (ValidationError, ValueError):
            return
        if end is not None and end < start:
            raise ValidationError(_l("The job cannot end before it started."))

    def started_on(self) -> date:
        year = _year(self.started_year.data, latest=date.today().year)
        month = self._month(self.started_month, required=True)
        if year is None or month is None:
            raise ValidationError(_l("Enter the year you started."))
        return date(year, month, 1)

    def ended_on(self) -> date | None:
        year = _year(self.ended_year.data, latest=date.today().year)
        month = self._month(self.ended_month, required=year is not None)
        return date(year, month, 1) if year is not None and month is not None else None

    def check_dates_not_in_future(self) -> bool:
        today = date.today().replace(day=1)
        ok = True
        if self.started_on() > today:
            self.started_year.errors = [_l("The start cannot be in the future.")]
            ok = False
        ended = self.ended_on()
        if ended is not None and ended > today:
            self.ended_year.errors = [
                _l("Leave the end empty if you still have this job.")
            ]
            ok = False
        return ok

    def values(self, occupation_uri: str | None) -> dict[str, Any]:
        return {
            "title_as_written": clean_text(self.title.data),
            "occupation_uri": occupation_uri,
            "employer": clean_text(self.employer.data) or None,
            "hide_employer": bool(self.hide_employer.data),
            "started_on": self.started_on(),
            "ended_on": self.ended_on(),
            "description": clean_text(self.description.data) or None,
        }

    def fill(self, entry: Any) -> None:
        row = entry.row
        self.title.data = row.title_as_written
        self.occupation.data = entry.occupation_label or ""
        self.occupation_uri.data = entry.occupation_uri or ""
        self.employer.data = row.employer or ""
        self.hide_employer.data = row.hide_employer
        self.started_month.data = str(row.started_on.month)
        self.started_year.data = str(row.started_on.year)
        if row.ended_on:
            self.ended_month.data = str(row.ended_on.month)
            self.ended_year.data = str(row.ended_on.year)
        self.description.data = row.description or ""


class CertificateForm(FlaskForm):
    name = StringField(
        _l("Name of the certificate or course"),
        validators=[PlainText(200, _l("Enter the name of the certificate."))],
    )
    issuer = StringField(_l("Issued by"), validators=[PlainText(200)])
    valid_until = StringField(_l("Valid until"))

    def validate_valid_until(self, field: StringField) -> None:
        try:
            day = parse_day(field.data)
        except ValueError:
            raise ValidationError(
                _l("Enter a real date like 31.12.2027, or leave the field empty.")
            ) from None
        if day is not None and not EARLIEST_YEAR <= day.year <= 2200:
            raise ValidationError(
                _l("Enter a real date like 31.12.2027, or leave the field empty.")
            )

    def values(self) -> dict[str, Any]:
        return {
            "name": clean_text(self.name.data),
            "issuer": clean_text(self.issuer.data) or None,
            "valid_until": parse_day(self.valid_until.data),
        }

    def fill(self, row: Any) -> None:
        self.name.data = row.name
        self.issuer.data = row.issuer or ""
        self.valid_until.data = (
            row.valid_until.strftime("%d.%m.%Y") if row.valid_until else ""
        )


class SkillForm(FlaskForm):
    skill = StringField(_l("Skill"), validators=[PlainText(200)])
    skill_uri = HiddenField()

    def validate_skill(self, field: StringField) -> None:
        if not clean_text(field.data) and not (self.skill_uri.data or "").strip():
            raise ValidationError(
                _l("Type a skill and choose it from the suggestions.")
            )


class LanguageForm(FlaskForm):
    language = SelectField(_l("Language"), validate_choice=False)
    level = SelectField(
        _l("How well you speak and write it"),
        choices=[SelectChoice("", _l("Choose a level"))]
        + [
            SelectChoice(level.value, label)
            for level, label in LANGUAGE_LEVEL_LABELS.items()
        ],
        validate_choice=False,
    )

    def validate_language(self, field: SelectField) -> None:
        if field.data not in {choice.value for choice in field.choices if choice.value}:
            raise ValidationError(_l("Choose a language from the list."))

    def validate_level(self, field: SelectField) -> None:
        if field.data not in {level.value for level in LANGUAGE_LEVEL_LABELS}:
            raise ValidationError(
                _l("Choose how well you speak and write the language.")
            )

    @property
    def level_value(self) -> LanguageLevel:
        return LanguageLevel(self.level.data)


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class CompetencesForm(FlaskForm):
    codes = MultiCheckboxField(
        _l("Choose the words that describe you"),
        choices=[
            SelectChoice(code, label) for code, label in PERSONAL_COMPETENCES.items()
        ],
        validate_choice=False,
    )
    free_text = TextAreaField(
        _l("In your own words (optional)"),
        validators=[PlainText(200, multiline=True)],
    )

    def validate_codes(self, field: MultiCheckboxField) -> None:
        if set(field.data or ()) - set(PERSONAL_COMPETENCES):
            raise ValidationError(_l("Choose from the list."))


class LicencesForm(FlaskForm):
    categories = MultiCheckboxField(
        _l("Driving licences you hold"),
        choices=[
            SelectChoice(code, DRIVING_LICENCE_LABELS[code])
            for code in DRIVING_LICENCES
        ],
        validate_choice=False,
    )

    def validate_categories(self, field: MultiCheckboxField) -> None:
        if set(field.data or ()) - set(DRIVING_LICENCES):
            raise ValidationError(_l("Choose from the list."))


class VisibilityForm(FlaskForm):
    searchable = BooleanField(_l("Employers may search for and read my CV"))
    hide_contact_details = BooleanField(
        _l("Hide my contact details until I reply to an employer")
    )
