"""The provider's side (/udbyder): offerings, participants, reports and messages; and
the public application to become a provider."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from app.audit import Actor
from app.consent.services.consents import consents_to_provider
from app.cv.labels import language_choices
from app.db import get_session
from app.forms import ConfirmForm
from app.i18n import current_lang
from app.labels import (
    ENROLMENT_STATE_LABELS,
    OFFERING_FORMAT_LABELS,
    OFFERING_KIND_LABELS,
    OFFERING_STATE_LABELS,
    PAYMENT_LABELS,
    PROVIDER_STATE_LABELS,
)
from app.marketplace import presentation, queries
from app.marketplace.forms import (
    MessageForm,
    OfferingForm,
    ProviderForm,
    ReasonForm,
    ReportForm,
    SetPasswordForm,
    options,
)
from app.marketplace.services import MarketplaceError, access, offerings, providers
from app.marketplace.services import participants as people
from app.marketplace.views import ERRORS, attempt, bp, found
from app.models import Role, Skill
from app.pagination import page_number
from app.security import current_actor, public, role_required

LABELS = {
    "kind_labels": OFFERING_KIND_LABELS,
    "format_labels": OFFERING_FORMAT_LABELS,
    "payment_labels": PAYMENT_LABELS,
    "offering_labels": OFFERING_STATE_LABELS,
    "enrolment_labels": ENROLMENT_STATE_LABELS,
    "provider_labels": PROVIDER_STATE_LABELS,
    "present": presentation,
}


@bp.get("/udbyder")
@role_required(Role.PROVIDER)
def provider_home() -> str:
    """The provider's start page: its state, its offerings and how many consent."""
    session = get_session()
    provider = providers.provider_of(session, current_user.provider_id)
    approved = provider is not None and provider.approved
    return render_template(
        "marketplace/provider_home.html",
        provider=provider,
        offerings=offerings.provider_offerings(session, current_user.provider_id),
        consenting=consents_to_provider(session, provider.id) if approved else 0,
        **LABELS,
    )


def _offering_form(session: Session, form: OfferingForm) -> OfferingForm:
    lang = current_lang()
    form.languages.choices = options(language_choices(lang))
    ids = list(session.scalars(select(Skill.id).order_by(Skill.id).limit(400)))
    form.skills.choices = options(
        [(str(sid), name) for sid, name in queries.skill_names(session, ids, lang)]
    )
    return form


@bp.route("/udbyder/tilbud/nyt", methods=["GET", "POST"])
@role_required(Role.PROVIDER)
def new_offering() -> str | Response:
    """Draft a new offering."""
    session = get_session()
    found(lambda: providers.active_provider(session, current_user.provider_id))
    form = _offering_form(session, OfferingForm())
    if form.validate_on_submit():
        created = attempt(
            lambda: offerings.create(
                session, current_user.provider_id, form.to_input(), current_actor()
            )
        )
        if created is not None:
            flash(
                _("The draft is saved. Send it for review when it is ready."), "success"
            )
            return redirect(url_for("marketplace.provider_home"))
    return render_template(
        "marketplace/offering_form.html", form=form, offering=None, **LABELS
    )


@bp.route("/udbyder/tilbud/<int:offering_id>/ret", methods=["GET", "POST"])
@role_required(Role.PROVIDER)
def edit_offering(offering_id: int) -> str | Response:
    """Change one of the provider's offerings (a published one is reviewed again)."""
    session = get_session()
    provider_id = current_user.provider_id
    item = found(lambda: offerings.own_offering(session, provider_id, offering_id))
    form = _offering_form(session, OfferingForm(obj=None))
    if request.method == "GET":
        for name in ("title", "postcode", "place", "duration_weeks", "schedule"):
            getattr(form, name).data = getattr(item, name)
        for name in ("accessibility", "target_groups", "capacity", "waiting_weeks"):
            getattr(form, name).data = getattr(item, name)
        form.description.data = item.description
        form.kind.data = item.kind.value
        form.format.data = item.format.value
        form.payment.data = item.payment.value
        form.languages.data = item.language_codes
        form.skills.data = [str(s) for s in offerings.skill_ids(session, item.id)]
    if form.validate_on_submit():
        done = attempt(
            lambda: offerings.update(
                session, provider_id, offering_id, form.to_input(), current_actor()
            )
        )
        if done is not None:
            flash(_("Your change is saved."), "success")
            return redirect(url_for("marketplace.provider_home"))
    return render_template(
        "marketplace/offering_form.html", form=form, offering=item, **LABELS
    )


