"""Staff pages: the caseworker's decisions on requests, and the administrators' queues
(provider applications, offering reviews, reported reviews), the providers' table and
its CSV."""

from __future__ import annotations

from flask import Response as FlaskResponse
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from app.audit import log_accesses
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
    DecisionForm,
    OptionalReasonDecisionForm,
    ReasonForm,
    options,
)
from app.marketplace.services import access, enrolments, offerings, providers, reviews
from app.marketplace.services.export import providers_csv
from app.marketplace.services.results import provider_table
from app.marketplace.views import attempt, bp, found
from app.models import AccessPurpose, AccessWhat, Provider, ProviderState, Role
from app.pagination import page_number
from app.security import current_actor, role_required

LABELS = {
    "kind_labels": OFFERING_KIND_LABELS,
    "format_labels": OFFERING_FORMAT_LABELS,
    "payment_labels": PAYMENT_LABELS,
    "offering_labels": OFFERING_STATE_LABELS,
    "enrolment_labels": ENROLMENT_STATE_LABELS,
    "provider_labels": PROVIDER_STATE_LABELS,
    "present": presentation,
}

DECISION_WORDS = {
    ProviderState.APPROVED: _l("Approve"),
    ProviderState.SUSPENDED: _l("Suspend"),
    ProviderState.ENDED: _l("End the agreement"),
}


# --- the caseworker ----------------------------------------------------------------------


@bp.get("/sagsbehandler/tilbudsanmodninger")
@role_required(Role.CASEWORKER)
def service_requests() -> str:
    """Citizens' requests for services the job centre pays for, oldest first."""
    session = get_session()
    page = enrolments.requests_for(
        session, current_user.municipality_id, page_number(request.args.get("page"))
    )
    log_accesses(
        session,
        current_actor(),
        [citizen.id for _enrolment, citizen in page.items],
        AccessWhat.QUEUE,
        AccessPurpose.CASE_WORK,
    )
    return render_template("marketplace/service_requests.html", page=page, **LABELS)


@bp.route(
    "/sagsbehandler/tilbudsanmodninger/<int:enrolment_id>", methods=["GET", "POST"]
)
@role_required(Role.CASEWORKER)
def decide_request(enrolment_id: int) -> str | Response:
    """Approve or decline one request, with a reason the citizen sees."""
    session = get_session()
    municipality_id = current_user.municipality_id
    enrolment, citizen = found(
        lambda: enrolments.request_in(session, municipality_id, enrolment_id)
    )
    form = DecisionForm()
    form.decision.choices = options(
        [
            ("", _("Choose")),
            ("approve", _("Approve: the service starts")),
            ("decline", _("Decline")),
        ]
    )
    log_accesses(
        session,
        current_actor(),
        [citizen.id],
        AccessWhat.CASE_VIEW,
        AccessPurpose.CASE_WORK,
    )
    if form.validate_on_submit() and form.decision.data in {"approve", "decline"}:
        done = attempt(
            lambda: enrolments.decide_request(
                session,
                municipality_id,
                enrolment_id,
                form.decision.data == "approve",
                form.reason.data,
                current_actor(),
            )
        )
        if done is not None:
            flash(_("Your decision is saved and the citizen can see it."), "success")
            return redirect(url_for("marketplace.service_requests"))
    return render_template(
        "marketplace/decide_request.html",
        enrolment=enrolment,
        citizen=citizen,
        form=form,
        **LABELS,
    )


# --- the administrators ------------------------------------------------------------------


@bp.get("/administration/udbydere")
@role_required(Role.ADMIN)
def admin_providers() -> str:
    """The queues (applications, offering reviews, reported reviews) and the providers
    with their results and intake mix."""
    session = get_session()
    return render_template(
        "marketplace/admin_providers.html",
        applications=providers.applications(session),
        offering_queue=offerings.review_queue(session),
        reported=reviews.reported(session),
        table=provider_table(session),
        **LABELS,
    )


@bp.get("/administration/udbydere/eksport")
@role_required(Role.ADMIN)
def admin_providers_csv() -> FlaskResponse:
    """The providers' table as CSV for a Danish spreadsheet."""
    body = providers_csv(get_session())
    return FlaskResponse(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="udbydere.csv"'},
    )


def _decision_form(provider: Provider, formdata: bool = True) -> DecisionForm:
    form = DecisionForm() if formdata else DecisionForm(formdata=None)
    form.decision.choices = options(
        [("", _("Choose"))]
        + [
            (state.value, str(DECISION_WORDS[state]))
            for state in sorted(providers.DECISIONS[provider.state])
        ]
    )
    return form


