"""Meta-tests over the URL map and the package layout."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
KEBAB_SEGMENT = re.compile(
    r"^([a-z0-9]+(-[a-z0-9]+)*|<(int|string|path|uuid):[a-z_]+>)$"
)


def _views(app: Flask):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        yield rule, app.view_functions[rule.endpoint]


def test_every_view_is_public_or_guarded_by_a_role(app: Flask) -> None:
    unmarked = [
        rule.rule for rule, view in _views(app) if not hasattr(view, "is_public")
    ]
    assert unmarked == [], "mark each view @public or @role_required(...)"


def test_guarded_views_name_at_least_one_role(app: Flask) -> None:
    for rule, view in _views(app):
        if not view.is_public:
            assert view.access_roles, rule.rule


# Addresses whose exact name is fixed outside this project.
WELL_KNOWN = {"/favicon.ico"}  # browsers ask for it on every site


def test_urls_are_kebab_case_with_typed_parameters(app: Flask) -> None:
    for rule, _view in _views(app):
        if rule.rule in WELL_KNOWN:
            continue
        segments = [s for s in rule.rule.split("/") if s]
        for segment in segments:
            assert KEBAB_SEGMENT.match(segment), f"{rule.rule}: {segment!r}"


def test_ml_imports_no_web_or_database_code() -> None:
    forbidden = ("flask", "sqlalchemy", "app.models", "app.db", "werkzeug", "alembic")
    offenders = []
    for path in sorted((ROOT / "app" / "ml").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in forbidden or name.startswith(forbidden):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_app_factory_runs_no_queries(monkeypatch) -> None:
    """create_app must not touch the database: start-up works with none reachable."""
    from app import create_app

    app = create_app(
        {
            "ENV": "testing",
            "TESTING": True,
            "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
            "SECRET_KEY": "x",
        }
    )
    assert app.name == "app"
