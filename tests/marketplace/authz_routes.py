"""The authorization matrix's routes of the marketplace.

A provider reaches only its own offerings and participants (another provider's: 404);
a citizen only their own enrolments; a caseworker only requests of their municipality.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import object_session

from app.models import Enrolment, EnrolmentState, Offering, Review, Role
from tests.marketplace.objects import (
    add_access_link,
    add_enrolment,
    add_offering,
    add_review,
)
from tests.route_cases import RouteCase, World


def objects(world: World) -> dict[str, int]:
    """The world's marketplace: each provider's offering, enrolments and a review
    (made once per world; found again by their titles)."""
    own = world.users[Role.PROVIDER]
    other = world.users["other_provider"]
    session = object_session(own)
    assert session is not None
    found = session.scalar(
        select(Offering).where(
            Offering.provider_id == own.provider_id, Offering.title == "Matrixkursus"
        )
    )
    citizen = world.users[Role.CITIZEN].citizen
    neighbour = world.citizens["same_municipality"]
    stranger = world.citizens["other_municipality"]
    if found is None:
        mine = add_offering(session, own.provider_id, title="Matrixkursus")
        theirs = add_offering(session, other.provider_id, title="Andet matrixkursus")
        add_enrolment(session, mine, citizen.id)
        add_enrolment(session, theirs, neighbour.id)
        ended = add_enrolment(session, mine, citizen.id, state=EnrolmentState.FINISHED)
        add_review(session, ended)
        add_enrolment(
            session,
            mine,
            neighbour.id,
            state=EnrolmentState.REQUESTED,
            started_at=None,
        )
        add_enrolment(
            session, mine, stranger.id, state=EnrolmentState.REQUESTED, started_at=None
        )
        found = mine
    theirs_id = session.scalar(
        select(Offering.id).where(Offering.title == "Andet matrixkursus")
    )

    def enrolment(citizen_id: int, offering_id: int, state: EnrolmentState) -> int:
        return session.scalar(
            select(Enrolment.id).where(
                Enrolment.citizen_id == citizen_id,
                Enrolment.offering_id == offering_id,
                Enrolment.state == state,
            )
        )

    active = EnrolmentState.ACTIVE
    return {
        "offering": found.id,
        "other_offering": theirs_id,
        "own_active": enrolment(citizen.id, found.id, active),
        "own_finished": enrolment(citizen.id, found.id, EnrolmentState.FINISHED),
        "other_providers_active": enrolment(neighbour.id, theirs_id, active),
        "request": enrolment(neighbour.id, found.id, EnrolmentState.REQUESTED),
        "other_request": enrolment(stranger.id, found.id, EnrolmentState.REQUESTED),
        "review": session.scalar(select(Review.id).order_by(Review.id.desc())),
    }


OFFERING_FORM = {
    "title": "Nyt kursus",
    "kind": "course",
    "format": "online",
    "duration_weeks": "4",
    "schedule": "Mandage",
    "languages": "da",
    "capacity": "20",
    "waiting_weeks": "0",
    "payment": "free",
    "description": "Om kurset",
}


def _access_link(world: World) -> str:
    """A fresh one-time set-password link of the world's provider user."""
    return f"/udbyder/adgangskode/{add_access_link(world.users[Role.PROVIDER])}"


def _url(pattern: str, key: str) -> Any:
    return lambda world: pattern.format(objects(world)[key])


