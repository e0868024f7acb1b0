"""The authorization matrix's routes of the caseworker's workspace."""

from __future__ import annotations

from typing import Any

from app.models import Role
from tests.route_cases import RouteCase, World


def _queued_case(world: World) -> int:
    """Put the other municipality's citizen in its queue (so only scoping can refuse)."""
    from datetime import UTC, datetime

    from sqlalchemy import select
    from sqlalchemy.orm import object_session

    from app.models import Case, CaseStatus, RouteReason

    other = world.citizens["other_municipality"]
    session = object_session(other)
    assert session is not None
    if session.scalar(select(Case.id).where(Case.citizen_id == other.id)) is None:
        session.add(
            Case(
                citizen_id=other.id,
                municipality_id=other.municipality_id,
                status=CaseStatus.QUEUED,
                queue_reason=RouteReason.ASKED_FOR_PERSON,
                priority=1.0,
                language="da",
                queued_at=datetime.now(UTC),
                version=0,
            )
        )
        session.flush()
    return other.id


def casework_cases() -> list[RouteCase]:
    """The caseworker's workspace: the queue and one citizen's case.

    Every case URL names a citizen: a caseworker of another municipality gets 404,
    also for a citizen who is waiting in that other queue.
    """
    caseworker = frozenset({Role.CASEWORKER})
    base = "/sagsbehandler/borger/{id}"
    routes: list[tuple[str, str, str, dict[str, Any]]] = [
        ("casework.case", "GET", "", {}),
        ("casework.claim", "POST", "/tag", {}),
        ("casework.release", "POST", "/frigiv", {}),
        ("casework.add_note", "POST", "/notat", {"note": "Hej"}),
        ("casework.add_plan_item", "POST", "/plan", {"kind": "goal", "text": "Job"}),
        ("casework.agree_plan_item", "POST", "/plan/999999999/aftalt", {}),
        ("casework.override", "GET", "/skift-spor", {}),
        (
            "casework.override",
            "POST",
            "/skift-spor",
            {"to_track": "self_service", "reason_code": "health", "note": "x"},
        ),
        ("casework.close", "GET", "/luk", {}),
        ("casework.close", "POST", "/luk", {"note": "Lukket"}),
        # Decision support's actions on the case (app/advisor).
        ("casework.set_target_group", "POST", "/maalgruppe", {"group": "job_ready"}),
        ("casework.record_decision", "POST", "/indsats", {"agreed": "mentor"}),
    ]
    cases = [
        RouteCase("casework.queue", allowed=caseworker),
        RouteCase("casework.queue_counts", allowed=caseworker),
        RouteCase("casework.claim_next", method="POST", allowed=caseworker),
        RouteCase("casework.override_rates", allowed=frozenset({Role.ADMIN})),
        RouteCase("advisor.rates", allowed=frozenset({Role.ADMIN})),
    ]
    for endpoint, method, suffix, data in routes:
        cases.append(
            RouteCase(
                endpoint,
                method=method,
                allowed=caseworker,
                data=data,
                url=lambda world, s=suffix: (base + s).format(
                    id=world.citizens["same_municipality"].id
                ),
                foreign={
                    Role.CASEWORKER: lambda world, s=suffix: (base + s).format(
                        id=_queued_case(world)
                    )
                },
            )
        )
    return cases
