"""A free-text posting -> an occupation and the skills it asks for, each with a confidence.

Used for postings that arrive without taxonomy codes (JSON-LD, JobTech feeds). The title
goes through the same normaliser as the autocomplete; the description is cut into
sentences (Danish and English alike), each sentence's skills are found with
`LabelIndex.extract_skills`, and a skill keeps its best sentence's score as its
confidence. Only confident findings are kept: a wrong skill on a posting misleads both
the citizen and the matcher more than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from app.ml.normalise import Suggestion

# An occupation is set from the title only at or above this score (0-1).
MIN_OCCUPATION_CONFIDENCE = 0.7
# A skill is kept at or above this score; an exact label in the text scores 1.0.
MIN_SKILL_CONFIDENCE = 0.8
SKILLS_PER_SENTENCE = 3
MAX_SKILLS = 15
MAX_SENTENCES = 80
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+|\s[•·\-–]\s")


class Normaliser(Protocol):
    def search(
        self, text: str, limit: int = 10, lang: str | None = None
    ) -> list[Suggestion]: ...

    def extract_skills(
        self, sentence: str, limit: int = 10, lang: str | None = None
    ) -> list[Suggestion]: ...


@dataclass(frozen=True, slots=True)
class Inferred:
    """A concept found in a posting's text, and how sure the finding is (0-1)."""

    uri: str
    confidence: float
    # The label that matched, for showing why.
    matched: str


def infer_occupation(titles: Normaliser, title: str) -> Inferred | None:
    """The occupation a posting's title names, if the normaliser is sure enough."""
    found = titles.search(title, limit=1)
    if not found or found[0].score < MIN_OCCUPATION_CONFIDENCE:
        return None
    best = found[0]
    return Inferred(best.uri, round(min(best.score, 1.0), 2), best.matched_label)


def sentences(text: str) -> list[str]:
    """The sentences and list items of a description, short ones dropped."""
    parts = (part.strip() for part in _SENTENCE.split(text or ""))
    return [part for part in parts if len(part) >= 3][:MAX_SENTENCES]


def extract_skills(skills: Normaliser, *texts: str) -> list[Inferred]:
    """Skills named in the texts (title, description), best first, at most MAX_SKILLS."""
    best: dict[str, Inferred] = {}
    for text in texts:
        for sentence in sentences(text):
            for found in skills.extract_skills(sentence, limit=SKILLS_PER_SENTENCE):
                if found.score < MIN_SKILL_CONFIDENCE:
                    continue
                confidence = round(min(found.score, 1.0), 2)
                if found.uri not in best or best[found.uri].confidence < confidence:
                    best[found.uri] = Inferred(
                        found.uri, confidence, found.matched_label
                    )
    ranked = sorted(best.values(), key=lambda i: (-i.confidence, i.uri))
    return ranked[:MAX_SKILLS]
