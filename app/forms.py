"""Form pieces every area uses (typed text and dates are in app.text_input)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, StringField
from wtforms.validators import Length, Optional


class ConfirmForm(FlaskForm):
    """A confirmation, or an action button, with nothing but the CSRF token."""


class SuggestionForm(Form):
    """The occupation or skill search box: the autocomplete's page without JavaScript
    (a GET form, so no CSRF)."""

    q = StringField(
        _l("Search"),
        validators=[
            Optional(),
            Length(max=100, message=_l("Use at most 100 characters.")),
        ],
    )
