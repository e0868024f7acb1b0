"""Forms of the marketplace: the catalogue's filters, choosing and leaving, reviews,
the provider's application and offerings, and the decisions of staff."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Form,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    NumberRange,
    Optional,
    ValidationError,
)

from app import geo
from app.labels import (
    OFFERING_FORMAT_LABELS,
    OFFERING_KIND_LABELS,
    PAYMENT_LABELS,
)
from app.marketplace.services.catalogue import CatalogueFilters
from app.marketplace.services.offerings import OfferingInput
from app.marketplace.services.providers import ProviderInput, valid_cvr
from app.models import OfferingFormat, OfferingKind, Payment
from app.text_input import text_field

DISTANCES = (5, 10, 25, 50, 100)
LANGUAGES = ("da", "en", "ar", "de", "pl", "uk", "so", "tr", "fa", "ur")


def options(pairs: list[tuple[str, Any]]) -> list[SelectChoice]:
    """Select choices from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def _choices(labels: dict[Any, Any], empty: Any = None) -> list[SelectChoice]:
    pairs = [(member.value, label) for member, label in labels.items()]
    return options([("", empty), *pairs] if empty is not None else pairs)


class CatalogueForm(Form):
    """The catalogue's filters, from the query string (a plain GET form)."""

    q = text_field(_l("Search"), 100)
    kind = SelectField(
        _l("Kind"),
        choices=_choices(OFFERING_KIND_LABELS, _l("All kinds")),
        validate_choice=False,
    )
    format = SelectField(
        _l("Format"),
        choices=_choices(OFFERING_FORMAT_LABELS, _l("All formats")),
        validate_choice=False,
    )
    language = SelectField(_l("Language"), choices=[], validate_choice=False)
    distance = SelectField(
        _l("Distance from your home"), choices=[], validate_choice=False
    )
    skill = SelectField(_l("Skill it teaches"), choices=[], validate_choice=False)
    free = BooleanField(_l("Only services that are free for you"))
    order = SelectField(
        _l("Order"),
        choices=options(
            [("result", _l("Best results first")), ("distance", _l("Nearest first"))]
        ),
        validate_choice=False,
    )

    def set_choices(
        self, languages: list[tuple[str, str]], skills: list[tuple[str, str]]
    ) -> None:
        self.language.choices = options([("", _l("All languages")), *languages])
        self.distance.choices = options(
            [("", _l("Any distance"))]
            + [(str(km), _l("Within %(km)s km", km=km)) for km in DISTANCES]
        )
        self.skill.choices = options([("", _l("All skills")), *skills])

    def filters(self) -> CatalogueFilters:
        """The filters asked for; anything unknown is ignored."""
        valid = self.validate()
        kinds = {member.value for member in OfferingKind}
        formats = {member.value for member in OfferingFormat}
        kind = self.kind.data if self.kind.data in kinds else None
        fmt = self.format.data if self.format.data in formats else None
        distance = (
            int(self.distance.data)
            if self.distance.data in {str(km) for km in DISTANCES}
            else None
        )
        skill = int(self.skill.data) if (self.skill.data or "").isdigit() else None
        return CatalogueFilters(
            query=(self.q.data or "").strip() if valid or not self.q.errors else "",
            kind=OfferingKind(kind) if kind else None,
            format=OfferingFormat(fmt) if fmt else None,
            language=self.language.data
            if self.language.data in {c.value for c in self.language.choices}
            and self.language.data
            else None,
            max_km=distance,
            skill_id=skill,
            free_only=bool(self.free.data),
            order="distance" if self.order.data == "distance" else "result",
        )

    def query_args(self, filters: CatalogueFilters) -> dict[str, Any]:
        """The filters as query-string arguments (for the pagination links)."""
        args: dict[str, Any] = {}
        if filters.query:
            args["q"] = filters.query
        if filters.kind:
            args["kind"] = filters.kind.value
        if filters.format:
            args["format"] = filters.format.value
        if filters.language:
            args["language"] = filters.language
        if filters.max_km:
            args["distance"] = filters.max_km
        if filters.skill_id:
            args["skill"] = filters.skill_id
        if filters.free_only:
            args["free"] = "y"
        if filters.order != "result":
            args["order"] = filters.order
        return args


