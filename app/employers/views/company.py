"""The company's pages: its start page, offers, anonymous candidates, invitations."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.audit import Actor, now
from app.auth.passwords import hash_password
from app.db import get_session
from app.employers import companies, queries, services
from app.employers.candidates import (
    AnonymousProfile,
    CandidateList,
    candidates_for_offer,
)
from app.employers.cvr import normalise_cvr
from app.employers.forms import CompanyForm, InviteForm, OfferForm
from app.employers.views import bp, my_employer
from app.extensions import client_address, limiter
from app.i18n import current_lang
from app.models import Employer, EmployerOffer, MeetingMode, OfferKind, Role
from app.security import public, role_required
from app.text_input import parse_date
from app.urls import parse_int


def _actor(employer: Employer) -> Actor:
    return companies.employer_actor(current_user, employer)


@bp.get("/virksomhed")
@role_required(Role.EMPLOYER)
def home() -> str:
    """The company's start page: its offers, invitations and reply rates."""
    session = get_session()
    employer = my_employer()
    return render_template(
        "employers/home.html",
        employer=employer,
        offers=companies.offers_of(session, employer.id),
        invitations=queries.invitations_of_employer(session, employer.id)[:20],
        rates=queries.reply_rates(session, employer.id, now()),
        state_of=lambda inv: queries.effective_state(inv, now()),
    )


@bp.route("/virksomhed/tilbud/nyt", methods=["GET", "POST"])
@role_required(Role.EMPLOYER)
def new_offer() -> str | Response:
    """Add a work placement, a wage-subsidy job or a coffee meeting."""
    session = get_session()
    employer = my_employer()
    if not employer.approved:
        flash(_("You can add offers once your company is approved."), "info")
        return redirect(url_for("employers.home"))
    form = OfferForm()
    if not form.kind.data:
        form.kind.data = OfferKind.COFFEE.value
    if form.validate_on_submit():
        occupation_id = companies.resolve_occupation(
            session, form.occupation.data, current_lang()
        )
        if occupation_id is None:
            form.occupation.errors = [
                _("We do not know this occupation. Try another word for it.")
            ]
        else:
            offer = companies.create_offer(
                session, employer, _offer_input(form, occupation_id), _actor(employer)
            )
            flash(_("Your offer is saved. Here are the candidates who fit."), "success")
            return redirect(url_for("employers.offer", offer_id=offer.id))
    return render_template("employers/offer_form.html", form=form, employer=employer)


def _offer_input(form: OfferForm, occupation_id: int) -> companies.OfferInput:
    coffee = form.is_coffee
    return companies.OfferInput(
        kind=OfferKind(form.kind.data),
        title=form.title.data,
        occupation_id=occupation_id,
        description=form.description.data or "",
        postcode=form.postcode.data.strip(),
        contact_name=form.contact_name.data,
        contact_phone=form.contact_phone.data or None,
        contact_email=form.contact_email.data or None,
        starts_on=None if coffee else parse_date(form.starts_on.data or ""),
        ends_on=None if coffee else parse_date(form.ends_on.data or ""),
        hours_per_week=None
        if coffee
        else parse_int((form.hours_per_week.data or "").strip(), high=37),
        learning=None if coffee else form.learning.data,
        meeting_mode=MeetingMode(form.meeting_mode.data) if coffee else None,
        meeting_place=form.meeting_place.data if coffee else None,
        time_windows=form.windows() if coffee else (),
    )


def _my_offer(offer_id: int) -> tuple[Employer, EmployerOffer]:
    employer = my_employer()
    offer = companies.offer_of(get_session(), employer.id, offer_id)
    if offer is None:
        abort(404)
    return employer, offer


def _candidates(offer: EmployerOffer, employer: Employer) -> CandidateList:
    session = get_session()
    found = candidates_for_offer(
        session, offer, current_app.config["SECRET_KEY"], current_lang(), date.today()
    )
    queries.log_profile_views(session, _actor(employer), list(found.citizen_ids))
    return found


