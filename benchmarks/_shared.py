"""Where the benchmarks find the public data beside the project (never committed here)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_data() -> Path | None:
    """The shared data folder, or None when it is not on this machine."""
    candidates = [os.environ.get("JOBUNIVERS_SHARED_DATA"), ROOT.parent / "shared/data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None
