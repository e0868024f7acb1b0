"""Time and memory to read the full ESCO bundle with app.ml.esco_csv.

Two passes over the shared ESCO files (English v1.1.1 bundle, relations, Danish
occupations and ISCO groups): streaming every row (what `flask taxonomy import`
does), then building an in-memory Taxonomy with load_taxonomy. Peak memory is
measured with tracemalloc (Python allocations, a separate timed run) and the
process's maximum resident set size.

Looks for the shared data at `../shared/data` from the repository root, or at
$JOBUNIVERS_SHARED_DATA; says so and exits 0 when it is absent.

    .venv/bin/python benchmarks/bench_esco_parse.py
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _shared import shared_data  # noqa: E402  (benchmarks/ is the script's folder)

from app.ml.esco_csv import EscoBundle, load_taxonomy  # noqa: E402

T = TypeVar("T")


def stream_all(bundle: EscoBundle) -> Counter[str]:
    """Read every row of every kind, keeping only counts."""
    counts: Counter[str] = Counter()
    for row in bundle.occupations():
        counts[f"occupations_{row.lang}"] += 1
    for row in bundle.skills():
        counts[f"skills_{row.lang}"] += 1
    for row in bundle.isco_groups():
        counts[f"isco_groups_{row.lang}"] += 1
    for row in bundle.relations():
        counts[f"relations_{row.relation_type}"] += 1
    return counts


def measure(work: Callable[[], T]) -> tuple[float, float, float, T]:
    """(seconds and max RSS MiB untraced, peak traced MiB in a second run, result)."""
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    rss = max_rss_mib()
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, rss, peak / 2**20, result


def max_rss_mib() -> float:
    # ru_maxrss is KiB on Linux and bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10


def main() -> int:
    """Run the benchmark and print its figures."""
    data = shared_data()
    esco = data / "esco" if data else None
    if esco is None or not esco.is_dir():
        print(
            "Shared data not found (../shared/data or $JOBUNIVERS_SHARED_DATA); skipped."
        )
        return 0
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    bundle = EscoBundle([esco])
    size = sum(p.stat().st_size for p in esco.iterdir() if p.is_file())
    print(
        f"files: {len(bundle.members)} CSV files in {esco} ({size / 2**20:.1f} MiB on "
        f"disk), version {bundle.version}, occupation languages "
        f"{', '.join(bundle.languages())}"
    )
    rss_before = max_rss_mib()

    seconds, rss_stream, peak, counts = measure(lambda: stream_all(bundle))
    print(f"stream every row: {seconds:.1f} s, traced peak {peak:.1f} MiB")
    for key, value in sorted(counts.items()):
        print(f"  {key}: {value:,}")

    seconds, rss_load, peak, taxonomy = measure(lambda: load_taxonomy(bundle))
    print(
        f"load_taxonomy: {seconds:.1f} s, traced peak {peak:.1f} MiB "
        f"({len(taxonomy.occupations):,} occupations, "
        f"{len(taxonomy.skills):,} skills, "
        f"{len(taxonomy.relations):,} occupations with skills)"
    )
    # Taken after the untraced runs: tracemalloc's bookkeeping inflates RSS.
    print(
        f"max RSS: {rss_before:.0f} MiB after imports, {rss_stream:.0f} MiB after "
        f"streaming, {rss_load:.0f} MiB after load_taxonomy"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
