"""The occupations a SYNTHETIC demo load draws from, read from the loaded taxonomy.

ESCO when it is loaded (a few occupations per ISCO unit group of the demo taxonomy, the
common jobs among the unemployed), else the demo taxonomy; each occupation comes with
its Danish (else English) labels and its essential and optional skills.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data import demo_taxonomy
from app.models import (
    ConceptLabel,
    ConceptType,
    LabelKind,
    Occupation,
    OccupationSkill,
    Relation,
    Skill,
    TaxonomySource,
)

ESCO = "esco"
DEMO_TAXONOMY = "jobunivers-demo"
# With ESCO loaded: at most this many occupations per ISCO unit group of the demo
# taxonomy (its groups are the common jobs among the unemployed).
ESCO_OCCUPATIONS_PER_GROUP = 2

# Rough shares of vacancies by industry (jobnet.dk's categories), for choosing what
# a posting is for; managers are rarer than the people they manage.
INDUSTRY_DEMAND: dict[str, float] = {
    "health": 12,
    "social": 6,
    "education": 8,
    "retail": 10,
    "sales": 6,
    "hospitality": 9,
    "transport": 8,
    "warehouse": 6,
    "cleaning": 7,
    "construction": 9,
    "manufacturing": 7,
    "food": 4,
    "agriculture": 4,
    "office": 7,
    "it": 4,
    "security": 2,
    "crafts": 3,
}
DEFAULT_DEMAND = 3.0
MANAGER_FACTOR = 0.3

# Skills as (skill URI, skill id) pairs, by occupation id.
SkillLinks = dict[int, list[tuple[str, int]]]


@dataclass(frozen=True)
class DemoOccupation:
    """An occupation the demo uses, with its Danish names and skill ids."""

    id: int
    uri: str
    isco_code: str
    industry: str
    label: str
    alt_labels: tuple[str, ...]
    essential: tuple[int, ...]
    optional: tuple[int, ...]

    @property
    def skills(self) -> tuple[int, ...]:
        """Essential skills first, then optional ones."""
        return self.essential + self.optional


@dataclass(frozen=True)
class OccupationPool:
    """The occupations of the loaded taxonomy that the demo draws from."""

    source: str
    occupations: tuple[DemoOccupation, ...]
    skill_labels: dict[int, str]  # Danish, as written inside a sentence

    def demand_weights(self) -> list[float]:
        """How often each occupation is advertised, relative to the others."""
        per_industry: dict[str, int] = {}
        for occupation in self.occupations:
            per_industry[occupation.industry] = (
                per_industry.get(occupation.industry, 0) + 1
            )
        weights = []
        for occupation in self.occupations:
            weight = INDUSTRY_DEMAND.get(occupation.industry, DEFAULT_DEMAND)
            weight /= per_industry[occupation.industry]
            if occupation.isco_code.startswith("1"):
                weight *= MANAGER_FACTOR
            weights.append(weight)
        return weights


def taxonomy_source(session: Session) -> str | None:
    """The taxonomy the demo uses: ESCO when loaded, else the demo taxonomy, else None."""
    loaded = set(
        session.scalars(
            select(TaxonomySource.name).where(
                TaxonomySource.name.in_((ESCO, DEMO_TAXONOMY))
            )
        )
    )
    if ESCO in loaded:
        return ESCO
    return DEMO_TAXONOMY if DEMO_TAXONOMY in loaded else None


def load_occupation_pool(session: Session, source: str) -> OccupationPool:
    """Read the demo's occupations, their Danish labels and skills from the database."""
    chosen = _chosen_occupations(session, source)
    ids = [occ_id for occ_id, *_ in chosen]
    essential, optional = _skill_links(session, ids)
    labels = _labels(session, ConceptType.OCCUPATION, ids)
    skill_labels = _skill_labels(session, essential, optional)
    occupations = []
    for occ_id, uri, isco, industry in chosen:
        if not essential[occ_id] or occ_id not in labels:
            continue
        preferred, alternatives = labels[occ_id]
        # Sorted by URI, not id, so the choice does not depend on insertion order.
        occupations.append(
            DemoOccupation(
                id=occ_id,
                uri=uri,
                isco_code=isco,
                industry=industry,
                label=preferred,
                alt_labels=alternatives,
                essential=tuple(s for _, s in sorted(essential[occ_id])),
                optional=tuple(s for _, s in sorted(optional[occ_id])),
            )
        )
    if not occupations:
        raise LookupError(f"the {source} taxonomy has no occupations with skills")
    return OccupationPool(source, tuple(occupations), skill_labels)


