"""The citizen's consents (one step each, with receipts) and objection to profiling."""

from __future__ import annotations

import json

from flask import (
    Response,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from app.consent.forms import (
    HOW_TO_WITHDRAW,
    PURPOSE_EXPLANATIONS,
    WITH_WHOM,
    ConsentForm,
    ObjectionForm,
)
from app.consent.services.consents import (
    ConsentError,
    consent_overview,
    give_consent,
    object_to_profiling,
    objection_state,
    own_receipt,
    withdraw_consent,
    withdraw_objection,
)
from app.consent.views import bp
from app.db import get_session
from app.forms import ConfirmForm
from app.htmx import render_page_or_partial, wants_partial
from app.i18n import current_lang, format_iso, format_when
from app.labels import CONSENT_PURPOSE_LABELS
from app.models import ConsentPurpose, Role
from app.security import current_actor, current_citizen_id, role_required


def _consent_context() -> dict:
    overview = consent_overview(get_session(), current_citizen_id())
    return {
        "overview": overview,
        "form": ConsentForm(),
        "titles": CONSENT_PURPOSE_LABELS,
        "explanations": PURPOSE_EXPLANATIONS,
        "with_whom": WITH_WHOM,
        "provider_purpose": ConsentPurpose.SHARE_WITH_PROVIDER,
    }


@bp.get("/mine-data/samtykker")
@role_required(Role.CITIZEN)
def consents() -> Response:
    """Each optional use of my data: given or not, since when, and my receipts."""
    return render_page_or_partial(
        "consent/consents.html", "consent/partials/consents.html", **_consent_context()
    )


@bp.post("/mine-data/samtykker")
@role_required(Role.CITIZEN)
def consent_change() -> BaseResponse:
    """Give or withdraw one consent in one step; in effect from the next request."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = ConsentForm()
    if form.validate_on_submit():
        change = give_consent if form.action.data == "give" else withdraw_consent
        try:
            event = change(
                session,
                citizen_id,
                ConsentPurpose(form.purpose.data),
                actor=current_actor(),
                provider_id=form.provider_id,
            )
        except ConsentError:
            flash(_("Choose a provider from the list."), "error")
        else:
            message = (
                _("Your consent is given. Receipt: %(code)s", code=event.receipt_code)
                if event.given
                else _(
                    "Your consent is withdrawn. Receipt: %(code)s",
                    code=event.receipt_code,
                )
            )
            flash(message, "success")
    else:
        flash(_("Your choice could not be saved. Try again."), "error")
    if wants_partial():
        return render_page_or_partial(
            "consent/consents.html",
            "consent/partials/consents.html",
            **_consent_context(),
        )
    return redirect(url_for("consent.consents"))


@bp.get("/mine-data/samtykker/kvitteringer/<int:event_id>")
@role_required(Role.CITIZEN)
def consent_receipt(event_id: int) -> Response:
    """One receipt as a JSON file: what, with whom, since when, how to withdraw."""
    found = own_receipt(get_session(), current_citizen_id(), event_id)
    if found is None:
        abort(404)
    event, provider_name = found
    with_whom = provider_name or str(WITH_WHOM.get(event.purpose, ""))
    document = {
        "receipt_code": event.receipt_code,
        "what": str(CONSENT_PURPOSE_LABELS[event.purpose]),
        "purpose": event.purpose.value,
        "decision": "given" if event.given else "withdrawn",
        "decision_text": _("Consent given") if event.given else _("Consent withdrawn"),
        "with_whom": with_whom,
        "since": format_iso(event.at),
        "since_text": format_when(event.at, current_lang()),
        "how_to_withdraw": str(HOW_TO_WITHDRAW),
    }
    response = make_response(json.dumps(document, ensure_ascii=False, indent=2))
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="samtykke-{event.receipt_code}.json"'
    )
    return response


# --- objection to profiling -----------------------------------------------------------


@bp.route("/mine-data/indsigelse", methods=["GET", "POST"])
@role_required(Role.CITIZEN)
def objection() -> str | BaseResponse:
    """Object to profiling: no score is computed for me and a person assesses me."""
    session = get_session()
    citizen_id = current_citizen_id()
    form = ObjectionForm()
    if form.validate_on_submit():
        object_to_profiling(
            session, citizen_id, actor=current_actor(), reason=form.reason.data
        )
        flash(
            _(
                "Your objection is registered. No profile is computed for you, and a "
                "caseworker will assess your situation."
            ),
            "success",
        )
        return redirect(url_for("consent.objection"))
    return render_template(
        "consent/objection.html",
        form=form,
        withdraw_form=ConfirmForm(),
        state=objection_state(session, citizen_id),
    )


@bp.post("/mine-data/indsigelse/tilbagekald")
@role_required(Role.CITIZEN)
def objection_withdraw() -> BaseResponse:
    """Withdraw the objection to profiling."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    session = get_session()
    withdraw_objection(session, current_citizen_id(), actor=current_actor())
    flash(_("Your objection is withdrawn."), "success")
    return redirect(url_for("consent.objection"))
