"""Form pieces every area uses (typed text and dates are in app.text_input)."""

from __future__ import annotations

from flask_wtf import FlaskForm


class ConfirmForm(FlaskForm):
    """A confirmation, or an action button, with nothing but the CSRF token."""
