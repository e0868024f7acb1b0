"""The background jobs of every area, by name (each fn(session, **arguments))."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.jobs import alerts
from app.segmentation import screening
from app.tasks import job


@job("screen")
def screen_everyone(session: Session) -> str:
    """The nightly re-screening of every citizen."""
    summary = screening.rescreen_all(session, after_range=session.commit)
    return f"{summary.citizens} citizens screened"


@job("job_alerts")
def run_job_alerts(session: Session) -> str:
    """The daily job alerts."""
    run = alerts.run_all(session)
    return f"{run.alerts} job alerts run"
