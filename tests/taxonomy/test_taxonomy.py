"""The taxonomy in the database: ESCO import, the demo taxonomy, reading and search."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data import demo_taxonomy
from app.models import (
    Occupation,
    Skill,
    SkillKind,
)
from app.taxonomy import importer
from app.taxonomy import services as taxonomy
from tests.taxonomy.esco_bundles import (
    CARE,
    COOK,
    DEVELOPER,
    ESCO_DIR,
    MEALS,
    NURSE,
    OCC,
    PYTHON,
    RELATIONS,
    labels_of,
    make_bundle,
    relation,
    table_counts,
)


def test_import_esco_writes_every_table(db: Session, tmp_path: Path) -> None:
    messages: list[str] = []

    report = importer.import_esco(db, make_bundle(tmp_path), progress=messages.append)

    assert (report.source, report.version, report.languages) == (
        "esco",
        "1.1.1",
        ("da", "en"),
    )
    assert report.occupations.total == 3
    assert report.skills.total == 3
    assert report.isco_groups.total == 4
    assert report.relations.total == 4
    assert report.skipped["relations to concepts not in the import"] == 1
    assert report.skipped["occupations only in non-English files"] == 1
    assert report.labels["da"].total == 4
    assert report.labels["en"].total == 6 + 4 + 4  # occupations, skills, ISCO groups
    assert table_counts(db) == {
        "taxonomy_source": 1,
        "isco_group": 4,
        "occupation": 3,
        "skill": 3,
        "occupation_skill": 4,
        "concept_label": report.label_total,
    }
    nurse = db.scalars(select(Occupation).where(Occupation.uri == NURSE)).one()
    assert nurse.isco_code == "2221"
    kinds = dict(db.execute(select(Skill.uri, Skill.kind)).tuples().all())
    assert kinds[PYTHON] == SkillKind.KNOWLEDGE and kinds[CARE] == SkillKind.SKILL
    assert labels_of(db, NURSE, "en") == [
        ("preferred", "nurse"),
        ("alternative", "registered nurse"),
        ("alternative", "charge nurse"),
    ]
    assert messages and "1.1.1" in messages[0]
    assert "occupations" in report.summary() and "labels da" in report.summary()


def test_import_esco_twice_changes_nothing(db: Session, tmp_path: Path) -> None:
    paths = make_bundle(tmp_path)
    first = importer.import_esco(db, paths)
    before = table_counts(db)
    ids = dict(db.execute(select(Occupation.uri, Occupation.id)).tuples().all())

    second = importer.import_esco(db, paths)

    assert table_counts(db) == before
    assert dict(db.execute(select(Occupation.uri, Occupation.id)).tuples().all()) == ids
    assert second.label_total == first.label_total
    changes = [
        second.occupations,
        second.skills,
        second.relations,
        *second.labels.values(),
    ]
    assert all((c.new, c.changed, c.removed) == (0, 0, 0) for c in changes)


def test_reimport_replaces_labels_and_syncs_relations(
    db: Session, tmp_path: Path
) -> None:
    importer.import_esco(db, make_bundle(tmp_path))
    nurse_id = db.scalar(select(Occupation.id).where(Occupation.uri == NURSE))
    newer = tmp_path / "newer"
    newer.mkdir()
    relations = [r for r in RELATIONS if r["skillUri"] != MEALS] + [
        relation(NURSE, "essential", MEALS)  # optional before, essential now
    ]
    paths = make_bundle(newer, version="1.2.0", relations=relations)
    danish = paths[1] / "occupations_da.csv"
    danish.write_text(
        danish.read_text(encoding="utf-8").replace(
            "autoriseret sygeplejerske", "hjemmesygeplejerske"
        ),
        encoding="utf-8",
    )

    report = importer.import_esco(db, paths)

    assert report.version == "1.2.0"
    assert db.scalar(select(Occupation.id).where(Occupation.uri == NURSE)) == nurse_id
    assert labels_of(db, NURSE, "da") == [
        ("preferred", "sygeplejerske"),
        ("alternative", "hjemmesygeplejerske"),
    ]
    assert (report.labels["da"].new, report.labels["da"].removed) == (1, 1)
    relations_now = taxonomy.load_taxonomy(db).relations
    assert relations_now[NURSE].essential == {CARE, MEALS}
    assert COOK not in relations_now  # its only relation is gone
    assert (report.relations.changed, report.relations.removed) == (1, 1)


def test_danish_labels_where_given_and_english_fallback(
    db: Session, tmp_path: Path
) -> None:
    importer.import_esco(db, make_bundle(tmp_path))

    loaded = taxonomy.load_taxonomy(db)

    assert loaded.version == "1.1.1"
    assert loaded.occupations[NURSE].labels_in("da") == (
        "sygeplejerske",
        "autoriseret sygeplejerske",
    )
    assert labels_of(db, COOK, "da") == []  # no invented labels in the database
    assert taxonomy.label_for(db, COOK, "da") == "cook"
    assert taxonomy.label_for(loaded, NURSE, "da") == "sygeplejerske"
    assert taxonomy.label_for(db, MEALS, "da") == "cook meals"
    assert taxonomy.label_for(db, OCC + "unknown", "da") == OCC + "unknown"
    assert loaded.skills[PYTHON].skill_type == "knowledge"
    assert loaded.isco_group_of(DEVELOPER) == "2512"


def test_import_of_another_language_only_adds_labels(
    db: Session, tmp_path: Path
) -> None:
    paths = make_bundle(tmp_path)
    importer.import_esco(db, paths[:1])
    assert labels_of(db, NURSE, "da") == []

    report = importer.import_esco(db, paths[1:])

    assert report.version == "1.1.1"  # the Danish file names no version
    assert report.occupations.new == 0
    assert table_counts(db)["occupation"] == 3
    assert labels_of(db, NURSE, "da")[0] == ("preferred", "sygeplejerske")
    assert labels_of(db, NURSE, "en")[0] == ("preferred", "nurse")
    assert table_counts(db)["occupation_skill"] == 4  # no relations file: kept


def test_demo_taxonomy_loads_idempotently(db: Session) -> None:
    report = importer.load_demo_taxonomy(db)

    assert report.source == "jobunivers-demo"
    assert report.version == demo_taxonomy.VERSION
    assert report.occupations.total == len(demo_taxonomy.OCCUPATIONS) >= 80
    assert report.skills.total == len(demo_taxonomy.SKILLS)
    assert report.labels["da"].total > len(demo_taxonomy.OCCUPATIONS)
    nurse = demo_taxonomy.OCCUPATIONS[
        [o.da_label for o in demo_taxonomy.OCCUPATIONS].index("Sygeplejerske")
    ]
    row = db.scalars(select(Occupation).where(Occupation.uri == nurse.uri)).one()
    assert (row.industry, row.isco_code) == (nurse.industry, nurse.isco_code)
    source = taxonomy.current_source(db)
    assert source is not None and source.languages == "da,en"
    before = table_counts(db)

    again = importer.load_demo_taxonomy(db)

    assert table_counts(db) == before
    assert again.occupations.new == again.relations.new == 0
    assert all(count.new == 0 for count in again.labels.values())
    loaded = taxonomy.load_taxonomy(db)
    assert loaded.occupations[nurse.uri].preferred("da") == "Sygeplejerske"
    assert set(loaded.skills_for(nurse.uri).essential) == set(nurse.essential_skills)


def test_suggest_finds_the_nurse_from_a_misspelling(db: Session) -> None:
    importer.load_demo_taxonomy(db)
    nurse_uri = demo_taxonomy.OCCUPATION_PREFIX + "sygeplejerske"

    found = taxonomy.suggest(db, "sygeplejeske", "occupation", "da")

    assert found[0].uri == nurse_uri
    assert found[0].label == "Sygeplejerske"
    assert len(found) <= 8
    in_english = taxonomy.suggest(db, "sygeplejeske", "occupation", "en", limit=1)
    assert [(s.uri, s.label) for s in in_english] == [(nurse_uri, "Nurse")]
    with pytest.raises(ValueError):
        taxonomy.suggest(db, "nurse", "posting", "da")  # type: ignore[arg-type]


def test_suggest_on_esco_labels_in_the_readers_language(
    db: Session, tmp_path: Path
) -> None:
    importer.import_esco(db, make_bundle(tmp_path))

    assert taxonomy.suggest(db, "sygeplejeske", "occupation", "da")[0].uri == NURSE
    # Skills have no Danish labels here: found through English, labelled in English.
    (meals, *_) = taxonomy.suggest(db, "cooking meals", "skill", "da")
    assert (meals.uri, meals.label) == (MEALS, "cook meals")


def test_esco_wins_over_the_demo_and_the_cache_follows(
    db: Session, tmp_path: Path
) -> None:
    assert taxonomy.current_source(db) is None
    assert taxonomy.load_taxonomy(db).occupations == {}
    assert taxonomy.suggest(db, "nurse", "occupation", "en") == []

    importer.load_demo_taxonomy(db)
    demo = taxonomy.load_taxonomy(db)
    assert taxonomy.load_taxonomy(db) is demo  # built once, then cached
    importer.import_esco(db, make_bundle(tmp_path))

    source = taxonomy.current_source(db)
    assert source is not None and source.name == "esco"
    esco = taxonomy.load_taxonomy(db)
    assert esco is not demo and esco.version == "1.1.1"
    assert set(esco.occupations) == {NURSE, DEVELOPER, COOK}
    # A demo occupation still on someone's profile keeps its name.
    nurse_uri = demo_taxonomy.OCCUPATION_PREFIX + "sygeplejerske"
    assert taxonomy.label_for(db, nurse_uri, "da") == "Sygeplejerske"


def test_about_data_shows_the_taxonomy(
    db: Session, client, get_page, tmp_path: Path
) -> None:
    page = get_page("/om-data")
    text = " ".join(page.get_text().split())
    assert "ikke indlæst" in text or "No occupation and skill taxonomy" in text

    importer.load_demo_taxonomy(db)
    db.commit()
    text = get_page("/om-data").get_text()
    assert demo_taxonomy.VERSION in text

    importer.import_esco(db, make_bundle(tmp_path, version="1.1.1"))
    page = get_page("/om-data")
    text = " ".join(page.get_text().split())
    assert "ESCO, European Commission" in text and "1.1.1" in text
    link = page.find("a", href=taxonomy.ESCO_PORTAL_URL)
    assert link is not None and "ESCO" in link.get_text()


@pytest.mark.skipif(
    not (ESCO_DIR / "esco-v1.1.1-classification-en-csv.zip").is_file(),
    reason=f"the real ESCO files are not at {ESCO_DIR} (../shared/data/esco)",
)
def test_import_the_real_esco_bundle(db: Session) -> None:
    paths = sorted(p for p in ESCO_DIR.iterdir() if p.suffix in {".zip", ".csv"})
    started = time.perf_counter()

    report = importer.import_esco(db, paths)

    assert time.perf_counter() - started < 120
    assert report.version == "1.1.1"
    assert report.languages == ("da", "en")
    # 3,007 English occupations, and one that the relations name but only the Danish
    # (older) file labels.
    assert report.occupations.total == 3_008
    assert report.skills.total == 13_896
    assert report.relations.total == 123_855
    assert report.labels["da"].total > 10_000
    counts = table_counts(db)
    assert counts["occupation"] == 3_008 and counts["occupation_skill"] == 123_855
    nurse = OCC + "8d3e8aaa-791b-4c75-a465-f3f827028f50"
    assert labels_of(db, nurse, "da")[0] == ("preferred", "sygeplejerske")
