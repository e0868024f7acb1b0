"""The form of "Jeg vil gerne tale med en medarbejder": how to be contacted, and why."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, DateField, IntegerField, RadioField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, NumberRange, ValidationError

from app.labels import CHANNEL_LABELS, MEETING_KIND_LABELS
from app.models import Attendance, Channel, MeetingKind
from app.text_input import text_field


class ContactForm(FlaskForm):
    """ "Jeg vil gerne tale med en medarbejder": how, and (optionally) about what."""

    channel = RadioField(
        _l("How would you like us to contact you?"),
        choices=[SelectChoice(c.value, lbl) for c, lbl in CHANNEL_LABELS.items()],
        validators=[DataRequired(message=_l("Choose how we should contact you."))],
        validate_choice=False,
    )
    message = text_field(_l("What is it about? (optional)"), 1000, multiline=True)

    def validate_channel(self, field: RadioField) -> None:
        if field.data not in {c.value for c in Channel}:
            raise ValidationError(_l("Choose how we should contact you."))

    @property
    def channel_value(self) -> Channel:
        return Channel(self.channel.data)


class MessageForm(FlaskForm):
    """A message to or from the job centre, with an optional file."""

    body = text_field(
        _l("Your message"), 5000, required=_l("Write your message."), multiline=True
    )
    attachment = FileField(_l("Attach a file (optional)"))


class SlotForm(FlaskForm):
    """A time a caseworker offers: day, time, length, how, and where."""

    day = DateField(_l("Day"), validators=[DataRequired(message=_l("Choose a day."))])
    time = TimeField(
        _l("Time"), validators=[DataRequired(message=_l("Choose a time."))]
    )
    minutes = IntegerField(
        _l("Length in minutes"),
        default=30,
        validators=[
            NumberRange(min=10, max=240, message=_l("Between 10 and 240 minutes."))
        ],
    )
    kind = RadioField(
        _l("How you meet"),
        choices=[SelectChoice(k.value, MEETING_KIND_LABELS[k]) for k in MeetingKind],
        default=MeetingKind.IN_PERSON.value,
        validators=[DataRequired(message=_l("Choose how you meet."))],
    )
    place = text_field(
        _l("Address, phone number or video link"),
        300,
        required=_l("Write where or how the citizen joins."),
    )


class AttendanceForm(FlaskForm):
    """Whether the citizen came to a meeting; why not, in words."""

    attendance = RadioField(
        _l("Did the citizen come?"),
        choices=[
            SelectChoice(Attendance.ATTENDED.value, _l("Yes, the citizen came")),
            SelectChoice(Attendance.NO_SHOW.value, _l("No, the citizen did not come")),
        ],
        validators=[DataRequired(message=_l("Choose whether the citizen came."))],
    )
    reason = text_field(_l("If not: why, as far as you know"), 500)


class NotificationSettingsForm(FlaskForm):
    """How the citizen wants reminders besides the list in Jobunivers."""

    email = BooleanField(_l("By e-mail"))
    sms = BooleanField(_l("By text message"))
    language = RadioField(
        _l("Language of the reminders"),
        choices=[SelectChoice("da", "Dansk"), SelectChoice("en", "English")],
        validators=[DataRequired(message=_l("Choose a language."))],
    )


YES_NO = [SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))]


class FeedbackForm(FlaskForm):
    """Two questions about a meeting, and the citizen's own words if they like."""

    helpful = RadioField(
        _l("Did the meeting help you?"),
        choices=YES_NO,
        validators=[DataRequired(message=_l("Answer whether the meeting helped you."))],
    )
    easy = RadioField(
        _l("Was it easy to take part?"),
        choices=YES_NO,
        validators=[DataRequired(message=_l("Answer whether it was easy."))],
    )
    words = text_field(
        _l("Anything else you want to tell us? (optional)"), 1000, multiline=True
    )
