"""The job-search log, "Min plan", and "Jeg vil gerne tale med en medarbejder"."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.db import get_session
from app.htmx import wants_partial
from app.models import Role
from app.models.jobsearch import ContactRequest, PlanItem
from app.portal import bp
from app.portal.forms import page_number
from app.portal.jobsearch_forms import (
    CHANNEL_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    ConfirmForm,
    ContactForm,
    JobLogFilterForm,
    JobLogForm,
    PlanDoneForm,
    PlanForm,
)
from app.portal.views import card_response
from app.security import current_actor, current_citizen_id, public, role_required
from app.services import jobsearch


def _today() -> date:
    return date.today()


LABELS = {
    "kind_labels": KIND_LABELS,
    "status_labels": STATUS_LABELS,
    "channel_labels": CHANNEL_LABELS,
}


# --- the job-search log -----------------------------------------------------------------


@bp.get("/joblog")
@role_required(Role.CITIZEN)
def joblog() -> str:
    """The citizen's job-search log, newest first, with this month's count."""
    session = get_session()
    citizen_id = current_citizen_id()
    filters = JobLogFilterForm(request.args)
    kind = filters.kind_value if filters.validate() else None
    page = jobsearch.list_joblog(
        session, citizen_id, page=page_number(request.args.get("page")), kind=kind
    )
    return render_template(
        "portal/joblog.html",
        page=page,
        filters=filters,
        filter_args={"kind": kind.value} if kind else {},
        summary=jobsearch.joblog_summary(session, citizen_id, _today()),
        **LABELS,
    )


@bp.route("/joblog/ny", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def joblog_new() -> str | Response:
    """Add an application, a planned application or another activity to the log."""
    citizen_id = current_citizen_id()
    form = JobLogForm(today=_today())
    if request.method == "GET":
        form.kind.data = request.args.get("type", "application")[:20]
        form.on_date.data = _today().isoformat()
        form.status.data = "sent" if form.kind.data == "application" else "planned"
        form.title.data = request.args.get("titel", "")[:200]
        form.employer.data = request.args.get("arbejdsgiver", "")[:200]
    if form.validate_on_submit():
        jobsearch.add_joblog_entry(
            get_session(), citizen_id, form.to_input(), current_actor()
        )
        flash(_("Saved in your job-search log."), "success")
        return redirect(url_for("portal.joblog"))
    return render_template("portal/joblog_form.html", form=form, entry=None)


@bp.route("/joblog/<int:entry_id>/ret", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def joblog_edit(entry_id: int) -> str | Response:
    """Change one of the citizen's own log entries."""
    session = get_session()
    citizen_id = current_citizen_id()
    entry = jobsearch.joblog_entry(session, citizen_id, entry_id)
    if entry is None:
        abort(404)
    form = JobLogForm(today=_today())
    if request.method == "GET":
        form.fill_from(entry)
    if form.validate_on_submit():
        jobsearch.update_joblog_entry(
            session, citizen_id, entry_id, form.to_input(), current_actor()
        )
        flash(_("Your change is saved."), "success")
        return redirect(url_for("portal.joblog"))
    return render_template("portal/joblog_form.html", form=form, entry=entry)


