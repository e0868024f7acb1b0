"""The citizen's own data: insight, consent, objection, correction, access log, export."""

from __future__ import annotations

import json
from dataclasses import replace

from flask import (
    Response,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from app.audit import now
from app.consent import bp
from app.consent.algorithms import ALGORITHMS, COMPLAIN, Algorithm
from app.consent.forms import (
    HOW_TO_WITHDRAW,
    PURPOSE_EXPLANATIONS,
    PURPOSE_TITLES,
    WITH_WHOM,
    AccessFilterForm,
    ConfirmForm,
    ConsentForm,
    CorrectionForm,
    ObjectionForm,
)
from app.consent.labels import (
    ACTOR_ROLE_LABELS,
    CORRECTION_ERRORS,
    STATUS_LABELS,
    known_text,
)
from app.consent.services import Datum, _Formatter, collect_my_data
from app.consent.services_access import access_choices, list_access
from app.consent.services_consent import (
    ConsentError,
    consent_overview,
    give_consent,
    object_to_profiling,
    objection_state,
    own_receipt,
    withdraw_consent,
    withdraw_objection,
)
from app.consent.services_correction import (
    CorrectionError,
    NotYours,
    citizens_row,
    correctable_entry,
    list_own_corrections,
    submit_correction,
    withdraw_correction,
)
from app.consent.services_export import export_csv, export_json, printable_sections
from app.db import Base, get_session
from app.htmx import render_page_or_partial, wants_partial
from app.models import ConsentPurpose, Role
from app.portal.forms import page_number
from app.security import current_actor, current_citizen_id, public, role_required
from app.services import cv


def _lang() -> str:
    return str(get_locale() or "da")


# Where the citizen edits self-declared data, by table (the pages are built by other
# areas; a path that does not exist falls back to the dashboard).
EDIT_PATHS = {
    "citizen": "/kom-i-gang/1",
    "contact_preferences": "/kom-i-gang/2",
    "screening_answers": "/min-situation",
    "job_preferences": "/mine-oensker",
    "citizen_industry": "/mine-oensker",
    "job_log_entry": "/joblog",
    "plan_item": "/min-plan",
    "contact_request": "/tal-med-en-medarbejder",
    "consent_event": "/mine-data/samtykker",
    "profiling_objection": "/mine-data/indsigelse",
    "correction_request": "/mine-data/rettelser",
}
CV_TABLES = cv.CV_TABLES | {"citizen_occupation", "citizen_skill"}
FALLBACK_PATH = "/min-side"
# A hint for the proposed value, by column type (none for plain text).
VALUE_HINTS = {
    "Date": _l("For a date, write for example 23.11.2026."),
    "Integer": _l("Write a whole number."),
    "Boolean": _l("Write yes or no."),
}


def _existing(path: str) -> str:
    adapter = current_app.url_map.bind("localhost")
    try:
        adapter.match(path, method="GET")
    except HTTPException:
        return FALLBACK_PATH
    return path


def _action_for(item: Datum) -> tuple[str, str] | None:
    """(link, words) to edit the datum myself, or to ask for its correction."""
    if item.table is None or item.row_id is None or item.column is None:
        return None
    if item.self_declared:
        if item.table == "user_account":
            return None  # the language is chosen in the footer of every page
        path = "/mit-cv" if item.table in CV_TABLES else EDIT_PATHS.get(item.table)
        return (_existing(path or FALLBACK_PATH), _("Change"))
    if correctable_entry(item.table, item.column) is None:
        return None
    href = url_for(
        "consent.correction_new",
        tabel=item.table,
        felt=item.column,
        raekke=item.row_id,
    )
    return (href, _("Ask for a correction"))


@bp.get("/mine-data")
@role_required(Role.CITIZEN)
def my_data() -> str:
    """Every piece of data held about me, by category, with its source and purpose."""
    data = collect_my_data(get_session(), current_user.id, _lang())
    if data is None:
        abort(404)
    return render_template("consent/my_data.html", data=data, action_for=_action_for)


# --- consent --------------------------------------------------------------------------


def _consent_context() -> dict:
    overview = consent_overview(get_session(), current_citizen_id())
    return {
        "overview": overview,
        "form": ConsentForm(),
        "titles": PURPOSE_TITLES,
        "explanations": PURPOSE_EXPLANATIONS,
        "with_whom": WITH_WHOM,
        "provider_purpose": ConsentPurpose.SHARE_WITH_PROVIDER,
    }


@bp.get("/mine-data/samtykker")
@role_required(Role.CITIZEN)
def consents() -> Response:
    """Each optional use of my data: given or not, since when, and my receipts."""
    return render_page_or_partial(
        "consent/consents.html", "consent/partials/consents.html", **_consent_context()
    )


@bp.post("/mine-data/samtykker")
@role_required(Role.CITIZEN)
def consent_change() -> BaseResponse:
    """Give or withdraw one consent in one step; in effect from the next request."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = ConsentForm()
    if form.validate_on_submit():
        change = give_consent if form.action.data == "give" else withdraw_consent
        try:
            event = change(
                session,
                citizen_id,
                ConsentPurpose(form.purpose.data),
                actor=current_actor(),
                provider_id=form.provider_id,
            )
        except ConsentError:
            session.rollback()
            flash(_("Choose a provider from the list."), "error")
        else:
            session.commit()
            message = (
                _("Your consent is given. Receipt: %(code)s", code=event.receipt_code)
                if event.given
                else _(
                    "Your consent is withdrawn. Receipt: %(code)s",
                    code=event.receipt_code,
                )
            )
            flash(message, "success")
    else:
        flash(_("Your choice could not be saved. Try again."), "error")
    if wants_partial():
        return render_page_or_partial(
            "consent/consents.html",
            "consent/partials/consents.html",
            **_consent_context(),
        )
    return redirect(url_for("consent.consents"))


@bp.get("/mine-data/samtykker/kvitteringer/<int:event_id>")
@role_required(Role.CITIZEN)
def consent_receipt(event_id: int) -> Response:
    """One receipt as a JSON file: what, with whom, since when, how to withdraw."""
    found = own_receipt(get_session(), current_citizen_id(), event_id)
    if found is None:
        abort(404)
    event, provider_name = found
    with_whom = provider_name or str(WITH_WHOM.get(event.purpose, ""))
    document = {
        "receipt_code": event.receipt_code,
        "what": str(PURPOSE_TITLES[event.purpose]),
        "purpose": event.purpose.value,
        "decision": "given" if event.given else "withdrawn",
        "decision_text": _("Consent given") if event.given else _("Consent withdrawn"),
        "with_whom": with_whom,
        "since": event.at.isoformat(),
        "since_text": _Formatter(get_session(), _lang()).moment(event.at),
        "how_to_withdraw": str(HOW_TO_WITHDRAW),
    }
    response = make_response(json.dumps(document, ensure_ascii=False, indent=2))
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="samtykke-{event.receipt_code}.json"'
    )
    return response


# --- objection to profiling -----------------------------------------------------------


@bp.route("/mine-data/indsigelse", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def objection() -> str | BaseResponse:
    """Object to profiling: no score is computed for me and a person assesses me."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = ObjectionForm()
    if form.validate_on_submit():
        object_to_profiling(
            session, citizen_id, actor=current_actor(), reason=form.reason.data
        )
        session.commit()
        flash(
            _(
                "Your objection is registered. No profile is computed for you, and a "
                "caseworker will assess your situation."
            ),
            "success",
        )
        return redirect(url_for("consent.objection"))
    return render_template(
        "consent/objection.html",
        form=form,
        withdraw_form=ConfirmForm(),
        state=objection_state(session, citizen_id),
    )


@bp.post("/mine-data/indsigelse/tilbagekald")
@role_required(Role.CITIZEN)
def objection_withdraw() -> BaseResponse:
    """Withdraw the objection to profiling."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    session = get_session()
    withdraw_objection(session, current_citizen_id(), actor=current_actor())
    session.commit()
    flash(_("Your objection is withdrawn."), "success")
    return redirect(url_for("consent.objection"))


# --- correction requests ----------------------------------------------------------------


@bp.get("/mine-data/rettelser")
@role_required(Role.CITIZEN)
def corrections() -> str:
    """My requests to correct data, with their status and the decision."""
    rows = list_own_corrections(get_session(), current_citizen_id())
    return render_template(
        "consent/corrections.html", rows=rows, status_labels=STATUS_LABELS
    )


def _correction_target() -> tuple[str, str, int]:
    table = (request.args.get("tabel") or "")[:64]
    field = (request.args.get("felt") or "")[:64]
    row = request.args.get("raekke") or ""
    if not row.isdigit() or len(row) > 12:
        abort(404)
    return table, field, int(row)


@bp.route("/mine-data/rettelser/ny", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def correction_new() -> str | BaseResponse:
    """Ask the job centre to correct one piece of data I cannot edit myself."""
    session = get_session()
    citizen_id = current_citizen_id()
    table, field, row_id = _correction_target()
    entry = correctable_entry(table, field)
    if entry is None:
        abort(404)
    try:
        row = citizens_row(session, citizen_id, table, row_id)
    except NotYours:
        abort(404)
    current = getattr(row, field)
    form = CorrectionForm()
    if form.validate_on_submit():
        try:
            submit_correction(
                session,
                citizen_id,
                table,
                row_id,
                field,
                form.value.data,
                form.reason.data,
            )
        except CorrectionError as error:
            session.rollback()
            form.value.errors = [
                CORRECTION_ERRORS.get(str(error), _("Check the value."))
            ]
        else:
            session.commit()
            flash(
                _("Your request is sent. The job centre will decide on it."), "success"
            )
            return redirect(url_for("consent.corrections"))
    shown = _Formatter(session, _lang()).value(entry, current)
    return render_template(
        "consent/correction_form.html",
        form=form,
        entry=entry,
        current=shown,
        hint=VALUE_HINTS.get(type(Base.metadata.tables[table].c[field].type).__name__),
        target={"tabel": table, "felt": field, "raekke": row_id},
    )


@bp.route("/mine-data/rettelser/<int:request_id>/tilbagekald", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def correction_withdraw(request_id: int) -> str | BaseResponse:
    """Ask for confirmation, then withdraw one of my pending requests."""
    session = get_session()
    citizen_id = current_citizen_id()
    rows = [
        r
        for r in list_own_corrections(session, citizen_id)
        if r.request.id == request_id
    ]
    if not rows:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            withdraw_correction(session, citizen_id, request_id)
        except CorrectionError:
            session.rollback()
            flash(_("The request is already decided."), "info")
        else:
            session.commit()
            flash(_("Your request is withdrawn."), "success")
        return redirect(url_for("consent.corrections"))
    return render_template("consent/correction_withdraw.html", form=form, row=rows[0])


# --- who has looked at my data -----------------------------------------------------------


@bp.get("/mine-data/hvem-har-set")
@role_required(Role.CITIZEN)
def access_log() -> Response:
    """Each time staff or a provider has looked at my data: when, who (role), why."""
    session = get_session()
    citizen_id = current_citizen_id()
    choices = access_choices(session, citizen_id)
    form = AccessFilterForm(request.args)
    form.organisation.choices = [("", _("All"))] + [
        (o, o) for o in choices.organisations
    ]
    form.purpose.choices = [("", _("All"))] + [
        (p, known_text(p)) for p in choices.purposes
    ]
    form.validate()
    results = list_access(
        session, citizen_id, form.filters(), page_number(request.args.get("page"))
    )
    return render_page_or_partial(
        "consent/access_log.html",
        "consent/partials/access_results.html",
        form=form,
        results=results,
        role_labels=ACTOR_ROLE_LABELS,
        known_text=known_text,
        query_args=form.query_args(),
    )


# --- export ---------------------------------------------------------------------------


@bp.get("/mine-data/eksport")
@role_required(Role.CITIZEN)
def export() -> str:
    """Download all my data: as JSON, as CSV for a spreadsheet, or as a printable page."""
    current_citizen_id()
    return render_template("consent/export.html")


@bp.get("/mine-data/eksport/json")
@role_required(Role.CITIZEN)
def export_as_json() -> Response:
    """All my data as a JSON file (complete according to the registry)."""
    session = get_session()
    body = export_json(session, current_citizen_id())
    session.commit()
    response = make_response(body)
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = 'attachment; filename="mine-data.json"'
    return response


@bp.get("/mine-data/eksport/csv")
@role_required(Role.CITIZEN)
def export_as_csv() -> Response:
    """All my data as a CSV file that opens correctly in a Danish spreadsheet."""
    session = get_session()
    headings = [
        _("Category"),
        _("Table"),
        _("Row"),
        _("Field"),
        _("Value"),
        _("Source"),
        _("Purposes"),
    ]
    body = export_csv(session, current_citizen_id(), headings, yes=_("Yes"), no=_("No"))
    session.commit()
    response = make_response(body)
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="mine-data.csv"'
    return response


@bp.get("/mine-data/eksport/udskrift")
@role_required(Role.CITIZEN)
def export_printable() -> str:
    """All my data as a readable page to print or save as PDF."""
    session = get_session()
    sections = printable_sections(session, current_citizen_id(), _lang())
    session.commit()
    return render_template(
        "consent/export_print.html", sections=sections, printed_at=now()
    )


# --- how we use algorithms ----------------------------------------------------------------


def _with_segmentation_details(algorithms: tuple[Algorithm, ...]) -> list[Algorithm]:
    """The segmentation entry with the model's exact inputs and version, when in use."""
    try:
        from app.ml.segmentation import FEATURE_NAMES
        from app.portal.track_views import FEATURE_LABELS
        from app.services.segmentation import load_model
    except ImportError:
        return list(algorithms)
    uses = tuple(
        FEATURE_LABELS[name] for name in FEATURE_NAMES if name in FEATURE_LABELS
    )
    version = load_model().version
    return [
        replace(a, uses=uses or a.uses, version=version)
        if a.slug == "segmentering"
        else a
        for a in algorithms
    ]


@bp.get("/algoritmer")
@public
def algorithms() -> str:
    """How we use algorithms, in plain language: what they use, who decides, objecting."""
    # The segmentation model's own card (issue 6), when that page exists.
    card = (
        url_for("portal.model_card")
        if "portal.model_card" in current_app.view_functions
        else None
    )
    return render_template(
        "consent/algorithms.html",
        algorithms=_with_segmentation_details(ALGORITHMS),
        complain=COMPLAIN,
        model_cards={"segmentering": card} if card else {},
    )
