"""Education, jobs and certificates: add, edit and remove pages, one pattern for three."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from app.cv import queries, services
from app.cv.forms import (
    CertificateForm,
    EducationForm,
    WorkForm,
    clean_text,
)
from app.cv.views import CITIZEN, _back, _labels, _row, bp
from app.db import get_session
from app.forms import ConfirmForm
from app.i18n import current_lang
from app.security import current_actor, current_citizen_id, role_required

KINDS: dict[str, dict[str, Any]] = {
    "education": {
        "path": "uddannelse",
        "form": EducationForm,
        "add_heading": _l("Add an education"),
        "edit_heading": _l("Change an education"),
        "remove_heading": _l("Remove an education"),
        "added": _l("The education has been added to your CV."),
        "saved": _l("The education has been changed."),
        "removed": _l("The education has been removed from your CV."),
    },
    "work": {
        "path": "job",
        "form": WorkForm,
        "add_heading": _l("Add a job"),
        "edit_heading": _l("Change a job"),
        "remove_heading": _l("Remove a job"),
        "added": _l("The job has been added to your CV."),
        "saved": _l("The job has been changed."),
        "removed": _l("The job has been removed from your CV."),
    },
    "certificate": {
        "path": "certifikater",
        "form": CertificateForm,
        "add_heading": _l("Add a certificate or course"),
        "edit_heading": _l("Change a certificate or course"),
        "remove_heading": _l("Remove a certificate or course"),
        "added": _l("The certificate has been added to your CV."),
        "saved": _l("The certificate has been changed."),
        "removed": _l("The certificate has been removed from your CV."),
    },
}


def _form_values(kind: str, form: Any) -> tuple[dict[str, Any] | None, Any]:
    """The form's values for the service, or None and occupation suggestions to show."""
    if kind != "work":
        return form.values(), None
    if not form.check_dates_not_in_future():
        return None, None
    choice = services.normalise_occupation(
        get_session(),
        (form.occupation_uri.data or "").strip(),
        clean_text(form.occupation.data),
        clean_text(form.title.data),
        current_lang(),
    )
    if choice.uri is None and choice.suggestions:
        form.occupation.errors = [
            _l("Choose the occupation that fits your job best, or choose none.")
        ]
        return None, choice.suggestions
    return form.values(choice.uri), None


def _edit_page(kind: str, row_id: int | None) -> str | Response:
    spec = KINDS[kind]
    form = spec["form"]()
    session = get_session()
    citizen_id = current_citizen_id()
    row = _row(kind, row_id) if row_id is not None else None
    if row is not None and request.method == "GET":
        if kind == "work":
            form.fill(queries.work_entry(session, citizen_id, row.id, current_lang()))
        else:
            form.fill(row)
    suggestions = None
    if form.validate_on_submit():
        values, suggestions = _form_values(kind, form)
        if values is not None:
            try:
                if row is None:
                    services.add_entry(
                        session, citizen_id, kind, values, actor=current_actor()
                    )
                else:
                    services.update_entry(
                        session, citizen_id, kind, row.id, values, actor=current_actor()
                    )
            except LookupError:
                abort(404)
            flash(str(spec["added" if row is None else "saved"]), "success")
            return _back()
    heading = spec["add_heading" if row is None else "edit_heading"]
    return render_template(
        f"cv/{kind}_form.html",
        form=form,
        heading=heading,
        row=row,
        suggestions=suggestions,
        no_occupation=services.NO_OCCUPATION,
        action=request.path,
    )


def _remove_page(kind: str, row_id: int) -> str | Response:
    spec = KINDS.get(kind, {})
    row = _row(kind, row_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.remove_entry(
                get_session(), current_citizen_id(), kind, row.id, actor=current_actor()
            )
        except LookupError:
            abort(404)
        flash(str(spec.get("removed") or REMOVED[kind]), "success")
        return redirect(url_for(RETURN_TO.get(kind, "cv.overview")))
    return render_template(
        "cv/remove.html",
        form=form,
        kind=kind,
        row=row,
        heading=spec.get("remove_heading") or REMOVE_HEADINGS[kind],
        description=queries.describe_entry(get_session(), kind, row, current_lang()),
        back=url_for(RETURN_TO.get(kind, "cv.overview")),
        action=request.path,
        labels=_labels(),
    )


REMOVED = {
    "skill": _l("The skill has been removed from your CV."),
    "language": _l("The language has been removed from your CV."),
}


REMOVE_HEADINGS = {
    "skill": _l("Remove a skill"),
    "language": _l("Remove a language"),
}


RETURN_TO = {"skill": "cv.skills", "language": "cv.languages"}


@bp.route("/mit-cv/uddannelse/ny", methods=["GET", "POST"])
@role_required(CITIZEN)
def education_add() -> str | Response:
    """Add an education to the CV."""
    return _edit_page("education", None)


@bp.route("/mit-cv/uddannelse/<int:row_id>", methods=["GET", "POST"])
@role_required(CITIZEN)
def education_edit(row_id: int) -> str | Response:
    """Change one of the citizen's own educations."""
    return _edit_page("education", row_id)


@bp.route("/mit-cv/uddannelse/<int:row_id>/slet", methods=["GET", "POST"])
@role_required(CITIZEN)
def education_remove(row_id: int) -> str | Response:
    """Ask, then remove one of the citizen's own educations."""
    return _remove_page("education", row_id)


@bp.route("/mit-cv/job/ny", methods=["GET", "POST"])
@role_required(CITIZEN)
def work_add() -> str | Response:
    """Add a job to the work history."""
    return _edit_page("work", None)


@bp.route("/mit-cv/job/<int:row_id>", methods=["GET", "POST"])
@role_required(CITIZEN)
def work_edit(row_id: int) -> str | Response:
    """Change one of the citizen's own jobs."""
    return _edit_page("work", row_id)


@bp.route("/mit-cv/job/<int:row_id>/slet", methods=["GET", "POST"])
@role_required(CITIZEN)
def work_remove(row_id: int) -> str | Response:
    """Ask, then remove one of the citizen's own jobs."""
    return _remove_page("work", row_id)


@bp.route("/mit-cv/certifikater/ny", methods=["GET", "POST"])
@role_required(CITIZEN)
def certificate_add() -> str | Response:
    """Add a certificate or course to the CV."""
    return _edit_page("certificate", None)


@bp.route("/mit-cv/certifikater/<int:row_id>", methods=["GET", "POST"])
@role_required(CITIZEN)
def certificate_edit(row_id: int) -> str | Response:
    """Change one of the citizen's own certificates."""
    return _edit_page("certificate", row_id)


@bp.route("/mit-cv/certifikater/<int:row_id>/slet", methods=["GET", "POST"])
@role_required(CITIZEN)
def certificate_remove(row_id: int) -> str | Response:
    """Ask, then remove one of the citizen's own certificates."""
    return _remove_page("certificate", row_id)
