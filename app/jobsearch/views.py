"""The job-search log ("Joblog") and the plan ("Min plan")."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app import page_cache
from app.db import get_session
from app.dialogue import queries as dialogue_queries
from app.forms import ConfirmForm
from app.htmx import wants_partial
from app.jobsearch import services as jobsearch
from app.jobsearch.forms import (
    JobLogFilterForm,
    JobLogForm,
    PlanDoneForm,
    PlanForm,
)
from app.labels import CHANNEL_LABELS, LOG_KIND_LABELS, LOG_STATUS_LABELS
from app.models import PlanItem, Role
from app.pagination import page_number
from app.security import current_actor, current_citizen_id, role_required

bp = Blueprint("jobsearch", __name__, template_folder="templates")


def _today() -> date:
    return date.today()


LABELS = {
    "kind_labels": LOG_KIND_LABELS,
    "status_labels": LOG_STATUS_LABELS,
    "channel_labels": CHANNEL_LABELS,
}


# --- the job-search log -----------------------------------------------------------------


@bp.get("/joblog")
@role_required(Role.CITIZEN)
@page_cache.cached(page_cache.own_pages)
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
        "jobsearch/joblog.html",
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
        return redirect(url_for("jobsearch.joblog"))
    return render_template("jobsearch/joblog_form.html", form=form, entry=None)


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
        return redirect(url_for("jobsearch.joblog"))
    return render_template("jobsearch/joblog_form.html", form=form, entry=entry)


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
        return redirect(url_for("jobsearch.joblog"))
    return render_template(
        "jobsearch/joblog_delete.html", form=form, entry=entry, **LABELS
    )


# --- the plan ---------------------------------------------------------------------------


@bp.get("/min-plan")
@role_required(Role.CITIZEN)
def plan() -> str:
    """The citizen's plan: goals and agreed activities, and their own."""
    session = get_session()
    citizen_id = current_citizen_id()
    items = jobsearch.list_plan(session, citizen_id)
    return render_template(
        "jobsearch/plan.html",
        items=items,
        meetings=dialogue_queries.upcoming_meetings(session, citizen_id),
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
        return redirect(url_for("jobsearch.plan"))
    return render_template("jobsearch/plan_form.html", form=form, item=None)


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
        return redirect(url_for("jobsearch.plan"))
    return render_template("jobsearch/plan_form.html", form=form, item=item)


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
        # The plan card on Min side, updated in place (its text is a live region):
        # htmx follows the redirect to the card's own URL, which renders the partial.
        return redirect(url_for("portal.dashboard_card", name="min-plan"), code=303)
    flash(
        _("Marked as done.") if form.done_value else _("Marked as not done."),
        "success",
    )
    return redirect(url_for("portal.dashboard" if from_dashboard else "jobsearch.plan"))


@bp.route("/min-plan/<int:item_id>/slet", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def plan_delete(item_id: int) -> str | Response:
    """Ask for confirmation, then delete a goal or activity the citizen wrote."""
    citizen_id, item = _own_editable_item(item_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        jobsearch.delete_plan_item(get_session(), citizen_id, item_id, current_actor())
        flash(_("Deleted from your plan."), "success")
        return redirect(url_for("jobsearch.plan"))
    return render_template("jobsearch/plan_delete.html", form=form, item=item)
