"""MitID through a broker: an OpenID Connect client (Authlib), configured by settings.

OIDC_ISSUER must be the issuer exactly as the broker writes it in its ID tokens; the
discovery document is read from OIDC_ISSUER + "/.well-known/openid-configuration".
Company staff log in with MitID Erhverv the same way, configured by the settings of the
same names prefixed EMPLOYER_ (the client named "mitid_erhverv").
"""

from __future__ import annotations

from typing import Any

import requests
from authlib.integrations.base_client import OAuthError
from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app
from joserfc.errors import JoseError
from werkzeug.wrappers import Response

# Authlib's OAuth registers itself under this key in app.extensions.
EXTENSION = "authlib.integrations.flask_client"

# Seconds to wait for the broker (discovery, keys, token exchange) before giving up.
BROKER_TIMEOUT = 10


class BrokerUnavailable(Exception):
    """The broker could not be reached or answered with nonsense."""


class LoginFailed(Exception):
    """The citizen cancelled, or the broker's answer cannot be trusted."""


# Client name -> prefix of its settings: citizens' MitID, company staff's MitID Erhverv.
CLIENTS = {"mitid": "", "mitid_erhverv": "EMPLOYER_"}


def init_app(app: Flask) -> None:
    # One registry per app: Authlib caches a client per name in its registry, so a
    # shared module-level one would give every later app the first app's settings.
    oauth: OAuth | None = None
    for name, prefix in CLIENTS.items():
        issuer = app.config.get(prefix + "OIDC_ISSUER")
        if not issuer:
            continue
        oauth = oauth or OAuth(app)
        oauth.register(
            name,
            client_id=app.config[prefix + "OIDC_CLIENT_ID"],
            client_secret=app.config[prefix + "OIDC_CLIENT_SECRET"],
            server_metadata_url=issuer.rstrip("/")
            + "/.well-known/openid-configuration",
            client_kwargs={
                "scope": app.config[prefix + "OIDC_SCOPE"],
                "code_challenge_method": "S256",
                "default_timeout": BROKER_TIMEOUT,
            },
        )


def is_configured(name: str = "mitid") -> bool:
    return bool(current_app.config.get(CLIENTS[name] + "OIDC_ISSUER"))


def client(name: str = "mitid") -> Any:
    return current_app.extensions[EXTENSION].create_client(name)


def authorize_redirect(redirect_uri: str, name: str = "mitid") -> Response:
    """A redirect to the broker, with state, nonce and PKCE kept in the session."""
    try:
        return client(name).authorize_redirect(redirect_uri)
    except requests.RequestException as exc:
        raise BrokerUnavailable(str(exc)) from exc


def _id_token_rules(name: str) -> dict[str, Any]:
    # Authlib checks iss against the discovery document and does not check aud by
    # itself (only azp), so both are pinned to our own settings here.
    config, prefix = current_app.config, CLIENTS[name]
    return {
        "iss": {"essential": True, "value": config[prefix + "OIDC_ISSUER"]},
        "aud": {"essential": True, "values": [config[prefix + "OIDC_CLIENT_ID"]]},
        "sub": {"essential": True},
    }


def verified_subject(name: str = "mitid") -> str:
    """The `sub` of the verified ID token in the broker's answer to this request."""
    try:
        token = client(name).authorize_access_token(
            claims_options=_id_token_rules(name)
        )
    except (OAuthError, JoseError, requests.RequestException) as exc:
        raise LoginFailed(f"{type(exc).__name__}: {exc}") from exc
    claims = token.get("userinfo")
    if not claims:
        raise LoginFailed("the broker sent no ID token")
    return str(claims["sub"])
