"""Personal competences against what a posting asks for.

A citizen describes themself with the 16 coded words of "Mit CV" (reliable,
cooperative, ...) and in their own words. A posting asks for personal qualities in its
text ("du er mødestabil og god til at samarbejde", "you are a team player") and through
transversal ESCO skills ("work in teams", "cope with stress"). A competence matches a
posting when one of its cue words begins a word of the posting's text, or when one of
its transversal ESCO skills is among the posting's skills; a free-text competence
matches when its words (each at least five letters, or their stems) are in the text.

Cues are folded (see app.ml.normalise.fold): æ ø å are written ae oe aa.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.ml.normalise import STOPWORDS, fold

# code -> (word beginnings in Danish and English, transversal ESCO skill labels)
CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "reliable": (
        ("paalidelig", "moedestabil", "stabil", "reliable", "dependable", "trustworth"),
        ("demonstrate trustworthiness", "meet commitments"),
    ),
    "cooperative": (
        (
            "samarbejd",
            "teamplayer",
            "holdspiller",
            "kollegial",
            "team player",
            "teamwork",
            "cooperat",
            "collaborat",
        ),
        ("work in teams", "build team spirit"),
    ),
    "independent": (
        ("selvstaendig", "independen", "self motivated", "selvkoerende"),
        ("work independently",),
    ),
    "customer_minded": (
        ("kundeservice", "servicemind", "kundeorient", "serviceorient", "customer"),
        ("ensure customer orientation",),
    ),
    "structured": (
        ("struktur", "organised", "organized", "systematisk", "systematic"),
        ("organise information, objects and resources", "manage time", "plan"),
    ),
    "flexible": (
        ("fleksib", "omstillingsparat", "flexib", "adaptab"),
        ("adapt to change", "cope with uncertainty"),
    ),
    "punctual": (
        ("punktlig", "moedestabil", "punctual", "on time"),
        ("meet commitments",),
    ),
    "positive": (
        ("positiv", "godt humoer", "smil", "positive", "upbeat"),
        ("approach challenges positively",),
    ),
    "responsible": (
        ("ansvarsbevidst", "ansvarsfuld", "tager ansvar", "responsib"),
        ("assume responsibility",),
    ),
    "quick_learner": (
        (
            "laerenem",
            "hurtig til at laere",
            "laeringsparat",
            "quick learner",
            "eager to learn",
            "willing to learn",
        ),
        ("demonstrate willingness to learn",),
    ),
    "initiative": (
        ("initiativ", "proaktiv", "selvstarter", "proactive", "self starter"),
        ("show initiative",),
    ),
    "careful": (
        (
            "omhyggelig",
            "grundig",
            "detaljeorient",
            "sans for detalje",
            "careful",
            "thorough",
            "attention to detail",
            "detail orient",
        ),
        ("attend to detail", "use equipment, tools or technology with precision"),
    ),
    "calm": (
        (
            "rolig",
            "bevarer overblik",
            "travlhed",
            "arbejde under pres",
            "stress",
            "calm",
            "under pressure",
        ),
        ("cope with stress", "manage frustration"),
    ),
    "communicative": (
        ("kommunikat", "formulere", "communicat"),
        ("address an audience", "use communication and collaboration software"),
    ),
    "creative": (
        ("kreativ", "innovativ", "creativ", "innovative"),
        ("think creatively", "think innovately", "express yourself creatively"),
    ),
    "physically_fit": (
        ("fysisk", "god fysik", "physically", "physical", "lift", "loeft"),
        ("maintain physical fitness", "adjust to physical demands", "move objects"),
    ),
}

# A word of the citizen's own text is looked for by its first letters: Danish inflects
# ("tålmodig", "tålmodighed"), so a stem of this share of the word, at least MIN_STEM.
MIN_WORD = 5
MIN_STEM = 5
STEM_SHARE = 0.7


@dataclass(frozen=True, slots=True)
class PersonalMatch:
    """A personal competence the posting asks for: a code, or the citizen's words."""

    code: str | None = None
    text: str | None = None
    # "text" (found in the posting's words) or "skill" (a transversal ESCO skill).
    via: str = "text"


def _has_cue(padded_text: str, cue: str) -> bool:
    """Whether a word of the (space-padded, folded) text begins with the cue."""
    return f" {cue}" in padded_text


def personal_matches(
    codes: Iterable[str],
    free_texts: Iterable[str],
    posting_text: str,
    posting_skill_labels: Iterable[str] = (),
) -> tuple[PersonalMatch, ...]:
    """The citizen's personal competences that the posting asks for, in their order."""
    padded = f" {fold(posting_text)} "
    skill_labels = {fold(label) for label in posting_skill_labels}
    found: list[PersonalMatch] = []
    for code in dict.fromkeys(codes):
        cues, esco = CUES.get(code, ((), ()))
        if any(fold(label) in skill_labels for label in esco):
            found.append(PersonalMatch(code=code, via="skill"))
        elif any(_has_cue(padded, cue) for cue in cues):
            found.append(PersonalMatch(code=code))
    for text in dict.fromkeys(t.strip() for t in free_texts if t and t.strip()):
        if _words_found(padded, fold(text).split()):
            found.append(PersonalMatch(text=text))
    return tuple(found)


def _words_found(padded_text: str, words: Sequence[str]) -> bool:
    """Whether every meaningful word of a short phrase begins a word of the text."""
    meaningful = [w for w in words if len(w) >= MIN_WORD and w not in STOPWORDS]
    if not meaningful:
        return False
    return all(
        _has_cue(padded_text, w[: max(MIN_STEM, round(len(w) * STEM_SHARE))])
        for w in meaningful
    )
