"""Counting the SQL statements a page runs, for the tests that keep pages bounded."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

# The citizen's pages whose statements are counted (and which are kept, app.page_cache).
CITIZEN_PAGES = [
    "/min-side",
    "/job-til-dig",
    "/mine-data",
    "/din-vej",
    "/mit-cv",
    "/joblog",
]


def statements_of(
    app: Flask, client: FlaskClient, path: str, *, kept: bool = False
) -> int:
    """The statements one GET of path runs once its caches are warm and its stored
    results fresh (the first GET warms them and is not counted): drawing the page,
    or with `kept` serving the page kept from the first GET (app.page_cache)."""
    store = app.extensions.pop("page_cache", None) if not kept else None
    try:
        assert client.get(path).status_code == 200
        engine = app.extensions["db_engine"]
        seen: list[str] = []

        def count(*args: Any, **_kwargs: Any) -> None:
            seen.append(args[2])

        event.listen(engine, "before_cursor_execute", count)
        try:
            response = client.get(path)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        assert response.status_code == 200
        return len(seen)
    finally:
        if store is not None:
            app.extensions["page_cache"] = store
