"""Talking to the job centre: "Jeg vil gerne tale med en medarbejder", on every page."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.db import get_session
from app.dialogue import services
from app.dialogue.forms import ContactForm
from app.dialogue.views import bp
from app.forms import ConfirmForm
from app.labels import CHANNEL_LABELS
from app.models import ContactRequest, Role
from app.security import current_actor, current_citizen_id, public, role_required

LABELS = {"channel_labels": CHANNEL_LABELS}


def _is_citizen() -> bool:
    return bool(current_user.is_authenticated and current_user.role is Role.CITIZEN)


@bp.get("/tal-med-en-medarbejder")
@public
def contact() -> str:
    """Ask for a person: the form for citizens, the job centre's contact for others."""
    if not _is_citizen():
        return render_template("dialogue/contact_public.html")
    session = get_session()
    citizen_id = current_citizen_id()
    open_request = services.open_contact_request(session, citizen_id)
    form = ContactForm()
    if open_request is not None:
        form.channel.data = open_request.channel.value
        form.message.data = open_request.message
    elif (preferred := services.preferred_channel(session, citizen_id)) is not None:
        form.channel.data = preferred.value
    return _contact_page(form, open_request)


def _contact_page(form: ContactForm, open_request: ContactRequest | None) -> str:
    answer_by = None
    if open_request is not None:
        answer_by = services.answer_by(open_request.created_at)
    return render_template(
        "dialogue/contact.html",
        form=form,
        open_request=open_request,
        answer_by=answer_by,
        **LABELS,
    )


@bp.post("/tal-med-en-medarbejder")
@role_required(Role.CITIZEN)
def contact_send() -> str | Response:
    """Record the citizen's request to talk to a person."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = ContactForm()
    if form.validate_on_submit():
        services.ask_for_person(
            session,
            citizen_id,
            form.channel_value,
            form.message.data or None,
            current_actor(),
            opening=_("I have asked to talk to a person. Contact me: %(channel)s.")
            % {"channel": CHANNEL_LABELS[form.channel_value]},
        )
        return redirect(url_for("dialogue.contact_sent"))
    return _contact_page(form, services.open_contact_request(session, citizen_id))


@bp.get("/tal-med-en-medarbejder/sendt")
@role_required(Role.CITIZEN)
def contact_sent() -> str | Response:
    """What happens next, after the citizen asked for a person."""
    open_request = services.open_contact_request(get_session(), current_citizen_id())
    if open_request is None:
        return redirect(url_for("dialogue.contact"))
    return render_template(
        "dialogue/contact_sent.html",
        open_request=open_request,
        answer_by=services.answer_by(open_request.created_at),
        **LABELS,
    )


@bp.route("/tal-med-en-medarbejder/annuller", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def contact_cancel() -> str | Response:
    """Ask for confirmation, then cancel the citizen's open request."""
    session = get_session()
    citizen_id = current_citizen_id()
    open_request = services.open_contact_request(session, citizen_id)
    if open_request is None:
        flash(_("You have no open request to cancel."), "info")
        return redirect(url_for("dialogue.contact"))
    form = ConfirmForm()
    if form.validate_on_submit():
        services.cancel_contact_request(
            session, citizen_id, open_request.id, current_actor()
        )
        flash(_("Your request is cancelled."), "success")
        return redirect(url_for("portal.dashboard"))
    return render_template(
        "dialogue/contact_cancel.html", form=form, open_request=open_request, **LABELS
    )
