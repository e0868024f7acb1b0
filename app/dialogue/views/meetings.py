"""Meetings: the citizen books, moves and cancels; the caseworker offers times and
books for a citizen (assisted digital)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.db import commit_with_retries, get_session
from app.dialogue import feedback, meetings
from app.dialogue.forms import AttendanceForm, SlotForm
from app.dialogue.meetings import Outcome
from app.dialogue.views import bp
from app.dialogue.views.staff import me
from app.forms import ConfirmForm
from app.i18n import DANISH_TIME
from app.labels import MEETING_KIND_LABELS
from app.models import Attendance, MeetingKind, Role
from app.security import current_actor, current_citizen_id, role_required
from app.urls import parse_int

LABELS = {"kind_labels": MEETING_KIND_LABELS}


def notice() -> timedelta:
    return timedelta(hours=int(current_app.config["MEETING_NOTICE_HOURS"]))


def _outcome_message(outcome: Outcome) -> None:
    if outcome is Outcome.BOOKED:
        flash(_("The meeting is booked."), "success")
    elif outcome is Outcome.TAKEN:
        flash(
            _("Somebody else booked that time a moment ago. Choose another."), "error"
        )
    elif outcome is Outcome.TOO_LATE:
        flash(
            _("It is too late to book or change that time. Write to the job centre."),
            "error",
        )
    else:
        abort(404)


@bp.get("/moeder")
@role_required(Role.CITIZEN)
def meetings_page() -> str:
    """The citizen's meetings, and the times they can book."""
    session = get_session()
    citizen_id = current_citizen_id()
    municipality_id = meetings.municipality_of(session, citizen_id)
    moving = parse_int(request.args.get("flyt"))
    return render_template(
        "dialogue/meetings.html",
        mine=meetings.meetings_of(session, citizen_id, notice()),
        free=meetings.free_slots(session, municipality_id, notice()),
        to_rate=feedback.awaiting(session, citizen_id),
        moving=moving,
        notice_hours=current_app.config["MEETING_NOTICE_HOURS"],
        form=ConfirmForm(),
        **LABELS,
    )


@bp.post("/moeder/<int:slot_id>/book")
@role_required(Role.CITIZEN)
def book(slot_id: int) -> Response:
    """Book a time (or move a meeting to it, when `flyt` names the old one)."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    session = get_session()
    citizen_id = current_citizen_id()
    moving = parse_int(request.form.get("flyt"))
    if moving is not None:
        outcome = commit_with_retries(
            session,
            lambda: meetings.move(
                session, citizen_id, moving, slot_id, current_actor(), notice()
            ),
        )
    else:
        outcome = commit_with_retries(
            session,
            lambda: meetings.book(
                session, citizen_id, slot_id, current_actor(), notice()
            ),
        )
    _outcome_message(outcome)
    return redirect(url_for("dialogue.meetings_page"))


@bp.route("/moeder/<int:slot_id>/aflys", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def cancel(slot_id: int) -> Any:
    """Ask for confirmation, then cancel the citizen's meeting."""
    session = get_session()
    citizen_id = current_citizen_id()
    slot = meetings.own_slot(session, citizen_id, slot_id)
    if slot is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        outcome = meetings.cancel(
            session, citizen_id, slot_id, current_actor(), notice()
        )
        if outcome is Outcome.TOO_LATE:
            _outcome_message(outcome)
        else:
            flash(_("The meeting is cancelled."), "success")
        return redirect(url_for("dialogue.meetings_page"))
    return render_template(
        "dialogue/meeting_cancel.html",
        slot=meetings.meetings_of(session, citizen_id, notice(), False),
        slot_id=slot_id,
        form=form,
        **LABELS,
    )


@bp.get("/moeder/<int:slot_id>/kalender")
@role_required(Role.CITIZEN)
def calendar(slot_id: int) -> Response:
    """The meeting as a calendar file (.ics)."""
    session = get_session()
    slot = meetings.own_slot(session, current_citizen_id(), slot_id)
    if slot is None:
        abort(404)
    body = meetings.calendar_file(
        slot,
        _("Meeting with the job centre (%(kind)s)")
        % {"kind": MEETING_KIND_LABELS[slot.kind]},
        slot.place,
        request.host.split(":")[0] or "jobunivers",
    )
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="moede.ics"'},
    )


@bp.route("/sagsbehandler/moeder", methods=["GET", "POST"])
@role_required(Role.CASEWORKER)
def offer_times() -> Any:
    """The caseworker offers a time citizens can book."""
    ref = me()
    form = SlotForm()
    session = get_session()
    if form.validate_on_submit():
        starts = datetime.combine(form.day.data, form.time.data, tzinfo=DANISH_TIME)
        if starts <= meetings.now():
            form.day.errors = [_("Choose a time in the future.")]
        else:
            meetings.publish_slot(
                session,
                ref.municipality_id,
                ref.id,
                starts,
                form.minutes.data,
                MeetingKind(form.kind.data),
                form.place.data,
                current_actor(),
            )
            flash(_("The time is offered to citizens."), "success")
            return redirect(url_for("dialogue.offer_times"))
    return render_template(
        "dialogue/offer_times.html",
        form=form,
        free=meetings.free_slots(session, ref.municipality_id, timedelta(0), 50),
        **LABELS,
    )


@bp.route("/sagsbehandler/borger/<int:citizen_id>/moeder", methods=["GET", "POST"])
@role_required(Role.CASEWORKER)
def book_for_citizen(citizen_id: int) -> Any:
    """Book a time on the citizen's behalf (assisted digital, recorded as such)."""
    ref = me()
    session = get_session()
    try:
        if meetings.municipality_of(session, citizen_id) != ref.municipality_id:
            abort(404)
    except LookupError:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        slot_id = parse_int(request.form.get("slot"))
        if slot_id is None:
            abort(404)
        outcome = commit_with_retries(
            session,
            lambda: meetings.book(
                session, citizen_id, slot_id, current_actor(), timedelta(0), True
            ),
        )
        _outcome_message(outcome)
        return redirect(url_for("dialogue.book_for_citizen", citizen_id=citizen_id))
    return render_template(
        "dialogue/book_for_citizen.html",
        citizen_id=citizen_id,
        attendance_form=AttendanceForm(formdata=None),
        mine=meetings.meetings_for_staff(
            session, citizen_id, timedelta(0), current_actor()
        ),
        free=meetings.free_slots(session, ref.municipality_id, timedelta(0), 50),
        form=form,
        **LABELS,
    )


@bp.post("/sagsbehandler/moeder/<int:slot_id>/fremmoede")
@role_required(Role.CASEWORKER)
def attendance(slot_id: int) -> Response:
    """Record whether the citizen came; a missed meeting needs a reason."""
    form = AttendanceForm()
    session = get_session()
    ref = me()
    citizen_id = meetings.citizen_of(session, ref.municipality_id, slot_id)
    if citizen_id is None:
        abort(404)
    if form.validate_on_submit() and meetings.record_attendance(
        session,
        ref.municipality_id,
        slot_id,
        Attendance(form.attendance.data),
        form.reason.data or None,
        current_actor(),
    ):
        flash(_("Attendance is recorded. Nothing else follows from it."), "success")
    else:
        flash(
            _("Choose whether the citizen came, and say why if they did not."), "error"
        )
    return redirect(url_for("dialogue.book_for_citizen", citizen_id=citizen_id))
