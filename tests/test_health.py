"""/healthz: what the load balancer (and the benchmark) asks before sending requests."""

from __future__ import annotations

from pathlib import Path

import requests

from app.jobs import matching
from tests.servers import gunicorn, own_database


def test_not_ready_until_the_match_index_is_loaded(app, db, client) -> None:
    matching.invalidate_match_index()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json == {
        "status": "unavailable",
        "database": "ok",
        "migrations": "head",
        "index": "not loaded",
    }
    with app.app_context():
        matching.warm_up(db)
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json["status"] == "ok"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers, "no session for a health check"


def test_gunicorn_with_the_deployment_settings_is_ready_before_any_page(
    database_url: str, tmp_path: Path
) -> None:
    """gunicorn.conf.py builds the index before the workers start: the very first
    request, a health check, finds every worker ready."""
    with (
        own_database(database_url, tmp_path, "health") as url,
        gunicorn(url, tmp_path, workers=2) as base,
    ):
        answers = {requests.get(base + "/healthz", timeout=10).json()["index"]}
        for _ in range(7):
            answers.add(requests.get(base + "/healthz", timeout=10).json()["index"])
    assert answers == {"loaded"}
    assert "Match index ready" in (tmp_path / "gunicorn.log").read_text()
