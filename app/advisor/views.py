"""Start pages, the caseworker queue, and the administrators' override rates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from babel import Locale, UnknownLocaleError
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal, format_percent, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from app.advisor import bp
from app.advisor.forms import (
    OVERRIDE_REASON_LABELS,
    QUEUE_REASON_LABELS,
    TRACK_LABELS,
    ActionForm,
    PeriodForm,
    QueueFilterForm,
)
from app.db import get_session
from app.htmx import render_page_or_partial
from app.models import Role
from app.portal.forms import page_number
from app.security import current_actor, role_required
from app.services import cases, overrides
from app.services.cases import CaseworkerRef

# The model's features in a caseworker's words (reasons are stored by feature name).
FEATURE_LABELS = {
    "weeks_unemployed": _l("time unemployed"),
    "earlier_spells": _l("earlier spells of unemployment"),
    "earlier_weeks": _l("weeks unemployed earlier"),
    "education": _l("education"),
    "applications_4w": _l("applications in the last 4 weeks"),
    "desired_occupations": _l("occupations wanted"),
    "matching_postings": _l("postings that fit, nearby"),
    "expected_time_to_job": _l("own expectation of time to a job"),
    "health_limits": _l("health limits"),
    "danish_difficulty": _l("Danish language"),
    "childcare_limits": _l("childcare limits"),
    "limited_transport": _l("limited transport"),
    "low_it_confidence": _l("confidence with IT"),
    "low_search_confidence": _l("confidence in job search"),
}


SCREENING_FIELDS = (
    ("expected_time_to_job", _l("Expects a job within")),
    ("wants_support", _l("Wants support")),
    ("health_limits", _l("Health limits")),
    ("childcare_limits", _l("Childcare limits")),
    ("danish_level", _l("Danish skills")),
    ("english_level", _l("English skills")),
    ("transport", _l("Transport")),
    ("it_confidence", _l("Confidence with IT")),
    ("search_confidence", _l("Confidence in job search")),
)
SCREENING_VALUES = {
    "1m": _l("1 month"),
    "3m": _l("3 months"),
    "6m": _l("6 months"),
    "longer": _l("Longer"),
    "unknown": _l("Does not know"),
    "none": _l("None"),
    "some": _l("Some"),
    "considerable": _l("Considerable"),
    "basic": _l("Basic"),
    "good": _l("Good"),
    "fluent": _l("Fluent"),
    "native": _l("Native"),
    "car": _l("Car"),
    "public": _l("Public transport"),
    "bike": _l("Bike or on foot"),
    "limited": _l("Limited"),
    "high": _l("High"),
    "low": _l("Low"),
    "no": _l("No"),
    "maybe": _l("Maybe"),
    "yes": _l("Yes"),
}
DIRECTION_LABELS = {
    "support": _l("To support"),
    "self_service": _l("To self-service"),
}
CORRECTIONS_PATH = "/sagsbehandler/rettelser"


def corrections_url(citizen_id: int) -> str | None:
    """The staff list of one citizen's correction requests, if that page exists."""
    for rule in current_app.url_map.iter_rules():
        if rule.rule == CORRECTIONS_PATH:
            return url_for(rule.endpoint, borger=citizen_id, status="all")
    return None


def lang() -> str:
    return str(get_locale() or "da")


def reason_words(reasons: list[Any], limit: int = 3) -> list[str]:
    """The top reasons of an assessment in words, with the way each one pulls."""
    words = []
    for reason in reasons[:limit]:
        if isinstance(reason, dict):
            if reason.get("text"):
                words.append(str(reason["text"]))
                continue
            feature = str(reason.get("feature", ""))
            label = FEATURE_LABELS.get(feature, feature.replace("_", " "))
            effect = float(reason.get("contribution", 0) or 0)
            if effect > 0:
                words.append(_("%(reason)s (raises the estimate)", reason=label))
            elif effect < 0:
                words.append(_("%(reason)s (lowers the estimate)", reason=label))
            else:
                words.append(str(label))
        elif reason:
            words.append(str(reason))
    return words


def language_name(code: str) -> str:
    try:
        return Locale.parse(code).get_display_name(lang()) or code
    except (ValueError, UnknownLocaleError):
        return code


def waiting_text(days: int) -> str:
    if days == 0:
        return _("Since today")
    return _("%(days)s days", days=format_decimal(days))


