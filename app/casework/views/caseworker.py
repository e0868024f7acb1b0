"""The caseworker's start page and the municipality's queue; claiming the next citizen."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app import page_cache
from app.casework.forms import QueueFilterForm
from app.casework.services import claims
from app.casework.services import queue as queue_service
from app.casework.views import bp, language_name, me
from app.db import commit_with_retries, get_session
from app.dialogue import messages, oversight
from app.forms import ConfirmForm
from app.htmx import render_page_or_partial
from app.models import Role
from app.pagination import page_number
from app.security import current_actor, role_required


@bp.get("/sagsbehandler")
@role_required(Role.CASEWORKER)
def home() -> str:
    """The caseworker's start page: the queue's counts and the way in."""
    ref = me()
    counts = queue_service.queue_counts(get_session(), ref.municipality_id, ref.id)
    return render_template(
        "casework/caseworker_home.html", counts=counts, action=ConfirmForm()
    )


@bp.get("/sagsbehandler/koe")
@role_required(Role.CASEWORKER)
@page_cache.cached(lambda: [page_cache.municipality_scope(me().municipality_id)])
def queue() -> Response:
    """The municipality's queue: filter, sort and page through it; claim from it."""
    ref = me()
    session = get_session()
    languages = [
        (code, language_name(code))
        for code in queue_service.queue_languages(session, ref.municipality_id)
    ]
    form = QueueFilterForm(request.args, languages)
    valid = form.validate()
    result = queue_service.list_queue(
        session,
        ref.municipality_id,
        ref.id,
        form.filters(),
        current_actor(),
        page=page_number(request.args.get("page")),
        reply_working_days=current_app.config["MESSAGE_REPLY_WORKING_DAYS"],
    )
    return render_page_or_partial(
        "casework/queue.html",
        "casework/partials/queue_results.html",
        form=form,
        valid=valid,
        result=result,
        filters=form.query_args(),
        counts=queue_service.queue_counts(session, ref.municipality_id, ref.id),
        action=ConfirmForm(),
        tasks=oversight.open_tasks(session, ref.municipality_id, current_actor()),
        waiting_messages=messages.waiting_threads(
            session,
            ref.municipality_id,
            current_app.config["MESSAGE_REPLY_WORKING_DAYS"],
            current_actor(),
        ),
    )


@bp.get("/sagsbehandler/koe/antal")
@role_required(Role.CASEWORKER)
def queue_counts() -> Response:
    """The queue's live counts (polled by the queue page; a small page without JS)."""
    ref = me()
    counts = queue_service.queue_counts(get_session(), ref.municipality_id, ref.id)
    return render_page_or_partial(
        "casework/queue_counts.html",
        "casework/partials/queue_counts.html",
        counts=counts,
    )


@bp.post("/sagsbehandler/koe/tag-naeste")
@role_required(Role.CASEWORKER)
def claim_next() -> Response:
    """Claim the waiting citizen with the highest priority, then open their case."""
    ref = me()
    if not ConfirmForm().validate_on_submit():
        abort(400)
    session = get_session()
    citizen_id = commit_with_retries(
        session,
        lambda: claims.claim_next_case(
            session, ref.municipality_id, ref.id, current_actor()
        ),
    )
    if citizen_id is None:
        flash(_("No citizens are waiting in the queue."), "info")
        return redirect(url_for("casework.queue"))
    flash(_("The case is yours now."), "success")
    return redirect(url_for("casework.case", citizen_id=citizen_id))
