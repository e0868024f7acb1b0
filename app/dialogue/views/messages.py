"""The citizen's messages with the job centre: read, write, attach, download."""

from __future__ import annotations

import io
from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.db import get_session
from app.dialogue import attachments, messages
from app.dialogue.forms import MessageForm
from app.dialogue.views import attachment_folder, bp
from app.models import Author, MessageAttachment, Role
from app.security import current_actor, current_citizen_id, role_required


def working_days() -> int:
    return int(current_app.config["MESSAGE_REPLY_WORKING_DAYS"])


def checked_files(form: MessageForm) -> list[attachments.CheckedFile] | None:
    """The form's file, checked; None (and the reason on the field) when refused."""
    upload = form.attachment.data
    if upload is None or not getattr(upload, "filename", ""):
        return []
    limit = int(current_app.config["ATTACHMENT_MAX_BYTES"])
    try:
        # One byte past the limit is enough to know the file is too large.
        return [
            attachments.check_file(
                upload.filename, upload.stream.read(limit + 1), limit
            )
        ]
    except attachments.AttachmentRefused as refused:
        form.attachment.errors = [str(refused.message)]
        return None


def send_attachment(found: MessageAttachment) -> Response:
    """The stored file, as a download under its checked name."""
    path = attachments.path_of(attachment_folder(), found.storage_key)
    if not path.is_file():
        abort(404)
    # Read whole (at most ATTACHMENT_MAX_BYTES), so no file handle outlives the request.
    return send_file(
        io.BytesIO(path.read_bytes()),
        mimetype=found.content_type,
        as_attachment=True,
        download_name=found.filename,
        max_age=0,
    )


def _page(form: MessageForm, status: int = 200) -> Any:
    thread = messages.citizen_thread(
        get_session(), current_citizen_id(), working_days()
    )
    return render_template("dialogue/messages.html", form=form, thread=thread), status


@bp.get("/beskeder")
@role_required(Role.CITIZEN)
def inbox() -> Any:
    """The citizen's conversation with the job centre (opening it reads the messages)."""
    return _page(MessageForm(formdata=None))


@bp.post("/beskeder")
@role_required(Role.CITIZEN)
def write() -> Any:
    """Send a message, with an optional file, to the job centre."""
    form = MessageForm()
    if not form.validate_on_submit():
        return _page(form)
    files = checked_files(form)
    if files is None:
        return _page(form)
    messages.write(
        get_session(),
        current_citizen_id(),
        Author.CITIZEN,
        form.body.data,
        files,
        attachment_folder(),
        current_actor(),
    )
    flash(_("Your message is sent."), "success")
    return redirect(url_for("dialogue.inbox", _anchor="seneste"))


@bp.get("/beskeder/fil/<int:attachment_id>")
@role_required(Role.CITIZEN)
def attachment(attachment_id: int) -> Response:
    """Download a file of the citizen's own conversation."""
    found = messages.attachment_for_citizen(
        get_session(), current_citizen_id(), attachment_id
    )
    if found is None:
        abort(404)
    return send_attachment(found)
