"""The public job search (/job), one posting a person can act on, saved jobs and alerts.

The search and the postings are open to everyone; saving, logging an application and
alerts need a citizen's log-in. Routes go on the jobs blueprint (app.jobs.views).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

from flask import abort, flash, redirect, render_template, request, url_for
from flask import session as web_session
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from app.audit import Actor
from app.db import get_session
from app.forms import ConfirmForm
from app.htmx import render_page_or_partial
from app.i18n import current_lang
from app.jobs import queries, search, services
from app.jobs.inference import posting_skills_shown
from app.jobs.search_forms import AlertForm, JobSearchForm
from app.jobs.views import bp
from app.jobsearch import services as joblog
from app.models import LogKind, LogStatus, Role
from app.pagination import page_number
from app.security import current_actor, current_citizen_id, public, role_required
from app.taxonomy.services import load_taxonomy

CITIZEN = Role.CITIZEN
# Postings whose application the citizen opened in this session (for the joblog offer).
APPLIED_KEY = "applied_postings"


def _is_citizen() -> bool:
    return bool(current_user.is_authenticated and current_user.role is CITIZEN)


def _search_form(args: MultiDict[str, str]) -> JobSearchForm:
    session, lang = get_session(), current_lang()
    taxonomy = load_taxonomy(session)
    occupations = search.occupation_choices(
        session, lambda uri: taxonomy.label(uri, lang)
    )
    return JobSearchForm(args, occupations, lang, citizen=_is_citizen())


@bp.get("/job")
@public
def search_jobs() -> Response:
    """Every current posting, found by words and filters; the URL holds the whole search."""
    form = _search_form(request.args)
    valid = form.validate()
    result = None
    if valid:
        wanted = form.search()
        scores = (
            queries.match_scores(get_session(), current_citizen_id())
            if wanted.sort == "match" and _is_citizen()
            else None
        )
        result = search.search_postings(
            get_session(),
            wanted,
            page=page_number(request.args.get("page")),
            scores=scores,
        )
    return render_page_or_partial(
        "jobs/search.html",
        "jobs/partials/search_results_htmx.html",
        form=form,
        result=result,
        args=form.query_args() if valid else {},
        alert_form=AlertForm(formdata=None, query=form.query_string())
        if valid and _is_citizen()
        else None,
    )


@bp.get("/job/<int:posting_id>")
@public
def posting(posting_id: int) -> str:
    """One posting: who, where, hours, dates, source and how to apply; for a logged-in
    citizen also how it fits them, saving it and logging the application."""
    session = get_session()
    row = services.posting(session, posting_id)
    if row is None:
        abort(404)
    lang = current_lang()
    uri = services.occupation_uri(session, row)
    occupation = load_taxonomy(session).label(uri, lang) if uri else None
    citizen = _is_citizen()
    match = saved = None
    if citizen:
        citizen_id = current_citizen_id()
        match = queries.posting_detail(session, citizen_id, posting_id, lang=lang)
        saved = services.is_saved(session, citizen_id, posting_id)
    return render_template(
        "jobs/posting.html",
        posting=row,
        match=match,
        occupation=occupation,
        current=services.is_current(row),
        citizen=citizen,
        saved=saved,
        applied=posting_id in web_session.get(APPLIED_KEY, []),
        action=ConfirmForm(),
        skills=posting_skills_shown(session, posting_id, lang),
    )


@bp.get("/job/<int:posting_id>/soeg")
@public
def apply(posting_id: int) -> Response:
    """'Søg jobbet': to the employer's application, remembering it to offer the joblog."""
    row = services.posting(get_session(), posting_id)
    if row is None:
        abort(404)
    target = row.apply_url or row.url
    if not target or not target.startswith(("https://", "http://")):
        if row.apply_email:
            target = f"mailto:{row.apply_email}"
        else:
            abort(404)
    if _is_citizen():
        applied = [p for p in web_session.get(APPLIED_KEY, []) if p != posting_id]
        web_session[APPLIED_KEY] = [*applied[-19:], posting_id]
    return redirect(target)


@bp.post("/job/<int:posting_id>/gem")
@role_required(CITIZEN)
def save(posting_id: int) -> Response:
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    if services.save_job(
        get_session(), current_citizen_id(), posting_id, current_actor()
    ):
        flash(_("The job is saved. You find it under Saved jobs."), "success")
    else:
        flash(_("The job could not be saved."), "error")
    return redirect(url_for("jobs.posting", posting_id=posting_id))


