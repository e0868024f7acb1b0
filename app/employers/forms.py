"""The employers' forms: an offer, an invitation, a citizen's answer, a company."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from app.employers.cvr import valid_cvr
from app.geo import postcode_info
from app.labels import MEETING_MODE_LABELS, OFFER_KIND_LABELS
from app.models import MeetingMode, OfferKind
from app.text_input import parse_date, text_field
from app.urls import parse_int

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def parse_local_time(value: str) -> datetime | None:
    """A time typed as 2026-12-14T10:00 (the picker) or 14.12.2026 10:00, in Danish
    time, as an aware UTC datetime."""
    text = value.strip().replace(" kl. ", " ")
    if len(text) > 20:
        return None
    for sep in ("T", " "):
        if sep in text:
            day_text, _, clock = text.partition(sep)
            day = parse_date(day_text)
            parts = clock.replace(".", ":").split(":")
            if day is None or len(parts) != 2:
                return None
            hour = parse_int(parts[0], low=0, high=23)
            minute = parse_int(parts[1], low=0, high=59)
            if hour is None or minute is None:
                return None
            local = datetime(day.year, day.month, day.day, hour, minute)
            return local.replace(tzinfo=COPENHAGEN).astimezone(UTC)
    return None


class OfferForm(FlaskForm):
    """A work placement, a wage-subsidy job or a coffee meeting."""

    kind = RadioField(
        _l("What do you offer?"),
        choices=[SelectChoice(k.value, lbl) for k, lbl in OFFER_KIND_LABELS.items()],
        validate_choice=False,
    )
    title = text_field(
        _l("Title"), 200, required=_l("Write a title, for example Lagermedarbejder.")
    )
    occupation = text_field(
        _l("Occupation"),
        100,
        required=_l("Write the occupation, for example warehouse worker."),
    )
    description = text_field(_l("About the company and the work"), 4000, multiline=True)
    postcode = StringField(_l("Postcode of the workplace"))
    contact_name = text_field(
        _l("Contact person"), 200, required=_l("Write the contact person's name.")
    )
    contact_phone = text_field(_l("Contact person's phone (optional)"), 30)
    contact_email = text_field(_l("Contact person's e-mail (optional)"), 254)
    starts_on = StringField(_l("First day (work placement and wage subsidy)"))
    ends_on = StringField(_l("Last day (work placement and wage subsidy)"))
    hours_per_week = StringField(_l("Hours a week (work placement and wage subsidy)"))
    learning = text_field(
        _l("What the citizen will learn (work placement and wage subsidy)"),
        2000,
        multiline=True,
    )
    meeting_mode = RadioField(
        _l("Where is the coffee meeting?"),
        choices=[SelectChoice(m.value, lbl) for m, lbl in MEETING_MODE_LABELS.items()],
        validate_choice=False,
    )
    meeting_place = text_field(_l("Address, or how to join the video call"), 200)
    window1 = StringField(_l("First possible time"))
    window2 = StringField(_l("Second possible time (optional)"))
    window3 = StringField(_l("Third possible time (optional)"))

    def validate_kind(self, field: RadioField) -> None:
        if field.data not in {k.value for k in OfferKind}:
            raise ValidationError(_l("Choose what you offer."))

    def validate_postcode(self, field: StringField) -> None:
        text = (field.data or "").strip()
        if len(text) != 4 or postcode_info(text) is None:
            raise ValidationError(_l("Enter a Danish postcode of four digits."))

    @property
    def is_coffee(self) -> bool:
        return self.kind.data == OfferKind.COFFEE.value

    def validate_starts_on(self, field: StringField) -> None:
        if self.is_coffee:
            return
        if parse_date(field.data or "") is None:
            raise ValidationError(_l("Enter the first day, for example 4.1.2027."))

    def validate_ends_on(self, field: StringField) -> None:
        if self.is_coffee:
            return
        end = parse_date(field.data or "")
        start = parse_date(self.starts_on.data or "")
        if end is None:
            raise ValidationError(_l("Enter the last day, for example 29.1.2027."))
        if start is not None and end < start:
            raise ValidationError(_l("The last day must be on or after the first."))

    def validate_hours_per_week(self, field: StringField) -> None:
        if self.is_coffee:
            return
        if parse_int((field.data or "").strip(), high=37) in {None, 0}:
            raise ValidationError(_l("Enter the hours a week, from 1 to 37."))

    def validate_learning(self, field: Any) -> None:
        if not self.is_coffee and not field.data:
            raise ValidationError(_l("Write what the citizen will learn."))

    def validate_meeting_mode(self, field: RadioField) -> None:
        if self.is_coffee and field.data not in {m.value for m in MeetingMode}:
            raise ValidationError(_l("Choose where the meeting is."))

    def validate_meeting_place(self, field: Any) -> None:
        if self.is_coffee and not field.data:
            raise ValidationError(_l("Write the address or how to join the call."))

    def validate_window1(self, field: StringField) -> None:
        if self.is_coffee:
            self._window(field, required=True)

    def validate_window2(self, field: StringField) -> None:
        if self.is_coffee:
            self._window(field, required=False)

    def validate_window3(self, field: StringField) -> None:
        if self.is_coffee:
            self._window(field, required=False)

    def _window(self, field: StringField, required: bool) -> None:
        text = (field.data or "").strip()
        if not text:
            if required:
                raise ValidationError(_l("Enter at least one time for the meeting."))
            return
        at = parse_local_time(text)
        if at is None:
            raise ValidationError(
                _l("Enter a date and time, for example 14.12.2026 10:00.")
            )
        if at <= datetime.now(UTC):
            raise ValidationError(_l("Choose a time in the future."))

    def windows(self) -> tuple[datetime, ...]:
        found = []
        for field in (self.window1, self.window2, self.window3):
            at = parse_local_time(field.data or "") if field.data else None
            if at is not None:
                found.append(at)
        return tuple(sorted(set(found)))


class InviteForm(FlaskForm):
    """A short message with the invitation (optional)."""

    message = text_field(
        _l("A short message to the candidate (optional)"), 1000, multiline=True
    )


class AnswerForm(FlaskForm):
    """The citizen's yes or no, with what they share on a yes."""

    answer = StringField()
    share_phone = BooleanField(_l("Share my phone number"), default=True)
    share_email = BooleanField(_l("Share my e-mail address"), default=True)
    window = RadioField(_l("Which time suits you?"), validate_choice=False)

    def validate_answer(self, field: StringField) -> None:
        if field.data not in {"yes", "no"}:
            raise ValidationError(_l("Answer yes or no."))

    def validate_window(self, field: RadioField) -> None:
        if self.answer.data != "yes" or not self.window.choices:
            return
        if field.data not in {value for value, _label in self.window.choices}:
            raise ValidationError(_l("Choose a time for the meeting."))

    @property
    def yes(self) -> bool:
        return self.answer.data == "yes"

    @property
    def window_value(self) -> datetime | None:
        if not self.yes or not self.window.data:
            return None
        try:
            return datetime.fromisoformat(self.window.data)
        except ValueError:
            return None


