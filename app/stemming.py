"""Danish words to their stems (the Snowball Danish algorithm) for full-text search.

Written out here from the published algorithm (snowballstem.org/algorithms/danish) rather
than installed: it is seventy lines, needs nothing, and gives the same stems as the Snowball
Danish stemmer PostgreSQL's 'danish' configuration uses, so SQLite and PostgreSQL find the
same words ("sygeplejersker" and "sygeplejerske" both become "sygeplejersk"). English words
go through the same rules (plural -s and -es, -ed endings come off), which is enough for a
title search in both languages. Pure Python; used by app.db for SQLite's search index.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = frozenset("aeiouyæåø")
_S_ENDING = frozenset("abcdfghjklmnoprtvyzå")
_MAIN_SUFFIXES = sorted(
    (
        "hed",
        "ethed",
        "ered",
        "e",
        "erede",
        "ende",
        "erende",
        "ene",
        "erne",
        "ere",
        "en",
        "heden",
        "eren",
        "er",
        "heder",
        "erer",
        "heds",
        "es",
        "endes",
        "erendes",
        "enes",
        "ernes",
        "eres",
        "ens",
        "hedens",
        "erens",
        "ers",
        "ets",
        "erets",
        "et",
        "eret",
    ),
    key=len,
    reverse=True,
)
_CONSONANT_PAIRS = ("gd", "dt", "gt", "kt")
_OTHER_SUFFIXES = ("elig", "lig", "els", "ig")
_WORD = re.compile(r"[^\W_]+")
# A word longer than this is not a word; it is indexed and searched cut to this length.
MAX_WORD = 60


def _r1(word: str) -> int:
    """Where region R1 starts: after the first non-vowel that follows a vowel, at least 3."""
    for i in range(1, len(word)):
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
            return max(i + 1, 3)
    return len(word)


def _consonant_pair(word: str, r1: int) -> str:
    if word[r1:].endswith(_CONSONANT_PAIRS):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball Danish stem of one lower-case word."""
    if len(word) < 3:
        return word
    r1 = _r1(word)
    # Step 1: the main suffixes (the longest in R1), or an -s after a valid s-ending.
    region = word[r1:]
    for suffix in _MAIN_SUFFIXES:
        if region.endswith(suffix):
            word = word[: -len(suffix)]
            break
    else:
        if region.endswith("s") and len(word) >= 2 and word[-2] in _S_ENDING:
            word = word[:-1]
    # Step 2: gd, dt, gt, kt lose their last letter.
    word = _consonant_pair(word, r1)
    # Step 3: igst -> ig; then ig, lig, elig, els (and step 2 again) or løst -> løs.
    if word.endswith("igst"):
        word = word[:-2]
    region = word[r1:]
    if region.endswith("løst"):
        word = word[:-1]
    else:
        for suffix in _OTHER_SUFFIXES:
            if region.endswith(suffix):
                word = _consonant_pair(word[: -len(suffix)], r1)
                break
    # Step 4: a double consonant at the end (in R1) loses one.
    if (
        len(word) > r1
        and len(word) >= 2
        and word[-1] not in _VOWELS
        and word[-1] == word[-2]
    ):
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of text, lower-case, each at most MAX_WORD letters."""
    return [w[:MAX_WORD] for w in _WORD.findall(text.lower())]


def stemmed_text(text: str | None) -> str:
    """Text as the space-separated stems of its words (what SQLite's index holds)."""
    return " ".join(stem(w) for w in words(text or ""))