class ChooseForm(FlaskForm):
    share = BooleanField(
        _l("Share my name, contact details and this service with the provider")
    )


class LeaveForm(FlaskForm):
    reason = text_field(_l("Why are you leaving? (optional)"), 500, multiline=True)


class ReviewForm(FlaskForm):
    rating = SelectField(
        _l("How would you rate the service?"),
        choices=options(
            [
                ("", _l("Choose")),
                ("5", _l("5 – very good")),
                ("4", _l("4 – good")),
                ("3", _l("3 – neither good nor bad")),
                ("2", _l("2 – poor")),
                ("1", _l("1 – very poor")),
            ]
        ),
        validators=[DataRequired(message=_l("Choose a rating."))],
    )
    text = text_field(_l("Your review (optional)"), 2000, multiline=True)


class ReasonForm(FlaskForm):
    """A decision that needs a reason (report, hide, decline, suspend, unpublish)."""

    reason = text_field(
        _l("Reason"), 500, required=_l("Write the reason."), multiline=True
    )


class DecisionForm(ReasonForm):
    decision = SelectField(
        _l("Decision"),
        choices=[],
        validators=[DataRequired(message=_l("Choose a decision."))],
    )


class OptionalReasonDecisionForm(FlaskForm):
    decision = SelectField(
        _l("Decision"),
        choices=options(
            [
                ("", _l("Choose")),
                ("publish", _l("Publish")),
                ("back", _l("Send back to the provider")),
            ]
        ),
        validators=[DataRequired(message=_l("Choose a decision."))],
    )
    reason = text_field(
        _l("Reason (required when you send it back)"), 500, multiline=True
    )

    def validate_reason(self, field: Any) -> None:
        if self.decision.data == "back" and not (field.data or "").strip():
            raise ValidationError(_l("Write why you send it back."))


class ProviderForm(FlaskForm):
    """The organisation's application (and later its details)."""

    name = text_field(
        _l("Name of the organisation"), 200, required=_l("Write the name.")
    )
    cvr = StringField(
        _l("CVR number"),
        validators=[InputRequired(message=_l("Write the CVR number."))],
        filters=[lambda v: (v or "").replace(" ", "").strip()[:20]],
    )
    contact_email = StringField(
        _l("E-mail for citizens and the job centre"),
        validators=[
            InputRequired(message=_l("Write an e-mail address.")),
            Email(message=_l("Write a real e-mail address, like navn@firma.dk.")),
        ],
        filters=[lambda v: (v or "").strip()[:254]],
    )
    contact_phone = text_field(_l("Phone (optional)"), 30)
    description = text_field(
        _l("What you offer, in plain language"),
        2000,
        required=_l("Describe what you offer."),
        multiline=True,
    )
    languages = SelectMultipleField(_l("Languages you work in"), choices=[])
    areas = text_field(
        _l("Areas you serve (municipalities)"),
        500,
        required=_l("Write the areas you serve."),
    )

    def validate_cvr(self, field: Any) -> None:
        if not valid_cvr(field.data or ""):
            raise ValidationError(
                _l(
                    "The CVR number is not valid: write the eight digits, like 12345674."
                )
            )

    def to_input(self) -> ProviderInput:
        return ProviderInput(
            name=self.name.data,
            cvr=self.cvr.data,
            contact_email=self.contact_email.data,
            contact_phone=self.contact_phone.data or None,
            description=self.description.data,
            languages=",".join(self.languages.data or []),
            areas=self.areas.data,
        )


