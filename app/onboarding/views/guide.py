"""The first-log-in step guide ("Kom i gang"): five steps, saved one by one, resumable."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from app.db import get_session
from app.i18n import current_lang
from app.models import Channel, Role
from app.onboarding import preferences, services
from app.onboarding.forms import (
    CHANNEL_CHOICES,
    HOURS_CHOICES,
    REMOTE_CHOICES,
    ChannelForm,
    ContactForm,
    WishesForm,
    language_choices,
)
from app.onboarding.preferences import MAX_DESIRED, Resolved
from app.onboarding.questions import SCREENING_QUESTIONS, ScreeningForm
from app.onboarding.views import bp
from app.onboarding.views.profile import (
    fill_screening,
    fill_wishes,
    occupation_action,
    occupation_choice,
    remove_occupation,
    save_occupation_change,
)
from app.security import current_actor, current_citizen_id, role_required

STEP_TITLES = {
    1: _l("Your contact details"),
    2: _l("How we contact you"),
    3: _l("Your situation"),
    4: _l("The work you want"),
    5: _l("Check your answers"),
}


@bp.get("/kom-i-gang")
@role_required(Role.CITIZEN)
def start() -> Response:
    """Resume the step guide where the citizen left it (the summary once finished)."""
    step, total, done = services.onboarding_status(get_session(), current_citizen_id())
    return redirect(url_for("onboarding.step", step=total if done else step))


@bp.route("/kom-i-gang/<int:step>", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def step(step: int) -> str | Response:
    """One step of the guide: show it, or save it and go on."""
    if step not in STEP_TITLES:
        abort(404)
    return _STEPS[step](current_citizen_id())


def _after_save(citizen_id: int, step: int) -> Response:
    services.step_done(get_session(), citizen_id, step, current_actor())
    if request.form.get("action") == "later":
        flash(
            _("Your answers are saved. You can continue the guide later from My page."),
            "success",
        )
        return redirect(url_for("portal.dashboard"))
    return redirect(url_for("onboarding.step", step=step + 1))


def _render(step: int, template: str, **context: Any) -> str:
    current, total, done = services.onboarding_status(
        get_session(), context.pop("citizen_id")
    )
    return render_template(
        f"onboarding/{template}",
        step=step,
        total=len(STEP_TITLES),
        titles=STEP_TITLES,
        reached=max(current, step) if not done else total,
        done=done,
        **context,
    )


def _contact(citizen_id: int) -> str | Response:
    form = ContactForm()
    if form.validate_on_submit():
        services.save_contact_details(
            get_session(),
            citizen_id,
            phone=form.phone_value,
            email=form.email.data or None,
            actor=current_actor(),
        )
        return _after_save(citizen_id, 1)
    if request.method == "GET":
        saved = services.contact_of(get_session(), citizen_id)
        form.phone.data = saved.phone or ""
        form.email.data = saved.email or ""
    return _render(1, "contact.html", citizen_id=citizen_id, form=form)


def _channel(citizen_id: int) -> str | Response:
    form = ChannelForm(locale=current_lang())
    if form.validate_on_submit():
        services.save_contact_preferences(
            get_session(),
            citizen_id,
            channel=Channel(form.channel.data),
            language=form.language.data,
            interpreter=form.interpreter.data == "yes",
            actor=current_actor(),
        )
        return _after_save(citizen_id, 2)
    if request.method == "GET":
        saved = services.contact_of(get_session(), citizen_id)
        form.channel.data = saved.channel.value if saved.channel else None
        form.language.data = saved.language or current_lang()
        if saved.interpreter is not None:
            form.interpreter.data = "yes" if saved.interpreter else "no"
    return _render(2, "channel.html", citizen_id=citizen_id, form=form)


def _screening(citizen_id: int) -> str | Response:
    form = ScreeningForm()
    if form.validate_on_submit():
        services.save_screening(
            get_session(), citizen_id, form.answers(), current_actor()
        )
        return _after_save(citizen_id, 3)
    if request.method == "GET":
        fill_screening(form, citizen_id)
    return _render(3, "screening.html", citizen_id=citizen_id, form=form)


def _wishes(citizen_id: int) -> str | Response:
    session = get_session()
    wishes = preferences.wishes_of(session, citizen_id, current_lang())
    form = WishesForm()
    resolved = Resolved(None)
    if request.method == "POST" and "remove" in request.form:
        remove_occupation(citizen_id)
        return redirect(url_for("onboarding.step", step=4) + "#occupations")
    if request.method == "POST":
        valid = form.validate_on_submit()
        resolved = occupation_choice(form, wishes)
        if valid and not form.occupation.errors:
            preferences.save_distance_and_hours(
                session,
                citizen_id,
                max_distance_km=form.distance_km,
                hours=form.hours_value,
                actor=current_actor(),
            )
            message = save_occupation_change(citizen_id, resolved)
            if occupation_action():
                if message:
                    flash(message, "success")
                return redirect(url_for("onboarding.step", step=4) + "#occupations")
            return _after_save(citizen_id, 4)
    else:
        fill_wishes(form, wishes)
    return _render(
        4,
        "wishes.html",
        citizen_id=citizen_id,
        form=form,
        wishes=wishes,
        suggestions=resolved.suggestions,
        max_desired=MAX_DESIRED,
    )


def _summary(citizen_id: int) -> str | Response:
    session = get_session()
    contact = services.contact_of(session, citizen_id)
    screening = services.screening_of(session, citizen_id)
    missing = []
    if not (contact.phone or contact.email):
        missing.append((1, _("Give a phone number or an e-mail address.")))
    if contact.channel is None:
        missing.append((2, _("Choose how you would like us to contact you.")))
    if screening is None:
        missing.append((3, _("Answer the questions about your situation.")))
    # CSRFProtect has checked the token of this form, which has no fields of its own.
    if request.method == "POST" and not missing:
        services.finish_onboarding(session, citizen_id, current_actor())
        flash(_("Thank you. You have finished getting started."), "success")
        return redirect(url_for("portal.dashboard"))
    return _render(
        5,
        "summary.html",
        citizen_id=citizen_id,
        contact=contact,
        screening=screening,
        wishes=preferences.wishes_of(session, citizen_id, current_lang()),
        missing=missing,
        show_errors=request.method == "POST",
        channel_labels=dict(CHANNEL_CHOICES),
        language_labels=dict(language_choices(current_lang())),
        hours_labels=dict(HOURS_CHOICES),
        remote_labels=dict(REMOTE_CHOICES),
        questions=SCREENING_QUESTIONS,
    )


_STEPS = {1: _contact, 2: _channel, 3: _screening, 4: _wishes, 5: _summary}