@bp.route("/joblog/<int:entry_id>/slet", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def joblog_delete(entry_id: int) -> str | Response:
    """Ask for confirmation, then delete one of the citizen's own log entries."""
    session = get_session()
    citizen_id = current_citizen_id()
    entry = jobsearch.joblog_entry(session, citizen_id, entry_id)
    if entry is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        jobsearch.delete_joblog_entry(session, citizen_id, entry_id, current_actor())
        flash(_("The entry is deleted from your job-search log."), "success")
        return redirect(url_for("portal.joblog"))
    return render_template(
        "portal/joblog_delete.html", form=form, entry=entry, **LABELS
    )


# --- the plan ---------------------------------------------------------------------------


@bp.get("/min-plan")
@role_required(Role.CITIZEN)
def plan() -> str:
    """The citizen's plan: goals and agreed activities, and their own."""
    items = jobsearch.list_plan(get_session(), current_citizen_id())
    return render_template(
        "portal/plan.html",
        items=items,
        may_edit=jobsearch.citizen_may_edit,
        done_form=PlanDoneForm(),
    )


@bp.route("/min-plan/ny", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def plan_new() -> str | Response:
    """Add the citizen's own goal or activity."""
    citizen_id = current_citizen_id()
    form = PlanForm(today=_today())
    if request.method == "GET":
        form.kind.data = "goal"
    if form.validate_on_submit():
        jobsearch.add_plan_item(
            get_session(), citizen_id, form.to_input(), current_actor()
        )
        flash(_("Added to your plan."), "success")
        return redirect(url_for("portal.plan"))
    return render_template("portal/plan_form.html", form=form, item=None)


def _own_editable_item(item_id: int) -> tuple[int, PlanItem]:
    citizen_id = current_citizen_id()
    item = jobsearch.plan_item(get_session(), citizen_id, item_id)
    if item is None:
        abort(404)
    if not jobsearch.citizen_may_edit(item):
        abort(403)
    return citizen_id, item


@bp.route("/min-plan/<int:item_id>/ret", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def plan_edit(item_id: int) -> str | Response:
    """Change a goal or activity the citizen wrote themself."""
    citizen_id, item = _own_editable_item(item_id)
    form = PlanForm(today=_today())
    if request.method == "GET":
        form.fill_from(item)
    if form.validate_on_submit():
        jobsearch.update_plan_item(
            get_session(), citizen_id, item_id, form.to_input(), current_actor()
        )
        flash(_("Your change is saved."), "success")
        return redirect(url_for("portal.plan"))
    return render_template("portal/plan_form.html", form=form, item=item)


@bp.post("/min-plan/<int:item_id>/udfoert")
@role_required(Role.CITIZEN)
def plan_done(item_id: int) -> Response:
    """Mark an item of the plan done, or open again."""
    form = PlanDoneForm()
    if not form.validate_on_submit():
        abort(400)
    if not jobsearch.set_plan_item_done(
        get_session(), current_citizen_id(), item_id, form.done_value, current_actor()
    ):
        abort(404)
    from_dashboard = request.form.get("kort") == "min-plan"
    if from_dashboard and wants_partial():
        # The plan card on Min side, updated in place (its text is a live region).
        return card_response("min-plan")
    flash(
        _("Marked as done.") if form.done_value else _("Marked as not done."),
        "success",
    )
    return redirect(url_for("portal.dashboard" if from_dashboard else "portal.plan"))


@bp.route("/min-plan/<int:item_id>/slet", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def plan_delete(item_id: int) -> str | Response:
    """Ask for confirmation, then delete a goal or activity the citizen wrote."""
    citizen_id, item = _own_editable_item(item_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        jobsearch.delete_plan_item(get_session(), citizen_id, item_id, current_actor())
        flash(_("Deleted from your plan."), "success")
        return redirect(url_for("portal.plan"))
    return render_template("portal/plan_delete.html", form=form, item=item)


# --- "Jeg vil gerne tale med en medarbejder" -------------------------------------------


def _is_citizen() -> bool:
    return bool(current_user.is_authenticated and current_user.role is Role.CITIZEN)


@bp.get("/tal-med-en-medarbejder")
@public
def contact() -> str:
    """Ask for a person: the form for citizens, the job centre's contact for others."""
    if not _is_citizen():
        return render_template("portal/contact_public.html")
    session = get_session()
    citizen_id = current_citizen_id()
    open_request = jobsearch.open_contact_request(session, citizen_id)
    form = ContactForm()
    if open_request is not None:
        form.channel.data = open_request.channel.value
        form.message.data = open_request.message
    elif (preferred := jobsearch.preferred_channel(session, citizen_id)) is not None:
        form.channel.data = preferred.value
    return _contact_page(form, open_request)


def _contact_page(form: ContactForm, open_request: ContactRequest | None) -> str:
    answer_by = None
    if open_request is not None:
        answer_by = jobsearch.answer_by(open_request.created_at)
    return render_template(
        "portal/contact.html",
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
        jobsearch.ask_for_person(
            session,
            citizen_id,
            form.channel_value,
            form.message.data or None,
            current_actor(),
        )
        return redirect(url_for("portal.contact_sent"))
    return _contact_page(form, jobsearch.open_contact_request(session, citizen_id))


@bp.get("/tal-med-en-medarbejder/sendt")
@role_required(Role.CITIZEN)
def contact_sent() -> str | Response:
    """What happens next, after the citizen asked for a person."""
    open_request = jobsearch.open_contact_request(get_session(), current_citizen_id())
    if open_request is None:
        return redirect(url_for("portal.contact"))
    return render_template(
        "portal/contact_sent.html",
        open_request=open_request,
        answer_by=jobsearch.answer_by(open_request.created_at),
        **LABELS,
    )


@bp.route("/tal-med-en-medarbejder/annuller", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def contact_cancel() -> str | Response:
    """Ask for confirmation, then cancel the citizen's open request."""
    session = get_session()
    citizen_id = current_citizen_id()
    open_request = jobsearch.open_contact_request(session, citizen_id)
    if open_request is None:
        flash(_("You have no open request to cancel."), "info")
        return redirect(url_for("portal.contact"))
    form = ConfirmForm()
    if form.validate_on_submit():
        jobsearch.cancel_contact_request(
            session, citizen_id, open_request.id, current_actor()
        )
        flash(_("Your request is cancelled."), "success")
        return redirect(url_for("portal.dashboard"))
    return render_template(
        "portal/contact_cancel.html", form=form, open_request=open_request, **LABELS
    )