class OfferingForm(FlaskForm):
    """An offering's structured schema and its plain-language text."""

    title = text_field(_l("Title"), 200, required=_l("Write a title."))
    kind = SelectField(
        _l("Kind"),
        choices=_choices(OFFERING_KIND_LABELS, _l("Choose")),
        validators=[DataRequired(message=_l("Choose the kind of service."))],
    )
    format = SelectField(
        _l("Format"),
        choices=_choices(OFFERING_FORMAT_LABELS, _l("Choose")),
        validators=[DataRequired(message=_l("Choose the format."))],
    )
    postcode = text_field(_l("Postcode of the place (not for online services)"), 4)
    place = text_field(_l("Address or place (not for online services)"), 200)
    duration_weeks = IntegerField(
        _l("Duration in weeks"),
        validators=[
            InputRequired(message=_l("Write the duration in weeks.")),
            NumberRange(1, 104, message=_l("Write a number from 1 to 104.")),
        ],
    )
    schedule = text_field(
        _l("Schedule"), 200, required=_l("Write when it takes place.")
    )
    languages = SelectMultipleField(
        _l("Languages"),
        choices=[],
        validators=[DataRequired(message=_l("Choose at least one language."))],
    )
    accessibility = text_field(_l("Accessibility"), 500, multiline=True)
    target_groups = text_field(_l("Who it is for"), 500, multiline=True)
    skills = SelectMultipleField(_l("Skills it teaches"), choices=[])
    capacity = IntegerField(
        _l("Places"),
        validators=[
            InputRequired(message=_l("Write the number of places.")),
            NumberRange(1, 10000, message=_l("Write a number from 1 to 10,000.")),
        ],
    )
    waiting_weeks = IntegerField(
        _l("Waiting time in weeks"),
        default=0,
        validators=[
            Optional(),
            NumberRange(0, 52, message=_l("Write a number from 0 to 52.")),
        ],
    )
    payment = SelectField(
        _l("Who pays"),
        choices=_choices(PAYMENT_LABELS, _l("Choose")),
        validators=[DataRequired(message=_l("Choose who pays."))],
    )
    description = text_field(
        _l("Description in plain language"),
        4000,
        required=_l("Describe the service."),
        multiline=True,
    )

    def validate_postcode(self, field: Any) -> None:
        needs_place = self.format.data in {"in_person", "blended"}
        value = (field.data or "").strip()
        if needs_place and not value:
            raise ValidationError(_l("Write the postcode of the place."))
        if value and geo.postcode_info(value) is None:
            raise ValidationError(_l("Write a Danish postcode, like 8000."))

    def to_input(self) -> OfferingInput:
        postcode = (self.postcode.data or "").strip() or None
        return OfferingInput(
            title=self.title.data,
            kind=OfferingKind(self.kind.data),
            format=OfferingFormat(self.format.data),
            municipality_id=None,
            postcode=postcode,
            place=self.place.data or None,
            duration_weeks=int(self.duration_weeks.data),
            schedule=self.schedule.data,
            languages=",".join(self.languages.data or []),
            accessibility=self.accessibility.data or None,
            target_groups=self.target_groups.data or None,
            capacity=int(self.capacity.data),
            waiting_weeks=int(self.waiting_weeks.data or 0),
            payment=Payment(self.payment.data),
            description=self.description.data,
            skill_ids=tuple(int(s) for s in self.skills.data or [] if s.isdigit()),
        )


class ReportForm(FlaskForm):
    attendance = IntegerField(
        _l("Attendance in per cent"),
        validators=[
            InputRequired(message=_l("Write the attendance in per cent.")),
            NumberRange(0, 100, message=_l("Write a number from 0 to 100.")),
        ],
    )
    completed = BooleanField(_l("The participant has completed the service"))


class MessageForm(FlaskForm):
    body = text_field(
        _l("Message to the participant"),
        2000,
        required=_l("Write the message."),
        multiline=True,
    )


class SetPasswordForm(FlaskForm):
    """An approved provider's staff chooses a password with a one-time link."""

    password = PasswordField(_l("Choose a password"))
    repeat = PasswordField(_l("Write the password again"))

    def validate_password(self, field: PasswordField) -> None:
        if not 12 <= len(field.data or "") <= 200:
            raise ValidationError(_l("Use a password of 12 to 200 characters."))

    def validate_repeat(self, field: PasswordField) -> None:
        if (field.data or "") != (self.password.data or ""):
            raise ValidationError(_l("The two passwords are not the same."))
