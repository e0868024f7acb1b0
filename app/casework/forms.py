"""Forms of the caseworker's workspace and the administrators' override rates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    Form,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
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
from app.casework.services.queue import QueueFilter, QueueShow, QueueSort
from app.labels import OVERRIDE_REASON_LABELS, ROUTE_REASON_LABELS, TRACK_LABELS
from app.models import PlanKind, RouteReason, Track
from app.text_input import PlainText, parse_date, tidy

WAIT_CHOICES = {
    "7": _l("More than a week"),
    "28": _l("More than 4 weeks"),
    "91": _l("More than 13 weeks"),
}
NOTE_MAX = 2000
OVERRIDE_NOTE_MAX = 1000
PLAN_TEXT_MAX = 500
PLAN_DAYS_AHEAD = 730
PERIOD_MAX_DAYS = 5 * 366


def _known(field: Any, message: Any) -> None:
    """A choice made up outside the form gets the field's own message."""
    if field.data not in {choice.value for choice in field.choices}:
        raise ValidationError(message)


def _any(label: Any) -> SelectChoice:
    return SelectChoice("", label)


class QueueFilterForm(Form):
    """The queue's filters and sorting, read from the query string (no CSRF: GET)."""

    show = SelectField(
        _l("Show"),
        choices=[
            SelectChoice(QueueShow.OPEN.value, _l("Waiting and claimed")),
            SelectChoice(QueueShow.WAITING.value, _l("Waiting only")),
            SelectChoice(QueueShow.MINE.value, _l("Claimed by me")),
        ],
        default=QueueShow.OPEN.value,
    )
    reason = SelectField(
        _l("Why in the queue"),
        choices=[_any(_l("All reasons"))]
        + [SelectChoice(k, v) for k, v in ROUTE_REASON_LABELS.items()],
        default="",
    )
    waited = SelectField(
        _l("Waiting time"),
        choices=[_any(_l("Any waiting time"))]
        + [SelectChoice(k, v) for k, v in WAIT_CHOICES.items()],
        default="",
    )
    language = SelectField(_l("Contact language"), default="")
    track = SelectField(
        _l("Track"),
        choices=[_any(_l("All tracks"))]
        + [SelectChoice(k, v) for k, v in TRACK_LABELS.items()],
        default="",
    )
    sort = SelectField(
        _l("Sort by"),
        choices=[
            SelectChoice(QueueSort.PRIORITY.value, _l("Priority")),
            SelectChoice(QueueSort.WAITING.value, _l("Longest waiting")),
        ],
        default=QueueSort.PRIORITY.value,
    )

    def __init__(
        self, formdata: Any, languages: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(formdata, **kwargs)
        self.language.choices = [_any(_l("All languages"))] + [
            SelectChoice(code, label) for code, label in languages
        ]
        for field in self:
            if field.data is None:
                field.data = field.default

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        if not ok:
            # A bad value in the address shows the whole queue rather than an error.
            for field in self:
                if field.errors:
                    field.data = field.default
        return ok

    def filters(self) -> QueueFilter:
        return QueueFilter(
            reason=RouteReason(self.reason.data) if self.reason.data else None,
            min_wait_days=int(self.waited.data) if self.waited.data else None,
            language=self.language.data or None,
            track=Track(self.track.data) if self.track.data else None,
            show=QueueShow(self.show.data or QueueShow.OPEN.value),
            sort=QueueSort(self.sort.data or QueueSort.PRIORITY.value),
        )

    def query_args(self) -> dict[str, str]:
        """The non-default filters, for pagination links."""
        return {
            field.name: field.data
            for field in self
            if field.data and field.data != field.default
        }


class NoteForm(FlaskForm):
    note = TextAreaField(
        _l("Note"),
        filters=[tidy],
        validators=[
            DataRequired(message=_l("Write the note.")),
            Length(
                max=NOTE_MAX,
                message=_l("Use at most %(max)s characters.", max=NOTE_MAX),
            ),
            PlainText(multiline=True),
        ],
    )


class PlanItemForm(FlaskForm):
    kind = RadioField(
        _l("Kind"),
        choices=[
            SelectChoice(PlanKind.GOAL.value, _l("Goal")),
            SelectChoice(PlanKind.ACTIVITY.value, _l("Activity")),
        ],
        default=PlanKind.ACTIVITY.value,
        validators=[DataRequired(message=_l("Choose goal or activity."))],
        validate_choice=False,
    )
    text = TextAreaField(
        _l("What has been agreed"),
        filters=[tidy],
        validators=[
            DataRequired(message=_l("Write what has been agreed.")),
            Length(
                max=PLAN_TEXT_MAX,
                message=_l("Use at most %(max)s characters.", max=PLAN_TEXT_MAX),
            ),
            PlainText(multiline=True),
        ],
    )
    due_on = StringField(
        _l("Date (optional)"),
        filters=[tidy],
        validators=[Optional(), Length(max=10)],
    )

    def validate_due_on(self, field: StringField) -> None:
        if not field.data:
            return
        value = parse_date(field.data)
        if value is None:
            raise ValidationError(_l("Enter the date as dd.mm.åååå, e.g. 15.01.2027."))
        today = date.today()
        if (
            not today - timedelta(days=1)
            <= value
            <= today + timedelta(days=PLAN_DAYS_AHEAD)
        ):
            raise ValidationError(
                _l("Choose a date from today and at most two years ahead.")
            )

    def validate_kind(self, field: RadioField) -> None:
        _known(field, _l("Choose goal or activity."))

    @property
    def due_date(self) -> date | None:
        return parse_date(self.due_on.data) if self.due_on.data else None


class OverrideForm(FlaskForm):
    to_track = RadioField(
        _l("New track"),
        choices=[SelectChoice(k, v) for k, v in TRACK_LABELS.items()],
        validators=[DataRequired(message=_l("Choose the track."))],
        validate_choice=False,
    )
    reason_code = SelectField(
        _l("Reason"),
        choices=[_any(_l("Choose a reason"))]
        + [SelectChoice(k, v) for k, v in OVERRIDE_REASON_LABELS.items()],
        validators=[DataRequired(message=_l("Choose the reason for the override."))],
        validate_choice=False,
    )
    note = TextAreaField(
        _l("Why (required)"),
        filters=[tidy],
        validators=[
            DataRequired(
                message=_l("Write why you choose another track than the suggestion.")
            ),
            Length(
                max=OVERRIDE_NOTE_MAX,
                message=_l("Use at most %(max)s characters.", max=OVERRIDE_NOTE_MAX),
            ),
            PlainText(multiline=True),
        ],
    )

    def validate_to_track(self, field: RadioField) -> None:
        _known(field, _l("Choose the track."))

    def validate_reason_code(self, field: SelectField) -> None:
        _known(field, _l("Choose the reason for the override."))


class CloseForm(FlaskForm):
    note = TextAreaField(
        _l("Why the case is closed"),
        filters=[tidy],
        validators=[
            DataRequired(message=_l("Write why the case is closed.")),
            Length(
                max=OVERRIDE_NOTE_MAX,
                message=_l("Use at most %(max)s characters.", max=OVERRIDE_NOTE_MAX),
            ),
            PlainText(multiline=True),
        ],
    )


class PeriodForm(Form):
    """The period of the override rates, from the query string."""

    start = StringField(_l("From"), filters=[tidy], validators=[Length(max=10)])
    end = StringField(_l("To"), filters=[tidy], validators=[Length(max=10)])

    def __init__(self, formdata: Any, today: date) -> None:
        super().__init__(formdata)
        self.today = today
        self.start_date = today - timedelta(days=90)
        self.end_date = today
        if not self.start.data:
            self.start.data = self.start_date.isoformat()
        if not self.end.data:
            self.end.data = self.end_date.isoformat()

    def validate_start(self, field: StringField) -> None:
        value = parse_date(field.data or "")
        if value is None:
            raise ValidationError(_l("Enter the date as dd.mm.åååå, e.g. 15.01.2027."))
        self.start_date = value

    def validate_end(self, field: StringField) -> None:
        value = parse_date(field.data or "")
        if value is None:
            raise ValidationError(_l("Enter the date as dd.mm.åååå, e.g. 15.01.2027."))
        if value < self.start_date:
            raise ValidationError(_l("The end date must be on or after the start."))
        if (value - self.start_date).days > PERIOD_MAX_DAYS:
            raise ValidationError(_l("Choose a period of at most five years."))
        self.end_date = value


# ---- decision support on the case view (rules in app.advisor.services) ----

DECISION_NOTE_MAX = 1000


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
                max=DECISION_NOTE_MAX,
                message=_l("Use at most %(max)s characters.", max=DECISION_NOTE_MAX),
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
