"""One URL, two renderings: the partial for htmx, the full page otherwise."""

from __future__ import annotations

import pytest
from flask import Flask

from app.htmx import render_page_or_partial


@pytest.fixture(scope="module")
def htmx_app(make_app) -> Flask:
    return make_app()


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, "page"),
        ({"HX-Request": "true"}, "partial"),
        ({"HX-Request": "true", "HX-History-Restore-Request": "true"}, "page"),
    ],
    ids=["plain", "htmx", "history-restore"],
)
def test_page_or_partial(htmx_app: Flask, headers, expected) -> None:
    with htmx_app.test_request_context("/", headers=headers):
        response = render_page_or_partial(
            "errors/error.html",
            "components/forms.html",
            heading="H",
            text="T",
            code=404,
        )
    body = response.get_data(as_text=True)
    assert ("<html" in body) is (expected == "page")
    assert "HX-Request" in response.headers["Vary"]
