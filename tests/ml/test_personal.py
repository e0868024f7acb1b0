"""Personal competences against a posting's words and its transversal skills."""

from __future__ import annotations

from app.cv.labels import PERSONAL_COMPETENCES
from app.ml.personal import CUES, PersonalMatch, personal_matches

DANISH_AD = (
    "Vi søger en mødestabil lagermedarbejder, der er god til at samarbejde og kan "
    "bevare roen i travlhed. Du er tålmodig og har et godt overblik."
)


def test_every_coded_competence_has_cues() -> None:
    assert set(CUES) == set(PERSONAL_COMPETENCES)


def test_danish_words_in_the_text_match_coded_competences() -> None:
    found = personal_matches(
        ["reliable", "cooperative", "calm", "creative"], [], DANISH_AD
    )
    assert [m.code for m in found] == ["reliable", "cooperative", "calm"]


def test_english_text_and_a_transversal_skill_match() -> None:
    text = "You are a team player with strong attention to detail."
    found = personal_matches(
        ["cooperative", "careful", "physically_fit"], [], text, ["Move objects"]
    )
    assert found == (
        PersonalMatch(code="cooperative"),
        PersonalMatch(code="careful"),
        PersonalMatch(code="physically_fit", via="skill"),
    )


def test_own_words_match_inflected_forms_and_short_words_do_not() -> None:
    assert personal_matches([], ["Tålmodighed"], DANISH_AD) == (
        PersonalMatch(text="Tålmodighed"),
    )
    assert personal_matches([], ["god", "og"], DANISH_AD) == ()
    assert personal_matches([], ["humoristisk"], DANISH_AD) == ()
