"""Company staff log in with MitID Erhverv: the OpenID Connect flow against the same
fake broker the citizens' MitID tests use; off when it is not configured."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import requests
from flask import Flask

from tests.auth.fake_oidc import FakeBroker, serve_fake_broker

CLIENT_ID = "jobunivers-erhverv-test"
CLIENT_SECRET = "test-erhverv-secret"  # noqa: S105 - only known to the fake broker
CALLBACK_URL = "http://localhost/virksomhed/log-ind/mitid-erhverv/retur"
SUBJECT = "erhverv-7d1c2b3a"


@pytest.fixture(scope="module")
def broker() -> Iterator[FakeBroker]:
    with serve_fake_broker(CLIENT_ID, CLIENT_SECRET, CALLBACK_URL) as fake:
        yield fake


@pytest.fixture(scope="module")
def app(make_app: Callable[..., Flask], broker: FakeBroker) -> Flask:
    return make_app(
        EMPLOYER_OIDC_ISSUER=broker.issuer,
        EMPLOYER_OIDC_CLIENT_ID=CLIENT_ID,
        EMPLOYER_OIDC_CLIENT_SECRET=CLIENT_SECRET,
    )


@pytest.fixture(autouse=True)
def fresh_broker(broker: FakeBroker) -> None:
    broker.reset()


def _through_broker(client, broker: FakeBroker) -> str:
    start = client.get("/virksomhed/log-ind/mitid-erhverv")
    assert start.status_code == 302
    assert start.location.startswith(broker.issuer + "/authorize?")
    answer = requests.get(start.location, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def test_company_user_logs_in_with_mitid_erhverv(
    db, client, broker, make_employer, make_employer_user
):
    user = make_employer_user(make_employer(name="Kaffekoppen ApS"))
    user.mitid_subject = SUBJECT
    db.flush()
    assert "MitID Erhverv" in client.get("/log-ind/medarbejder").get_data(as_text=True)
    broker.subject = SUBJECT
    response = client.get(_through_broker(client, broker))
    assert response.status_code == 302
    assert "Kaffekoppen ApS" in client.get("/virksomhed").get_data(as_text=True)


def test_citizen_identity_or_unknown_one_does_not_log_in(
    db, client, broker, make_citizen
):
    citizen = make_citizen()
    citizen.user.mitid_subject = SUBJECT
    db.flush()
    broker.subject = SUBJECT
    response = client.get(_through_broker(client, broker))
    assert response.status_code == 302
    assert client.get("/virksomhed").status_code in (302, 401, 403)
    page = client.get(response.location).get_data(as_text=True)
    assert "Ingen virksomhedsbruger er knyttet" in page


def test_off_when_not_configured(make_app):
    plain = make_app().test_client()
    assert plain.get("/virksomhed/log-ind/mitid-erhverv").status_code == 404
    assert plain.get("/virksomhed/log-ind/mitid-erhverv/retur").status_code == 404
    assert "MitID Erhverv" not in plain.get("/log-ind/medarbejder").get_data(
        as_text=True
    )
