"""The citizen's notifications and how they want to receive them."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from app.db import get_session
from app.dialogue import notify
from app.dialogue.forms import NotificationSettingsForm
from app.dialogue.views import bp
from app.i18n import current_lang
from app.models import Role
from app.security import current_actor, current_citizen_id, role_required


@bp.get("/underretninger")
@role_required(Role.CITIZEN)
def notifications() -> str:
    """The citizen's notifications, newest first (opening the list reads them)."""
    rows = notify.list_for_citizen(get_session(), current_citizen_id(), current_lang())
    return render_template("dialogue/notifications.html", rows=rows)


@bp.route("/underretninger/indstillinger", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def notification_settings() -> Any:
    """Choose e-mail and/or SMS, and the language, for reminders."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = NotificationSettingsForm()
    if form.validate_on_submit():
        notify.save_preferences(
            session,
            citizen_id,
            form.email.data,
            form.sms.data,
            form.language.data,
            current_actor(),
        )
        flash(_("Your choices are saved."), "success")
        return redirect(url_for("dialogue.notifications"))
    if not form.is_submitted():
        form.email.data, form.sms.data, form.language.data = notify.preferences(
            session, citizen_id
        )
    contact = notify.contact_of(session, citizen_id)
    return render_template(
        "dialogue/notification_settings.html", form=form, contact=contact
    )
