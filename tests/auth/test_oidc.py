"""Citizens log in with MitID: the real OpenID Connect flow against a fake broker."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import requests
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from app.models import Citizen
from tests.auth.fake_oidc import FakeBroker, new_signing_key, serve_fake_broker
from tests.pages import check_full_page

CLIENT_ID = "jobunivers-test"
CLIENT_SECRET = "test-client-secret"  # noqa: S105 - only known to the fake broker
CALLBACK_URL = "http://localhost/log-ind/mitid/retur"
SUBJECT = "5f0c7e2a-8d1b-4a51-9a3e-1c2b3d4e5f60"

LOGIN_FAILED = "The log-in with MitID was cancelled or failed. Please try again."
NOT_AVAILABLE = "Log-in with MitID is not available at the moment."


@pytest.fixture(scope="module")
def broker() -> Iterator[FakeBroker]:
    with serve_fake_broker(CLIENT_ID, CLIENT_SECRET, CALLBACK_URL) as fake:
        yield fake


@pytest.fixture(scope="module")
def app(make_app: Callable[..., Flask], broker: FakeBroker) -> Flask:
    """In this module the app (and so db, client, make_citizen) uses the fake broker."""
    return make_app(
        OIDC_ISSUER=broker.issuer,
        OIDC_CLIENT_ID=CLIENT_ID,
        OIDC_CLIENT_SECRET=CLIENT_SECRET,
    )


@pytest.fixture(autouse=True)
def fresh_broker(broker: FakeBroker) -> None:
    broker.reset()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test here that opens a network connection beyond this machine."""
    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host = ipaddress.ip_address(address[0])
            assert host.is_loopback, f"a test tried to connect to {address}"
        real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def citizen(db: Session, make_citizen: Callable[..., Citizen]) -> Citizen:
    """A registered jobseeker whose MitID subject is SUBJECT."""
    citizen = make_citizen(first_name="Aase", last_name="Kjærgaard")
    citizen.user.mitid_subject = SUBJECT
    db.flush()
    return citizen


def in_english(client: FlaskClient) -> None:
    with client.session_transaction() as session:
        session["lang"] = "en"


def through_broker(client: FlaskClient, broker: FakeBroker) -> str:
    """Start the MitID log-in and let the broker approve; the URL it sends us to."""
    start = client.get("/log-ind/mitid")
    assert start.status_code == 302
    assert start.location.startswith(broker.issuer + "/authorize?")
    answer = requests.get(start.location, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    back = answer.headers["Location"]
    assert back.startswith(CALLBACK_URL + "?")
    return back


def with_state(url: str, state: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["state"] = state
    return parts._replace(query=urlencode(query)).geturl()


def path_of(response: TestResponse) -> str:
    return urlsplit(response.location).path


def assert_logged_out(client: FlaskClient) -> None:
    response = client.get("/min-side")
    assert response.status_code == 302
    assert path_of(response) == "/log-ind"


def assert_sent_back_with(
    client: FlaskClient, response: TestResponse, text: str
) -> None:
    """The citizen is sent to the log-in page, which explains what happened."""
    assert response.status_code == 302
    assert path_of(response) == "/log-ind"
    page = check_full_page(client.get("/log-ind").get_data(as_text=True))
    alert = page.find(role="alert")
    assert alert is not None and text in alert.get_text()
    assert_logged_out(client)


def test_citizen_logs_in_with_mitid_and_sees_their_page(
    client: FlaskClient,
    broker: FakeBroker,
    citizen: Citizen,
    get_page: Callable[..., BeautifulSoup],
) -> None:
    broker.subject = SUBJECT
    response = client.get(through_broker(client, broker))
    assert response.status_code == 302
    assert path_of(response) == "/kom-i-gang"  # a first log-in starts the guide
    page = get_page("/min-side")
    assert "Aase Kjærgaard" in page.get_text()


def test_unknown_subject_is_told_they_are_not_a_registered_jobseeker(
    client: FlaskClient, broker: FakeBroker, citizen: Citizen
) -> None:
    in_english(client)
    broker.subject = "someone-without-a-case"
    response = client.get(through_broker(client, broker))
    assert response.status_code == 403
    page = check_full_page(response.get_data(as_text=True))
    assert page.h1.get_text(strip=True) == "We cannot find you as a jobseeker"
    assert_logged_out(client)


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"nonce": "from-another-log-in"}, id="wrong nonce"),
        pytest.param({"aud": "another-client"}, id="wrong audience"),
        pytest.param(
            {"aud": "another-client", "azp": CLIENT_ID}, id="wrong audience, our azp"
        ),
        pytest.param({"iss": "https://broker.invalid"}, id="wrong issuer"),
        pytest.param({"exp": 1_000_000_000, "iat": 999_999_000}, id="expired"),
        pytest.param({"sub": ""}, id="empty subject"),
    ],
)
def test_id_token_that_is_not_for_this_log_in_is_refused(
    client: FlaskClient, broker: FakeBroker, citizen: Citizen, claims: dict[str, Any]
) -> None:
    in_english(client)
    broker.subject = SUBJECT
    broker.claim_overrides = claims
    response = client.get(through_broker(client, broker))
    assert_sent_back_with(client, response, LOGIN_FAILED)


