"""Friendly translated error pages; never a stack trace."""

from __future__ import annotations

import pytest
from flask import abort

from tests.pages import check_full_page


@pytest.fixture(scope="module")
def failing_app(make_app):
    app = make_app(TESTING=False, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom/<int:code>")
    def boom(code: int) -> str:
        if code == 500:
            raise RuntimeError("secret internals")
        abort(code)

    return app


@pytest.mark.parametrize(
    ("code", "danish", "english"),
    [
        (
            400,
            "Forespørgslen kunne ikke forstås",
            "The request could not be understood",
        ),
        (
            403,
            "Du har ikke adgang til denne side",
            "You do not have access to this page",
        ),
        (404, "Siden findes ikke", "Page not found"),
        (429, "For mange forsøg", "Too many attempts"),
        (500, "Beklager, der gik noget galt", "Sorry, something went wrong"),
    ],
)
def test_error_pages_are_friendly_and_translated(
    failing_app, code, danish, english
) -> None:
    client = failing_app.test_client()
    response = client.get(f"/boom/{code}")
    assert response.status_code == code
    html = response.get_data(as_text=True)
    page = check_full_page(html)
    assert page.h1.get_text(strip=True) == danish
    assert "Traceback" not in html and "secret internals" not in html
    with client.session_transaction() as session:
        session["lang"] = "en"
    assert english in client.get(f"/boom/{code}").get_data(as_text=True)
