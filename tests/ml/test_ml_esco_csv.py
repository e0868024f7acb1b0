"""Reading the official ESCO CSV layout from zip files and folders."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.ml.esco_csv import EscoBundle, load_taxonomy, normalise_skill_type
from tests.esco_layout import (
    ISCO_HEADER,
    OCCUPATION_HEADER,
    RELATION_HEADER,
    SKILL_HEADER,
    csv_text,
)

ESCO = "http://data.europa.eu/esco"
NURSE = f"{ESCO}/occupation/nurse"
COOK = f"{ESCO}/occupation/cook"
CARE = f"{ESCO}/skill/care"
HACCP = f"{ESCO}/skill/haccp"


def _occupations_en() -> str:
    return csv_text(
        OCCUPATION_HEADER,
        [
            {
                "conceptType": "Occupation",
                "conceptUri": NURSE,
                "iscoGroup": "2221",
                "preferredLabel": "nurse",
                "altLabels": "registered nurse\nnurse\ngeneral nurse",
                "hiddenLabels": "nurce",
                "description": "Nurses care for patients,\nin hospitals.",
                "code": "2221.1",
            },
            {
                "conceptType": "Occupation",
                "conceptUri": COOK,
                "iscoGroup": "5120",
                "preferredLabel": "cook",
                "altLabels": "",
                "code": "5120.1",
            },
        ],
    )


def _occupations_da() -> str:
    # An older Danish file: the cook is missing, and the nurse's group differs.
    return csv_text(
        OCCUPATION_HEADER,
        [
            {
                "conceptType": "Occupation",
                "conceptUri": NURSE,
                "iscoGroup": "2222",
                "preferredLabel": "sygeplejerske",
                "altLabels": "sygeplejer",
            }
        ],
    )


def _skills_en() -> str:
    return csv_text(
        SKILL_HEADER,
        [
            {
                "conceptType": "KnowledgeSkillCompetence",
                "conceptUri": CARE,
                "skillType": "skill/competence",
                "reuseLevel": "sector-specific",
                "preferredLabel": "patient care",
                "altLabels": "care for patients",
            },
            {
                "conceptType": "KnowledgeSkillCompetence",
                "conceptUri": HACCP,
                "skillType": "knowledge",
                "reuseLevel": "cross-sector",
                "preferredLabel": "HACCP",
            },
        ],
    )


def _isco(lang: str) -> str:
    label = {"en": "Health professionals", "da": "Sundhedsprofessionelle"}[lang]
    return csv_text(
        ISCO_HEADER,
        [
            {
                "conceptType": "ISCOGroup",
                "conceptUri": f"{ESCO}/isco/C22",
                "code": "22",
                "preferredLabel": label,
            }
        ],
    )


def _relations() -> str:
    return csv_text(
        RELATION_HEADER,
        [
            {
                "occupationUri": NURSE,
                "relationType": "essential",
                "skillType": "skill/competence",
                "skillUri": CARE,
            },
            {
                "occupationUri": COOK,
                "relationType": "essential",
                "skillType": "knowledge",
                "skillUri": HACCP,
            },
            {
                "occupationUri": NURSE,
                "relationType": "optional",
                "skillType": "knowledge",
                "skillUri": HACCP,
            },
            {
                "occupationUri": NURSE,
                "relationType": "broader",  # unknown relation types are skipped
                "skillType": "knowledge",
                "skillUri": HACCP,
            },
        ],
    )


@pytest.fixture
def bundle_paths(tmp_path: Path) -> list[Path]:
    classification = tmp_path / "esco-v1.2.0-classification-en-csv.zip"
    with zipfile.ZipFile(classification, "w") as archive:
        # The official files start with a byte-order mark.
        archive.writestr("occupations_en.csv", "\ufeff" + _occupations_en())
        archive.writestr("skills_en.csv", _skills_en())
        archive.writestr("ISCOGroups_en.csv", _isco("en"))
        archive.writestr("conceptSchemes_en.csv", "conceptType,conceptSchemeUri\n")
    relations = tmp_path / "esco-v1.2.0-relations-csv.zip"
    with zipfile.ZipFile(relations, "w") as archive:
        archive.writestr("occupationSkillRelations.csv", _relations())
    danish = tmp_path / "da"
    danish.mkdir()
    (danish / "occupations_da.csv").write_text(_occupations_da(), encoding="utf-8")
    (danish / "ISCOGroups_da.csv").write_text(_isco("da"), encoding="utf-8")
    return [classification, relations, danish]


def test_bundle_finds_files_languages_and_version(bundle_paths: list[Path]) -> None:
    bundle = EscoBundle(bundle_paths)
    assert bundle.languages("occupations") == ("da", "en")
    assert bundle.languages("skills") == ("en",)
    assert bundle.languages("isco_groups") == ("da", "en")
    assert bundle.version == "1.2.0"
    assert len(bundle.files("relations")) == 1
    # Files outside the four kinds (concept schemes, collections) are ignored.
    assert {m.kind for m in bundle.members} == {
        "occupations",
        "skills",
        "isco_groups",
        "relations",
    }


def test_occupation_rows_split_labels(bundle_paths: list[Path]) -> None:
    rows = list(EscoBundle(bundle_paths).occupations(["en"]))
    assert [r.uri for r in rows] == [NURSE, COOK]
    nurse = rows[0]
    assert nurse.lang == "en"
    # The preferred label first, then the alternatives without repeating it.
    assert nurse.labels == ("nurse", "registered nurse", "general nurse")
    assert nurse.hidden_labels == ("nurce",)
    assert nurse.isco_group == "2221"
    assert nurse.code == "2221.1"
    assert nurse.description == "Nurses care for patients,\nin hospitals."
    assert nurse.version == "1.2.0"
    assert rows[1].labels == ("cook",)


def test_skill_rows_have_skill_types(bundle_paths: list[Path]) -> None:
    rows = {r.uri: r for r in EscoBundle(bundle_paths).skills()}
    assert rows[CARE].skill_type == "skill/competence"
    assert rows[CARE].labels == ("patient care", "care for patients")
    assert rows[CARE].reuse_level == "sector-specific"
    assert rows[HACCP].skill_type == "knowledge"


def test_relation_rows(bundle_paths: list[Path]) -> None:
    rows = list(EscoBundle(bundle_paths).relations())
    assert [(r.occupation_uri, r.relation_type, r.skill_uri) for r in rows] == [
        (NURSE, "essential", CARE),
        (COOK, "essential", HACCP),
        (NURSE, "optional", HACCP),
    ]
    assert rows[1].skill_type == "knowledge"


def test_isco_groups_in_each_language(bundle_paths: list[Path]) -> None:
    rows = list(EscoBundle(bundle_paths).isco_groups())
    assert [(r.lang, r.code, r.labels[0]) for r in rows] == [
        ("da", "22", "Sundhedsprofessionelle"),
        ("en", "22", "Health professionals"),
    ]


def test_load_taxonomy_merges_languages(bundle_paths: list[Path]) -> None:
    taxonomy = load_taxonomy(bundle_paths)
    assert taxonomy.version == "1.2.0"
    nurse = taxonomy.occupation(NURSE)
    assert nurse is not None
    assert nurse.labels_in("da") == ("sygeplejerske", "sygeplejer")
    assert nurse.preferred("da") == "sygeplejerske"
    # The group comes from the versioned English bundle, not the older Danish file.
    assert nurse.isco_group == "2221"
    # No Danish label for the cook or any skill: English is the fallback.
    assert taxonomy.label(COOK, "da") == "cook"
    assert taxonomy.label(CARE, "da") == "patient care"
    assert taxonomy.skill(HACCP).skill_type == "knowledge"
    assert taxonomy.skills_for(NURSE).essential == frozenset({CARE})
    assert taxonomy.skills_for(NURSE).optional == frozenset({HACCP})
    assert "nurce" not in nurse.labels_in("en")
    with_hidden = load_taxonomy(bundle_paths, include_hidden=True)
    assert with_hidden.occupation(NURSE).labels_in("en")[-1] == "nurce"


def test_load_taxonomy_for_some_languages(bundle_paths: list[Path]) -> None:
    taxonomy = load_taxonomy(bundle_paths, languages=["da"])
    assert set(taxonomy.occupations) == {NURSE}
    assert taxonomy.skills == {}
    assert taxonomy.occupation(NURSE).isco_group == "2222"


def test_single_csv_files_and_unknown_version(tmp_path: Path) -> None:
    path = tmp_path / "occupations_pt-pt.csv"
    path.write_text(_occupations_en(), encoding="utf-8")
    bundle = EscoBundle([path, tmp_path / "missing.csv"])
    assert bundle.languages() == ("pt-pt",)
    assert bundle.version == "unknown"
    assert [r.lang for r in bundle.occupations()] == ["pt-pt", "pt-pt"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("knowledge", "knowledge"),
        ("skill/competence", "skill/competence"),
        (f"{ESCO}/skill-type/knowledge", "knowledge"),
        ("", None),
        (None, None),
    ],
)
def test_normalise_skill_type(value: str | None, expected: str | None) -> None:
    assert normalise_skill_type(value) == expected
