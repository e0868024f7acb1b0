"""The daily run of the job alerts: each alert's query string is read by the same form
/job reads it with, so an alert finds what its link shows (a query that is no longer
valid, e.g. an occupation without current postings, finds nothing that day)."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from app.jobs import search, services
from app.jobs.search_forms import JobSearchForm
from app.models import JobAlert


def parsed_search(
    query: str, occupations: list[tuple[str, str]]
) -> search.JobSearch | None:
    """The search an alert's query string describes, or None if it is not valid now."""
    form = JobSearchForm(MultiDict(parse_qsl(query[:2000])), occupations, "da")
    return form.search() if form.validate() else None


def run_all(session: Session, today: date | None = None) -> services.AlertRun:
    """Collect the new postings of every alert into its citizen's notifications."""
    occupations = search.occupation_choices(session, lambda uri: uri, today)
    searches = {}
    for alert_id, query in session.execute(select(JobAlert.id, JobAlert.query)):
        parsed = parsed_search(query, occupations)
        if parsed is not None:
            searches[alert_id] = parsed
    return services.run_alerts(session, searches, today)
