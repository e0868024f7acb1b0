"""How the suite runs: the garbage collector's pace, and which tests pytest-xdist keeps
together on one worker (`make test` runs two workers with --dist loadgroup)."""

from __future__ import annotations

import gc
import re
from typing import Any

import pytest

# The browser sweep's test ids begin with the role and the language of the page
# (tests/browser/test_accessibility.py and test_crawl.py), and one worker visits all
# pages of a role and language, in one Chromium context.
SWEEP = re.compile(
    r"^tests/browser/test_(?:accessibility|crawl)\.py::\w+\[([a-z]+-[a-z]{2})-"
)


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage less often: with the default thresholds a run spends about a
    tenth of its Python time in the collector, walking the same long-lived objects (the
    collected tests, the app, SQLAlchemy's caches) again and again."""
    gc.set_threshold(50_000, 20, 100)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """--dist loadgroup, with the browser sweep grouped by role and language.

    xdist's own groups travel as a suffix it writes into each test's id, which pytest 9.2
    no longer lets it change (pytest-dev/pytest-xdist#1386): the groups were silently
    lost. The controller, which collects nothing, reads them from the ids instead.
    """
    if config.getoption("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class SweepGroups(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            found = SWEEP.match(nodeid)
            if found is None:
                return super()._split_scope(nodeid)
            return f"browser-{found.group(1)}"

    return SweepGroups(config, log)
