"""The company's own job postings: post one, see them, withdraw one."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.audit import Actor
from app.db import get_session
from app.employers import companies, postings
from app.employers.posting_form import ROW_ERRORS, PostingForm
from app.employers.views import bp, my_employer
from app.jobs.posting_rows import RowError
from app.models import Employer, Posting, Role
from app.security import role_required


def _actor(employer: Employer) -> Actor:
    return companies.employer_actor(current_user, employer)


@bp.route("/virksomhed/opslag", methods=["GET", "POST"])
@role_required(Role.EMPLOYER)
def postings_page() -> str | Response:
    """The company's job postings and the form to post one."""
    session = get_session()
    employer = my_employer()
    form = PostingForm()
    if employer.approved and form.validate_on_submit():
        try:
            posting = postings.post_job(
                session, employer, form.to_input(), _actor(employer)
            )
        except RowError as problem:
            name = str(problem).split(" ", 1)[0]
            field = getattr(form, name, None) if name in ROW_ERRORS else None
            if field is None:
                field = form.title
            field.errors = [ROW_ERRORS.get(name, _("Check the posting and try again."))]
        else:
            flash(_("Your job is posted. Job seekers can find it now."), "success")
            return redirect(url_for("jobs.posting", posting_id=posting.id))
    return render_template(
        "employers/postings.html",
        employer=employer,
        form=form,
        postings=postings.postings_of(session, employer.id),
        is_open=lambda p: postings.is_open(p, date.today()),
    )


@bp.route("/virksomhed/opslag/<int:posting_id>/tilbagekald", methods=["GET", "POST"])
@role_required(Role.EMPLOYER)
def withdraw_posting(posting_id: int) -> str | Response:
    """Close one of the company's postings today, after a confirmation page."""
    session = get_session()
    employer = my_employer()
    posting = session.get(Posting, posting_id)
    if posting is None or posting.source != postings.source_of(employer.id):
        abort(404)
    if request.method == "GET":
        return render_template("employers/withdraw_posting.html", posting=posting)
    if postings.is_open(posting, date.today()):
        postings.withdraw(session, posting, _actor(employer), date.today())
        flash(_("The job is withdrawn. It no longer shows in the search."), "success")
    return redirect(url_for("employers.postings_page"))
