"""Character-trigram cosine similarity between job titles and occupation labels.

`title_vector` and `title_cosine` compare one title with one label (the loop matcher);
`TitleMatrix` compares many titles with a few labels at once (the vectorised matcher).
Both normalise by every trigram of each text, so the two agree exactly.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse

from app.ml.normalise import fold

TitleVector = tuple[dict[str, int], float]


def _title_grams(text: str) -> list[str]:
    """Character trigrams of each word, padded with spaces (like sklearn's char_wb)."""
    grams: list[str] = []
    for word in fold(text).split():
        padded = f" {word} "
        grams.extend(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


@lru_cache(maxsize=65536)
def title_vector(title: str) -> TitleVector:
    """Trigram counts of a title and their Euclidean norm."""
    counts = Counter(_title_grams(title))
    return dict(counts), math.sqrt(sum(c * c for c in counts.values()))


def title_cosine(a: TitleVector, b: TitleVector) -> float:
    """Cosine similarity of two title vectors (0.0 when either is empty)."""
    (ca, na), (cb, nb) = a, b
    if na == 0 or nb == 0:
        return 0.0
    if len(ca) > len(cb):
        ca, cb = cb, ca
    return sum(v * cb.get(g, 0) for g, v in ca.items()) / (na * nb)


class TitleMatrix:
    """Normalised trigram counts of many titles, for comparing them all at once."""

    def __init__(self, titles: Iterable[str]) -> None:
        # Titles repeat a lot (postings of one occupation share a few titles), so the
        # trigram matrix holds each distinct title once; stored trigram x title, so
        # that a query touches only the titles sharing one of its trigrams.
        unique_titles: dict[str, int] = {}
        self.title_row = np.array(
            [unique_titles.setdefault(title, len(unique_titles)) for title in titles],
            dtype=np.int64,
        )
        self._grams: dict[str, int] = {}
        data: list[float] = []
        gram_ids: list[int] = []
        title_ids: list[int] = []
        for title, number in unique_titles.items():
            counts, norm = title_vector(title)
            for gram, count in counts.items():
                gram_ids.append(self._grams.setdefault(gram, len(self._grams)))
                title_ids.append(number)
                data.append(count / norm)
        self.titles_by_gram = sparse.csr_matrix(
            (np.array(data, dtype=np.float64), (gram_ids, title_ids)),
            shape=(len(self._grams), len(unique_titles)),
        )

    def best_similarity(
        self, texts: Sequence[str], weights: Sequence[float], rows: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """(weighted best, raw best) cosine of the titles at `rows` to any of `texts`."""
        if not texts or self.titles_by_gram.shape[1] == 0:
            zeros = np.zeros(rows.size)
            return zeros, zeros
        data: list[float] = []
        query_ids: list[int] = []
        gram_ids: list[int] = []
        for number, text in enumerate(texts):
            # Normalised by the label's full trigram count, including trigrams no
            # title has, exactly as `title_cosine` does.
            counts, norm = title_vector(text)
            for gram, count in counts.items():
                gram_id = self._grams.get(gram)
                if gram_id is not None:
                    query_ids.append(number)
                    gram_ids.append(gram_id)
                    data.append(count / norm)
        queries = sparse.csr_matrix(
            (data, (query_ids, gram_ids)), shape=(len(texts), len(self._grams))
        )
        by_title = (queries @ self.titles_by_gram).toarray()
        weighted = (by_title * np.asarray(weights)[:, None]).max(axis=0)
        raw = by_title.max(axis=0)
        title_rows = self.title_row[rows]
        return weighted[title_rows], raw[title_rows]
