"""Feedback after a meeting (citizens), its results and the failed background jobs
(administrators)."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.db import get_session
from app.dialogue import feedback, oversight
from app.dialogue.forms import FeedbackForm
from app.dialogue.views import bp
from app.labels import MEETING_KIND_LABELS
from app.models import Role
from app.security import current_actor, current_citizen_id, role_required


@bp.route("/moeder/<int:slot_id>/feedback", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def give_feedback(slot_id: int) -> Any:
    """Two questions about a past meeting."""
    session = get_session()
    citizen_id = current_citizen_id()
    if not feedback.may_rate(session, citizen_id, slot_id):
        abort(404)
    form = FeedbackForm()
    if form.validate_on_submit():
        feedback.give(
            session,
            citizen_id,
            slot_id,
            form.helpful.data == "yes",
            form.easy.data == "yes",
            form.words.data or None,
            current_actor(),
        )
        flash(_("Thank you. Your answers help the job centre do better."), "success")
        return redirect(url_for("dialogue.meetings_page"))
    return render_template("dialogue/feedback.html", form=form, slot_id=slot_id)


@bp.get("/administration/feedback")
@role_required(Role.ADMIN)
def feedback_results() -> str:
    """How citizens rate their meetings: counts for the administrator's job centre."""
    return render_template(
        "dialogue/feedback_results.html",
        results=feedback.results(get_session(), current_user.municipality_id),
        kind_labels=MEETING_KIND_LABELS,
    )


@bp.get("/administration/baggrundsjob")
@role_required(Role.ADMIN)
def failed_jobs() -> str:
    """Background jobs that failed after their last try."""
    return render_template(
        "dialogue/failed_jobs.html", failures=oversight.recent_failures(get_session())
    )
