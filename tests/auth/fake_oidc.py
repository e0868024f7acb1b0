"""A small, real OpenID Connect provider that stands in for the MitID broker in tests.

It serves discovery, /authorize (no UI: it approves at once for `subject`), /token and
/jwks over HTTP on 127.0.0.1. Tests steer it through the attributes of FakeBroker.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

KEY_ID = "fake-broker-key"


def new_signing_key() -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": KEY_ID, "use": "sig"})


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _json(data: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(data), status, mimetype="application/json")


def _json_error(error: str, status: int = 400) -> Response:
    return _json({"error": error}, status)


@dataclass
class FakeBroker:
    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str
    published_key: RSAKey = field(default_factory=new_signing_key)
    # What the next log-in produces; reset() restores the defaults between tests.
    subject: str = "fake-subject"
    signing_key: RSAKey | None = None  # None: sign with the published key
    claim_overrides: dict[str, Any] = field(default_factory=dict)
    issue_id_token: bool = True
    deny: bool = False  # the citizen cancels at the broker
    codes: dict[str, dict[str, str]] = field(default_factory=dict)

    def reset(self) -> None:
        self.subject = "fake-subject"
        self.signing_key = None
        self.claim_overrides = {}
        self.issue_id_token = True
        self.deny = False
        self.codes.clear()

    @Request.application
    def __call__(self, request: Request) -> Response:
        routes: dict[str, Callable[[Request], Response]] = {
            "/.well-known/openid-configuration": self.discovery,
            "/authorize": self.authorize,
            "/token": self.token,
            "/jwks": self.jwks,
        }
        view = routes.get(request.path)
        return view(request) if view else Response("not found", 404)

    def discovery(self, request: Request) -> Response:
        return _json(
            {
                "issuer": self.issuer,
                "authorization_endpoint": self.issuer + "/authorize",
                "token_endpoint": self.issuer + "/token",
                "jwks_uri": self.issuer + "/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic"],
            }
        )

    def authorize(self, request: Request) -> Response:
        args = request.args
        problems = [
            name
            for name, ok in [
                ("client_id", args.get("client_id") == self.client_id),
                ("redirect_uri", args.get("redirect_uri") == self.redirect_uri),
                ("response_type", args.get("response_type") == "code"),
                ("scope", "openid" in args.get("scope", "").split()),
                ("code_challenge_method", args.get("code_challenge_method") == "S256"),
                ("code_challenge", bool(args.get("code_challenge"))),
                ("state", bool(args.get("state"))),
                ("nonce", bool(args.get("nonce"))),
            ]
            if not ok
        ]
        if problems:
            # Never redirect to an unchecked redirect_uri: show the error here.
            return Response("bad authorization request: " + ", ".join(problems), 400)
        answer = {"state": args["state"]}
        if self.deny:
            answer["error"] = "access_denied"
        else:
            code = secrets.token_urlsafe(16)
            answer["code"] = code
            self.codes[code] = {
                "challenge": args["code_challenge"],
                "nonce": args["nonce"],
                "subject": self.subject,
            }
        return Response(
            status=302,
            headers={"Location": self.redirect_uri + "?" + urlencode(answer)},
        )

    def token(self, request: Request) -> Response:
        auth = request.authorization
        if (
            auth is None
            or auth.username != self.client_id
            or auth.password != self.client_secret
        ):
            return _json_error("invalid_client", 401)
        form = request.form
        grant = self.codes.pop(form.get("code", ""), None)  # a code works once
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or form.get("redirect_uri") != self.redirect_uri
            or s256(form.get("code_verifier", "")) != grant["challenge"]
        ):
            return _json_error("invalid_grant")
        body: dict[str, Any] = {
            "access_token": secrets.token_urlsafe(16),
            "token_type": "Bearer",
            "expires_in": 300,
        }
        if self.issue_id_token:
            body["id_token"] = self.id_token(grant["subject"], grant["nonce"])
        return _json(body)

    def id_token(self, subject: str, nonce: str) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": subject,
            "nonce": nonce,
            "iat": now,
            "exp": now + 300,
            **self.claim_overrides,
        }
        key = self.signing_key or self.published_key
        return jwt.encode({"alg": "RS256", "kid": KEY_ID}, claims, key)

    def jwks(self, request: Request) -> Response:
        return _json(KeySet([self.published_key]).as_dict(private=False))


@contextmanager
def serve_fake_broker(
    client_id: str, client_secret: str, redirect_uri: str
) -> Iterator[FakeBroker]:
    """Serve a FakeBroker on a free port of 127.0.0.1 in a thread, for the block."""
    broker = FakeBroker("", client_id, client_secret, redirect_uri)
    server = make_server("127.0.0.1", 0, broker, threaded=True)
    broker.issuer = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield broker
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
