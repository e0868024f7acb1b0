"""The citizen's marketplace: the catalogue, an offering, choosing and leaving, reviews."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.db import get_session
from app.i18n import current_lang
from app.labels import (
    ENROLMENT_STATE_LABELS,
    OFFERING_FORMAT_LABELS,
    OFFERING_KIND_LABELS,
    PAYMENT_LABELS,
)
from app.marketplace import presentation, queries
from app.marketplace.forms import (
    CatalogueForm,
    ChooseForm,
    LeaveForm,
    ReasonForm,
    ReviewForm,
)
from app.marketplace.services import catalogue as listing
from app.marketplace.services import enrolments, reviews
from app.marketplace.services.results import intake_mix
from app.marketplace.views import attempt, bp, found
from app.models import Role
from app.pagination import page_number
from app.security import current_actor, current_citizen_id, role_required

LABELS = {
    "kind_labels": OFFERING_KIND_LABELS,
    "format_labels": OFFERING_FORMAT_LABELS,
    "payment_labels": PAYMENT_LABELS,
    "enrolment_labels": ENROLMENT_STATE_LABELS,
    "present": presentation,
}


@bp.get("/tilbud")
@role_required(Role.CITIZEN)
def catalogue() -> str:
    """Browse, filter and search the services; best adjusted result first."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = CatalogueForm(request.args)
    form.set_choices(*queries.filter_choices(session, current_lang()))
    filters = form.filters()
    home = queries.home_postcode(session, citizen_id)
    page = listing.catalogue(
        session, filters, home_postcode=home, page=page_number(request.args.get("page"))
    )
    return render_template(
        "marketplace/catalogue.html",
        form=form,
        page=page,
        filter_args=form.query_args(filters),
        filtered=bool(form.query_args(filters)),
        **LABELS,
    )


@bp.get("/tilbud/<int:offering_id>")
@role_required(Role.CITIZEN)
def offering(offering_id: int) -> str:
    """One service with its provider's record, results, intake and reviews."""
    session = get_session()
    citizen_id = current_citizen_id()
    item = found(lambda: listing.public_offering(session, offering_id))
    return render_template(
        "marketplace/offering.html",
        offering=item,
        details=queries.offering_details(session, item, current_lang()),
        results=listing.results_of(session, offering_id=item.id),
        provider_results=listing.results_of(session, provider_id=item.provider_id),
        mix=intake_mix(session, item.provider_id).get(item.provider_id),
        reviews=reviews.shown_reviews(
            session, item.id, page_number(request.args.get("page"))
        ),
        review_counts=listing.review_summary(session, [item.id]).get(item.id),
        current=enrolments.open_enrolment(session, citizen_id, item.id),
        **LABELS,
    )


@bp.route("/tilbud/<int:offering_id>/vaelg", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def choose(offering_id: int) -> str | Response:
    """ "Vælg": confirm, optionally share details with the provider, then start or ask."""
    session = get_session()
    citizen_id = current_citizen_id()
    item = found(lambda: listing.public_offering(session, offering_id))
    form = ChooseForm()
    if form.validate_on_submit():
        chosen = attempt(
            lambda: enrolments.choose(
                session,
                citizen_id,
                item.id,
                current_actor(),
                share_with_provider=bool(form.share.data),
            )
        )
        if chosen is not None:
            if item.starts_at_once:
                flash(_("You have started. The service is in My services."), "success")
            else:
                flash(
                    _(
                        "Your request is sent to your caseworker, who will answer "
                        "with a reason. You can follow it in My services."
                    ),
                    "success",
                )
            return redirect(url_for("marketplace.my_services"))
        return redirect(url_for("marketplace.offering", offering_id=item.id))
    return render_template(
        "marketplace/choose.html", offering=item, form=form, **LABELS
    )


@bp.get("/mine-tilbud")
@role_required(Role.CITIZEN)
def my_services() -> str:
    """ "Mine tilbud": current, requested and past services, with messages."""
    session = get_session()
    return render_template(
        "marketplace/my_services.html",
        groups=enrolments.my_services(session, current_citizen_id()),
        **LABELS,
    )


@bp.route("/mine-tilbud/<int:enrolment_id>/fravaelg", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def leave(enrolment_id: int) -> str | Response:
    """ "Fravælg": leave a service (or withdraw a request) with an optional reason."""
    session = get_session()
    citizen_id = current_citizen_id()
    enrolment = found(
        lambda: enrolments.own_enrolment(session, citizen_id, enrolment_id)
    )
    form = LeaveForm()
    if form.validate_on_submit():
        done = attempt(
            lambda: enrolments.leave(
                session,
                citizen_id,
                enrolment_id,
                form.reason.data or "",
                current_actor(),
            )
        )
        if done is not None:
            flash(_("You have left the service."), "success")
        return redirect(url_for("marketplace.my_services"))
    return render_template(
        "marketplace/leave.html", enrolment=enrolment, form=form, **LABELS
    )


@bp.route("/mine-tilbud/<int:enrolment_id>/anmeldelse", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def write_review(enrolment_id: int) -> str | Response:
    """A review of a service the citizen finished or left (one per enrolment)."""
    session = get_session()
    citizen_id = current_citizen_id()
    enrolment = found(
        lambda: enrolments.own_enrolment(session, citizen_id, enrolment_id)
    )
    form = ReviewForm()
    if form.validate_on_submit():
        done = attempt(
            lambda: reviews.write(
                session,
                citizen_id,
                enrolment_id,
                int(form.rating.data),
                form.text.data or "",
                current_actor(),
            )
        )
        if done is not None:
            flash(_("Thank you. Your review is published."), "success")
        return redirect(url_for("marketplace.my_services"))
    return render_template(
        "marketplace/review_form.html", enrolment=enrolment, form=form, **LABELS
    )


@bp.route("/tilbud/anmeldelser/<int:review_id>/anmeld", methods=["GET", "POST"])
@role_required(Role.CITIZEN, Role.PROVIDER)
def report_review(review_id: int) -> str | Response:
    """Report a review to the administrators, with a reason."""
    session = get_session()
    review = found(lambda: queries.shown_review(session, review_id))
    form = ReasonForm()
    if form.validate_on_submit():
        done = attempt(
            lambda: reviews.report(
                session, review_id, form.reason.data, current_actor()
            )
        )
        if done is not None:
            flash(_("Thank you. An administrator will look at the review."), "success")
        return redirect(url_for("portal.index"))
    return render_template("marketplace/report_review.html", review=review, form=form)
