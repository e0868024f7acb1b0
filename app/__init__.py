"""Jobunivers: the application factory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask

from app import config as config_module


def blueprints() -> tuple[Blueprint, ...]:
    """One blueprint per area; each area's package holds its views, forms, services
    and templates (and tests/<area>/ its tests)."""
    # Imported on call: importing the package (for app.ml, app.models or the
    # migrations) must not load every area.
    from app.advisor.views import bp as advisor_bp
    from app.auth.views import bp as auth_bp
    from app.casework.views import bp as casework_bp
    from app.consent.views import bp as consent_bp
    from app.cv.views import bp as cv_bp
    from app.dialogue.views import bp as dialogue_bp
    from app.employers.views import bp as employers_bp
    from app.jobs.views import bp as jobs_bp
    from app.jobsearch.views import bp as jobsearch_bp
    from app.marketplace.views import bp as marketplace_bp
    from app.onboarding.views import bp as onboarding_bp
    from app.portal.views import bp as portal_bp
    from app.segmentation.views import bp as segmentation_bp
    from app.taxonomy.views import bp as taxonomy_bp

    return (
        portal_bp,
        auth_bp,
        onboarding_bp,
        cv_bp,
        jobsearch_bp,
        dialogue_bp,
        taxonomy_bp,
        jobs_bp,
        segmentation_bp,
        casework_bp,
        consent_bp,
        marketplace_bp,
        employers_bp,
        advisor_bp,
    )


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config -> extensions -> blueprints -> CLI. No queries at start-up."""
    # Imported on call, for the reason blueprints() gives.
    from app import cli, db, errors, extensions, i18n, security, templating, urls
    from app.auth import oidc
    from app.page_cache import init_app as init_page_cache

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
    urls.init_app(app)

    db.init_app(app)
    init_page_cache(app)
    extensions.init_app(app)
    security.init_app(app)
    oidc.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    for blueprint in blueprints():
        app.register_blueprint(blueprint)
    cli.init_app(app)
    return app
