"""The citizen's pages: companies that want to meet them (yes or no, as cards), blocks,
and work placements near them."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from app.audit import now
from app.db import get_session
from app.employers import companies, queries, services
from app.employers.forms import AnswerForm
from app.employers.internships import internships_near
from app.employers.people_like_you import K_PEOPLE, people_like_you
from app.employers.views import bp
from app.forms import ConfirmForm
from app.htmx import render_page_or_partial, wants_partial
from app.i18n import current_lang, format_when
from app.models import EmployerInvitation, Role
from app.security import current_actor, current_citizen_id, role_required


def _answer_form(invitation: EmployerInvitation, formdata: bool = True) -> AnswerForm:
    form = AnswerForm() if formdata else AnswerForm(formdata=None)
    offer = invitation.offer
    windows = companies.time_windows(offer) if offer is not None else []
    form.window.choices = [(w.isoformat(), format_when(w)) for w in windows]
    if windows and not form.window.data:
        form.window.data = windows[0].isoformat()
    return form


def _page_context(citizen_id: int) -> dict[str, object]:
    session = get_session()
    at = now()
    open_ones, answered = queries.invitations_for_citizen(session, citizen_id, at)
    current = open_ones[0] if open_ones else None
    return {
        "current": current,
        "form": _answer_form(current, formdata=False) if current else None,
        "remaining": len(open_ones),
        "answered": answered,
        "state_of": lambda inv: queries.effective_state(inv, at),
        "reasons": queries.why_matched(session, current, current_lang())
        if current
        else (),
        "hides_contact": queries.contact_details_hidden(session, citizen_id),
        "blocks": queries.blocks_of(session, citizen_id),
    }


@bp.get("/virksomheder")
@role_required(Role.CITIZEN)
def invitations() -> Response:
    """ "Virksomheder der vil møde dig": one open invitation at a time, as a card."""
    context = _page_context(current_citizen_id())
    return render_page_or_partial(
        "employers/citizen_invitations.html",
        "employers/partials/invitation_card.html",
        **context,
    )


@bp.post("/virksomheder/<int:invitation_id>/svar")
@role_required(Role.CITIZEN)
def answer(invitation_id: int) -> Response | str:
    """The citizen's yes or no; with htmx the next card replaces this one."""
    session = get_session()
    citizen_id = current_citizen_id()
    invitation = queries.invitation_for_citizen(session, citizen_id, invitation_id)
    if invitation is None:
        abort(404)
    form = _answer_form(invitation)
    if not form.validate_on_submit():
        context = _page_context(citizen_id)
        if context["current"] is not None and context["current"].id == invitation.id:  # type: ignore[attr-defined]
            context["form"] = form
        return render_page_or_partial(
            "employers/citizen_invitations.html",
            "employers/partials/invitation_card.html",
            **context,
        )
    try:
        services.answer_invitation(
            session,
            citizen_id,
            invitation_id,
            services.Answer(
                yes=form.yes,
                share_phone=form.share_phone.data,
                share_email=form.share_email.data,
                window=form.window_value,
            ),
            current_actor(),
        )
    except services.InvitationError:
        flash(_("This invitation can no longer be answered."), "info")
        return redirect(url_for("employers.invitations"))
    message = (
        _(
            "You said yes. The company can now see your name and what you chose to share."
        )
        if form.yes
        else _("You said no. The company is told only that you declined.")
    )
    if wants_partial():
        context = _page_context(citizen_id)
        context["announcement"] = message
        return render_page_or_partial(
            "employers/citizen_invitations.html",
            "employers/partials/invitation_card.html",
            **context,
        )
    flash(message, "success")
    return redirect(url_for("employers.invitations"))


@bp.route("/virksomheder/blokering/<int:employer_id>", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def block(employer_id: int) -> str | Response:
    """Ask for confirmation, then block a company that has contacted the citizen."""
    session = get_session()
    citizen_id = current_citizen_id()
    employer = queries.employer_that_contacted(session, citizen_id, employer_id)
    if employer is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.block_employer(session, citizen_id, employer_id, current_actor())
        flash(
            _("%(company)s can no longer find or contact you.", company=employer.name),
            "success",
        )
        return redirect(url_for("employers.invitations"))
    return render_template("employers/block.html", employer=employer, form=form)


@bp.post("/virksomheder/blokering/<int:employer_id>/ophaev")
@role_required(Role.CITIZEN)
def unblock(employer_id: int) -> Response:
    """Lift a block: the company may find the citizen again (if they share their CV)."""
    form = ConfirmForm()
    if form.validate_on_submit():
        services.unblock_employer(
            get_session(), current_citizen_id(), employer_id, current_actor()
        )
        flash(_("The block is lifted."), "success")
    return redirect(url_for("employers.invitations"))


@bp.get("/praktikpladser")
@role_required(Role.CITIZEN)
def internships() -> str:
    """Work placements and wage-subsidy jobs near the citizen, in occupations they want
    or could move to."""
    found = internships_near(
        get_session(), current_citizen_id(), current_lang(), date.today()
    )
    similar = people_like_you(get_session(), current_citizen_id(), current_lang())
    return render_template(
        "employers/internships.html", found=found, similar=similar, k=K_PEOPLE
    )
