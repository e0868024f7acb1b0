"""Jobunivers: the application factory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from app import config as config_module


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config -> extensions -> blueprints -> CLI. No queries at start-up."""
    root = Path(__file__).resolve().parent.parent
    app = Flask(
        __name__,
        instance_path=str(root / "instance"),
        instance_relative_config=True,
        static_folder=str(root / "static"),
        static_url_path="/static",
    )
    settings = config_module.defaults(app.instance_path)
    app.config.from_mapping(settings)
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(config_module.read_environment())
    if test_config:
        app.config.update(test_config)
    config_module.check(app.config)
    app.config.update(config_module.session_lifetimes(app.config))
    app.config["SESSION_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"] or (
        app.config["ENV"] == "production"
    )
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    os.makedirs(app.instance_path, exist_ok=True)

    from app import db, extensions, security

    db.init_app(app)
    extensions.init_app(app)
    security.init_app(app)

    from app.auth import oidc

    oidc.init_app(app)

    from app import errors, templating
    from app.advisor import bp as advisor_bp
    from app.auth import bp as auth_bp
    from app.consent import bp as consent_bp
    from app.marketplace import bp as marketplace_bp
    from app.portal import bp as portal_bp

    templating.init_app(app)
    errors.init_app(app)
    for blueprint in (portal_bp, auth_bp, consent_bp, marketplace_bp, advisor_bp):
        app.register_blueprint(blueprint)

    from app import cli

    cli.init_app(app)
    return app
