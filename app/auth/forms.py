"""Log-in forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, IntegerField, PasswordField
from wtforms.validators import DataRequired, Email, Length

from app.text_input import bounded


class StaffLoginForm(FlaskForm):
    email = EmailField(
        _l("E-mail"),
        validators=[
            DataRequired(message=_l("Enter your e-mail address.")),
            Length(max=254, message=_l("The e-mail address is too long.")),
            Email(
                message=_l("Enter an e-mail address like name@kommune.dk."),
                check_deliverability=False,
            ),
        ],
        filters=[bounded(254)],
    )
    password = PasswordField(
        _l("Password"),
        validators=[
            DataRequired(message=_l("Enter your password.")),
            Length(max=200, message=_l("The password is too long.")),
        ],
        filters=[bounded(200)],
    )


class DemoLoginForm(FlaskForm):
    user_id = IntegerField(
        _l("Demo citizen"),
        validators=[DataRequired(message=_l("Choose a demo citizen."))],
    )
