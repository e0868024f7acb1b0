"""Friendly translated error pages; never a stack trace."""

from __future__ import annotations

import contextlib

import pytest
from flask import abort
from flask_login import current_user, login_user
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import get_session
from app.models import Municipality, Role, User
from app.security import start_session
from tests.pages import check_full_page


@pytest.fixture(scope="module")
def failing_app(make_app):
    app = make_app(TESTING=False, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom/<int:code>")
    def boom(code: int) -> str:
        if code == 500:
            raise RuntimeError("secret internals")
        abort(code)

    @app.get("/boom/log-in/<int:user_id>")
    def log_in_as(user_id: int) -> str:
        login_user(get_session().get(User, user_id))
        start_session()
        return "logged in"

    @app.get("/boom/failed-transaction")
    def failed_transaction() -> str:
        # As when SQLite answered "database is locked" while a log-in was recorded:
        # a change to the user and a flush that fails, which expires the user and
        # leaves the transaction to be rolled back.
        session = get_session()
        current_user.display_name = "Changed"
        session.add(Municipality(code=101, name="Twice"))  # refused by the database
        with contextlib.suppress(IntegrityError):
            session.flush()
        raise RuntimeError("after a failed flush")

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


@pytest.fixture
def committed_caseworker(failing_app):
    """A caseworker committed to the database (the failing app's requests are real)."""
    engine = failing_app.extensions["db_engine"]
    with Session(engine, expire_on_commit=False) as session:
        municipality = session.scalars(
            select(Municipality).where(Municipality.code == 101)
        ).one()
        user = User(
            role=Role.CASEWORKER,
            display_name="Fejl Prøve",
            email="error-page@test.jobunivers.dk",
            municipality_id=municipality.id,
            locale="en",
        )
        session.add(user)
        session.commit()
    yield user
    with Session(engine) as session:
        session.execute(delete(User).where(User.id == user.id))
        session.commit()


def test_a_failed_transaction_still_gets_the_translated_error_page(
    failing_app, committed_caseworker
) -> None:
    # The request's transaction has failed; the error page must not read through it
    # (the user, the account's language) to be drawn, and takes the language from
    # the session or, as here, the browser.
    client = failing_app.test_client()
    assert client.get(f"/boom/log-in/{committed_caseworker.id}").status_code == 200
    response = client.get(
        "/boom/failed-transaction", headers={"Accept-Language": "en-GB,en;q=0.8"}
    )
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    page = check_full_page(html)
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True) == "Sorry, something went wrong"
    assert "Fejl Prøve" not in html  # drawn as for a visitor, without the database


def test_the_language_comes_from_the_browser_when_none_was_chosen(failing_app) -> None:
    client = failing_app.test_client()
    english = client.get("/boom/404", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "Page not found" in english.get_data(as_text=True)
    danish = client.get("/boom/404", headers={"Accept-Language": "fr, de"})
    assert "Siden findes ikke" in danish.get_data(as_text=True)
