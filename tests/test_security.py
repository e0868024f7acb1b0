"""Security headers, cookies, CSRF on every state change (htmx included)."""

from __future__ import annotations

import pytest

from app import create_app
from app.config import ConfigError, read_environment
from tests.pages import csrf_token


def test_security_headers_on_every_page(client) -> None:
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe" not in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_htmx_is_configured_for_a_strict_csp(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert '"allowEval": false' in html
    assert '"includeIndicatorStyles": false' in html
    assert '"allowScriptTags": false' in html
    assert "<script>" not in html and " style=" not in html
    assert "cdn" not in html.lower()


def test_session_cookie_is_httponly_and_samesite(
    client, make_caseworker, login_with_form
) -> None:
    response = login_with_form(make_caseworker())
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


PRODUCTION = {
    "ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret",
    "DEMO_LOGIN_ENABLED": False,
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_production_cookies_are_secure(database_url) -> None:
    app = create_app({**PRODUCTION, "DATABASE_URL": database_url})
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_production_tells_browsers_to_keep_to_https(database_url) -> None:
    app = create_app({**PRODUCTION, "DATABASE_URL": database_url})
    response = app.test_client().get("/")
    max_age = response.headers["Strict-Transport-Security"].split(";")[0]
    assert int(max_age.removeprefix("max-age=")) >= 365 * 24 * 3600


def test_refuses_production_without_a_shared_store_for_the_limits() -> None:
    with pytest.raises(ConfigError, match="REDIS_URL"):
        create_app({**PRODUCTION, "REDIS_URL": ""})


def test_a_form_token_expires_with_the_longest_session(app) -> None:
    hours = app.config["ABSOLUTE_TIMEOUT_HOURS"]
    assert app.config["WTF_CSRF_TIME_LIMIT"] == hours * 3600


def test_post_without_csrf_token_is_refused(client) -> None:
    response = client.post(
        "/log-ind/medarbejder", data={"email": "a@b.dk", "password": "x"}
    )
    assert response.status_code == 400
    assert "Forespørgslen kunne ikke forstås" in response.get_data(as_text=True)


def test_htmx_requests_carry_the_token_in_a_header(client) -> None:
    token = csrf_token(client)
    response = client.post(
        "/sprog",
        data={"lang": "en", "next": "/"},
        headers={"HX-Request": "true", "X-CSRFToken": token},
    )
    assert response.status_code == 302


def test_refuses_production_with_the_default_secret_key() -> None:
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app({"ENV": "production", "DEMO_LOGIN_ENABLED": False})


def test_refuses_demo_log_in_in_production() -> None:
    with pytest.raises(ConfigError, match="demo"):
        create_app({"ENV": "production", "SECRET_KEY": "long-random-secret-value"})


def test_environment_values_are_parsed_explicitly() -> None:
    settings = read_environment(
        {
            "JOBUNIVERS_DEMO_LOGIN_ENABLED": "false",
            "JOBUNIVERS_IDLE_TIMEOUT_MINUTES": "15",
            "DATABASE_URL": "postgresql://db/jobunivers",
        }
    )
    assert settings == {
        "DEMO_LOGIN_ENABLED": False,
        "IDLE_TIMEOUT_MINUTES": 15,
        "DATABASE_URL": "postgresql://db/jobunivers",
    }
    with pytest.raises(ConfigError):
        read_environment({"JOBUNIVERS_DEMO_LOGIN_ENABLED": "maybe"})
