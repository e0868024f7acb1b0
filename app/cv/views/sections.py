"""Skills and languages (a list with an add form), personal competences, driving
licences and who can see the CV (one form each)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from app.cv import queries, services
from app.cv.forms import (
    CompetencesForm,
    LanguageForm,
    LicencesForm,
    SkillForm,
    VisibilityForm,
    clean_text,
)
from app.cv.labels import language_choices
from app.cv.views import CITIZEN, _back, _labels, bp
from app.cv.views.rows import _remove_page
from app.db import get_session
from app.i18n import current_lang
from app.security import current_actor, current_citizen_id, role_required


@bp.route("/mit-cv/faglige-kompetencer", methods=["GET", "POST"])
@role_required(CITIZEN)
def skills() -> str | Response:
    """The citizen's skills from the taxonomy, and a form to add one (autocomplete)."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = SkillForm()
    suggestions = None
    if form.validate_on_submit():
        uri = (form.skill_uri.data or "").strip()
        if not uri:
            # Without JavaScript: the typed text, matched exactly, or suggestions.
            choice = services.find_skill(
                session, clean_text(form.skill.data), current_lang()
            )
            uri = choice.uri or ""
            suggestions = choice.suggestions or None
        if uri:
            try:
                added = services.add_skill(
                    session, citizen_id, uri, actor=current_actor()
                )
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
                return redirect(url_for("cv.skills"))
        elif not form.skill.errors:
            form.skill.errors = [
                _l("Choose one of the suggested skills.")
                if suggestions
                else _l("We found no skill with that name. Try another word.")
            ]
    return render_template(
        "cv/skills.html",
        form=form,
        cv=queries.cv_for(session, citizen_id, current_lang()),
        suggestions=suggestions,
    )


@bp.route("/mit-cv/faglige-kompetencer/<int:row_id>/slet", methods=["GET", "POST"])
@role_required(CITIZEN)
def skill_remove(row_id: int) -> str | Response:
    """Ask, then remove one of the citizen's skills."""
    return _remove_page("skill", row_id)


@bp.route("/mit-cv/sprog", methods=["GET", "POST"])
@role_required(CITIZEN)
def languages() -> str | Response:
    """The citizen's languages with levels, and a form to add one or change a level."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = LanguageForm()
    form.language.choices = [SelectChoice("", _("Choose a language"))] + [
        SelectChoice(code, name) for code, name in language_choices(current_lang())
    ]
    if form.validate_on_submit():
        services.set_language(
            session,
            citizen_id,
            form.language.data,
            form.level_value,
            actor=current_actor(),
        )
        flash(_("The language has been saved in your CV."), "success")
        return redirect(url_for("cv.languages"))
    return render_template(
        "cv/languages.html",
        form=form,
        cv=queries.cv_for(session, citizen_id, current_lang()),
        labels=_labels(),
    )


@bp.route("/mit-cv/sprog/<int:row_id>/slet", methods=["GET", "POST"])
@role_required(CITIZEN)
def language_remove(row_id: int) -> str | Response:
    """Ask, then remove one of the citizen's languages."""
    return _remove_page("language", row_id)


@bp.route("/mit-cv/personlige-kompetencer", methods=["GET", "POST"])
@role_required(CITIZEN)
def competences() -> str | Response:
    """Personal competences: words from a list, and the citizen's own words."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = CompetencesForm()
    if request.method == "GET":
        current = queries.cv_for(session, citizen_id, current_lang())
        form.codes.data = list(current.competence_codes)
        form.free_text.data = current.competence_text or ""
    if form.validate_on_submit():
        services.set_personal_competences(
            session,
            citizen_id,
            form.codes.data or [],
            clean_text(form.free_text.data) or None,
            actor=current_actor(),
        )
        flash(_("Your personal competences have been saved."), "success")
        return _back()
    return render_template("cv/competences.html", form=form)


@bp.route("/mit-cv/koerekort", methods=["GET", "POST"])
@role_required(CITIZEN)
def licences() -> str | Response:
    """The driving licences the citizen holds (checkboxes)."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = LicencesForm()
    if request.method == "GET":
        form.categories.data = list(
            queries.cv_for(session, citizen_id, current_lang()).licences
        )
    if form.validate_on_submit():
        services.set_driving_licences(
            session, citizen_id, form.categories.data or [], actor=current_actor()
        )
        flash(_("Your driving licences have been saved."), "success")
        return _back()
    return render_template("cv/licences.html", form=form)


@bp.route("/mit-cv/synlighed", methods=["GET", "POST"])
@role_required(CITIZEN)
def visibility() -> str | Response:
    """Whether employers may search the CV, and whether contact details are hidden."""
    session = get_session()
    citizen_id = current_citizen_id()
    searchable = queries.share_cv_in_force(session, citizen_id)
    form = VisibilityForm()
    if request.method == "GET":
        form.hide_contact_details.data = queries.cv_for(
            session, citizen_id, current_lang()
        ).hide_contact_details
        form.searchable.data = bool(searchable)
    if form.validate_on_submit():
        services.set_visibility(
            session,
            citizen_id,
            hide_contact_details=bool(form.hide_contact_details.data),
            searchable=bool(form.searchable.data) if searchable is not None else None,
            actor=current_actor(),
        )
        flash(_("Your choices about who sees your CV have been saved."), "success")
        return _back()
    return render_template(
        "cv/visibility.html",
        form=form,
        searchable=searchable,
        consent_page=url_for("consent.consents"),
    )
