"""/healthz: what the load balancer (and the benchmark) asks before sending requests."""

from __future__ import annotations

from app.jobs import matching


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