@bp.route("/udbyder/tilbud/<int:offering_id>/indsend", methods=["GET", "POST"])
@role_required(Role.PROVIDER)
def submit_offering(offering_id: int) -> str | Response:
    """Send an offering to the administrator's review, after a confirmation."""
    session = get_session()
    provider_id = current_user.provider_id
    item = found(lambda: offerings.own_offering(session, provider_id, offering_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        done = attempt(
            lambda: offerings.submit(session, provider_id, offering_id, current_actor())
        )
        if done is not None:
            flash(_("Sent for review. You will see the answer here."), "success")
        return redirect(url_for("marketplace.provider_home"))
    return render_template(
        "marketplace/submit_offering.html", offering=item, form=form, **LABELS
    )


@bp.route("/udbyder/tilbud/<int:offering_id>/afpubliser", methods=["GET", "POST"])
@role_required(Role.PROVIDER)
def unpublish_offering(offering_id: int) -> str | Response:
    """Take one of the provider's published offerings out of the catalogue, with why."""
    session = get_session()
    provider_id = current_user.provider_id
    item = found(lambda: offerings.own_offering(session, provider_id, offering_id))
    form = ReasonForm()
    if form.validate_on_submit():
        done = attempt(
            lambda: offerings.unpublish(
                session, offering_id, form.reason.data, current_actor(), provider_id
            )
        )
        if done is not None:
            flash(_("The offering is taken out of the catalogue."), "success")
        return redirect(url_for("marketplace.provider_home"))
    return render_template(
        "marketplace/unpublish_offering.html", offering=item, form=form, **LABELS
    )


@bp.get("/udbyder/deltagere")
@role_required(Role.PROVIDER)
def participants() -> str:
    """The provider's participants: details only where the citizen consents."""
    session = get_session()
    page = found(
        lambda: people.provider_enrolments(
            session,
            current_user.provider_id,
            current_actor(),
            page_number(request.args.get("page")),
        )
    )
    return render_template("marketplace/participants.html", page=page, **LABELS)


@bp.get("/udbyder/deltagere/<int:enrolment_id>")
@role_required(Role.PROVIDER)
def participant(enrolment_id: int) -> str:
    """One participant: report attendance and completion, write a message."""
    session = get_session()
    person = found(
        lambda: people.provider_enrolment(
            session, current_user.provider_id, enrolment_id, current_actor()
        )
    )
    return render_template(
        "marketplace/participant.html",
        person=person,
        report_form=ReportForm(),
        message_form=MessageForm(prefix="message"),
        messages=people.messages_of(session, enrolment_id),
        **LABELS,
    )


@bp.post("/udbyder/deltagere/<int:enrolment_id>/rapport")
@role_required(Role.PROVIDER)
def report(enrolment_id: int) -> str | Response:
    """Report attendance, and completion."""
    session = get_session()
    provider_id = current_user.provider_id
    person = found(
        lambda: people.provider_enrolment(
            session, provider_id, enrolment_id, current_actor()
        )
    )
    form = ReportForm()
    if form.validate_on_submit():
        done = attempt(
            lambda: people.report(
                session,
                provider_id,
                enrolment_id,
                int(form.attendance.data),
                bool(form.completed.data),
                current_actor(),
            )
        )
        if done is not None:
            flash(_("Your report is saved."), "success")
        return redirect(url_for("marketplace.participant", enrolment_id=enrolment_id))
    return render_template(
        "marketplace/participant.html",
        person=person,
        report_form=form,
        message_form=MessageForm(formdata=None, prefix="message"),
        messages=people.messages_of(session, enrolment_id),
        **LABELS,
    )


@bp.post("/udbyder/deltagere/<int:enrolment_id>/besked")
@role_required(Role.PROVIDER)
def message(enrolment_id: int) -> str | Response:
    """Write a message to the participant (shown under their "Mine tilbud")."""
    session = get_session()
    provider_id = current_user.provider_id
    person = found(
        lambda: people.provider_enrolment(
            session, provider_id, enrolment_id, current_actor()
        )
    )
    form = MessageForm(prefix="message")
    if form.validate_on_submit():
        done = attempt(
            lambda: people.send_message(
                session, provider_id, enrolment_id, form.body.data, current_actor()
            )
        )
        if done is not None:
            flash(_("Your message is sent."), "success")
        return redirect(url_for("marketplace.participant", enrolment_id=enrolment_id))
    return render_template(
        "marketplace/participant.html",
        person=person,
        report_form=ReportForm(formdata=None),
        message_form=form,
        messages=people.messages_of(session, enrolment_id),
        **LABELS,
    )


@bp.route("/bliv-udbyder", methods=["GET", "POST"])
@public
def apply() -> str | Response:
    """An organisation applies to offer services (an administrator decides)."""
    session = get_session()
    form = ProviderForm()
    form.languages.choices = options(language_choices(current_lang()))
    if form.validate_on_submit():
        done = attempt(
            lambda: providers.apply(session, form.to_input(), current_actor_or_public())
        )
        if done is not None:
            return render_template("marketplace/applied.html", name=done.name)
    return render_template("marketplace/apply.html", form=form)


def current_actor_or_public() -> Actor:
    """The applicant is not logged in: the change history names the organisation."""
    if current_user.is_authenticated:
        return current_actor()
    return Actor(user_id=None, role="applicant", organisation="")


@bp.route("/udbyder/adgangskode/<string:token>", methods=["GET", "POST"])
@public
def set_password(token: str) -> str | Response | tuple[str, int]:
    """An approved provider's staff chooses a password with the one-time link the
    administrator passed on; then logs in as staff."""
    session = get_session()
    try:
        access.link_for(session, token)
    except MarketplaceError as error:
        return render_template(
            "marketplace/set_password.html", problem=ERRORS[str(error)], form=None
        ), (404 if str(error) == "link_unknown" else 410)
    form = SetPasswordForm()
    if form.validate_on_submit() and attempt(
        lambda: access.set_password(session, token, form.password.data)
    ):
        flash(_("Your password is set. Log in with your e-mail and it."), "success")
        return redirect(url_for("auth.staff_login"))
    return render_template("marketplace/set_password.html", form=form, problem=None)
