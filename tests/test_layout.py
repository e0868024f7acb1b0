"""The house's layout rules, read from the source: one package per area, dependencies
that run one way, one transaction policy, and files a person can read."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
MAX_LINES = 400
# The modules that own a transaction: the request's end (db) and each command (cli).
# The request, the commands and the background-job runner each commit at their end.
TRANSACTION_OWNERS = {APP / "db.py", APP / "cli.py", APP / "tasks" / "runner.py"}


def _sources(*folders: Path, suffix: str = ".py") -> Iterator[Path]:
    for folder in folders:
        yield from sorted(folder.rglob(f"*{suffix}"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _imported_modules(tree: ast.AST) -> Iterator[tuple[ast.stmt, str]]:
    """(statement, module) for each import; `from a import b` also yields a.b."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node, node.module
            for alias in node.names:
                yield node, f"{node.module}.{alias.name}"


def _areas() -> set[str]:
    """The areas: packages of app/ with their own views."""
    return {
        path.name
        for path in APP.iterdir()
        if path.is_dir() and ((path / "views.py").exists() or (path / "views").is_dir())
    }


def _area_of(path: Path) -> str | None:
    parts = path.relative_to(APP).parts
    return parts[0] if len(parts) > 1 and parts[0] in _areas() else None


def test_the_shared_services_folder_is_gone_and_areas_are_packages() -> None:
    assert not (APP / "services").exists()
    for area in _areas():
        assert (APP / area / "__init__.py").exists(), area
        assert (APP / area / "templates" / area).is_dir(), area
        assert (ROOT / "tests" / area).is_dir(), f"tests/{area} mirrors app/{area}"


def test_each_blueprint_lives_in_its_own_area(app: Flask) -> None:
    for name, blueprint in app.blueprints.items():
        assert name in _areas(), name
        assert blueprint.import_name.startswith(f"app.{name}."), blueprint.import_name


def test_only_the_request_and_the_commands_commit() -> None:
    """Services flush; the request (app/db.py) or the command (app/cli.py) commits."""
    offenders = []
    for path in _sources(APP):
        if path in TRANSACTION_OWNERS:
            continue
        for node in ast.walk(_tree(path)):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"commit", "rollback"}
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_no_area_imports_another_areas_views_or_forms() -> None:
    offenders = []
    for path in _sources(APP):
        area = _area_of(path)
        for node, module in _imported_modules(_tree(path)):
            parts = module.split(".")
            if (
                area is not None
                and len(parts) >= 3
                and parts[0] == "app"
                and parts[1] in _areas()
                and parts[1] != area
                and parts[2] in {"views", "forms"}
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {module}")
    assert offenders == []


def test_only_the_cli_and_the_tests_import_the_demo() -> None:
    offenders = []
    for path in _sources(APP):
        if path == APP / "cli.py" or path.is_relative_to(APP / "demo"):
            continue
        for node, module in _imported_modules(_tree(path)):
            if module == "app.demo" or module.startswith("app.demo."):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_imports_of_our_own_code_inside_functions_say_why() -> None:
    """A function-level import of app.* needs a comment just above it saying why."""
    offenders = []
    for path in _sources(APP):
        lines = path.read_text(encoding="utf-8").splitlines()
        for function in ast.walk(_tree(path)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                names = [a.name for a in node.names] + [getattr(node, "module", "")]
                if not any((name or "").startswith("app") for name in names):
                    continue
                if not _comment_above_import_block(lines, node.lineno):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def _comment_above_import_block(lines: list[str], lineno: int) -> bool:
    """Whether the block of imports holding line `lineno` has a comment above it."""
    index = lineno - 1
    while index > 0 and lines[index - 1].strip().startswith(("from ", "import ")):
        index -= 1
    return index > 0 and lines[index - 1].strip().startswith("#")


def test_no_import_guards_around_our_own_code() -> None:
    offenders = []
    for path in _sources(APP):
        for node in ast.walk(_tree(path)):
            if not isinstance(node, ast.Try):
                continue
            guards_imports = any(
                isinstance(handler.type, ast.Name)
                and handler.type.id in {"ImportError", "ModuleNotFoundError"}
                for handler in node.handlers
            )
            own = any(
                module.startswith("app") for _n, module in _imported_modules(node)
            )
            if guards_imports and own:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_routes_are_declared_where_a_person_can_find_them() -> None:
    """No routes generated in a loop: every endpoint is a decorated view function."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in _sources(APP)
        if "add_url_rule" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_no_file_is_over_400_lines() -> None:
    """Data tables (app/data) and migrations are the only long files."""
    folders = [APP, ROOT / "tests", ROOT / "benchmarks", ROOT / "tools"]
    offenders = []
    for suffix in (".py", ".html"):
        for path in _sources(*folders, suffix=suffix):
            if path.is_relative_to(APP / "data"):
                continue
            count = len(path.read_text(encoding="utf-8").splitlines())
            if count > MAX_LINES:
                offenders.append(f"{path.relative_to(ROOT)}: {count}")
    assert offenders == []
