"""The search box of the suggestion pages (a GET form: the no-JavaScript fallback)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import Form, StringField
from wtforms.validators import Length, Optional


class SuggestionForm(Form):
    """The search box of the suggestion pages (the no-JavaScript fallback)."""

    q = StringField(
        _l("Search"),
        validators=[
            Optional(),
            Length(max=100, message=_l("Use at most 100 characters.")),
        ],
    )
