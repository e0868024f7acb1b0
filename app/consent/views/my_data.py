"""The citizen's own data: "Mine data", who has looked at it, the exports, and how we
use algorithms."""

from __future__ import annotations

from dataclasses import replace

from flask import Response, abort, make_response, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import page_cache
from app.audit import now
from app.consent.algorithms import ALGORITHMS, COMPLAIN, Algorithm
from app.consent.forms import AccessFilterForm
from app.consent.labels import ACTOR_ROLE_LABELS, LINK_WORDS
from app.consent.services.access import access_choices, list_access
from app.consent.services.export import export_csv, export_json, printable_sections
from app.consent.services.my_data import collect_my_data
from app.consent.views import bp
from app.db import get_session
from app.htmx import render_page_or_partial
from app.i18n import current_lang
from app.labels import ACCESS_PURPOSE_LABELS, ACCESS_WHAT_LABELS
from app.ml.segmentation import FEATURE_NAMES
from app.models import Role
from app.pagination import page_number
from app.security import current_citizen_id, public, role_required
from app.segmentation.labels import FEATURE_LABELS
from app.segmentation.model_store import load_model


@bp.get("/mine-data")
@role_required(Role.CITIZEN)
@page_cache.cached(page_cache.own_pages)
def my_data() -> str:
    """Every piece of data held about me, by category, with its source and purpose."""
    data = collect_my_data(get_session(), current_user.id, current_lang())
    if data is None:
        abort(404)
    return render_template("consent/my_data.html", data=data, link_words=LINK_WORDS)


@bp.get("/mine-data/kategori/<string:category>")
@role_required(Role.CITIZEN)
def my_data_category(category: str) -> Response:
    """One category of my data: a page of its own, or (htmx) the list that opens in
    place on "Mine data", which sends only the headings."""
    data = collect_my_data(get_session(), current_user.id, current_lang())
    if data is None:
        abort(404)
    section = next((s for s in data.sections if s.slug == category and s.items), None)
    if section is None:
        abort(404)
    return render_page_or_partial(
        "consent/my_data_category.html",
        "consent/partials/data_list.html",
        data=data,
        section=section,
        link_words=LINK_WORDS,
    )


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
        (str(p), ACCESS_PURPOSE_LABELS.get(p, p)) for p in choices.purposes
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
        what_labels=ACCESS_WHAT_LABELS,
        purpose_labels=ACCESS_PURPOSE_LABELS,
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
    body = export_json(session, current_citizen_id(), current_lang())
    response = make_response(body)
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = 'attachment; filename="mine-data.json"'
    return response


@bp.get("/mine-data/eksport/csv")
@role_required(Role.CITIZEN)
def export_as_csv() -> Response:
    """All my data as a CSV file that opens correctly in a Danish spreadsheet."""
    body = export_csv(get_session(), current_citizen_id(), current_lang())
    response = make_response(body)
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="mine-data.csv"'
    return response


@bp.get("/mine-data/eksport/udskrift")
@role_required(Role.CITIZEN)
def export_printable() -> str:
    """All my data as a readable page to print or save as PDF."""
    session = get_session()
    sections = printable_sections(session, current_citizen_id(), current_lang())
    return render_template(
        "consent/export_print.html", sections=sections, printed_at=now()
    )


# --- how we use algorithms ----------------------------------------------------------------


def _with_segmentation_details(algorithms: tuple[Algorithm, ...]) -> list[Algorithm]:
    """The segmentation entry with the model's exact inputs and version."""
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
    return render_template(
        "consent/algorithms.html",
        algorithms=_with_segmentation_details(ALGORITHMS),
        complain=COMPLAIN,
        model_cards={
            "segmentering": url_for("segmentation.model_card"),
            "beslutningsstoette": url_for("advisor.model_card"),
        },
    )