@bp.context_processor
def _advisor_helpers() -> dict[str, Any]:
    return {
        "queue_reason_label": lambda value: QUEUE_REASON_LABELS.get(
            getattr(value, "value", value), value
        ),
        "track_label": lambda value: TRACK_LABELS.get(
            getattr(value, "value", value), value
        ),
        "override_reason_label": lambda value: OVERRIDE_REASON_LABELS.get(
            getattr(value, "value", value), value
        ),
        "reason_words": reason_words,
        "language_name": language_name,
        "waiting_text": waiting_text,
        "waiting_days": cases.waiting_days,
        "format_percent": format_percent,
        "screening_fields": SCREENING_FIELDS,
        "screening_value": lambda value: SCREENING_VALUES.get(
            getattr(value, "value", value), value
        ),
        "direction_label": lambda value: DIRECTION_LABELS.get(value, value),
        "corrections_url": corrections_url,
    }


def me() -> CaseworkerRef:
    """The logged-in caseworker (a caseworker account without a record: 403)."""
    ref = cases.caseworker_for_user(get_session(), current_user.id)
    if ref is None:
        abort(403)
    return ref


@bp.get("/sagsbehandler")
@role_required(Role.CASEWORKER)
def caseworker_home() -> str:
    """The caseworker's start page: the queue's counts and the way in."""
    ref = me()
    counts = cases.queue_counts(get_session(), ref.municipality_id, ref.id)
    return render_template(
        "advisor/caseworker_home.html", counts=counts, action=ActionForm()
    )


@bp.get("/sagsbehandler/koe")
@role_required(Role.CASEWORKER)
def queue() -> Response:
    """The municipality's queue: filter, sort and page through it; claim from it."""
    ref = me()
    session = get_session()
    languages = [
        (code, language_name(code))
        for code in cases.queue_languages(session, ref.municipality_id)
    ]
    form = QueueFilterForm(request.args, languages)
    valid = form.validate()
    result = cases.list_queue(
        session,
        ref.municipality_id,
        ref.id,
        form.filters(),
        current_actor(),
        page=page_number(request.args.get("page")),
    )
    return render_page_or_partial(
        "advisor/queue.html",
        "advisor/partials/queue_results.html",
        form=form,
        valid=valid,
        result=result,
        filters=form.query_args(),
        counts=cases.queue_counts(session, ref.municipality_id, ref.id),
        action=ActionForm(),
    )


@bp.get("/sagsbehandler/koe/antal")
@role_required(Role.CASEWORKER)
def queue_counts() -> Response:
    """The queue's live counts (polled by the queue page; a small page without JS)."""
    ref = me()
    counts = cases.queue_counts(get_session(), ref.municipality_id, ref.id)
    return render_page_or_partial(
        "advisor/queue_counts.html",
        "advisor/partials/queue_counts.html",
        counts=counts,
    )


@bp.post("/sagsbehandler/koe/tag-naeste")
@role_required(Role.CASEWORKER)
def claim_next() -> Response:
    """Claim the waiting citizen with the highest priority, then open their case."""
    ref = me()
    if not ActionForm().validate_on_submit():
        abort(400)
    citizen_id = cases.claim_next_case(
        get_session(), ref.municipality_id, ref.id, current_actor()
    )
    if citizen_id is None:
        flash(_("No citizens are waiting in the queue."), "info")
        return redirect(url_for("advisor.queue"))
    flash(_("The case is yours now."), "success")
    return redirect(url_for("advisor.case", citizen_id=citizen_id))


@bp.get("/administration")
@role_required(Role.ADMIN)
def admin_home() -> str:
    """The municipal administrator's start page."""
    return render_template("advisor/admin_home.html")


@bp.get("/administration/afvigelser")
@role_required(Role.ADMIN)
def override_rates() -> str:
    """How often caseworkers chose another track than the suggestion, and why."""
    form = PeriodForm(request.args, date.today())
    valid = form.validate()
    if not valid:
        form.start_date = form.today - timedelta(days=90)
        form.end_date = form.today
    rates = overrides.override_rates(
        get_session(), current_user.municipality_id, form.start_date, form.end_date
    )
    return render_template(
        "advisor/overrides.html", form=form, valid=valid, rates=rates
    )
