"""The citizen's situation ("Min situation": the screening answers) and wishes and needs
("Mine ønsker"), and the occupation picker the wishes share with the step guide."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.db import get_session
from app.i18n import current_lang
from app.models import RemoteWork, Role
from app.onboarding import preferences, services
from app.onboarding.forms import PreferencesForm, WishesForm, format_danish_date
from app.onboarding.preferences import MAX_DESIRED, Resolved, TooManyOccupations
from app.onboarding.questions import SCREENING_QUESTIONS, ScreeningForm
from app.onboarding.views import bp
from app.security import current_actor, current_citizen_id, role_required
from app.taxonomy.services import industries
from app.urls import parse_int


def _removal() -> int | None:
    value = request.form.get("remove", "")
    return parse_int(value)


def occupation_choice(form: WishesForm, wishes: preferences.Wishes) -> Resolved:
    """Check the occupation being added, adding an error to the form if it cannot be.

    Returns what the field resolved to (with suggestions when the typed text was not
    exact). Nothing is saved here.
    """
    session = get_session()
    picked = request.form.get("pick", "")[:255]
    resolved = preferences.resolve_occupation(
        session,
        picked or form.occupation_uri.data,
        form.occupation.data,
        current_lang(),
    )
    typed = bool(form.occupation.data or picked or form.occupation_uri.data)
    if not typed:
        return resolved
    if resolved.uri is None:
        form.occupation.errors.append(
            _("Choose the occupation you mean from the suggestions below.")
            if resolved.suggestions
            else _("We found no occupation with that name. Try another word.")
        )
    elif len(wishes.occupations) >= MAX_DESIRED and resolved.uri not in {
        o.uri for o in wishes.occupations
    }:
        form.occupation.errors.append(
            _(
                "You can choose up to %(num)s occupations. Remove one before you add "
                "another.",
                num=MAX_DESIRED,
            )
        )
    return resolved


def remove_occupation(citizen_id: int) -> None:
    """Remove the desired occupation the remove button named (its own small form)."""
    removal = _removal()
    if removal is not None and preferences.remove_desired_occupation(
        get_session(), citizen_id, removal, current_actor()
    ):
        flash(_("The occupation was removed."), "success")


def save_occupation_change(citizen_id: int, resolved: Resolved) -> str | None:
    """Add the chosen occupation, if one was chosen; a message to flash."""
    if not resolved.uri:
        return None
    try:
        added = preferences.add_desired_occupation(
            get_session(), citizen_id, resolved.uri, current_actor()
        )
    except TooManyOccupations:
        return None
    return _("The occupation was added.") if added else None


def occupation_action() -> bool:
    """Whether the button pressed adds an occupation (stay on the page)."""
    return (
        request.form.get("action") == "add"
        or "remove" in request.form
        or ("pick" in request.form)
    )


@bp.route("/mine-oensker", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def wishes() -> str | Response:
    """Desired occupations, industries, distance, hours, start, remote work and needs."""
    session = get_session()
    citizen_id = current_citizen_id()
    saved = preferences.wishes_of(session, citizen_id, current_lang())
    form = PreferencesForm(industries=industries(session, current_lang()))
    resolved = Resolved(None)
    if request.method == "POST" and "remove" in request.form:
        remove_occupation(citizen_id)
        return redirect(url_for("onboarding.wishes") + "#occupations")
    if request.method == "POST":
        valid = form.validate()
        resolved = occupation_choice(form, saved)
        if valid and not form.occupation.errors:
            preferences.save_wishes(
                session,
                citizen_id,
                industries=list(form.industries.data or []),
                open_to_other_industries=form.open_to_other_industries.data,
                max_distance_km=form.distance_km,
                hours=form.hours_value,
                earliest_start=form.earliest_start_value,
                remote_work=RemoteWork(form.remote_work.data),
                interests=form.interests.data,
                reduced_hours=form.reduced_hours.data,
                flexjob=form.flexjob.data,
                accessibility_needs=form.accessibility_needs.data,
                actor=current_actor(),
            )
            message = save_occupation_change(citizen_id, resolved)
            if occupation_action():
                flash(message or _("Your wishes were saved."), "success")
                return redirect(url_for("onboarding.wishes") + "#occupations")
            flash(_("Your wishes and needs were saved."), "success")
            return redirect(url_for("onboarding.wishes"))
    else:
        _fill(form, saved)
    return render_template(
        "onboarding/wishes_page.html",
        form=form,
        wishes=saved,
        suggestions=resolved.suggestions,
        max_desired=MAX_DESIRED,
    )


def _fill(form: Any, wishes: preferences.Wishes) -> None:
    form.distance.data = str(wishes.max_distance_km)
    form.hours.data = wishes.hours.value
    if isinstance(form, PreferencesForm):
        form.industries.data = list(wishes.industries)
        form.open_to_other_industries.data = wishes.open_to_other_industries
        form.earliest_start.data = format_danish_date(wishes.earliest_start)
        form.remote_work.data = wishes.remote_work.value
        form.interests.data = wishes.interests or ""
        form.reduced_hours.data = wishes.reduced_hours
        form.flexjob.data = wishes.flexjob
        form.accessibility_needs.data = wishes.accessibility_needs or ""


fill_wishes = _fill


def fill_screening(form: ScreeningForm, citizen_id: int) -> bool:
    """Fill the form with the saved answers; False if there are none."""
    saved = services.screening_of(get_session(), citizen_id)
    if saved is None:
        return False
    for name, *_rest in SCREENING_QUESTIONS:
        getattr(form, name).data = getattr(saved, name).value
    form.needs_in_own_words.data = saved.needs_in_own_words or ""
    return True


@bp.route("/min-situation", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def situation() -> str | Response:
    """The screening answers, shown back and changeable, with what they are used for."""
    citizen_id = current_citizen_id()
    form = ScreeningForm()
    if form.validate_on_submit():
        services.save_screening(
            get_session(), citizen_id, form.answers(), current_actor()
        )
        flash(_("Your answers were saved."), "success")
        return redirect(url_for("onboarding.situation"))
    answered = services.screening_of(get_session(), citizen_id)
    if request.method == "GET":
        fill_screening(form, citizen_id)
    return render_template(
        "onboarding/situation_page.html", form=form, answered=answered
    )