@bp.route("/administration/udbydere/<int:provider_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def admin_provider(provider_id: int) -> str | Response:
    """One provider: details, history of every change, and a decision with a reason.
    Approving a provider none of whose staff can log in yet makes its log-in user and
    shows a one-time set-password link, once, on the answer."""
    session = get_session()
    provider = found(lambda: providers.existing(session, provider_id))
    form = _decision_form(provider)
    if form.validate_on_submit():
        choice = form.decision.data
        if choice in {state.value for state in ProviderState}:
            done = attempt(
                lambda: providers.decide(
                    session,
                    provider_id,
                    ProviderState(choice),
                    form.reason.data,
                    current_actor(),
                )
            )
            if done is not None:
                flash(_("The decision is saved."), "success")
                if done.approved and access.needs_link(session, done):
                    return _provider_page(session, done, grant=True)
                return redirect(
                    url_for("marketplace.admin_provider", provider_id=provider_id)
                )
    return _provider_page(session, provider, form)


@bp.post("/administration/udbydere/<int:provider_id>/adgangslink")
@role_required(Role.ADMIN)
def admin_provider_link(provider_id: int) -> str | Response:
    """A new one-time set-password link for an approved provider (earlier ones stop)."""
    session = get_session()
    provider = found(lambda: providers.existing(session, provider_id))
    if not provider.approved or not ConfirmForm().validate_on_submit():
        return redirect(url_for("marketplace.admin_provider", provider_id=provider_id))
    return _provider_page(session, provider, grant=True)


def _provider_page(
    session: Session,
    provider: Provider,
    form: DecisionForm | None = None,
    grant: bool = False,
) -> str:
    """The provider's page; with `grant`, a new one-time set-password link on it (the
    page says so when the contact e-mail belongs to another kind of account)."""
    link: tuple[str, str] | None = None
    made = access.grant_access(session, provider, current_actor()) if grant else None
    if made is not None:
        url = url_for("marketplace.set_password", token=made.token, _external=True)
        link = (made.email, url)
    return render_template(
        "marketplace/admin_provider.html",
        provider=provider,
        form=form or _decision_form(provider, formdata=False),
        access_link=link,
        no_user=grant and made is None,
        link_days=access.LINK_DAYS,
        history=providers.history(session, provider.id),
        offerings=offerings.provider_offerings_all(session, provider.id),
        **LABELS,
    )


@bp.route("/administration/tilbud/<int:offering_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def admin_offering(offering_id: int) -> str | Response:
    """Review a submitted offering (publish or send back), or unpublish a published one."""
    session = get_session()
    item = found(lambda: offerings.any_offering(session, offering_id))
    form = OptionalReasonDecisionForm()
    unpublish_form = ReasonForm(prefix="unpublish")
    if request.method == "POST" and request.form.get("action") == "unpublish":
        if unpublish_form.validate_on_submit():
            done = attempt(
                lambda: offerings.unpublish(
                    session, offering_id, unpublish_form.reason.data, current_actor()
                )
            )
            if done is not None:
                flash(_("The offering is taken out of the catalogue."), "success")
                return redirect(url_for("marketplace.admin_providers"))
    elif form.validate_on_submit():
        done = attempt(
            lambda: offerings.review(
                session,
                offering_id,
                form.decision.data == "publish",
                form.reason.data or "",
                current_actor(),
            )
        )
        if done is not None:
            flash(_("Your review is saved."), "success")
            return redirect(url_for("marketplace.admin_providers"))
    return render_template(
        "marketplace/admin_offering.html",
        offering=item,
        details=queries.offering_details(session, item, current_lang()),
        history=providers.history(session, item.id, table="offering"),
        form=form,
        unpublish_form=unpublish_form,
        **LABELS,
    )


@bp.route("/administration/anmeldelser/<int:review_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def moderate_review(review_id: int) -> str | Response:
    """Hide a reported review, or show it again, with a reason."""
    session = get_session()
    review = found(lambda: reviews.any_review(session, review_id))
    form = DecisionForm()
    form.decision.choices = options(
        [
            ("", _("Choose")),
            ("hide", _("Hide the review")),
            ("show", _("Show the review")),
        ]
    )
    if form.validate_on_submit() and form.decision.data in {"hide", "show"}:
        done = attempt(
            lambda: reviews.moderate(
                session,
                review_id,
                form.decision.data == "hide",
                form.reason.data,
                current_actor(),
            )
        )
        if done is not None:
            flash(_("Your decision is saved."), "success")
            return redirect(url_for("marketplace.admin_providers"))
    return render_template(
        "marketplace/moderate_review.html", review=review, form=form, **LABELS
    )