@bp.get("/virksomhed/tilbud/<int:offer_id>")
@role_required(Role.EMPLOYER)
def offer(offer_id: int) -> str:
    """One offer and its best-matching candidates, as anonymous profiles."""
    employer, found_offer = _my_offer(offer_id)
    found = _candidates(found_offer, employer)
    return render_template(
        "employers/offer.html",
        employer=employer,
        offer=found_offer,
        occupation=companies.offer_occupation_label(
            get_session(), found_offer, current_lang()
        ),
        windows=companies.time_windows(found_offer),
        profiles=found.profiles,
        withheld=found.withheld,
    )


@bp.get("/virksomhed/tilbud/<int:offer_id>/kandidater-json")
@role_required(Role.EMPLOYER)
def offer_candidates_json(offer_id: int) -> Response:
    """The same anonymous profiles as JSON (for a company's own systems)."""
    employer, found_offer = _my_offer(offer_id)
    found = _candidates(found_offer, employer)
    return jsonify(
        {
            "offer": found_offer.id,
            "candidates": [p.as_json() for p in found.profiles],
            "withheld": found.withheld,
        }
    )


def _candidate(
    offer_id: int, token: str
) -> tuple[Employer, EmployerOffer, int, AnonymousProfile]:
    employer, found_offer = _my_offer(offer_id)
    found = _candidates(found_offer, employer)
    citizen_id = found.tokens.get(token)
    if citizen_id is None:
        abort(404)
    profile = next(p for p in found.profiles if p.token == token)
    return employer, found_offer, citizen_id, profile


@bp.route(
    "/virksomhed/tilbud/<int:offer_id>/kandidat/<string:token>",
    methods=["GET", "POST"],
)
@role_required(Role.EMPLOYER)
def candidate(offer_id: int, token: str) -> str | Response:
    """One anonymous candidate, and the invitation to send them."""
    if len(token) > 40:
        abort(404)
    employer, found_offer, citizen_id, profile = _candidate(offer_id, token)
    form = InviteForm()
    if form.validate_on_submit():
        try:
            services.send_invitation(
                get_session(),
                employer,
                found_offer,
                citizen_id,
                form.message.data or "",
                _actor(employer),
            )
        except services.InvitationError:
            flash(_("You have already invited this candidate for this offer."), "info")
            return redirect(url_for("employers.offer", offer_id=found_offer.id))
        flash(
            _(
                "Your invitation is sent. You will see who the candidate is if they say "
                "yes, within 14 days."
            ),
            "success",
        )
        return redirect(url_for("employers.home"))
    return render_template(
        "employers/candidate.html",
        employer=employer,
        offer=found_offer,
        profile=profile,
        form=form,
    )


@bp.get("/virksomhed/henvendelser/<int:invitation_id>")
@role_required(Role.EMPLOYER)
def invitation(invitation_id: int) -> str:
    """One invitation: after a yes, who the citizen is and how to reach them."""
    session = get_session()
    employer = my_employer()
    found = queries.invitation_of_employer(session, employer.id, invitation_id)
    if found is None:
        abort(404)
    contact = queries.accepted_contact(
        session, employer.id, invitation_id, _actor(employer)
    )
    return render_template(
        "employers/invitation.html",
        employer=employer,
        invitation=found,
        state=queries.effective_state(found, now()),
        contact=contact,
    )


@bp.route("/virksomhed/tilmeld", methods=["GET", "POST"])
@public
@limiter.limit("10 per hour", methods=["POST"], key_func=client_address)
def register() -> str | Response:
    """A company registers; an administrator of its municipality approves it."""
    form = CompanyForm()
    if form.validate_on_submit():
        employer = companies.register_company(
            get_session(),
            name=form.name.data,
            cvr=normalise_cvr(form.cvr.data),
            postcode=form.postcode.data.strip(),
            contact_name=form.contact_name.data,
            email=form.email.data,
            password_hash=hash_password(form.password.data),
        )
        if employer is not None:
            flash(
                _(
                    "%(company)s is registered. You can log in now; you can add offers "
                    "once the job centre has approved the company.",
                    company=employer.name,
                ),
                "success",
            )
            return redirect(url_for("auth.staff_login"))
        form.cvr.errors = [
            _("This CVR number or e-mail is already registered. Log in instead.")
        ]
    return render_template("employers/register.html", form=form)
