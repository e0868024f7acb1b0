"""Where the benchmarks find the public data beside the project (never committed here)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parent.parent


def embedding_cache() -> Path:
    """Where label embeddings are cached between runs (never in the repository)."""
    return Path(
        os.environ.get("JOBUNIVERS_EMBEDDING_CACHE", "/tmp/jobunivers-embeddings")
    )


def shared_data() -> Path | None:
    """The shared data folder, or None when it is not on this machine."""
    candidates = [os.environ.get("JOBUNIVERS_SHARED_DATA"), ROOT.parent / "shared/data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


class TfidfBaseline:
    """The baseline every ranking here is compared with, in the same run: TF-IDF over
    character 3-5-grams (within word boundaries) of every preferred AND alternative
    label, cosine with the query, each concept scored by its best label."""

    def __init__(self, concepts, lang: str = "en") -> None:
        self.uris = [c.uri for c in concepts]
        self.preferred = [c.preferred(lang) for c in concepts]
        texts, owners = [], []
        for number, concept in enumerate(concepts):
            for label in concept.labels_in(lang) or (concept.preferred(lang),):
                texts.append(label.lower())
                owners.append(number)
        self._owner = np.array(owners)
        self._vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True
        )
        self._by_gram = self._vectorizer.fit_transform(texts).T.tocsr()

    def rank(self, text: str, limit: int = 10) -> list[int]:
        """Concept numbers, best first."""
        cosine = (self._vectorizer.transform([text.lower()]) @ self._by_gram).toarray()[
            0
        ]
        best = np.zeros(len(self.uris))
        np.maximum.at(best, self._owner, cosine)
        top = np.argsort(-best, kind="stable")[:limit]
        return [int(i) for i in top if best[i] > 0]
