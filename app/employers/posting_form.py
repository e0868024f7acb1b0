"""The form a company posts a job with (app.employers.postings stores it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from app.employers.postings import PostingInput
from app.geo import postcode_info
from app.text_input import parse_date, text_field

# The importer's field named first in its error message -> this form's field and a
# message a person can act on.
ROW_ERRORS = {
    "apply_url": _l("Write a web address beginning with https://."),
    "apply_email": _l("Write an e-mail address like name@example.dk."),
    "contact_phone": _l("Write a phone number like +45 12 34 56 78."),
}


class PostingForm(FlaskForm):
    """A job the company posts itself."""

    title = text_field(
        _l("Job title"),
        200,
        required=_l("Write a title, for example Lagermedarbejder."),
    )
    description = text_field(
        _l("Describe the job"),
        20000,
        multiline=True,
        required=_l("Describe the job: the tasks and what you look for."),
    )
    postcode = StringField(_l("Postcode of the workplace"))
    hours = RadioField(
        _l("Hours"),
        choices=[
            SelectChoice("full", _l("Full time")),
            SelectChoice("part", _l("Part time")),
        ],
        default="full",
        validate_choice=False,
    )
    deadline = StringField(_l("Application deadline (optional)"))
    apply_url = text_field(_l("Web address to apply at (optional)"), 500)
    apply_email = text_field(_l("E-mail to apply to (optional)"), 254)
    contact_name = text_field(_l("Contact person (optional)"), 200)
    contact_phone = text_field(_l("Contact person's phone (optional)"), 40)

    def validate_postcode(self, field: StringField) -> None:
        text = (field.data or "").strip()
        if len(text) != 4 or postcode_info(text) is None:
            raise ValidationError(_l("Enter a Danish postcode of four digits."))

    def validate_hours(self, field: RadioField) -> None:
        if field.data not in {"full", "part"}:
            raise ValidationError(_l("Choose full time or part time."))

    def validate_deadline(self, field: StringField) -> None:
        text = (field.data or "").strip()
        if not text:
            return
        day = parse_date(text)
        if day is None:
            raise ValidationError(_l("Enter a date like 31.12.2026."))
        if day < date.today():
            raise ValidationError(_l("The deadline has passed. Choose a later day."))

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.apply_email.data or self.apply_url.data):
            self.apply_email.errors = [
                *self.apply_email.errors,
                _l("Say how to apply: a web address or an e-mail address."),
            ]
            return False
        return valid

    def to_input(self) -> PostingInput:
        deadline = (self.deadline.data or "").strip()
        return PostingInput(
            title=self.title.data,
            description=self.description.data,
            postcode=self.postcode.data.strip(),
            hours=self.hours.data,
            deadline=parse_date(deadline) if deadline else None,
            apply_url=self.apply_url.data or None,
            apply_email=self.apply_email.data or None,
            contact_name=self.contact_name.data or None,
            contact_phone=self.contact_phone.data or None,
        )
