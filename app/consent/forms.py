"""Forms of "Mine data": consent, objection, correction requests and the access-log filter."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    Form,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.consent.services.access import AccessFilter
from app.models import ConsentPurpose
from app.text_input import parse_date, text_field
from app.urls import parse_int

MAX_REASON = 1000


def _reason_text(label: Any, required: Any = None, multiline: bool = True) -> Any:
    return text_field(label, MAX_REASON, required, multiline)


class ConsentForm(FlaskForm):
    """Give or withdraw one consent: one button, so nothing to fill in."""

    purpose = HiddenField()
    provider = HiddenField()
    action = HiddenField()

    def validate_purpose(self, field: HiddenField) -> None:
        if field.data not in {p.value for p in ConsentPurpose}:
            raise ValidationError(_l("Choose what the consent is for."))

    def validate_action(self, field: HiddenField) -> None:
        if field.data not in {"give", "withdraw"}:
            raise ValidationError(_l("Choose to give or withdraw the consent."))

    def validate_provider(self, field: HiddenField) -> None:
        value = (field.data or "").strip()
        if value and parse_int(value) is None:
            raise ValidationError(_l("Choose a provider from the list."))

    @property
    def provider_id(self) -> int | None:
        return parse_int((self.provider.data or "").strip())


class ObjectionForm(FlaskForm):
    """Object to profiling, with an optional reason."""

    reason = _reason_text(_l("Why do you object? (optional)"))


class CorrectionForm(FlaskForm):
    """Ask for a correction of one field: the value you propose and why."""

    value = _reason_text(
        _l("The correct value"),
        required=_l("Write the value you think is correct."),
        multiline=False,
    )
    reason = _reason_text(
        _l("Why is it wrong?"),
        required=_l("Write why the value is wrong, so the job centre can check it."),
    )


class DecisionForm(FlaskForm):
    """A caseworker approves or rejects a correction request, with a reason."""

    decision = RadioField(
        _l("Your decision"),
        choices=[
            SelectChoice("approve", _l("Approve: correct the data")),
            SelectChoice("reject", _l("Reject: keep the data as it is")),
        ],
        validators=[DataRequired(message=_l("Choose to approve or reject."))],
        validate_choice=False,
    )
    reason = _reason_text(
        _l("Reason for the decision (the citizen sees it)"),
        required=_l("Write the reason for your decision."),
    )

    def validate_decision(self, field: RadioField) -> None:
        if field.data not in {"approve", "reject"}:
            raise ValidationError(_l("Choose to approve or reject."))


class AccessFilterForm(Form):
    """Filter of "Who has looked at my data"; read from the query string, so no CSRF."""

    since = StringField(_l("From date"), validators=[Optional(), Length(max=20)])
    until = StringField(_l("To date"), validators=[Optional(), Length(max=20)])
    organisation = SelectField(_l("Organisation"), validate_choice=False, choices=[])
    purpose = SelectField(_l("Purpose"), validate_choice=False, choices=[])

    def _date(self, field: StringField) -> date | None:
        value = (field.data or "").strip()
        if not value:
            return None
        parsed = parse_date(value) if len(value) <= 20 else None
        if parsed is None:
            raise ValidationError(_l("Enter a real date, for example 23.11.2026."))
        return parsed

    def validate_since(self, field: StringField) -> None:
        self._date(field)

    def validate_until(self, field: StringField) -> None:
        until = self._date(field)
        since = None
        try:
            since = self._date(self.since)
        except ValidationError:
            return
        if since and until and until < since:
            raise ValidationError(
                _l("The end date must be on or after the start date.")
            )

    def _choice(self, field: SelectField) -> str | None:
        allowed = {value for value, _label in field.choices}
        return field.data if field.data and field.data in allowed else None

    def filters(self) -> AccessFilter:
        """The valid filters (call after validate(); invalid parts are left out)."""

        def safe(field: StringField) -> date | None:
            try:
                return self._date(field)
            except ValidationError:
                return None

        return AccessFilter(
            since=safe(self.since),
            until=safe(self.until),
            organisation=self._choice(self.organisation),
            purpose=self._choice(self.purpose),
        )

    def query_args(self) -> dict[str, Any]:
        args = {}
        for name in ("since", "until", "organisation", "purpose"):
            value = (getattr(self, name).data or "").strip()
            if value:
                args[name] = value
        return args


# --- what each consent means, in the words the page and the receipt use ---------------

PURPOSE_EXPLANATIONS = {
    ConsentPurpose.SHARE_CV: _l(
        "Employers looking for staff can find and read your CV. Without your "
        "consent, employers cannot see your CV."
    ),
    ConsentPurpose.SHARE_WITH_PROVIDER: _l(
        "The provider you choose can see your name, contact details and what you are "
        "enrolled in. Without your consent, a provider sees nothing about you."
    ),
    ConsentPurpose.PERSONALISE: _l(
        "We use the jobs you look at and save to suggest jobs and courses. Without "
        "your consent, suggestions are based only on your CV and your wishes."
    ),
    ConsentPurpose.MODEL_TRAINING: _l(
        "Your data, without your name, can be used to improve the models that suggest "
        "jobs. Without your consent, your data is not used to train models."
    ),
}
WITH_WHOM = {
    ConsentPurpose.SHARE_CV: _l("Employers who use Jobunivers"),
    ConsentPurpose.PERSONALISE: _l("Only the job centre's portal, Jobunivers"),
    ConsentPurpose.MODEL_TRAINING: _l(
        "Only the job centre's analysts, without your name"
    ),
}
HOW_TO_WITHDRAW = _l(
    "Go to My data, Consents, and press Withdraw. It takes effect at once. You can "
    "also contact your job centre."
)
