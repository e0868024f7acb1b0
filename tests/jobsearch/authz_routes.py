"""The authorization matrix's routes of the job-search log, the plan, the contact pages
and the cards of Min side."""

from __future__ import annotations

from typing import Any

from app.models import Role
from tests.route_cases import RouteCase, World


def _jobsearch_row(model: str, path: str) -> Any:
    """A URL to a job-search log entry or plan item of another citizen."""

    def build(world: World) -> str:
        from datetime import UTC, date, datetime

        from sqlalchemy.orm import object_session

        from app.models.jobsearch import (
            JobLogEntry,
            LogKind,
            LogStatus,
            PlanItem,
            PlanKind,
        )

        other = world.citizens["same_municipality"]
        session = object_session(other)
        assert session is not None
        row: Any
        if model == "joblog":
            row = JobLogEntry(
                citizen_id=other.id,
                kind=LogKind.APPLICATION,
                title="Lagermedarbejder",
                on_date=date.today(),
                status=LogStatus.SENT,
                created_at=datetime.now(UTC),
            )
        else:
            row = PlanItem(
                citizen_id=other.id,
                kind=PlanKind.GOAL,
                text="Et mål",
                author_role="citizen",
                created_at=datetime.now(UTC),
            )
        session.add(row)
        session.flush()
        return path.format(id=row.id)

    return build


def jobsearch_cases() -> list[RouteCase]:
    """Joblog, Min plan, asking for a person and the cards of Min side."""
    citizen = frozenset({Role.CITIZEN})
    cases = [
        RouteCase("jobsearch.joblog", allowed=citizen),
        RouteCase("jobsearch.joblog_new", allowed=citizen),
        RouteCase("jobsearch.joblog_new", method="POST", allowed=citizen),
        RouteCase("jobsearch.plan", allowed=citizen),
        RouteCase("jobsearch.plan_new", allowed=citizen),
        RouteCase("jobsearch.plan_new", method="POST", allowed=citizen),
        RouteCase("dialogue.contact"),
        RouteCase("dialogue.contact_send", method="POST", allowed=citizen),
        RouteCase("dialogue.contact_sent", allowed=citizen),
        RouteCase("dialogue.contact_cancel", allowed=citizen),
        RouteCase("dialogue.contact_cancel", method="POST", allowed=citizen),
        RouteCase(
            "portal.dashboard_card",
            allowed=citizen,
            url=lambda world: "/min-side/kort/joblog",
        ),
    ]
    rows = [
        ("joblog_edit", "joblog", "/joblog/{id}/ret", ("GET", "POST")),
        ("joblog_delete", "joblog", "/joblog/{id}/slet", ("GET", "POST")),
        ("plan_edit", "plan", "/min-plan/{id}/ret", ("GET", "POST")),
        ("plan_delete", "plan", "/min-plan/{id}/slet", ("GET", "POST")),
        ("plan_done", "plan", "/min-plan/{id}/udfoert", ("POST",)),
    ]
    for endpoint, model, path, methods in rows:
        for method in methods:
            cases.append(
                RouteCase(
                    f"jobsearch.{endpoint}",
                    method=method,
                    allowed=citizen,
                    url=lambda world, p=path: p.format(id=999999999),
                    foreign={Role.CITIZEN: _jobsearch_row(model, path)},
                )
            )
    return cases
