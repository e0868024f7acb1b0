"""The caseworker's side of the dialogue: a citizen's messages (each read logged)."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app import tasks
from app.casework.services.queue import CaseworkerRef, caseworker_for_user
from app.db import get_session
from app.dialogue import messages, notify, oversight
from app.dialogue.forms import MessageForm
from app.dialogue.views import attachment_folder, bp
from app.dialogue.views.messages import checked_files, send_attachment, working_days
from app.forms import ConfirmForm
from app.models import Author, Role
from app.security import current_actor, role_required


def me() -> CaseworkerRef:
    ref = caseworker_for_user(get_session(), current_user.id)
    if ref is None:
        abort(403)
    return ref


def _page(citizen_id: int, form: MessageForm, status: int = 200) -> Any:
    ref = me()
    thread = messages.staff_thread(
        get_session(), ref.municipality_id, citizen_id, working_days(), current_actor()
    )
    if thread is None:
        abort(404)
    return (
        render_template("dialogue/staff_messages.html", form=form, thread=thread),
        status,
    )


@bp.get("/sagsbehandler/borger/<int:citizen_id>/beskeder")
@role_required(Role.CASEWORKER)
def staff_thread(citizen_id: int) -> Any:
    """A citizen's conversation with the job centre (the opening is logged)."""
    return _page(citizen_id, MessageForm(formdata=None))


@bp.post("/sagsbehandler/borger/<int:citizen_id>/beskeder")
@role_required(Role.CASEWORKER)
def staff_write(citizen_id: int) -> Any:
    """Answer the citizen on behalf of the job centre."""
    form = MessageForm()
    if not form.validate_on_submit():
        return _page(citizen_id, form)
    files = checked_files(form)
    if files is None:
        return _page(citizen_id, form)
    ref = me()
    session = get_session()
    if (
        messages.staff_thread(
            session, ref.municipality_id, citizen_id, working_days(), current_actor()
        )
        is None
    ):
        abort(404)
    message = messages.write(
        session,
        citizen_id,
        Author.JOB_CENTRE,
        form.body.data,
        files,
        attachment_folder(),
        current_actor(),
    )
    if notify.new_message(session, citizen_id, message.id):
        tasks.enqueue(session, "send_outbox")
    flash(_("Your answer is sent."), "success")
    return redirect(url_for("dialogue.staff_thread", citizen_id=citizen_id))


@bp.get("/sagsbehandler/fil/<int:attachment_id>")
@role_required(Role.CASEWORKER)
def staff_attachment(attachment_id: int) -> Response:
    """Download a file of a citizen of the caseworker's municipality (logged)."""
    found = messages.attachment_for_staff(
        get_session(), me().municipality_id, attachment_id, current_actor()
    )
    if found is None:
        abort(404)
    return send_attachment(found)


@bp.post("/sagsbehandler/opgave/<int:task_id>/udfoert")
@role_required(Role.CASEWORKER)
def finish_task(task_id: int) -> Response:
    """Mark a task from an unread reminder as done."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if not oversight.finish_task(
        get_session(), me().municipality_id, task_id, current_actor()
    ):
        abort(404)
    flash(_("The task is done."), "success")
    return redirect(url_for("casework.queue"))