def _chosen_occupations(
    session: Session, source: str
) -> list[tuple[int, str, str, str]]:
    """(id, URI, ISCO code, industry) of the occupations the demo uses, by URI."""
    source_id = session.scalar(
        select(TaxonomySource.id).where(TaxonomySource.name == source)
    )
    rows = session.execute(
        select(Occupation.id, Occupation.uri, Occupation.isco_code, Occupation.industry)
        .where(Occupation.source_id == source_id)
        .order_by(Occupation.uri)
    ).all()
    if source != ESCO:
        return [
            (occ_id, uri, isco or "", industry or "")
            for occ_id, uri, isco, industry in rows
        ]
    industry_of_group = {o.isco_code: o.industry for o in demo_taxonomy.OCCUPATIONS}
    chosen: list[tuple[int, str, str, str]] = []
    # Keep it simple: the first occupations (by URI) in each ISCO unit group the
    # demo taxonomy uses, which are the common jobs among the unemployed.
    taken: dict[str, int] = {}
    for occ_id, uri, isco, _industry in rows:
        in_group = taken.get(isco, 0)
        if isco in industry_of_group and in_group < ESCO_OCCUPATIONS_PER_GROUP:
            taken[isco] = in_group + 1
            chosen.append((occ_id, uri, isco, industry_of_group[isco]))
    return chosen


def _skill_links(session: Session, ids: list[int]) -> tuple[SkillLinks, SkillLinks]:
    """The essential and the optional skills of each occupation, as (URI, id)."""
    essential: SkillLinks = {i: [] for i in ids}
    optional: SkillLinks = {i: [] for i in ids}
    for occ_id, skill_id, skill_uri, relation in session.execute(
        select(
            OccupationSkill.occupation_id,
            OccupationSkill.skill_id,
            Skill.uri,
            OccupationSkill.relation,
        )
        .join(Skill, Skill.id == OccupationSkill.skill_id)
        .where(OccupationSkill.occupation_id.in_(ids))
    ):
        target = essential if relation is Relation.ESSENTIAL else optional
        target[occ_id].append((skill_uri, skill_id))
    return essential, optional


def _skill_labels(
    session: Session, essential: SkillLinks, optional: SkillLinks
) -> dict[int, str]:
    """The linked skills' labels as written inside a sentence, by skill id."""
    skill_ids = sorted(
        {s for links in (essential, optional) for v in links.values() for _, s in v}
    )
    return {
        skill_id: in_running_text(preferred, alternatives)
        for skill_id, (preferred, alternatives) in _labels(
            session, ConceptType.SKILL, skill_ids
        ).items()
    }


def _labels(
    session: Session, concept_type: ConceptType, ids: list[int]
) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Danish (else English) preferred and alternative labels of concepts, by id."""
    found: dict[int, dict[str, tuple[list[str], list[str]]]] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for concept_id, lang, kind, text in session.execute(
            select(
                ConceptLabel.concept_id,
                ConceptLabel.lang,
                ConceptLabel.kind,
                ConceptLabel.text,
            )
            .where(
                ConceptLabel.concept_type == concept_type,
                ConceptLabel.concept_id.in_(chunk),
                ConceptLabel.lang.in_(("da", "en")),
            )
            .order_by(ConceptLabel.id)
        ):
            preferred, alternatives = found.setdefault(concept_id, {}).setdefault(
                lang, ([], [])
            )
            (preferred if kind is LabelKind.PREFERRED else alternatives).append(text)
    result = {}
    for concept_id, by_lang in found.items():
        for lang in ("da", "en"):
            if lang in by_lang and by_lang[lang][0]:
                preferred, alternatives = by_lang[lang]
                result[concept_id] = (preferred[0], tuple(alternatives))
                break
    return result


def lower_first(label: str) -> str:
    """Lower-case a label's first letter unless it starts an abbreviation (VVS-...)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def in_running_text(label: str, alternatives: tuple[str, ...] = ()) -> str:
    """A label as written inside a sentence: lower-case unless it is a name (Excel)."""
    first_word = label.split()[0] if label.split() else label
    if any(first_word in alternative for alternative in alternatives):
        return label
    return lower_first(label)
