"""The hybrid normaliser: lexical alone without a model, semantic synonyms with one."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.ml.normalise import LabelIndex
from app.ml.semantic import HybridIndex, cached_passages
from app.ml.taxonomy import Taxonomy

# A stand-in for the embedding model: texts mentioning a word of a group share a
# direction, so "programmer" and "software developer" are close without sharing
# letters, as a real model would place them.
GROUPS = (
    ("software", "programmer", "coder", "softwareudvikler"),
    ("warehouse", "lager", "stock", "picker"),
    ("nurse", "sygeplej", "ward"),
)


class FakeEmbedder:
    def __init__(self) -> None:
        self.calls = 0

    def _vectors(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        rows = np.full((len(texts), len(GROUPS) + 1), 0.01, dtype=np.float32)
        for row, text in enumerate(texts):
            for column, words in enumerate(GROUPS):
                if any(word in text.lower() for word in words):
                    rows[row, column] = 1.0
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    def query(self, texts: Sequence[str]) -> np.ndarray:
        return self._vectors(texts)

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        return self._vectors(texts)


def _lexical(taxonomy: Taxonomy) -> LabelIndex:
    return LabelIndex.build(taxonomy.occupations.values(), ("da", "en"))


def test_without_a_model_the_ranking_is_the_lexical_one(taxonomy: Taxonomy) -> None:
    lexical = _lexical(taxonomy)
    hybrid = HybridIndex(lexical)
    assert not hybrid.semantic
    for text in ("sygeplejeske", "lager", "bus driver"):
        assert hybrid.search(text, limit=5) == lexical.search(text, limit=5)


def test_a_synonym_without_shared_letters_is_found_with_a_model(
    taxonomy: Taxonomy,
) -> None:
    lexical = _lexical(taxonomy)
    assert all(s.uri != "occ:software" for s in lexical.search("coder", limit=3))
    hybrid = HybridIndex(lexical, FakeEmbedder())
    assert hybrid.search("coder", limit=1)[0].uri == "occ:software"
    # What the lexical index finds well stays on top.
    assert hybrid.search("sygeplejerske", limit=1)[0].uri == "occ:nurse"


def test_label_embeddings_are_cached_in_a_file(tmp_path) -> None:
    embedder = FakeEmbedder()
    first = cached_passages(embedder, ["nurse", "stock picker"], tmp_path)
    second = cached_passages(embedder, ["nurse", "stock picker"], tmp_path)
    assert embedder.calls == 1
    assert np.array_equal(first, second)
    assert len(list(tmp_path.glob("labels-p-*.npy"))) == 1