def test_id_token_with_a_bad_signature_is_refused(
    client: FlaskClient, broker: FakeBroker, citizen: Citizen
) -> None:
    in_english(client)
    broker.subject = SUBJECT
    broker.signing_key = new_signing_key()  # same key id, not the published key
    response = client.get(through_broker(client, broker))
    assert_sent_back_with(client, response, LOGIN_FAILED)


def test_answer_without_an_id_token_is_refused(
    client: FlaskClient, broker: FakeBroker, citizen: Citizen
) -> None:
    in_english(client)
    broker.subject = SUBJECT
    broker.issue_id_token = False
    response = client.get(through_broker(client, broker))
    assert_sent_back_with(client, response, LOGIN_FAILED)


def test_tampered_state_is_refused(
    client: FlaskClient, broker: FakeBroker, citizen: Citizen
) -> None:
    in_english(client)
    broker.subject = SUBJECT
    back = with_state(through_broker(client, broker), "forged-state")
    response = client.get(back)
    assert_sent_back_with(client, response, LOGIN_FAILED)


def test_cancelling_at_the_broker_returns_to_the_log_in_page(
    client: FlaskClient, broker: FakeBroker, citizen: Citizen
) -> None:
    in_english(client)
    broker.deny = True
    response = client.get(through_broker(client, broker))
    assert_sent_back_with(client, response, LOGIN_FAILED)


def test_log_in_page_offers_mitid_when_configured(client: FlaskClient) -> None:
    page = check_full_page(client.get("/log-ind").get_data(as_text=True))
    assert page.find("a", href="/log-ind/mitid") is not None


def test_without_an_issuer_there_is_no_mitid_log_in(
    make_app: Callable[..., Flask],
) -> None:
    plain = make_app()
    with plain.test_client() as client:
        assert client.get("/log-ind/mitid").status_code == 404
        assert client.get("/log-ind/mitid/retur?code=x&state=y").status_code == 404
        page = check_full_page(client.get("/log-ind").get_data(as_text=True))
        assert page.find("a", href="/log-ind/mitid") is None


def test_unreachable_broker_is_explained_on_the_log_in_page(
    make_app: Callable[..., Flask],
) -> None:
    with socket.socket() as probe:  # a port on this machine that nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    down = make_app(
        OIDC_ISSUER=f"http://127.0.0.1:{closed_port}",
        OIDC_CLIENT_ID=CLIENT_ID,
        OIDC_CLIENT_SECRET=CLIENT_SECRET,
    )
    with down.test_client() as client:
        in_english(client)
        response = client.get("/log-ind/mitid")
        assert_sent_back_with(client, response, NOT_AVAILABLE)
