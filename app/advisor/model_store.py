"""The effect tables in use: a JSON file (no pickle) in the instance folder.

`flask ml train effects` fits them on the SYNTHETIC history and writes the file; pages
only read it. Without the file, the advisor says there are no estimates yet: fitting
takes about a minute, too long for a request.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import current_app

from app.ml.effects import EffectTables

_TABLES: dict[str, tuple[float, EffectTables]] = {}


def tables_path() -> str:
    """Where the tables live (EFFECTS_TABLES_PATH, else instance/models/effects.json)."""
    return str(
        current_app.config.get("EFFECTS_TABLES_PATH")
        or Path(current_app.instance_path) / "models" / "effects.json"
    )


def save_tables(tables: EffectTables, path: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    tmp = f"{path}.tmp"
    Path(tmp).write_text(tables.to_json(), encoding="utf-8")
    os.replace(tmp, path)
    _TABLES.pop(path, None)


def load_tables(path: str | None = None) -> EffectTables | None:
    """The tables in use, or None when none have been fitted."""
    path = path or tables_path()
    file = Path(path)
    if not file.exists():
        return None
    stamp = file.stat().st_mtime
    cached = _TABLES.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    tables = EffectTables.from_json(file.read_text(encoding="utf-8"))
    _TABLES[path] = (stamp, tables)
    return tables
