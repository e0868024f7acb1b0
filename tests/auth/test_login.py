"""Logging in and out, for each role; rate limits; session lifetimes."""

from __future__ import annotations

import time

import pytest
from flask import url_for

from app.auth import throttle
from app.auth.throttle import FREE_ATTEMPTS
from app.models import Role
from app.templating import NAVIGATION
from tests.factories import TEST_PASSWORD
from tests.pages import csrf_token

START_PAGES = {
    Role.CASEWORKER: "/sagsbehandler",
    Role.PROVIDER: "/udbyder",
    Role.ADMIN: "/administration",
}


def _staff_login(client, email: str, password: str, **kwargs):
    return client.post(
        "/log-ind/medarbejder",
        data={"csrf_token": csrf_token(client), "email": email, "password": password},
        **kwargs,
    )


@pytest.mark.parametrize("role", list(START_PAGES), ids=lambda r: r.value)
def test_staff_land_on_their_own_start_page(
    client, get_page, make_caseworker, make_provider_user, make_admin, role
) -> None:
    user = {
        Role.CASEWORKER: make_caseworker,
        Role.PROVIDER: make_provider_user,
        Role.ADMIN: make_admin,
    }[role]()
    response = _staff_login(client, user.email.upper(), TEST_PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == START_PAGES[role]
    page = get_page(START_PAGES[role])
    nav_links = [a["href"] for a in page.select("nav.nav a")]
    with client.application.test_request_context():
        own = [url_for(endpoint) for endpoint, _label in NAVIGATION[role]]
    assert nav_links[0] == START_PAGES[role]
    assert nav_links == own, "the navigation shows this role's pages only"


def test_citizen_logs_in_with_demo_mitid_and_sees_own_page(
    client, get_page, make_citizen, login
) -> None:
    citizen = make_citizen(first_name="Birgitte", last_name="Kjær")
    response = login(citizen.user)
    # A first log-in starts the guide (tests/portal/test_onboarding.py); My page is open.
    assert response.headers["Location"] == "/kom-i-gang"
    page = get_page("/min-side")
    assert "Birgitte Kjær" in page.get_text()
    nav = [a["href"] for a in page.select("nav.nav a")]
    assert nav[0] == "/min-side" and "/mine-data" in nav
    assert not any(
        href.startswith(("/sagsbehandler", "/udbyder", "/administration"))
        for href in nav
    ), "the navigation shows this role's pages only"


def test_wrong_password_shows_an_error_and_does_not_log_in(
    client, get_page, make_caseworker
) -> None:
    user = make_caseworker()
    response = _staff_login(client, user.email, "wrong-password")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Der er et problem" in html
    assert "E-mailadressen eller adgangskoden er forkert." in html
    assert client.get("/sagsbehandler").status_code == 302


def test_invalid_input_is_reported_per_field(client) -> None:
    response = _staff_login(client, "not-an-address", "")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'href="#email"' in html and 'href="#password"' in html
    assert 'aria-invalid="true"' in html


def test_citizens_cannot_use_the_staff_log_in(client, make_citizen, db) -> None:
    citizen = make_citizen()
    citizen.user.email = "borger@test.jobunivers.dk"
    from app.auth.passwords import hash_password

    citizen.user.password_hash = hash_password(TEST_PASSWORD)
    db.flush()
    response = _staff_login(client, "borger@test.jobunivers.dk", TEST_PASSWORD)
    assert response.status_code == 200


def test_deactivated_staff_cannot_log_in(client, make_caseworker, db) -> None:
    user = make_caseworker()
    user.active = False
    db.flush()
    assert _staff_login(client, user.email, TEST_PASSWORD).status_code == 200


def test_failed_attempts_make_the_next_one_wait(client, make_caseworker) -> None:
    user = make_caseworker()
    for _ in range(FREE_ATTEMPTS):
        assert _staff_login(client, user.email, "wrong").status_code == 200
    response = _staff_login(client, user.email, TEST_PASSWORD)
    assert response.status_code == 429
    assert "Vent 1 sekund og prøv igen" in response.get_data(as_text=True)
    assert throttle.seconds_to_wait(user.email, "127.0.0.1") == 1


def test_the_wait_doubles_with_each_failure(client, make_caseworker) -> None:
    user = make_caseworker()
    waits = []
    for _ in range(FREE_ATTEMPTS + 3):
        throttle.record_failure(user.email, "127.0.0.1")
        waits.append(throttle.seconds_to_wait(user.email, "127.0.0.1"))
    assert waits == [0, 0, 1, 2, 4, 8]


def test_nobody_can_lock_a_colleague_out(client, make_caseworker) -> None:
    user = make_caseworker()
    attacker = {"REMOTE_ADDR": "198.51.100.7"}
    for _ in range(8):
        _staff_login(client, user.email, "wrong", environ_base=attacker)
    assert (
        _staff_login(client, user.email, "wrong", environ_base=attacker).status_code
        == 429
    )
    colleague = {"REMOTE_ADDR": "192.0.2.20"}
    response = _staff_login(client, user.email, TEST_PASSWORD, environ_base=colleague)
    assert response.status_code == 302


def test_ten_failed_attempts_per_address_then_429(client) -> None:
    for n in range(10):
        assert _staff_login(client, f"nobody{n}@test.dk", "wrong").status_code == 200
    response = _staff_login(client, "someone-else@test.dk", "wrong")
    assert response.status_code == 429
    assert "For mange forsøg" in response.get_data(as_text=True)


def test_successful_log_ins_are_not_counted_as_failures(
    client, make_caseworker
) -> None:
    user = make_caseworker()
    for _ in range(6):
        assert _staff_login(client, user.email, TEST_PASSWORD).status_code == 302
        client.post("/log-ud", data={"csrf_token": csrf_token(client)})


def test_log_out_ends_the_session(client, make_caseworker, login) -> None:
    login(make_caseworker())
    assert client.get("/sagsbehandler").status_code == 200
    response = client.post("/log-ud", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 302
    assert client.get("/sagsbehandler").status_code == 302


@pytest.mark.parametrize("role", ["citizen", "caseworker"])
def test_a_cookie_kept_from_before_log_out_no_longer_opens_a_page(
    client, make_caseworker, make_citizen, login_with_form, role
) -> None:
    user = make_caseworker() if role == "caseworker" else make_citizen().user
    start = "/sagsbehandler" if role == "caseworker" else "/min-side"
    login_with_form(user)
    assert client.get(start).status_code == 200
    kept = client.get_cookie("session").value
    client.post("/log-ud", data={"csrf_token": csrf_token(client)})
    client.set_cookie("session", kept)  # replayed, as by someone who copied it
    response = client.get(start)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/log-ind")


def test_log_out_needs_a_csrf_token(client, make_caseworker, login) -> None:
    login(make_caseworker())
    assert client.post("/log-ud").status_code == 400
    assert client.get("/sagsbehandler").status_code == 200


@pytest.mark.parametrize(
    ("key", "age_seconds"),
    [("seen_at", 31 * 60), ("login_at", 12 * 3600 + 60)],
    ids=["idle-30-minutes", "absolute-12-hours"],
)
def test_sessions_expire(client, make_caseworker, login, key, age_seconds) -> None:
    login(make_caseworker())
    with client.session_transaction() as session:
        session[key] = time.time() - age_seconds
    response = client.get("/sagsbehandler")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/log-ind")
    assert client.get("/sagsbehandler").status_code == 302


def test_active_sessions_stay_alive(client, make_caseworker, login) -> None:
    login(make_caseworker())
    with client.session_transaction() as session:
        session["seen_at"] = time.time() - 29 * 60
    assert client.get("/sagsbehandler").status_code == 200


def test_demo_log_in_is_off_when_disabled(app, client, make_citizen) -> None:
    citizen = make_citizen()
    app.config["DEMO_LOGIN_ENABLED"] = False
    try:
        assert client.get("/log-ind/demo-mitid").status_code == 404
        token = csrf_token(client)
        response = client.post(
            "/log-ind/demo-mitid",
            data={"csrf_token": token, "user_id": citizen.user_id},
        )
        assert response.status_code == 404
    finally:
        app.config["DEMO_LOGIN_ENABLED"] = True


def test_demo_log_in_refuses_non_synthetic_citizens(client, make_citizen) -> None:
    real = make_citizen(synthetic=False)
    response = client.post(
        "/log-ind/demo-mitid",
        data={"csrf_token": csrf_token(client), "user_id": real.user_id},
    )
    assert response.status_code == 200
    assert client.get("/min-side").status_code == 302