class CompanyForm(FlaskForm):
    """A company's registration, checked by its CVR number's check digit; an
    administrator of its municipality approves it."""

    name = text_field(_l("Company name"), 200, required=_l("Write the company's name."))
    cvr = StringField(_l("CVR number"))
    postcode = StringField(_l("Postcode"))
    contact_name = text_field(_l("Your name"), 200, required=_l("Write your name."))
    email = text_field(
        _l("Your work e-mail (you log in with it)"),
        254,
        required=_l("Write your e-mail address."),
    )
    password = PasswordField(_l("Choose a password"))

    def validate_cvr(self, field: StringField) -> None:
        if not valid_cvr((field.data or "")[:20]):
            raise ValidationError(
                _l("Enter a valid CVR number of 8 digits, for example 10150817.")
            )

    def validate_postcode(self, field: StringField) -> None:
        text = (field.data or "").strip()
        if len(text) != 4 or postcode_info(text) is None:
            raise ValidationError(_l("Enter a Danish postcode of four digits."))

    def validate_email(self, field: Any) -> None:
        text = field.data or ""
        local, _, domain = text.partition("@")
        if not local or "." not in domain or " " in text:
            raise ValidationError(_l("Enter an e-mail address like navn@firma.dk."))

    def validate_password(self, field: PasswordField) -> None:
        if not 12 <= len(field.data or "") <= 200:
            raise ValidationError(_l("Use a password of 12 to 200 characters."))
