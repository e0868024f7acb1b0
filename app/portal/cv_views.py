"""The citizen's CV ("Mit CV"): an overview as employers see it, and a page per section.

Education, jobs and certificates have add, edit and remove pages each (one pattern,
registered per kind below); skills and languages are listed with an add form and a
remove page; personal competences, driving licences and visibility are one form each.
Removing always asks first. Someone else's row id answers 404.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from app.db import get_session
from app.models import Role
from app.portal import bp
from app.portal.cv_forms import (
    CertificateForm,
    CompetencesForm,
    ConfirmForm,
    EducationForm,
    LanguageForm,
    LicencesForm,
    SkillForm,
    VisibilityForm,
    WorkForm,
    clean_text,
)
from app.portal.jobs_views import _lang
from app.security import current_actor, current_citizen_id, role_required
from app.services import cv

CITIZEN = Role.CITIZEN


def _back() -> Response:
    return redirect(url_for("portal.cv"))


def _row(kind: str, row_id: int) -> Any:
    try:
        return cv.entry_for(get_session(), current_citizen_id(), kind, row_id)
    except LookupError:
        abort(404)


@bp.get("/mit-cv", endpoint="cv")
@role_required(CITIZEN)
def cv_overview() -> str:
    """The whole CV as an employer would see it, with a link to change each section."""
    session = get_session()
    citizen_id = current_citizen_id()
    return render_template(
        "portal/cv/overview.html",
        cv=cv.cv_for(session, citizen_id, _lang()),
        searchable=cv.share_cv_in_force(session, citizen_id),
        labels=_labels(),
    )


def _labels() -> dict[str, Any]:
    return {
        "education_levels": cv.EDUCATION_LEVELS,
        "language_levels": cv.LANGUAGE_LEVELS,
        "competences": cv.PERSONAL_COMPETENCES,
        "licences": cv.DRIVING_LICENCE_LABELS,
    }


# --- education, jobs and certificates: add, edit, remove ------------------------------

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
    choice = cv.normalise_occupation(
        get_session(),
        (form.occupation_uri.data or "").strip(),
        clean_text(form.occupation.data),
        clean_text(form.title.data),
        _lang(),
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
            form.fill(cv.work_entry(session, citizen_id, row.id, _lang()))
        else:
            form.fill(row)
    suggestions = None
    if form.validate_on_submit():
        values, suggestions = _form_values(kind, form)
        if values is not None:
            try:
                if row is None:
                    cv.add_entry(
                        session, citizen_id, kind, values, actor=current_actor()
                    )
                else:
                    cv.update_entry(
                        session, citizen_id, kind, row.id, values, actor=current_actor()
                    )
            except LookupError:
                abort(404)
            flash(str(spec["added" if row is None else "saved"]), "success")
            return _back()
    heading = spec["add_heading" if row is None else "edit_heading"]
    return render_template(
        f"portal/cv/{kind}_form.html",
        form=form,
        heading=heading,
        row=row,
        suggestions=suggestions,
        no_occupation=cv.NO_OCCUPATION,
        action=request.path,
    )


def _remove_page(kind: str, row_id: int) -> str | Response:
    spec = KINDS.get(kind, {})
    row = _row(kind, row_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            cv.remove_entry(
                get_session(), current_citizen_id(), kind, row.id, actor=current_actor()
            )
        except LookupError:
            abort(404)
        flash(str(spec.get("removed") or REMOVED[kind]), "success")
        return redirect(url_for(RETURN_TO.get(kind, "portal.cv")))
    return render_template(
        "portal/cv/remove.html",
        form=form,
        kind=kind,
        row=row,
        heading=spec.get("remove_heading") or REMOVE_HEADINGS[kind],
        description=cv.describe_entry(get_session(), kind, row, _lang()),
        back=url_for(RETURN_TO.get(kind, "portal.cv")),
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
RETURN_TO = {"skill": "portal.cv_skills", "language": "portal.cv_languages"}


def _register(kind: str) -> None:
    path = KINDS[kind]["path"]

    def add() -> str | Response:
        return _edit_page(kind, None)

    def edit(row_id: int) -> str | Response:
        return _edit_page(kind, row_id)

    def remove(row_id: int) -> str | Response:
        return _remove_page(kind, row_id)

    add.__doc__ = f"Add a {kind} row to the CV."
    edit.__doc__ = f"Change one of the citizen's own {kind} rows."
    remove.__doc__ = f"Ask, then remove one of the citizen's own {kind} rows."
    for view, suffix, rule in (
        (add, "add", f"/mit-cv/{path}/ny"),
        (edit, "edit", f"/mit-cv/{path}/<int:row_id>"),
        (remove, "remove", f"/mit-cv/{path}/<int:row_id>/slet"),
    ):
        bp.add_url_rule(
            rule,
            endpoint=f"cv_{kind}_{suffix}",
            view_func=role_required(CITIZEN)(view),
            methods=["GET", "POST"],
        )


for _kind in KINDS:
    _register(_kind)


# --- professional skills ---------------------------------------------------------------


@bp.route("/mit-cv/faglige-kompetencer", methods=["GET", "POST"])
@role_required(CITIZEN)
def cv_skills() -> str | Response:
    """The citizen's skills from the taxonomy, and a form to add one (autocomplete)."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = SkillForm()
    suggestions = None
    if form.validate_on_submit():
        uri = (form.skill_uri.data or "").strip()
        if not uri:
            # Without JavaScript: the typed text, matched exactly, or suggestions.
            choice = cv.find_skill(session, clean_text(form.skill.data), _lang())
            uri = choice.uri or ""
            suggestions = choice.suggestions or None
        if uri:
            try:
                added = cv.add_skill(session, citizen_id, uri, actor=current_actor())
            except LookupError:
                form.skill.errors = [
                    _l(
                        "We do not know that skill. Type it and choose from the suggestions."
                    )
                ]
            else:
                if added:
                    flash(_("The skill has been added to your CV."), "success")
                else:
                    flash(_("The skill is already in your CV."), "info")
                return redirect(url_for("portal.cv_skills"))
        elif not form.skill.errors:
            form.skill.errors = [
                _l("Choose one of the suggested skills.")
                if suggestions
                else _l("We found no skill with that name. Try another word.")
            ]
    return render_template(
        "portal/cv/skills.html",
        form=form,
        cv=cv.cv_for(session, citizen_id, _lang()),
        suggestions=suggestions,
    )


