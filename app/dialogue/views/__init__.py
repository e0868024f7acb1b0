"""The dialogue with the job centre: one blueprint, views by subject (contact.py: "talk
to a person"; messages.py: the thread; meetings.py: booking; notifications.py: the
list and the channels; staff.py: the caseworker's side)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app

bp = Blueprint("dialogue", __name__, template_folder="../templates")


def attachment_folder() -> Path:
    """Where attachments are kept: ATTACHMENT_FOLDER, by default instance/attachments
    (outside the web root)."""
    configured = current_app.config.get("ATTACHMENT_FOLDER")
    return Path(configured or Path(current_app.instance_path) / "attachments")


# The routes of each subject (imported last: they register on bp).
from app.dialogue.views import (  # noqa: E402,F401
    contact,
    feedback,
    meetings,
    messages,
    notifications,
    staff,
)
