"""Forms of the step guide and the wishes and needs page (the screening questions are in
app.onboarding.questions)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from babel import Locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    RadioField,
    SelectMultipleField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, Length, Optional, ValidationError

from app.labels import REMOTE_WORK_LABELS
from app.models import Channel, HoursPreference
from app.text_input import bounded, parse_date, text_field, tidy

MIN_DISTANCE_KM = 1
MAX_DISTANCE_KM = 500
CONTACT_LANGUAGES = ("da", "en", "ar", "de", "fa", "pl", "ro", "so", "tr", "uk")


def selectable(choices: list[tuple[str, Any]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in choices]


class Choice(RadioField):
    """A radio group whose missing or unknown answer gets the question's own message."""

    def __init__(
        self, label: Any, choices: list[tuple[str, Any]], message: Any, **kw: Any
    ) -> None:
        super().__init__(
            label, choices=selectable(choices), validate_choice=False, **kw
        )
        self.message = message

    def pre_validate(self, form: Any) -> None:
        if self.data not in {choice.value for choice in self.choices}:
            self.data = None
            raise ValidationError(self.message)


# --- step 1: contact details ----------------------------------------------------------

_PHONE = re.compile(r"^\+?[0-9 ]+$")


class ContactForm(FlaskForm):
    phone = StringField(
        _l("Phone number"),
        filters=[tidy, bounded(30)],
        validators=[
            Length(max=30, message=_l("Use at most %(max)s characters.", max=30)),
        ],
    )
    email = EmailField(
        _l("E-mail address"),
        filters=[tidy, bounded(254)],
        validators=[
            Optional(),
            Length(max=254, message=_l("The e-mail address is too long.")),
            Email(
                message=_l("Enter an e-mail address like name@example.dk."),
                check_deliverability=False,
            ),
        ],
    )

    def validate_phone(self, field: StringField) -> None:
        value = field.data or ""
        if not value:
            if not self.email.data:
                raise ValidationError(
                    _l(
                        "Enter a phone number or an e-mail address, so we can reach you."
                    )
                )
            return
        digits = value.replace(" ", "").removeprefix("+")
        if not _PHONE.match(value) or not 8 <= len(digits) <= 15:
            raise ValidationError(
                _l("Enter a phone number of 8 digits, like 12 34 56 78, or +45 first.")
            )

    @property
    def phone_value(self) -> str | None:
        value = " ".join((self.phone.data or "").split())
        return value or None


# --- step 2: how to contact you -------------------------------------------------------

CHANNEL_CHOICES = [
    (Channel.DIGITAL.value, _l("Digitally, by messages here and e-mail")),
    (Channel.PHONE.value, _l("By phone")),
    (Channel.IN_PERSON.value, _l("In person at the job centre")),
]
YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]


def language_choices(locale: str) -> list[tuple[str, str]]:
    """The contact languages, each named in the page's language."""
    here = Locale.parse(locale)
    return [
        (code, Locale.parse(code).get_display_name(here) or code)
        for code in CONTACT_LANGUAGES
    ]


class ChannelForm(FlaskForm):
    channel = Choice(
        _l("How would you like us to contact you?"),
        CHANNEL_CHOICES,
        _l("Choose how you would like us to contact you."),
    )
    language = Choice(
        _l("Which language would you like us to use?"),
        [],
        _l("Choose a language."),
    )
    interpreter = Choice(
        _l("Do you need an interpreter at meetings?"),
        YES_NO,
        _l("Answer whether you need an interpreter."),
    )

    def __init__(self, *args: Any, locale: str = "da", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = selectable(language_choices(locale))


# --- step 4 and the wishes page: occupations, distance and hours ----------------------

HOURS_CHOICES = [
    (HoursPreference.FULL_TIME.value, _l("Full time")),
    (HoursPreference.PART_TIME.value, _l("Part time")),
    (HoursPreference.ANY.value, _l("Full time or part time")),
]


class WishesForm(FlaskForm):
    occupation = text_field(_l("Add an occupation you want to work in"), 200)
    occupation_uri = HiddenField(
        validators=[Optional(), Length(max=255)], filters=[bounded(255)]
    )
    distance = StringField(
        _l("How far will you travel to work, one way (km)?"),
        filters=[tidy],
        validators=[
            Length(max=6, message=_l("Use at most %(max)s characters.", max=6))
        ],
    )
    hours = Choice(
        _l("Which working hours do you want?"),
        HOURS_CHOICES,
        _l("Choose full time, part time or either."),
    )

    def validate_distance(self, field: StringField) -> None:
        value = field.data or ""
        if not value:
            raise ValidationError(_l("Enter how far you will travel, for example 25."))
        if not value.isascii() or not value.isdigit():
            raise ValidationError(
                _l(
                    "Enter the distance as a whole number of kilometres, for example 25."
                )
            )
        if not MIN_DISTANCE_KM <= int(value) <= MAX_DISTANCE_KM:
            raise ValidationError(
                _l(
                    "Enter a distance from %(low)s to %(high)s kilometres.",
                    low=MIN_DISTANCE_KM,
                    high=MAX_DISTANCE_KM,
                )
            )

    @property
    def distance_km(self) -> int:
        return int(self.distance.data)

    @property
    def hours_value(self) -> HoursPreference:
        return HoursPreference(self.hours.data)


REMOTE_CHOICES = [(member.value, words) for member, words in REMOTE_WORK_LABELS.items()]
MAX_START_AHEAD = timedelta(days=2 * 365)


def format_danish_date(value: date | None) -> str:
    return f"{value.day}.{value.month}.{value.year}" if value else ""


class PreferencesForm(WishesForm):
    industries = SelectMultipleField(
        _l("Industries you would like to work in"), choices=[], validate_choice=False
    )
    open_to_other_industries = BooleanField(
        _l("I am also open to jobs in other industries")
    )
    earliest_start = StringField(
        _l("When can you start at the earliest? (optional)"),
        filters=[tidy],
        validators=[
            Length(max=20, message=_l("Use at most %(max)s characters.", max=20))
        ],
    )
    remote_work = Choice(
        _l("Would you like to work from home?"),
        REMOTE_CHOICES,
        _l("Choose whether you would like to work from home."),
    )
    interests = text_field(_l("Your interests (optional)"), 500, multiline=True)
    reduced_hours = BooleanField(_l("I can only work reduced hours"))
    flexjob = BooleanField(_l("I have, or have applied for, a flexjob (fleksjob)"))
    accessibility_needs = text_field(
        _l("What do you need at a workplace to work well? (optional)"),
        500,
        multiline=True,
    )

    def __init__(
        self, *args: Any, industries: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.industries.choices = selectable(industries)

    def validate_industries(self, field: SelectMultipleField) -> None:
        known = {choice.value for choice in field.choices}
        if any(value not in known for value in field.data or []):
            raise ValidationError(_l("Choose industries from the list."))

    def validate_earliest_start(self, field: StringField) -> None:
        if not field.data:
            return
        parsed = parse_date(field.data)
        if parsed is None:
            raise ValidationError(
                _l("Enter a date as day.month.year, for example 1.3.2027.")
            )
        today = date.today()
        if not today <= parsed <= today + MAX_START_AHEAD:
            raise ValidationError(
                _l(
                    "Enter a date from today and up to two years ahead, or leave the "
                    "field empty if you can start now."
                )
            )

    @property
    def earliest_start_value(self) -> date | None:
        return parse_date(self.earliest_start.data or "")
