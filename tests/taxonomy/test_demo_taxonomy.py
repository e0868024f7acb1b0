"""The built-in demo taxonomy is consistent and covers what users will look for."""

from __future__ import annotations

from collections import defaultdict

import pytest

from app.data import demo_taxonomy as taxonomy


def _occupation(slug: str) -> taxonomy.Occupation:
    uri = taxonomy.OCCUPATION_PREFIX + slug
    return next(o for o in taxonomy.OCCUPATIONS if o.uri == uri)


def _skills(occupation: taxonomy.Occupation) -> set[str]:
    return set(occupation.essential_skills) | set(occupation.optional_skills)


def test_validate_passes_and_reports_counts():
    counts = taxonomy.validate()
    assert counts["occupations"] == len(taxonomy.OCCUPATIONS) >= 85
    assert counts["industries"] == len(taxonomy.INDUSTRIES) >= 12
    assert counts["skills"] == len(taxonomy.SKILLS)
    assert 12 <= counts["personal_competences"] <= 20
    assert taxonomy.VERSION == "jobunivers-demo-1"


def test_validate_reports_unknown_skill(monkeypatch):
    broken = taxonomy.OCCUPATIONS[0]._replace(
        optional_skills=(taxonomy.SKILL_PREFIX + "does-not-exist",)
        + taxonomy.OCCUPATIONS[0].optional_skills
    )
    monkeypatch.setattr(taxonomy, "OCCUPATIONS", (broken,) + taxonomy.OCCUPATIONS[1:])
    with pytest.raises(ValueError, match="unknown skill"):
        taxonomy.validate()


def test_labels_users_will_notice():
    nurse = _occupation("sygeplejerske")
    assert nurse.da_label == "Sygeplejerske"
    assert nurse.isco_code == "2221"
    assert nurse.en_label == "Nurse"

    helper = _occupation("social-og-sundhedshjaelper")
    assert helper.da_label == "Social- og sundhedshjælper"
    assert "SOSU-hjælper" in helper.da_alt

    driver = _occupation("lastbilchauffoer")
    assert driver.isco_major_group == "8"
    assert taxonomy.SKILL_PREFIX + "driving-licence-c" in driver.essential_skills

    danish_labels = {o.da_label for o in taxonomy.OCCUPATIONS}
    for label in (
        "Pædagog",
        "Butiksassistent",
        "Lagermedarbejder",
        "Truckfører",
        "Rengøringsassistent",
        "Kok",
        "Tømrer",
        "Kontorassistent",
        "IT-supporter",
    ):
        assert label in danish_labels


def test_skill_kinds_and_personal_competences():
    kinds = {s.kind for s in taxonomy.SKILLS}
    assert kinds == {"knowledge", "skill"}
    personal = {p.da_label for p in taxonomy.PERSONAL_COMPETENCES}
    assert {"Mødestabil", "Samarbejdsvillig", "Selvstændig", "Fleksibel"} <= personal


def test_many_skills_bridge_isco_major_groups():
    groups_by_skill: dict[str, set[str]] = defaultdict(set)
    for occupation in taxonomy.OCCUPATIONS:
        for uri in _skills(occupation):
            groups_by_skill[uri].add(occupation.isco_major_group)
    bridging = [uri for uri, groups in groups_by_skill.items() if len(groups) >= 2]
    assert len(bridging) >= 20


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("butiksassistent", "kundeservicemedarbejder"),
        ("social-og-sundhedshjaelper", "servicemedarbejder"),
        ("social-og-sundhedshjaelper", "rengoeringsassistent"),
        ("lagermedarbejder", "lastbilchauffoer"),
    ],
)
def test_alternative_jobs_in_other_major_groups_share_skills(source, target):
    a, b = _occupation(source), _occupation(target)
    assert a.isco_major_group != b.isco_major_group
    assert len(_skills(a) & _skills(b)) >= 2
