"""Free text to taxonomy concepts: typos, word order, Danish and English."""

from __future__ import annotations

import pytest

from app.ml.normalise import MODEL_VERSION, LabelIndex, fold
from app.ml.taxonomy import Taxonomy, make_concept


@pytest.fixture(scope="module")
def occupations(taxonomy: Taxonomy) -> LabelIndex:
    return LabelIndex.build(taxonomy.occupations.values(), ("da", "en"))


@pytest.fixture(scope="module")
def skills(taxonomy: Taxonomy) -> LabelIndex:
    return LabelIndex.build(taxonomy.skills.values(), ("da", "en"))


def test_fold_spells_danish_letters_and_drops_punctuation() -> None:
    assert fold("Tømrer/Snedker, ÆBLE-Å") == "toemrer snedker aeble aa"
    assert fold("C++ og C#") == "c++ og c#"


def test_typo_in_danish_finds_the_nurse(occupations: LabelIndex) -> None:
    top = occupations.search("sygeplejeske")[0]
    assert top.uri == "occ:nurse"
    assert top.label == "sygeplejerske"
    assert top.lang == "da"
    assert top.model_version == MODEL_VERSION


@pytest.mark.parametrize(
    ("text", "uri"),
    [
        ("developer software", "occ:software"),
        ("software developer", "occ:software"),
        ("driver bus", "occ:busdriver"),
        ("carpenter", "occ:carpenter"),
        ("tømrer", "occ:carpenter"),
        ("tomrer", "occ:carpenter"),
        ("lagerarbejdr", "occ:warehouse"),
        ("sosu assistent", "occ:sosu"),
        ("sygepl", "occ:nurse"),
    ],
)
def test_word_order_typos_and_both_languages(
    occupations: LabelIndex, text: str, uri: str
) -> None:
    assert occupations.search(text)[0].uri == uri


def test_english_query_reports_english_match(occupations: LabelIndex) -> None:
    top = occupations.search("registred nurse")[0]
    assert (top.uri, top.lang, top.matched_label) == (
        "occ:nurse",
        "en",
        "registered nurse",
    )
    assert top.label == "nurse"


def test_language_filter_keeps_one_language(occupations: LabelIndex) -> None:
    results = occupations.search("nurse", lang="da")
    assert results
    assert {s.lang for s in results} == {"da"}


def test_concept_without_the_language_still_findable(occupations: LabelIndex) -> None:
    # The help desk agent has no Danish label; it is indexed by its English one.
    assert occupations.search("help desk")[0].uri == "occ:helpdesk"


def test_each_concept_once_and_scores_descending(occupations: LabelIndex) -> None:
    results = occupations.search("driver", limit=10)
    uris = [s.uri for s in results]
    assert len(uris) == len(set(uris))
    scores = [s.score for s in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)


def test_preferred_label_outranks_identical_alternative() -> None:
    concepts = [
        make_concept("a", "occupation", {"en": ["chef", "kitchen boss"]}),
        make_concept("b", "occupation", {"en": ["head cook", "chef"]}),
    ]
    results = LabelIndex.build(concepts, ("en",)).search("chef")
    assert [s.uri for s in results[:2]] == ["a", "b"]
    assert results[0].score > results[1].score


def test_search_is_deterministic(occupations: LabelIndex) -> None:
    assert occupations.search("chauffør", limit=5) == occupations.search(
        "chauffør", limit=5
    )


@pytest.mark.parametrize("text", ["", "   ", "!!"])
def test_empty_query_gives_nothing(occupations: LabelIndex, text: str) -> None:
    assert occupations.search(text) == []


def test_limit_is_respected(occupations: LabelIndex) -> None:
    assert len(occupations.search("er", limit=3)) <= 3
    assert occupations.search("nurse", limit=0) == []


def test_empty_index_finds_nothing() -> None:
    index = LabelIndex.build([], ("da",))
    assert len(index) == 0
    assert index.search("nurse") == []
    assert index.extract_skills("nurse") == []


def test_extract_skills_from_an_english_sentence(skills: LabelIndex) -> None:
    found = skills.extract_skills(
        "You have forklift experience and excellent customer service", limit=3
    )
    assert {s.uri for s in found[:2]} == {"skill:forklift", "skill:customer-service"}


def test_extract_skills_from_a_danish_sentence(skills: LabelIndex) -> None:
    found = skills.extract_skills(
        "Vi søger en kollega med erfaring i patientpleje og førstehjælp", limit=2
    )
    assert {s.uri for s in found} == {"skill:patient-care", "skill:first-aid"}


# Warehouse words as the demo taxonomy has them; "lager" also hides inside Klagebehandling.
WAREHOUSE_SKILLS = {
    "stock": {"da": ["Lagerstyring"], "en": ["Stock control"]},
    "scanner": {
        "da": ["Håndscanner og lagersystem"],
        "en": ["Use warehouse management systems"],
    },
    "complaints": {"da": ["Klagebehandling"], "en": ["Handle customer complaints"]},
    "didactics": {"da": ["Didaktik", "læringsmål"], "en": ["Didactics"]},
    "warehouse-work": {"da": ["Lagerarbejde"], "en": ["Warehouse work"]},
    "clerk": {"da": ["Lagerekspedient"], "en": ["Stock clerk"]},
    "passengers": {"da": ["Passagerbetjening"], "en": ["Assist passengers"]},
    "software": {"da": ["Softwaretest"], "en": ["Software testing"]},
    "hardware": {"da": ["Opsætning af hardware"], "en": ["Install hardware"]},
}


@pytest.fixture(scope="module")
def warehouse() -> LabelIndex:
    concepts = [
        make_concept(uri, "skill", labels) for uri, labels in WAREHOUSE_SKILLS.items()
    ]
    return LabelIndex.build(concepts, ("da", "en"))


def test_labels_beginning_with_the_text_come_first(warehouse: LabelIndex) -> None:
    uris = [s.uri for s in warehouse.search("lager", limit=8)]
    assert set(uris[:3]) == {"stock", "warehouse-work", "clerk"}
    # Then a label with a word that begins so ("... og lagersystem").
    assert uris[3] == "scanner"
    # A piece of a word (kLAGEbehandling) is no match beside real ones.
    assert "complaints" not in uris and "didactics" not in uris


def test_words_beginning_with_english_text_come_first(warehouse: LabelIndex) -> None:
    uris = [s.uri for s in warehouse.search("ware", limit=8)]
    # Before softWARE and hardWARE, which only contain the text.
    assert uris[:2] == ["warehouse-work", "scanner"]


@pytest.mark.parametrize(
    ("text", "first"), [("lagerarbjde", "warehouse-work"), ("stok control", "stock")]
)
def test_a_typo_without_a_prefix_is_still_found(
    warehouse: LabelIndex, text: str, first: str
) -> None:
    assert warehouse.search(text)[0].uri == first


def test_the_label_says_its_language() -> None:
    concepts = [
        make_concept("a", "skill", {"da": ["Lagerstyring"], "en": ["Stock control"]}),
        make_concept("b", "skill", {"en": ["Stock shelves"]}),
    ]
    found = {s.uri: s for s in LabelIndex.build(concepts).search("stock", lang="en")}
    assert (found["b"].label, found["b"].label_lang) == ("Stock shelves", "en")
    assert concepts[0].preferred_in("da") == ("Lagerstyring", "da")
    assert concepts[1].preferred_in("da") == ("Stock shelves", "en")
    assert make_concept("c", "skill", {}).preferred_in("da") == ("c", None)
