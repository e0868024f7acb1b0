"""Log-in pages for citizens (MitID, or the demo picker) and staff; log-out."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from app.auth import oidc, services, throttle
from app.auth.forms import DemoLoginForm, StaffLoginForm
from app.db import get_session
from app.extensions import client_address, limiter
from app.models import Role, User
from app.onboarding.services import user_needs_onboarding
from app.pagination import page_number
from app.security import public, start_session
from app.templating import START_PAGES
from app.urls import safe_next

bp = Blueprint("auth", __name__, template_folder="templates")


def _login_rate_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _login_failed(response: Response) -> bool:
    return response.status_code != 302


def _begin_session(user: User) -> Response:
    # A language chosen before logging in wins; else the account's (app.extensions).
    lang = session.get("lang") or user.locale
    # The page that asked for the log-in (a public posting's "Gem job"), to return to.
    back = safe_next(session.get("login_next"), "")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user)
    start_session()
    services.record_login(get_session(), user)
    if back:
        # Back to what the person was doing (the guide waits on Min side for later).
        return redirect(back)
    if user.role is Role.CITIZEN and user_needs_onboarding(get_session(), user.id):
        # First log-in, or the guide is unfinished: resume it (every page stays open).
        return redirect(url_for("onboarding.start"))
    return redirect(url_for(START_PAGES[user.role]))


@bp.get("/log-ind")
@public
def login() -> str:
    """Choose how to log in (`next`: a page on this site to come back to afterwards)."""
    back = safe_next(request.args.get("next"), "")
    if back:
        session["login_next"] = back
    return render_template(
        "auth/login.html",
        mitid_configured=oidc.is_configured(),
        demo_enabled=current_app.config["DEMO_LOGIN_ENABLED"],
    )


@bp.route("/log-ind/medarbejder", methods=["GET", "POST"])
@public
@limiter.limit(
    _login_rate_limit,
    key_func=client_address,
    methods=["POST"],
    deduct_when=_login_failed,
)
def staff_login() -> str | Response | tuple[str, int]:
    """Log-in for caseworkers, providers and administrators with e-mail and password.

    Failures are limited per address (the decorator) and slowed per account and
    address (app.auth.throttle), so nobody can lock a colleague out."""
    form = StaffLoginForm()
    if form.validate_on_submit():
        account, address = form.email.data, client_address()
        wait = throttle.seconds_to_wait(account, address)
        if wait:
            form.password.errors.append(
                ngettext(
                    "Too many wrong attempts. Wait %(num)s second and try again.",
                    "Too many wrong attempts. Wait %(num)s seconds and try again.",
                    wait,
                )
            )
            return render_template(
                "auth/staff_login.html",
                form=form,
                mitid_erhverv=oidc.is_configured("mitid_erhverv"),
            ), 429
        user = services.authenticate_staff(get_session(), account, form.password.data)
        if user is not None:
            throttle.forget(account, address)
            return _begin_session(user)
        throttle.record_failure(account, address)
        form.password.errors.append(_("The e-mail address or the password is wrong."))
    return render_template(
        "auth/staff_login.html",
        form=form,
        mitid_erhverv=oidc.is_configured("mitid_erhverv"),
    )


@bp.get("/log-ind/mitid")
@public
def mitid_start() -> Response:
    """Send the citizen to the MitID broker."""
    if not oidc.is_configured():
        abort(404)
    try:
        return oidc.authorize_redirect(url_for("auth.mitid_callback", _external=True))
    except oidc.BrokerUnavailable:
        current_app.logger.warning("MitID broker unavailable", exc_info=True)
        flash(
            _(
                "Log-in with MitID is not available at the moment. "
                "Please try again later."
            ),
            "error",
        )
        return redirect(url_for("auth.login"))


@bp.get("/log-ind/mitid/retur")
@public
def mitid_callback() -> str | Response:
    """The broker sends the citizen back here with a code; log them in."""
    if not oidc.is_configured():
        abort(404)
    try:
        subject = oidc.verified_subject()
    except oidc.LoginFailed as exc:
        current_app.logger.warning("MitID log-in failed: %s", exc)
        flash(
            _("The log-in with MitID was cancelled or failed. Please try again."),
            "error",
        )
        return redirect(url_for("auth.login"))
    user = services.citizen_user_for_subject(get_session(), subject)
    if user is None:
        return render_template("auth/not_registered.html"), 403
    return _begin_session(user)


@bp.get("/virksomhed/log-ind/mitid-erhverv")
@public
def mitid_erhverv_start() -> Response:
    """Send a company's staff member to the MitID Erhverv broker."""
    if not oidc.is_configured("mitid_erhverv"):
        abort(404)
    try:
        return oidc.authorize_redirect(
            url_for("auth.mitid_erhverv_callback", _external=True), "mitid_erhverv"
        )
    except oidc.BrokerUnavailable:
        current_app.logger.warning("MitID Erhverv broker unavailable", exc_info=True)
        flash(_("Log-in with MitID Erhverv is not available at the moment."), "error")
        return redirect(url_for("auth.staff_login"))


@bp.get("/virksomhed/log-ind/mitid-erhverv/retur")
@public
def mitid_erhverv_callback() -> str | Response:
    """The broker sends the staff member back with a code; log in the company user
    whose MitID Erhverv identity it is."""
    if not oidc.is_configured("mitid_erhverv"):
        abort(404)
    try:
        subject = oidc.verified_subject("mitid_erhverv")
    except oidc.LoginFailed as exc:
        current_app.logger.warning("MitID Erhverv log-in failed: %s", exc)
        flash(
            _("The log-in with MitID Erhverv was cancelled or failed. Try again."),
            "error",
        )
        return redirect(url_for("auth.staff_login"))
    user = services.employer_user_for_subject(get_session(), subject)
    if user is None:
        flash(
            _(
                "No company user is linked to this MitID Erhverv identity. "
                "Log in with e-mail and password."
            ),
            "error",
        )
        return redirect(url_for("auth.staff_login"))
    return _begin_session(user)


@bp.route("/log-ind/demo-mitid", methods=["GET", "POST"])
@public
def demo_mitid() -> str | Response:
    """Development only: pick a synthetic citizen to log in as."""
    if not current_app.config["DEMO_LOGIN_ENABLED"]:
        abort(404)
    form = DemoLoginForm()
    if form.validate_on_submit():
        user = services.demo_citizen_user(get_session(), form.user_id.data)
        if user is not None:
            return _begin_session(user)
        form.user_id.errors.append(_("Choose a demo citizen from the list."))
    page = services.list_demo_citizens(
        get_session(), page_number(request.args.get("page"))
    )
    return render_template("auth/demo_mitid.html", form=form, page=page)


@bp.post("/log-ud")
@public
def logout() -> Response:
    """End the session."""
    lang = session.get("lang")
    if current_user.is_authenticated:
        services.end_sessions(get_session(), current_user.id)
    logout_user()
    session.clear()
    if lang:
        session["lang"] = lang
    flash(_("You are logged out."), "success")
    return redirect(url_for("portal.index"))
