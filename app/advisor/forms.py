"""Forms of decision support: the citizen's target group and the agreed intervention."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.advisor.interventions import INTERVENTION_TYPES, NO_INTERVENTION
from app.advisor.labels import (
    DEVIATION_LABELS,
    INTERVENTION_LABELS,
    TARGET_GROUP_LABELS,
)
from app.text_input import PlainText, tidy

NOTE_MAX = 1000


def _known(field: Any, message: Any) -> None:
    if field.data not in {choice.value for choice in field.choices}:
        raise ValidationError(message)


class TargetGroupForm(FlaskForm):
    group = RadioField(
        _l("Target group"),
        choices=[SelectChoice(k, v) for k, v in TARGET_GROUP_LABELS.items()],
        validators=[DataRequired(message=_l("Choose the target group."))],
        validate_choice=False,
    )
    expected_absence_weeks = IntegerField(
        _l("Expected absence in weeks (only for the sick-listed)"),
        validators=[
            Optional(),
            NumberRange(
                min=1, max=104, message=_l("Write a number of weeks from 1 to 104.")
            ),
        ],
    )

    def validate_group(self, field: RadioField) -> None:
        _known(field, _l("Choose the target group."))

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        absence = self.expected_absence_weeks
        if ok and self.group.data == "sick_listed" and absence.data is None:
            absence.errors = [_l("Write the expected absence in weeks.")]
            return False
        return ok


class DecisionForm(FlaskForm):
    agreed = RadioField(
        _l("Agreed with the citizen"),
        choices=[
            SelectChoice(item.code, INTERVENTION_LABELS[item.code])
            for item in INTERVENTION_TYPES
        ]
        + [SelectChoice(NO_INTERVENTION, INTERVENTION_LABELS[NO_INTERVENTION])],
        validators=[DataRequired(message=_l("Choose what was agreed."))],
        validate_choice=False,
    )
    decision_reason = SelectField(
        _l("Reason, when you choose another than the suggestion"),
        choices=[SelectChoice("", _l("Choose a reason"))]
        + [SelectChoice(k, v) for k, v in DEVIATION_LABELS.items()],
        validate_choice=False,
    )
    decision_note = TextAreaField(
        _l("Why (when you choose another than the suggestion)"),
        filters=[tidy],
        validators=[
            Length(
                max=NOTE_MAX,
                message=_l("Use at most %(max)s characters.", max=NOTE_MAX),
            ),
            PlainText(multiline=True),
        ],
    )

    def __init__(self, *args: Any, top: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.top = top

    def validate_agreed(self, field: RadioField) -> None:
        _known(field, _l("Choose what was agreed."))

    def validate_decision_reason(self, field: SelectField) -> None:
        if field.data and field.data not in DEVIATION_LABELS:
            raise ValidationError(_l("Choose the reason."))
        if self.top and self.agreed.data != self.top and not field.data:
            raise ValidationError(
                _l("Choose why you agreed another intervention than the suggestion.")
            )

    def validate_decision_note(self, field: TextAreaField) -> None:
        if self.top and self.agreed.data != self.top and not field.data:
            raise ValidationError(
                _l("Write why you agreed another intervention than the suggestion.")
            )
