"""The form of "Jeg vil gerne tale med en medarbejder": how to be contacted, and why."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, ValidationError

from app.labels import CHANNEL_LABELS
from app.models import Channel
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
