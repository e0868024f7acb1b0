"""The authorization matrix's routes of the public job search, the posting, saved jobs
and job alerts."""

from __future__ import annotations

from typing import Any

from app.models import Role
from tests.route_cases import RouteCase, World


def _session(world: World) -> Any:
    from sqlalchemy.orm import object_session

    session = object_session(world.citizens["same_municipality"])
    assert session is not None
    return session


def _posting_url(path: str) -> Any:
    """A URL to a fresh current posting (postings are public data)."""

    def build(world: World) -> str:
        from tests.data import make_posting

        posting = make_posting(
            _session(world),
            occupation=None,
            essential=(),
            apply_url="https://firma.example.dk/job",
        )
        return path.format(id=posting.id)

    return build


def _alert_url(path: str, signed: bool = False) -> Any:
    """A URL to another citizen's job alert (or its secret stop link)."""

    def build(world: World) -> str:
        from datetime import UTC, datetime

        from app.models import JobAlert

        session = _session(world)
        alert = JobAlert(
            citizen_id=world.citizens["same_municipality"].id,
            name="Sygeplejerske",
            query="q=sygeplejerske",
            created_at=datetime.now(UTC),
            last_posting_id=0,
            unsubscribe_token=f"test-token-{datetime.now(UTC).timestamp()}",
        )
        session.add(alert)
        session.flush()
        return path.format(id=alert.unsubscribe_token if signed else alert.id)

    return build


def jobs_cases() -> list[RouteCase]:
    """Search and postings are public; saving, logging and alerts are the citizen's own."""
    citizen = frozenset({Role.CITIZEN})
    return [
        RouteCase("jobs.search_jobs"),
        RouteCase("jobs.posting", url=_posting_url("/job/{id}")),
        RouteCase("jobs.apply", url=_posting_url("/job/{id}/soeg")),
        RouteCase(
            "jobs.save",
            method="POST",
            allowed=citizen,
            url=_posting_url("/job/{id}/gem"),
        ),
        RouteCase(
            "jobs.unsave",
            method="POST",
            allowed=citizen,
            url=_posting_url("/job/{id}/fjern"),
        ),
        RouteCase(
            "jobs.log_application",
            method="POST",
            allowed=citizen,
            url=_posting_url("/job/{id}/joblog"),
        ),
        RouteCase("jobs.saved", allowed=citizen),
        RouteCase("jobs.alerts", allowed=citizen),
        RouteCase(
            "jobs.alert_create",
            method="POST",
            allowed=citizen,
            data={"name": "Sygeplejerske", "query": "q=sygeplejerske"},
        ),
        RouteCase(
            "jobs.alert_delete",
            method="POST",
            allowed=citizen,
            url=lambda world: "/jobagenter/999999999/stop",
            foreign={Role.CITIZEN: _alert_url("/jobagenter/{id}/stop")},
        ),
        RouteCase(
            "jobs.alert_unsubscribe",
            url=_alert_url("/jobagenter/afmeld/{id}", signed=True),
        ),
        RouteCase(
            "jobs.alert_unsubscribe",
            method="POST",
            url=_alert_url("/jobagenter/afmeld/{id}", signed=True),
        ),
    ]
