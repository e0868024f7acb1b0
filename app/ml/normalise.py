"""Free text -> ranked taxonomy concepts, in Danish and English.

Two signals are combined:

* character n-gram TF-IDF (cosine, computed as one sparse product over every label),
  which is tolerant of typos, inflection and Danish compounds and finds candidates fast;
* rapidfuzz string similarity on the best candidates, which rewards labels that match
  the words of the query in any order.

Preferred labels weigh a little more than alternative labels, and each concept is
reported once, through its best-matching label. For typed text (the autocomplete),
labels that begin with what was typed come first, then labels with a word that begins
with it ("lager" -> Lagerstyring, then "Håndscanner og lagersystem"), then the rest;
when some label begins so, weak matches elsewhere in a word (Klagebehandling) are left
out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from app.ml.taxonomy import Concept

MODEL_VERSION = "normalise-2025.1"

# Alternative labels are often broader or older names; a small discount lets the
# preferred label win when both match equally well.
ALTERNATIVE_LABEL_WEIGHT = 0.95
# Share of the final score that comes from the TF-IDF cosine; the rest is rapidfuzz.
TFIDF_SHARE = 0.5
# Labels re-scored by rapidfuzz per query; enough to hold every label of the ten best
# concepts in practice, small enough to stay within a few milliseconds.
CANDIDATES = 200
# Where typed text begins a label (PREFIX_LABEL) or a word of it (PREFIX_WORD); a tier
# outranks any score, since a score never exceeds 1.
PREFIX_LABEL = 2
PREFIX_WORD = 1
# Beside labels that begin with the typed text, other matches need this score to be
# shown at all: a shared piece of a word ("lage" in Klagebehandling) is not enough.
MIN_SCORE_BESIDE_PREFIX = 0.55

# Words that never name a skill on their own; spans may not start or end with them.
_STOPWORD_TEXT = """
    a an and are as at be by for from has have in is it of on or our the to we
    will with you your this that who can must should able experience knowledge
    skills skill strong good excellent years year working work plus etc
    og i at en et er der de den det som til med for af pa har vi du kan skal vil
    eller samt fra om over under god gode erfaring kendskab kompetencer"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})
_NON_WORD = re.compile(r"[^0-9a-z+#]+")


