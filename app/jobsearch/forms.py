"""Forms of the job-search log, the plan and the request to talk to a person."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.jobsearch.services import (
    JOBLOG_DAYS_AHEAD,
    JOBLOG_DAYS_BACK,
    JobLogInput,
    PlanInput,
)
from app.labels import LOG_KIND_LABELS, LOG_STATUS_LABELS, PLAN_KIND_LABELS
from app.models import LogKind, LogStatus, PlanKind
from app.text_input import parse_date, text_field


class DateText(StringField):
    """A date field shown as the browser's date picker; also takes Danish dates."""

    parsed: date | None = None

    def process_formdata(self, valuelist: list[Any]) -> None:
        super().process_formdata(valuelist)
        self.parsed = None


def _check_date(field: DateText, required: bool, message: Any) -> date | None:
    value = (field.data or "").strip() if isinstance(field.data, str) else ""
    if not value:
        if required:
            raise ValidationError(message)
        return None
    if len(value) > 20 or (parsed := parse_date(value)) is None:
        raise ValidationError(_l("Enter a real date, for example 23.11.2026."))
    field.parsed = parsed
    return parsed


def _date_value(day: date) -> str:
    return day.isoformat()


# --- the job-search log -----------------------------------------------------------------

# Which statuses fit which kind of entry.
STATUSES_FOR = {
    LogKind.APPLICATION: {
        LogStatus.SENT,
        LogStatus.INTERVIEW,
        LogStatus.OFFER,
        LogStatus.REJECTED,
        LogStatus.NO_REPLY,
    },
    LogKind.PLANNED: {LogStatus.PLANNED},
    LogKind.ACTIVITY: {LogStatus.PLANNED, LogStatus.DONE},
}
TYPICAL_STATUS = {
    LogKind.APPLICATION: LogStatus.SENT,
    LogKind.PLANNED: LogStatus.PLANNED,
    LogKind.ACTIVITY: LogStatus.DONE,
}


class JobLogForm(FlaskForm):
    """One entry of the job-search log."""

    kind = RadioField(
        _l("What do you want to write down?"),
        choices=[SelectChoice(k.value, label) for k, label in LOG_KIND_LABELS.items()],
        validators=[DataRequired(message=_l("Choose what kind of entry it is."))],
        validate_choice=False,
    )
    title = text_field(
        _l("Job title or activity"),
        200,
        required=_l("Write the job title or what you did."),
    )
    employer = text_field(_l("Employer (optional)"), 200)
    on_date = DateText(_l("Date"))
    status = SelectField(
        _l("Status"),
        choices=[
            SelectChoice(s.value, label) for s, label in LOG_STATUS_LABELS.items()
        ],
        validate_choice=False,
    )
    note = text_field(_l("Note (optional)"), 1000, multiline=True)

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def validate_kind(self, field: RadioField) -> None:
        if field.data not in {k.value for k in LogKind}:
            raise ValidationError(_l("Choose what kind of entry it is."))

    def validate_on_date(self, field: DateText) -> None:
        day = _check_date(field, True, _l("Enter the date."))
        assert day is not None
        if day < self.today - timedelta(days=JOBLOG_DAYS_BACK):
            raise ValidationError(_l("The date cannot be more than a year ago."))
        if day > self.today + timedelta(days=JOBLOG_DAYS_AHEAD):
            raise ValidationError(_l("The date cannot be more than a year ahead."))
        if self.kind.data == LogKind.APPLICATION.value and day > self.today:
            raise ValidationError(
                _l(
                    "An application you have sent cannot have a date in the future. "
                    "Choose 'Application I plan to send' instead."
                )
            )

    def validate_status(self, field: SelectField) -> None:
        if field.data not in {s.value for s in LogStatus}:
            raise ValidationError(_l("Choose a status."))
        kind = self.kind.data
        if (
            kind in {k.value for k in LogKind}
            and LogStatus(field.data) not in STATUSES_FOR[LogKind(kind)]
        ):
            example = LOG_STATUS_LABELS[TYPICAL_STATUS[LogKind(kind)]]
            raise ValidationError(
                gettext(
                    "Choose a status that fits what you wrote down, "
                    "for example “%(status)s”.",
                    status=example,
                )
            )

    def fill_from(self, entry: Any) -> None:
        self.kind.data = entry.kind.value
        self.title.data = entry.title
        self.employer.data = entry.employer
        self.on_date.data = _date_value(entry.on_date)
        self.status.data = entry.status.value
        self.note.data = entry.note

    def to_input(self) -> JobLogInput:
        assert self.on_date.parsed is not None
        return JobLogInput(
            kind=LogKind(self.kind.data),
            employer=self.employer.data or None,
            title=self.title.data,
            on_date=self.on_date.parsed,
            status=LogStatus(self.status.data),
            note=self.note.data or None,
        )


class JobLogFilterForm(Form):
    """Filters of the log list, read from the query string (so no CSRF)."""

    kind = SelectField(
        _l("Show"),
        choices=[SelectChoice("", _l("All entries"))]
        + [SelectChoice(k.value, label) for k, label in LOG_KIND_LABELS.items()],
        validate_choice=False,
    )

    def validate_kind(self, field: SelectField) -> None:
        if field.data and field.data not in {k.value for k in LogKind}:
            raise ValidationError(_l("Choose one of the kinds in the list."))

    @property
    def kind_value(self) -> LogKind | None:
        return LogKind(self.kind.data) if self.kind.data else None


# --- the plan ---------------------------------------------------------------------------


class PlanForm(FlaskForm):
    """The citizen's own goal or activity."""

    kind = RadioField(
        _l("Is it a goal or an activity?"),
        choices=[SelectChoice(k.value, lbl) for k, lbl in PLAN_KIND_LABELS.items()],
        validators=[DataRequired(message=_l("Choose goal or activity."))],
        validate_choice=False,
    )
    text = text_field(
        _l("What is it?"),
        500,
        required=_l("Write the goal or activity."),
        multiline=True,
    )
    due_on = DateText(_l("When (optional)"))

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def validate_kind(self, field: RadioField) -> None:
        if field.data not in {k.value for k in PlanKind}:
            raise ValidationError(_l("Choose goal or activity."))

    def validate_due_on(self, field: DateText) -> None:
        day = _check_date(field, False, None)
        if day is None:
            return
        if day < self.today - timedelta(days=JOBLOG_DAYS_BACK):
            raise ValidationError(_l("The date cannot be more than a year ago."))
        if day > self.today + timedelta(days=2 * JOBLOG_DAYS_AHEAD):
            raise ValidationError(_l("The date cannot be more than two years ahead."))

    def fill_from(self, item: Any) -> None:
        self.kind.data = item.kind.value
        self.text.data = item.text
        self.due_on.data = _date_value(item.due_on) if item.due_on else ""

    def to_input(self) -> PlanInput:
        return PlanInput(
            kind=PlanKind(self.kind.data),
            text=self.text.data,
            due_on=self.due_on.parsed,
        )


class PlanDoneForm(FlaskForm):
    """Mark a plan item done ("1") or open again ("0")."""

    done = StringField(validators=[Optional(), Length(max=1)])

    @property
    def done_value(self) -> bool:
        return self.done.data != "0"