@bp.route("/mit-cv/faglige-kompetencer/<int:row_id>/slet", methods=["GET", "POST"])
@role_required(CITIZEN)
def cv_skill_remove(row_id: int) -> str | Response:
    """Ask, then remove one of the citizen's skills."""
    return _remove_page("skill", row_id)


# --- languages -----------------------------------------------------------------------


@bp.route("/mit-cv/sprog", methods=["GET", "POST"])
@role_required(CITIZEN)
def cv_languages() -> str | Response:
    """The citizen's languages with levels, and a form to add one or change a level."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = LanguageForm()
    form.language.choices = [SelectChoice("", _("Choose a language"))] + [
        SelectChoice(code, name) for code, name in cv.language_choices(_lang())
    ]
    if form.validate_on_submit():
        cv.set_language(
            session,
            citizen_id,
            form.language.data,
            form.level_value,
            actor=current_actor(),
        )
        flash(_("The language has been saved in your CV."), "success")
        return redirect(url_for("portal.cv_languages"))
    return render_template(
        "portal/cv/languages.html",
        form=form,
        cv=cv.cv_for(session, citizen_id, _lang()),
        labels=_labels(),
    )


@bp.route("/mit-cv/sprog/<int:row_id>/slet", methods=["GET", "POST"])
@role_required(CITIZEN)
def cv_language_remove(row_id: int) -> str | Response:
    """Ask, then remove one of the citizen's languages."""
    return _remove_page("language", row_id)


# --- personal competences, driving licences, visibility ------------------------------


@bp.route("/mit-cv/personlige-kompetencer", methods=["GET", "POST"])
@role_required(CITIZEN)
def cv_competences() -> str | Response:
    """Personal competences: words from a list, and the citizen's own words."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = CompetencesForm()
    if request.method == "GET":
        current = cv.cv_for(session, citizen_id, _lang())
        form.codes.data = list(current.competence_codes)
        form.free_text.data = current.competence_text or ""
    if form.validate_on_submit():
        cv.set_personal_competences(
            session,
            citizen_id,
            form.codes.data or [],
            clean_text(form.free_text.data) or None,
            actor=current_actor(),
        )
        flash(_("Your personal competences have been saved."), "success")
        return _back()
    return render_template("portal/cv/competences.html", form=form)


@bp.route("/mit-cv/koerekort", methods=["GET", "POST"])
@role_required(CITIZEN)
def cv_licences() -> str | Response:
    """The driving licences the citizen holds (checkboxes)."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = LicencesForm()
    if request.method == "GET":
        form.categories.data = list(cv.cv_for(session, citizen_id, _lang()).licences)
    if form.validate_on_submit():
        cv.set_driving_licences(
            session, citizen_id, form.categories.data or [], actor=current_actor()
        )
        flash(_("Your driving licences have been saved."), "success")
        return _back()
    return render_template("portal/cv/licences.html", form=form)


@bp.route("/mit-cv/synlighed", methods=["GET", "POST"])
@role_required(CITIZEN)
def cv_visibility() -> str | Response:
    """Whether employers may search the CV, and whether contact details are hidden."""
    session = get_session()
    citizen_id = current_citizen_id()
    searchable = cv.share_cv_in_force(session, citizen_id)
    form = VisibilityForm()
    if request.method == "GET":
        form.hide_contact_details.data = cv.cv_for(
            session, citizen_id, _lang()
        ).hide_contact_details
        form.searchable.data = bool(searchable)
    if form.validate_on_submit():
        cv.set_visibility(
            session,
            citizen_id,
            hide_contact_details=bool(form.hide_contact_details.data),
            searchable=bool(form.searchable.data) if searchable is not None else None,
            actor=current_actor(),
        )
        flash(_("Your choices about who sees your CV have been saved."), "success")
        return _back()
    return render_template(
        "portal/cv/visibility.html",
        form=form,
        searchable=searchable,
        consent_page=_consent_page(),
    )


def _consent_page() -> str | None:
    """The consents page, once it exists."""
    from flask import current_app

    if "consent.consents" in current_app.view_functions:
        return url_for("consent.consents")
    return None
