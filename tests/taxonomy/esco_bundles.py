"""Tiny ESCO bundles in the official CSV layout, written to a temporary folder, and
what the tests read back from the database."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    ConceptLabel,
    ConceptType,
    IscoGroup,
    Occupation,
    OccupationSkill,
    Skill,
    TaxonomySource,
)
from tests.esco_layout import (
    ISCO_HEADER,
    OCCUPATION_HEADER,
    RELATION_HEADER,
    SKILL_HEADER,
    csv_text,
)

ROOT = Path(__file__).resolve().parents[2]
ESCO_DIR = Path(
    os.environ.get("JOBUNIVERS_ESCO_DIR", ROOT.parent / "shared" / "data" / "esco")
)

OCC = "http://data.europa.eu/esco/occupation/"
SKILL = "http://data.europa.eu/esco/skill/"
NURSE, DEVELOPER, COOK = OCC + "nurse", OCC + "developer", OCC + "cook"
CARE, PYTHON, MEALS = SKILL + "patient-care", SKILL + "python", SKILL + "cook-meals"


def occupation(uri: str, isco: str, label: str, alts: str = "") -> dict[str, str]:
    return {
        "conceptType": "Occupation",
        "conceptUri": uri,
        "iscoGroup": isco,
        "preferredLabel": label,
        "altLabels": alts,
        "status": "released",
        "description": f"{label} does things.",
        "code": f"{isco}.1",
    }


def skill(uri: str, kind: str, label: str, alts: str = "") -> dict[str, str]:
    return {
        "conceptType": "KnowledgeSkillCompetence",
        "conceptUri": uri,
        "skillType": kind,
        "reuseLevel": "sector-specific",
        "preferredLabel": label,
        "altLabels": alts,
        "status": "released",
    }


def isco(code: str, label: str) -> dict[str, str]:
    return {
        "conceptType": "ISCOGroup",
        "conceptUri": f"http://data.europa.eu/esco/isco/C{code}",
        "code": code,
        "preferredLabel": label,
        "status": "released",
    }


def relation(occupation: str, kind: str, skill: str) -> dict[str, str]:
    return {
        "occupationUri": occupation,
        "relationType": kind,
        "skillType": "skill/competence",
        "skillUri": skill,
    }


RELATIONS = [
    relation(NURSE, "essential", CARE),
    relation(NURSE, "optional", MEALS),
    relation(DEVELOPER, "essential", PYTHON),
    relation(COOK, "essential", MEALS),
    relation(COOK, "optional", SKILL + "not-in-the-bundle"),
]


def make_bundle(
    tmp_path: Path, version: str = "1.1.1", relations: list[dict[str, str]] = RELATIONS
) -> list[Path]:
    """A tiny ESCO bundle in the official layout: an English zip and a Danish folder."""
    archive = tmp_path / f"esco-v{version}-classification-en-csv.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr(
            "occupations_en.csv",
            csv_text(
                OCCUPATION_HEADER,
                [
                    occupation(
                        NURSE, "2221", "nurse", "registered nurse\ncharge nurse"
                    ),
                    occupation(DEVELOPER, "2512", "software developer", "programmer"),
                    occupation(COOK, "5120", "cook"),
                ],
            ),
        )
        bundle.writestr(
            "skills_en.csv",
            csv_text(
                SKILL_HEADER,
                [
                    skill(CARE, "skill/competence", "provide patient care"),
                    skill(PYTHON, "knowledge", "Python (computer programming)"),
                    skill(MEALS, "skill/competence", "cook meals", "prepare food"),
                ],
            ),
        )
        bundle.writestr(
            "ISCOGroups_en.csv",
            csv_text(
                ISCO_HEADER,
                [
                    isco("2", "Professionals"),
                    isco("2221", "Nursing professionals"),
                    isco("2512", "Software developers"),
                    isco("5120", "Cooks"),
                ],
            ),
        )
        bundle.writestr(
            "occupationSkillRelations.csv", csv_text(RELATION_HEADER, relations)
        )
    danish = tmp_path / "da"
    danish.mkdir(exist_ok=True)
    (danish / "occupations_da.csv").write_text(
        csv_text(
            OCCUPATION_HEADER,
            [
                occupation(NURSE, "2221", "sygeplejerske", "autoriseret sygeplejerske"),
                occupation(DEVELOPER, "2512", "softwareudvikler", "programmør"),
                # In the Danish file only (an older ESCO version): not imported.
                occupation(OCC + "retired", "9999", "udgået stilling"),
            ],
        ),
        encoding="utf-8",
    )
    return [archive, danish]


def table_counts(db: Session) -> dict[str, int]:
    return {
        model.__tablename__: db.scalar(select(func.count()).select_from(model)) or 0
        for model in (
            TaxonomySource,
            IscoGroup,
            Occupation,
            Skill,
            OccupationSkill,
            ConceptLabel,
        )
    }


def labels_of(db: Session, uri: str, lang: str) -> list[tuple[str, str]]:
    concept_id = db.scalar(select(Occupation.id).where(Occupation.uri == uri))
    return [
        (kind.value, text)
        for kind, text in db.execute(
            select(ConceptLabel.kind, ConceptLabel.text)
            .where(
                ConceptLabel.concept_type == ConceptType.OCCUPATION,
                ConceptLabel.concept_id == concept_id,
                ConceptLabel.lang == lang,
            )
            .order_by(ConceptLabel.kind.desc(), ConceptLabel.id)
        )
    ]
