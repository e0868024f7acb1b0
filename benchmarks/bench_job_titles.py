"""Job titles as people write them -> ESCO occupations (JobBERT dev split).

For each raw title the gold answer is an ESCO occupation's English preferred label.
Prints MRR and Recall@1/5/10 over all ESCO occupations for our normaliser
(`LabelIndex.search` over preferred and alternative English labels), and for a
baseline: rapidfuzz's default scorer (WRatio) over English preferred labels only.

Looks for the shared data at `../shared/data` from the repository root, or at
$JOBUNIVERS_SHARED_DATA; says so and exits 0 when it is absent.

    .venv/bin/python benchmarks/bench_job_titles.py
"""

from __future__ import annotations

import csv
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _shared import shared_data  # noqa: E402  (benchmarks/ is the script's folder)
from rapidfuzz import process  # noqa: E402

from app.ml.esco_csv import load_taxonomy  # noqa: E402
from app.ml.normalise import LabelIndex  # noqa: E402

K = (1, 5, 10)


def evaluate(
    pairs: list[tuple[str, str]], rank: Callable[[str], list[str]]
) -> dict[str, float]:
    """MRR (rank within the top 10, else 0) and Recall@k, plus ms per query."""
    reciprocal = 0.0
    hits = dict.fromkeys(K, 0)
    times = []
    for text, gold in pairs:
        start = time.perf_counter()
        ranked = rank(text)
        times.append((time.perf_counter() - start) * 1000)
        if gold in ranked:
            position = ranked.index(gold) + 1
            reciprocal += 1 / position
            for k in K:
                hits[k] += position <= k
    n = len(pairs)
    result = {"MRR@10": reciprocal / n}
    result.update({f"R@{k}": hits[k] / n for k in K})
    result["ms/query (median)"] = statistics.median(times)
    return result


def main() -> int:
    """Run the benchmark and print its figures."""
    data = shared_data()
    titles = data / "benchmarks/job-titles/jobbert_titles_dev.csv" if data else None
    esco = data / "esco" if data else None
    bundle = (
        [
            esco / "esco-v1.1.1-classification-en-csv.zip",
            esco / "esco-v1.1.1-relations-csv.zip",
        ]
        if esco
        else []
    )
    if titles is None or not titles.exists() or not all(p.exists() for p in bundle):
        print(
            "Shared data not found (../shared/data or $JOBUNIVERS_SHARED_DATA); skipped."
        )
        return 0
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )

    taxonomy = load_taxonomy(bundle, languages=["en"])
    occupations = list(taxonomy.occupations.values())
    by_label = {c.preferred("en"): c.uri for c in occupations}
    with titles.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    pairs = [(r["text"], by_label[r["label"]]) for r in rows if r["label"] in by_label]
    print(
        f"ESCO {taxonomy.version}: {len(occupations)} occupations; "
        f"{len(pairs)} of {len(rows)} dev pairs have a gold label in it"
    )

    start = time.perf_counter()
    index = LabelIndex.build(occupations, ("en",))
    print(f"index build: {time.perf_counter() - start:.1f} s, {len(index)} labels")

    ours = evaluate(pairs, lambda text: [s.uri for s in index.search(text, limit=10)])
    preferred = list(by_label)
    baseline = evaluate(
        pairs,
        lambda text: [
            by_label[m[0]] for m in process.extract(text, preferred, limit=10)
        ],
    )
    # extractOne is what a first attempt would call; its hit rate is Recall@1.
    one = sum(
        process.extractOne(text, preferred)[0] == taxonomy.label(gold)
        for text, gold in pairs
    ) / len(pairs)

    print(f"{'':38} {'MRR@10':>7} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'ms/q':>6}")
    for name, result in (
        ("LabelIndex.search (pref + alt labels)", ours),
        ("baseline: rapidfuzz WRatio, pref only", baseline),
    ):
        print(
            f"{name:38} {result['MRR@10']:7.3f} {result['R@1']:6.3f} "
            f"{result['R@5']:6.3f} {result['R@10']:6.3f} "
            f"{result['ms/query (median)']:6.1f}"
        )
    print(f"baseline process.extractOne Recall@1: {one:.3f}")
    missing = len(rows) - len(pairs)
    share = len(pairs) / len(rows)
    print(
        f"counting the {missing} pairs whose gold label is not in ESCO "
        f"{taxonomy.version} as misses: ours MRR@10 {ours['MRR@10'] * share:.3f}, "
        f"R@1 {ours['R@1'] * share:.3f}; baseline MRR@10 "
        f"{baseline['MRR@10'] * share:.3f}, R@1 {baseline['R@1'] * share:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
