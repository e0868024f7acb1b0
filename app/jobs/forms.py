"""The filter of "Job til dig" (a GET form: the filters are in the query string)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Form, HiddenField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError

from app.urls import parse_int

MIN_DISTANCE_KM = 1
MAX_DISTANCE_KM = 500


class JobFilterForm(Form):
    """Distance and hours for "Job til dig"; read from the query string, so no CSRF."""

    distance = StringField(
        _l("Maximum distance from your address (km)"),
        validators=[Optional(), Length(max=6)],
    )
    hours = SelectField(
        _l("Working hours"),
        choices=[
            SelectChoice("any", _l("Full time or part time")),
            SelectChoice("full", _l("Full time")),
            SelectChoice("part", _l("Part time")),
        ],
        validate_choice=False,
    )
    occupation = HiddenField(validators=[Optional(), Length(max=255)])

    def validate_distance(self, field: StringField) -> None:
        value = (field.data or "").strip()
        if not value:
            return
        # A minus sign gets the range message below, not the whole-number one.
        number = parse_int(value.removeprefix("-"), low=0)
        if number is not None and value.startswith("-"):
            number = -number
        if number is None:
            raise ValidationError(
                _l(
                    "Enter the distance as a whole number of kilometres, for example 25."
                )
            )
        if not MIN_DISTANCE_KM <= number <= MAX_DISTANCE_KM:
            raise ValidationError(
                _l(
                    "Enter a distance from %(low)s to %(high)s kilometres.",
                    low=MIN_DISTANCE_KM,
                    high=MAX_DISTANCE_KM,
                )
            )

    def validate_hours(self, field: SelectField) -> None:
        if field.data and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose full time, part time or either."))

    @property
    def distance_km(self) -> int | None:
        """The valid distance, or None when none was given."""
        return parse_int((self.distance.data or "").strip(), low=0)

    @property
    def hours_value(self) -> str | None:
        return self.hours.data or None

    @property
    def occupation_uri(self) -> str | None:
        return (self.occupation.data or "").strip() or None

    def query_args(self) -> dict[str, Any]:
        """The filters as query arguments, for pagination links."""
        args: dict[str, Any] = {}
        if self.distance_km is not None:
            args["distance"] = self.distance_km
        if self.hours_value:
            args["hours"] = self.hours_value
        if self.occupation_uri:
            args["occupation"] = self.occupation_uri
        return args
