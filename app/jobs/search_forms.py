"""The forms of the public job search (GET: the whole search is in the query string)
and of saving a search as a job alert."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError

from app import geo
from app.data.demo_taxonomy import INDUSTRIES
from app.data.municipalities import MUNICIPALITIES
from app.jobs.search import JobSearch
from app.models import Hours
from app.text_input import text_field
from app.urls import parse_int

MAX_QUERY = 200
DISTANCES = (5, 10, 25, 50, 100)
POSTED_DAYS = (1, 3, 7, 14, 30)
DEADLINE_DAYS = (7, 14, 30)
# The arguments of a search, in the order a shared URL shows them.
SEARCH_ARGS = (
    "q",
    "municipality",
    "postcode",
    "distance",
    "occupation",
    "industry",
    "hours",
    "posted",
    "deadline",
    "sort",
)


def _choose_one(form: Form, field: SelectField) -> None:
    if field.data and field.data not in {choice.value for choice in field.choices}:
        raise ValidationError(_l("Choose one of the options in the list."))


class JobSearchForm(Form):
    """Words and filters of /job; read from the query string, so no CSRF."""

    q = text_field(_l("Search words"), MAX_QUERY)
    municipality = SelectField(
        _l("Municipality"), validate_choice=False, validators=[_choose_one]
    )
    postcode = StringField(
        _l("Postcode"), validators=[Optional(), Length(max=10)], filters=[]
    )
    distance = SelectField(
        _l("Distance from the postcode"),
        choices=[SelectChoice("", _l("Any distance"))]
        + [SelectChoice(str(km), _l("Up to %(km)s km", km=km)) for km in DISTANCES],
        validate_choice=False,
        validators=[_choose_one],
    )
    occupation = SelectField(
        _l("Occupation"), validate_choice=False, validators=[_choose_one]
    )
    industry = SelectField(
        _l("Industry"), validate_choice=False, validators=[_choose_one]
    )
    hours = SelectField(
        _l("Working hours"),
        choices=[
            SelectChoice("", _l("Full time or part time")),
            SelectChoice(Hours.FULL_TIME.value, _l("Full time")),
            SelectChoice(Hours.PART_TIME.value, _l("Part time")),
        ],
        validate_choice=False,
        validators=[_choose_one],
    )
    posted = SelectField(
        _l("Posted"),
        choices=[SelectChoice("", _l("Any time"))]
        + [
            SelectChoice(str(d), _l("Within the last %(days)s days", days=d))
            if d > 1
            else SelectChoice("1", _l("Since yesterday"))
            for d in POSTED_DAYS
        ],
        validate_choice=False,
        validators=[_choose_one],
    )
    deadline = SelectField(
        _l("Deadline"),
        choices=[SelectChoice("", _l("Any deadline"))]
        + [
            SelectChoice(str(d), _l("Within %(days)s days", days=d))
            for d in DEADLINE_DAYS
        ],
        validate_choice=False,
        validators=[_choose_one],
    )
    sort = SelectField(
        _l("Sort by"),
        choices=[
            SelectChoice("newest", _l("Newest first")),
            SelectChoice("deadline", _l("Deadline, soonest first")),
            SelectChoice("distance", _l("Distance from the postcode")),
        ],
        validate_choice=False,
        validators=[_choose_one],
    )

    def __init__(
        self,
        formdata: Any,
        occupations: list[tuple[str, str]],
        lang: str,
        citizen: bool = False,
    ) -> None:
        super().__init__(formdata)
        if citizen:
            # Our own order is offered only to a logged-in citizen, and only when asked.
            self.sort.choices = [
                *self.sort.choices,
                SelectChoice("match", _l("How well the job fits me")),
            ]
        elif self.sort.data == "match":
            # A citizen's shared link, opened by someone else: the plain order.
            self.sort.data = "newest"
        self.municipality.choices = [SelectChoice("", _l("All of Denmark"))] + [
            SelectChoice(str(code), name)
            for code, name, _region in sorted(MUNICIPALITIES, key=lambda m: m[1])
        ]
        self.occupation.choices = [SelectChoice("", _l("All occupations"))] + [
            SelectChoice(uri, label) for uri, label in occupations
        ]
        self.industry.choices = [SelectChoice("", _l("All industries"))] + [
            SelectChoice(i.key, i.da_label if lang == "da" else i.en_label)
            for i in sorted(
                INDUSTRIES, key=lambda i: i.da_label if lang == "da" else i.en_label
            )
        ]
        if not self.sort.data:
            self.sort.data = "newest"

    def validate_postcode(self, field: StringField) -> None:
        value = (field.data or "").strip()
        if value and geo.postcode_info(value) is None:
            raise ValidationError(
                _l("Enter a Danish postcode of four digits, for example 8000.")
            )

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        wants_distance = self.distance.data or self.sort.data == "distance"
        if wants_distance and not (self.postcode.data or "").strip():
            self.postcode.errors = [
                _l("Enter the postcode to measure the distance from.")
            ]
            return False
        return valid

    def search(self) -> JobSearch:
        """The search the valid form describes."""
        hours = self.hours.data or None
        return JobSearch(
            text=self.q.data or "",
            municipality_code=parse_int(self.municipality.data or None, high=999),
            postcode=(self.postcode.data or "").strip() or None,
            distance_km=parse_int(self.distance.data or None, high=500),
            occupation_uri=self.occupation.data or None,
            industry=self.industry.data or None,
            hours=Hours(hours) if hours else None,
            posted_within_days=parse_int(self.posted.data or None, high=366),
            deadline_within_days=parse_int(self.deadline.data or None, high=366),
            sort=self.sort.data or "newest",
        )

    def query_args(self) -> dict[str, str]:
        """The search's non-empty arguments (for page links and a saved alert)."""
        args = {}
        for name in SEARCH_ARGS:
            value = (getattr(self, name).data or "").strip()
            if value and not (name == "sort" and value == "newest"):
                args[name] = value
        return args

    def query_string(self) -> str:
        return urlencode(self.query_args())


class AlertForm(FlaskForm):
    """Save the search in `query` as a job alert with a name."""

    name = text_field(
        _l("Name of the job alert"),
        100,
        required=_l(
            "Give the job alert a name, for example the job you are looking for."
        ),
    )
    query = StringField(validators=[Optional(), Length(max=2000)])