@bp.post("/job/<int:posting_id>/fjern")
@role_required(CITIZEN)
def unsave(posting_id: int) -> Response:
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    services.unsave_job(
        get_session(), current_citizen_id(), posting_id, current_actor()
    )
    flash(_("The job is removed from your saved jobs."), "success")
    back = request.form.get("back") == "saved"
    return redirect(
        url_for("jobs.saved")
        if back
        else url_for("jobs.posting", posting_id=posting_id)
    )


@bp.post("/job/<int:posting_id>/joblog")
@role_required(CITIZEN)
def log_application(posting_id: int) -> Response:
    """One click: the application goes into the job-search log, sent today."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    session = get_session()
    row = services.posting(session, posting_id)
    if row is None:
        abort(404)
    entry = joblog.add_joblog_entry(
        session,
        current_citizen_id(),
        joblog.JobLogInput(
            kind=LogKind.APPLICATION,
            employer=row.employer[:200],
            title=row.title[:200],
            on_date=date.today(),
            status=LogStatus.SENT,
            note=None,
        ),
        current_actor(),
    )
    web_session[APPLIED_KEY] = [
        p for p in web_session.get(APPLIED_KEY, []) if p != posting_id
    ]
    flash(_("The application is in your job-search log."), "success")
    return redirect(url_for("jobsearch.joblog_edit", entry_id=entry.id))


@bp.get("/gemte-job")
@role_required(CITIZEN)
def saved() -> str:
    """The citizen's saved jobs."""
    return render_template(
        "jobs/saved.html",
        postings=services.saved_jobs(get_session(), current_citizen_id()),
        today=date.today(),
        action=ConfirmForm(),
    )


@bp.get("/jobagenter")
@role_required(CITIZEN)
def alerts() -> str:
    """The citizen's job alerts and the new jobs they found."""
    session, citizen_id = get_session(), current_citizen_id()
    return render_template(
        "jobs/alerts.html",
        alerts=services.alerts_for(session, citizen_id),
        notifications=services.notifications_for(session, citizen_id),
        action=ConfirmForm(),
    )


@bp.post("/jobagenter")
@role_required(CITIZEN)
def alert_create() -> str | Response:
    form = AlertForm()
    query = (form.query.data or "").lstrip("?")
    if form.validate_on_submit():
        made = services.create_alert(
            get_session(), current_citizen_id(), form.name.data, query, current_actor()
        )
        if made is None:
            flash(
                _("You have as many job alerts as you can have. Stop one first."),
                "error",
            )
        else:
            flash(_("The job alert is saved. New jobs appear on My page."), "success")
        return redirect(url_for("jobs.alerts"))
    search_form = _search_form(MultiDict(_parse_query(query)))
    valid = search_form.validate()
    return render_template(
        "jobs/search.html",
        form=search_form,
        result=search.search_postings(get_session(), search_form.search())
        if valid
        else None,
        args=search_form.query_args(),
        alert_form=form,
    )


@bp.post("/jobagenter/<int:alert_id>/stop")
@role_required(CITIZEN)
def alert_delete(alert_id: int) -> Response:
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    session = get_session()
    row = services.alert(session, alert_id)
    if row is None or row.citizen_id != current_citizen_id():
        abort(404)
    services.delete_alert(session, alert_id, current_actor())
    flash(_("The job alert is stopped."), "success")
    return redirect(url_for("jobs.alerts"))


@bp.route("/jobagenter/afmeld/<string:token>", methods=["GET", "POST"])
@public
def alert_unsubscribe(token: str) -> str | Response:
    """The alert's secret link: stop the alert without logging in (GET asks, POST stops,
    so a mail program that opens links to check them stops nothing)."""
    session = get_session()
    row = services.alert_by_token(session, token)
    if row is None and request.method == "GET":
        abort(404)
    form = ConfirmForm()
    stopped = False
    if row is not None and request.method == "POST" and form.validate_on_submit():
        owner = Actor(user_id=None, role="citizen", organisation="Jobunivers")
        services.delete_alert(session, row.id, owner)
        row, stopped = None, True
    return render_template(
        "jobs/unsubscribe.html", alert=row, stopped=stopped, action=form
    )


def _parse_query(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query[:2000])