def fold(text: str) -> str:
    """Lower-case, spell Danish letters in ASCII, drop accents and punctuation."""
    text = text.casefold().translate(_FOLD)
    if not text.isascii():  # most labels are plain ASCII by now: skip the slow path
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # "+" and "#" are kept so that C++ and C# stay distinct from C.
    return _NON_WORD.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One concept suggested for a piece of text."""

    uri: str
    label: str
    score: float
    matched_label: str
    # The language of matched_label.
    lang: str
    model_version: str = MODEL_VERSION
    # The language of label (None for a concept named by its URI).
    label_lang: str | None = None


@dataclass(frozen=True, slots=True)
class _Label:
    concept: int
    text: str
    lang: str
    preferred: bool


class LabelIndex:
    """A search index over the labels of a set of concepts; build once, query often."""

    def __init__(
        self,
        concepts: Sequence[Concept],
        languages: Sequence[str],
        labels: Sequence[_Label],
        folded: Sequence[str],
        vectorizer: TfidfVectorizer,
        matrix: sparse.csr_matrix,
    ) -> None:
        self.concepts = tuple(concepts)
        self.languages = tuple(languages)
        self._labels = tuple(labels)
        self._folded = list(folded)
        self._vectorizer = vectorizer
        # Stored transposed (n-gram x label) so that a query row times this matrix
        # touches only the labels that share an n-gram with the query.
        self._by_gram = matrix.T.tocsr()
        self._concept_of = np.fromiter((lb.concept for lb in labels), dtype=np.int64)
        self._weight = np.where(
            np.fromiter((lb.preferred for lb in labels), dtype=bool),
            1.0,
            ALTERNATIVE_LABEL_WEIGHT,
        )
        self._lang_of = np.array([lb.lang for lb in labels], dtype=object)

    @classmethod
    def build(
        cls, concepts: Iterable[Concept], languages: Sequence[str] = ("da", "en")
    ) -> LabelIndex:
        """Index preferred and alternative labels of `concepts` in `languages`.

        A concept with no label in any of the languages is indexed by whatever labels
        it has, so that it stays findable.
        """
        concept_list = list(concepts)
        labels: list[_Label] = []
        folded: list[str] = []
        for number, concept in enumerate(concept_list):
            langs = [lang for lang in languages if concept.labels_in(lang)]
            if not langs:
                langs = list(concept.languages)
            for lang in langs:
                seen: set[str] = set()
                for position, text in enumerate(concept.labels_in(lang)):
                    key = fold(text)
                    if key and key not in seen:
                        seen.add(key)
                        labels.append(_Label(number, text, lang, position == 0))
                        folded.append(key)
        # Texts reach the vectorizer already folded (each label once, each query in
        # _cosine), so it does no case or accent work of its own.
        vectorizer = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 4),
            lowercase=False,
            sublinear_tf=True,
            dtype=np.float32,
        )
        if labels:
            matrix = vectorizer.fit_transform(folded)
        else:
            matrix = sparse.csr_matrix((0, 0), dtype=np.float32)
        return cls(concept_list, languages, labels, folded, vectorizer, matrix)

    def __len__(self) -> int:
        return len(self._labels)

    def _cosine(self, folded_texts: list[str]) -> np.ndarray:
        """Cosine similarity of each folded text with every label: (texts, labels)."""
        queries = self._vectorizer.transform(folded_texts)
        return (queries @ self._by_gram).toarray()

    def search(
        self, text: str, limit: int = 10, lang: str | None = None
    ) -> list[Suggestion]:
        """Rank concepts whose labels best match `text` (optionally one language)."""
        query = fold(text)
        if not query or not self._labels or limit <= 0:
            return []
        cosine = self._cosine([query])[0]
        if lang is not None:
            cosine = np.where(self._lang_of == lang, cosine, 0.0)
        candidates = _top_indices(cosine, CANDIDATES)
        candidates = candidates[cosine[candidates] > 0.0]
        if candidates.size == 0:
            return []
        choices = [self._folded[i] for i in candidates]
        # WRatio handles partial input (autocomplete) and token_set_ratio word order;
        # the better of the two is used.
        wratio = process.cdist([query], choices, scorer=fuzz.WRatio)[0]
        token_set = process.cdist([query], choices, scorer=fuzz.token_set_ratio)[0]
        string_sim = np.maximum(wratio, token_set) / 100.0
        scores = (
            TFIDF_SHARE * cosine[candidates] + (1.0 - TFIDF_SHARE) * string_sim
        ) * self._weight[candidates]
        tiers = np.array([_prefix_tier(query, choice) for choice in choices])
        if tiers.any():
            keep = (tiers > 0) | (scores >= MIN_SCORE_BESIDE_PREFIX)
            candidates, scores, tiers = candidates[keep], scores[keep], tiers[keep]
        return self._best_per_concept(candidates, scores, limit, lang, tiers + scores)

    def extract_skills(
        self, sentence: str, limit: int = 10, lang: str | None = None
    ) -> list[Suggestion]:
        """Rank concepts named anywhere in a longer sentence (e.g. a job ad line).

        The sentence is cut into spans of one to four words; each span is matched
        against every label in one sparse product, and a concept keeps the score of
        its best span.
        """
        spans = _spans(fold(sentence))
        if not spans or not self._labels or limit <= 0:
            return []
        cosine = self._cosine(spans)
        if lang is not None:
            cosine[:, self._lang_of != lang] = 0.0
        best_span = cosine.argmax(axis=0)
        best = cosine[best_span, np.arange(cosine.shape[1])]
        candidates = _top_indices(best, CANDIDATES)
        candidates = candidates[best[candidates] > 0.0]
        if candidates.size == 0:
            return []
        string_sim = np.array(
            [
                fuzz.token_set_ratio(spans[best_span[i]], self._folded[i]) / 100.0
                for i in candidates
            ]
        )
        scores = (
            TFIDF_SHARE * best[candidates] + (1.0 - TFIDF_SHARE) * string_sim
        ) * self._weight[candidates]
        return self._best_per_concept(candidates, scores, limit, lang)

    def _best_per_concept(
        self,
        candidates: np.ndarray,
        scores: np.ndarray,
        limit: int,
        lang: str | None,
        rank: np.ndarray | None = None,
    ) -> list[Suggestion]:
        # Best label first (by rank, else score); ties by label position keep the
        # result deterministic.
        order = np.lexsort((candidates, -(scores if rank is None else rank)))
        seen: set[int] = set()
        result: list[Suggestion] = []
        for position in order:
            label = self._labels[candidates[position]]
            if label.concept in seen:
                continue
            seen.add(label.concept)
            concept = self.concepts[label.concept]
            text, text_lang = concept.preferred_in(lang or label.lang)
            result.append(
                Suggestion(
                    uri=concept.uri,
                    label=text,
                    score=round(float(scores[position]), 6),
                    matched_label=label.text,
                    lang=label.lang,
                    label_lang=text_lang,
                )
            )
            if len(result) == limit:
                break
        return result


def _prefix_tier(query: str, label: str) -> int:
    """PREFIX_LABEL when the folded label begins with the folded query, PREFIX_WORD
    when one of its words does, else 0."""
    if label.startswith(query):
        return PREFIX_LABEL
    if f" {query}" in f" {label}":
        return PREFIX_WORD
    return 0


def _top_indices(values: np.ndarray, count: int) -> np.ndarray:
    """Indices of the `count` largest values (unordered), all of them when fewer."""
    if values.size <= count:
        return np.arange(values.size)
    return np.argpartition(values, -count)[-count:]


def _spans(folded: str, max_words: int = 4) -> list[str]:
    """Word spans of a folded sentence that neither start nor end with a stopword."""
    words = folded.split()
    spans: dict[str, None] = {}
    for start, first in enumerate(words):
        if first in STOPWORDS:
            continue
        for end in range(start, min(start + max_words, len(words))):
            if words[end] in STOPWORDS:
                continue
            spans[" ".join(words[start : end + 1])] = None
    return list(spans)
