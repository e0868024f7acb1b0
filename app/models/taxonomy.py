"""The occupation and skill taxonomy (ESCO, or the built-in demo taxonomy)."""

from __future__ import annotations

import enum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


class LabelKind(enum.StrEnum):
    PREFERRED = "preferred"
    ALTERNATIVE = "alternative"


class ConceptType(enum.StrEnum):
    OCCUPATION = "occupation"
    SKILL = "skill"
    ISCO_GROUP = "isco_group"


class SkillKind(enum.StrEnum):
    KNOWLEDGE = "knowledge"
    SKILL = "skill"  # ESCO's "skill/competence"


class Relation(enum.StrEnum):
    ESSENTIAL = "essential"
    OPTIONAL = "optional"


class TaxonomySource(Base):
    """Which taxonomy is loaded, and its version (shown on the "About the data" page)."""

    __tablename__ = "taxonomy_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(
        String(40), unique=True
    )  # "esco" or "jobunivers-demo"
    version: Mapped[str] = mapped_column(String(40))
    languages: Mapped[str] = mapped_column(String(200))  # comma-separated


class IscoGroup(Base):
    __tablename__ = "isco_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(4), unique=True)
    uri: Mapped[str | None] = mapped_column(String(255))
    level: Mapped[int]


class Occupation(Base):
    __tablename__ = "occupation"

    id: Mapped[int] = mapped_column(primary_key=True)
    uri: Mapped[str] = mapped_column(String(255), unique=True)
    isco_code: Mapped[str | None] = mapped_column(String(4), index=True)
    industry: Mapped[str | None] = mapped_column(String(40))
    source_id: Mapped[int] = mapped_column(ForeignKey("taxonomy_source.id"))


class Skill(Base):
    __tablename__ = "skill"

    id: Mapped[int] = mapped_column(primary_key=True)
    uri: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[SkillKind | None] = mapped_column(value_enum(SkillKind))
    source_id: Mapped[int] = mapped_column(ForeignKey("taxonomy_source.id"))


class OccupationSkill(Base):
    __tablename__ = "occupation_skill"
    __table_args__ = (UniqueConstraint("occupation_id", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occupation_id: Mapped[int] = mapped_column(
        ForeignKey("occupation.id", ondelete="CASCADE")
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), index=True
    )
    relation: Mapped[Relation] = mapped_column(value_enum(Relation))


class ConceptLabel(Base):
    """A preferred or alternative label of a concept in one language."""

    __tablename__ = "concept_label"
    __table_args__ = (
        UniqueConstraint("concept_type", "concept_id", "lang", "kind", "text"),
        Index("ix_concept_label_lookup", "concept_type", "concept_id", "lang"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_type: Mapped[ConceptType] = mapped_column(value_enum(ConceptType))
    concept_id: Mapped[int]
    lang: Mapped[str] = mapped_column(String(8))
    kind: Mapped[LabelKind] = mapped_column(value_enum(LabelKind))
    text: Mapped[str] = mapped_column(Text)