def marketplace_cases() -> list[RouteCase]:
    citizen = frozenset({Role.CITIZEN})
    provider = frozenset({Role.PROVIDER})
    caseworker = frozenset({Role.CASEWORKER})
    admin = frozenset({Role.ADMIN})
    cases = [
        RouteCase("marketplace.catalogue", allowed=citizen),
        RouteCase("marketplace.my_services", allowed=citizen),
        RouteCase("marketplace.apply"),
        RouteCase(
            "marketplace.apply",
            method="POST",
            data={"name": "X", "cvr": "12345678"},
        ),
        # The one-time link is the key: public (the two passwords differ, so the
        # POST shows the form's error and leaves the link unused).
        RouteCase("marketplace.set_password", url=_access_link),
        RouteCase(
            "marketplace.set_password",
            method="POST",
            url=_access_link,
            data={"password": "lang-nok-adgangskode", "repeat": "et-andet-ord"},
        ),
        RouteCase("marketplace.provider_home", allowed=provider),
        RouteCase("marketplace.new_offering", allowed=provider),
        RouteCase(
            "marketplace.new_offering",
            method="POST",
            allowed=provider,
            data=OFFERING_FORM,
        ),
        RouteCase("marketplace.participants", allowed=provider),
        RouteCase("marketplace.service_requests", allowed=caseworker),
        RouteCase("marketplace.admin_providers", allowed=admin),
        RouteCase("marketplace.admin_providers_csv", allowed=admin),
    ]
    by_object: list[
        tuple[str, str, str, str, frozenset[Role], dict[str, Any], dict]
    ] = [
        # endpoint, method, URL, object, roles, data, {role: foreign object}
        ("marketplace.offering", "GET", "/tilbud/{}", "offering", citizen, {}, {}),
        ("marketplace.choose", "GET", "/tilbud/{}/vaelg", "offering", citizen, {}, {}),
        ("marketplace.choose", "POST", "/tilbud/{}/vaelg", "offering", citizen, {}, {}),
        (
            "marketplace.leave",
            "GET",
            "/mine-tilbud/{}/fravaelg",
            "own_active",
            citizen,
            {},
            {Role.CITIZEN: "other_providers_active"},
        ),
        (
            "marketplace.leave",
            "POST",
            "/mine-tilbud/{}/fravaelg",
            "own_active",
            citizen,
            {"reason": ""},
            {Role.CITIZEN: "other_providers_active"},
        ),
        (
            "marketplace.write_review",
            "GET",
            "/mine-tilbud/{}/anmeldelse",
            "own_finished",
            citizen,
            {},
            {Role.CITIZEN: "other_providers_active"},
        ),
        (
            "marketplace.write_review",
            "POST",
            "/mine-tilbud/{}/anmeldelse",
            "own_finished",
            citizen,
            {"rating": "5", "text": "Fint"},
            {Role.CITIZEN: "other_providers_active"},
        ),
        (
            "marketplace.report_review",
            "GET",
            "/tilbud/anmeldelser/{}/anmeld",
            "review",
            frozenset({Role.CITIZEN, Role.PROVIDER}),
            {},
            {},
        ),
        (
            "marketplace.report_review",
            "POST",
            "/tilbud/anmeldelser/{}/anmeld",
            "review",
            frozenset({Role.CITIZEN, Role.PROVIDER}),
            {"reason": "Navngiver en person"},
            {},
        ),
        (
            "marketplace.edit_offering",
            "GET",
            "/udbyder/tilbud/{}/ret",
            "offering",
            provider,
            {},
            {Role.PROVIDER: "other_offering"},
        ),
        (
            "marketplace.edit_offering",
            "POST",
            "/udbyder/tilbud/{}/ret",
            "offering",
            provider,
            OFFERING_FORM,
            {Role.PROVIDER: "other_offering"},
        ),
        (
            "marketplace.submit_offering",
            "GET",
            "/udbyder/tilbud/{}/indsend",
            "offering",
            provider,
            {},
            {Role.PROVIDER: "other_offering"},
        ),
        (
            "marketplace.submit_offering",
            "POST",
            "/udbyder/tilbud/{}/indsend",
            "offering",
            provider,
            {},
            {Role.PROVIDER: "other_offering"},
        ),
        (
            "marketplace.unpublish_offering",
            "GET",
            "/udbyder/tilbud/{}/afpubliser",
            "offering",
            provider,
            {},
            {Role.PROVIDER: "other_offering"},
        ),
        (
            "marketplace.unpublish_offering",
            "POST",
            "/udbyder/tilbud/{}/afpubliser",
            "offering",
            provider,
            {"reason": "Holdet er fuldt"},
            {Role.PROVIDER: "other_offering"},
        ),
        (
            "marketplace.participant",
            "GET",
            "/udbyder/deltagere/{}",
            "own_active",
            provider,
            {},
            {Role.PROVIDER: "other_providers_active"},
        ),
        (
            "marketplace.report",
            "POST",
            "/udbyder/deltagere/{}/rapport",
            "own_active",
            provider,
            {"attendance": "80"},
            {Role.PROVIDER: "other_providers_active"},
        ),
        (
            "marketplace.message",
            "POST",
            "/udbyder/deltagere/{}/besked",
            "own_active",
            provider,
            {"message-body": "Husk mødet på tirsdag."},
            {Role.PROVIDER: "other_providers_active"},
        ),
        (
            "marketplace.decide_request",
            "GET",
            "/sagsbehandler/tilbudsanmodninger/{}",
            "request",
            caseworker,
            {},
            {Role.CASEWORKER: "other_request"},
        ),
        (
            "marketplace.decide_request",
            "POST",
            "/sagsbehandler/tilbudsanmodninger/{}",
            "request",
            caseworker,
            {"decision": "approve", "reason": "Passer til planen"},
            {Role.CASEWORKER: "other_request"},
        ),
        (
            "marketplace.admin_provider",
            "GET",
            "/administration/udbydere/{}",
            "offering",
            admin,
            {},
            {},
        ),
        (
            "marketplace.admin_offering",
            "GET",
            "/administration/tilbud/{}",
            "offering",
            admin,
            {},
            {},
        ),
        (
            "marketplace.admin_offering",
            "POST",
            "/administration/tilbud/{}",
            "offering",
            admin,
            {"action": "unpublish", "unpublish-reason": "Forældet"},
            {},
        ),
        (
            "marketplace.moderate_review",
            "GET",
            "/administration/anmeldelser/{}",
            "review",
            admin,
            {},
            {},
        ),
        (
            "marketplace.moderate_review",
            "POST",
            "/administration/anmeldelser/{}",
            "review",
            admin,
            {"decision": "hide", "reason": "Navngiver en person"},
            {},
        ),
    ]
    for endpoint, method, pattern, key, roles, data, foreign in by_object:
        cases.append(
            RouteCase(
                endpoint,
                method=method,
                allowed=roles,
                data=data,
                url=_url(pattern, key),
                foreign={
                    role: _url(pattern, other_key)
                    for role, other_key in foreign.items()
                },
            )
        )
    cases.append(
        RouteCase(
            "marketplace.admin_provider",
            method="POST",
            allowed=admin,
            data={"decision": "suspended", "reason": "Klager"},
            url=lambda world: "/administration/udbydere/{}".format(
                world.users["other_provider"].provider_id
            ),
        )
    )
    cases.append(
        RouteCase(
            "marketplace.admin_provider_link",
            method="POST",
            allowed=admin,
            url=lambda world: "/administration/udbydere/{}/adgangslink".format(
                world.users["other_provider"].provider_id
            ),
        )
    )
    return cases
