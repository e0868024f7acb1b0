"""MitID through a broker, as an OpenID Connect client (Authlib), configured by settings."""

from __future__ import annotations

from typing import Any

from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app

oauth = OAuth()


def init_app(app: Flask) -> None:
    oauth.init_app(app)
    issuer = app.config.get("OIDC_ISSUER")
    if not issuer:
        return
    oauth.register(
        "mitid",
        client_id=app.config["OIDC_CLIENT_ID"],
        client_secret=app.config["OIDC_CLIENT_SECRET"],
        server_metadata_url=issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={
            "scope": app.config["OIDC_SCOPE"],
            "code_challenge_method": "S256",
        },
    )


def is_configured() -> bool:
    return bool(current_app.config.get("OIDC_ISSUER"))


def client() -> Any:
    return oauth.create_client("mitid")
