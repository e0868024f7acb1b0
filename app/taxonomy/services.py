"""Reading the taxonomy in use: its source, labels, suggestions and industries.

One `app.ml.taxonomy.Taxonomy` is built per process and taxonomy version, and one label
search index per concept kind, on first use; an import clears them (clear_cache).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import Table, case, func, select
from sqlalchemy.orm import Session

from app.data import demo_taxonomy
from app.ml.normalise import LabelIndex, Suggestion
from app.ml.taxonomy import FALLBACK_LANGUAGE, Concept, OccupationSkills, Taxonomy
from app.ml.taxonomy import make_concept as _make_concept
from app.models import (
    ConceptLabel,
    ConceptType,
    LabelKind,
    Occupation,
    OccupationSkill,
    Relation,
    Skill,
    SkillKind,
    TaxonomySource,
)

ESCO = "esco"


DEMO = "jobunivers-demo"


ESCO_PORTAL_URL = "https://esco.ec.europa.eu/"

SuggestKind = Literal["occupation", "skill"]

_OCC: Table = Occupation.__table__  # type: ignore[assignment]


_SKILL: Table = Skill.__table__  # type: ignore[assignment]


_REL: Table = OccupationSkill.__table__  # type: ignore[assignment]


_LABEL: Table = ConceptLabel.__table__  # type: ignore[assignment]

_ML_SKILL_TYPES = {
    SkillKind.KNOWLEDGE: "knowledge",
    SkillKind.SKILL: "skill/competence",
}


def current_source(session: Session) -> TaxonomySource | None:
    """The taxonomy in use: ESCO when it is loaded, else the demo taxonomy, else None."""
    sources = {
        source.name: source
        for source in session.scalars(
            select(TaxonomySource).where(TaxonomySource.name.in_((ESCO, DEMO)))
        )
    }
    return sources.get(ESCO) or sources.get(DEMO)


@dataclass(frozen=True)
class TaxonomyInfo:
    """What the "About the data" page says about the loaded taxonomy."""

    name: str
    version: str
    languages: tuple[str, ...]
    occupations: int
    skills: int

    @property
    def is_esco(self) -> bool:
        return self.name == ESCO

    @property
    def portal_url(self) -> str:
        return ESCO_PORTAL_URL


def describe_taxonomy(session: Session) -> TaxonomyInfo | None:
    """The loaded taxonomy's name, version, languages and size, or None."""
    source = current_source(session)
    if source is None:
        return None
    counts = [
        session.scalar(
            select(func.count())
            .select_from(table)
            .where(table.c.source_id == source.id)
        )
        or 0
        for table in (_OCC, _SKILL)
    ]
    return TaxonomyInfo(
        name=source.name,
        version=source.version,
        languages=tuple(lang for lang in source.languages.split(",") if lang),
        occupations=counts[0],
        skills=counts[1],
    )


@dataclass
class _Cached:
    """One database's taxonomy, and its search indexes once a search has needed them."""

    key: tuple[Any, ...]
    taxonomy: Taxonomy
    languages: tuple[str, ...]
    indexes: dict[str, LabelIndex] = field(default_factory=dict)
    industries: tuple[str, ...] | None = None


# database URL -> the taxonomy of its current source. Rebuilt when the source, its
# version or its languages change; an import in this process clears it outright.
_CACHE: dict[str, _Cached] = {}


_CACHE_LOCK = threading.RLock()

# Raised by clear_cache, so a session's remembered entry (below) is not used after it.
_generation = 0


def clear_cache() -> None:
    """Forget every cached taxonomy and index (after an import, and in tests)."""
    global _generation
    with _CACHE_LOCK:
        _CACHE.clear()
        _generation += 1


def _database_url(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def _cached(session: Session) -> _Cached:
    """The taxonomy of the session's database. A session (one request) asks which
    source is current once and remembers the answer, however many labels it shows."""
    remembered = session.info.get("taxonomy")
    if remembered is not None and remembered[0] == _generation:
        return remembered[1]
    entry = _current_entry(session)
    session.info["taxonomy"] = (_generation, entry)
    return entry


def _current_entry(session: Session) -> _Cached:
    source = current_source(session)
    url = _database_url(session)
    languages = tuple(source.languages.split(",")) if source else ()
    key = (url, source.id, source.version, languages) if source else (url, None)
    with _CACHE_LOCK:
        entry = _CACHE.get(url)
        if entry is None or entry.key != key:
            taxonomy = _build_taxonomy(session, source)
            entry = _Cached(key, taxonomy, tuple(lang for lang in languages if lang))
            _CACHE[url] = entry
        return entry


def load_taxonomy(session: Session) -> Taxonomy:
    """The current taxonomy as app.ml value objects; built once per process and version."""
    return _cached(session).taxonomy


def _build_taxonomy(session: Session, source: TaxonomySource | None) -> Taxonomy:
    if source is None:
        return Taxonomy.from_iterables([], [], [], version="none")
    occupations = _concepts(session, source.id, ConceptType.OCCUPATION)
    skills = _concepts(session, source.id, ConceptType.SKILL)
    occ_uri = {id_: concept.uri for id_, concept in occupations.items()}
    skill_uri = {id_: concept.uri for id_, concept in skills.items()}
    essential: dict[str, set[str]] = defaultdict(set)
    optional: dict[str, set[str]] = defaultdict(set)
    rows = session.execute(
        select(_REL.c.occupation_id, _REL.c.skill_id, _REL.c.relation)
        .join(_OCC, _OCC.c.id == _REL.c.occupation_id)
        .where(_OCC.c.source_id == source.id)
    )
    for occ_id, skill_id, relation in rows:
        if skill_id not in skill_uri:
            continue
        target = essential if relation == Relation.ESSENTIAL else optional
        target[occ_uri[occ_id]].add(skill_uri[skill_id])
    relations = [
        OccupationSkills(uri, frozenset(essential[uri]), frozenset(optional[uri]))
        for uri in sorted(set(essential) | set(optional))
    ]
    return Taxonomy.from_iterables(
        occupations.values(), skills.values(), relations, version=source.version
    )


def _concepts(
    session: Session, source_id: int, concept_type: ConceptType
) -> dict[int, Concept]:
    """Occupations or skills of a source with their labels, by database id."""
    table = _OCC if concept_type == ConceptType.OCCUPATION else _SKILL
    extra = table.c.isco_code if table is _OCC else table.c.kind
    rows = session.execute(
        select(table.c.id, table.c.uri, extra).where(table.c.source_id == source_id)
    ).all()
    labels: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    label_rows = session.execute(
        select(_LABEL.c.concept_id, _LABEL.c.lang, _LABEL.c.text)
        .join(table, table.c.id == _LABEL.c.concept_id)
        .where(_LABEL.c.concept_type == concept_type, table.c.source_id == source_id)
        .order_by(
            _LABEL.c.concept_id,
            _LABEL.c.lang,
            case((_LABEL.c.kind == LabelKind.PREFERRED, 0), else_=1),
            _LABEL.c.id,
        )
    )
    for concept_id, lang, text in label_rows:
        labels[concept_id][lang].append(text)
    concepts: dict[int, Concept] = {}
    for id_, uri, value in rows:
        if table is _OCC:
            concept = _make_concept(uri, "occupation", labels[id_], isco_group=value)
        else:
            concept = _make_concept(
                uri, "skill", labels[id_], skill_type=_ML_SKILL_TYPES.get(value)
            )
        concepts[id_] = concept
    return concepts


def label_index(session: Session, kind: SuggestKind) -> LabelIndex:
    """The normaliser over the current taxonomy's occupations or skills, built once.

    The autocomplete (`suggest`) and the postings importer share it, so a title typed
    on "Mit CV" and one read from a feed land on the same occupation.
    """
    entry = _cached(session)
    concepts = (
        entry.taxonomy.occupations if kind == "occupation" else entry.taxonomy.skills
    )
    with _CACHE_LOCK:
        index = entry.indexes.get(kind)
        if index is None:
            index = LabelIndex.build(concepts.values(), entry.languages or ("da", "en"))
            entry.indexes[kind] = index
    return index


def suggest(
    session: Session,
    text: str,
    kind: SuggestKind,
    lang: str,
    limit: int = 8,
) -> list[Suggestion]:
    """Occupations or skills whose labels (in any language) best match `text`.

    Each suggestion is labelled in `lang`, or in English where `lang` has no label
    (its label_lang says which).
    """
    if kind not in ("occupation", "skill"):
        raise ValueError(f"kind must be 'occupation' or 'skill', not {kind!r}")
    taxonomy = load_taxonomy(session)
    concepts = taxonomy.occupations if kind == "occupation" else taxonomy.skills
    found = label_index(session, kind).search(text, limit=limit)
    labels = [concepts[each.uri].preferred_in(lang) for each in found]
    return [
        replace(each, label=label, label_lang=label_lang)
        for each, (label, label_lang) in zip(found, labels, strict=True)
    ]


def label_for(session_or_taxonomy: Session | Taxonomy, uri: str, lang: str) -> str:
    """The preferred label of an occupation or skill in `lang` (English fallback).

    Concepts outside the current taxonomy (e.g. demo occupations on a profile after
    ESCO was imported) are looked up in the database; an unknown URI is returned as is.
    """
    if isinstance(session_or_taxonomy, Taxonomy):
        return session_or_taxonomy.label(uri, lang)
    session = session_or_taxonomy
    taxonomy = load_taxonomy(session)
    if uri in taxonomy.occupations or uri in taxonomy.skills:
        return taxonomy.label(uri, lang)
    return _label_from_database(session, uri, lang) or uri


def _label_from_database(session: Session, uri: str, lang: str) -> str | None:
    for concept_type, table in (
        (ConceptType.OCCUPATION, _OCC),
        (ConceptType.SKILL, _SKILL),
    ):
        concept_id = session.scalar(select(table.c.id).where(table.c.uri == uri))
        if concept_id is None:
            continue
        rows = session.execute(
            select(_LABEL.c.lang, _LABEL.c.text).where(
                _LABEL.c.concept_type == concept_type,
                _LABEL.c.concept_id == concept_id,
                _LABEL.c.kind == LabelKind.PREFERRED,
            )
        ).all()
        by_lang = dict(rows)
        for candidate in (lang, FALLBACK_LANGUAGE):
            if candidate in by_lang:
                return by_lang[candidate]
        return next(iter(by_lang.values()), None)
    return None


# The industry names of the classification the taxonomy's occupations carry (a jobnet.dk
# style list of 17 industries; the official ESCO bundle has none).
INDUSTRY_NAMES = {
    industry.key: {"da": industry.da_label, "en": industry.en_label}
    for industry in demo_taxonomy.INDUSTRIES
}


def industries(session: Session, lang: str) -> list[tuple[str, str]]:
    """(code, name in `lang`) of the industries of the loaded taxonomy's occupations."""
    entry = _cached(session)
    with _CACHE_LOCK:
        if entry.industries is None:
            source = current_source(session)
            used = (
                set(
                    session.scalars(
                        select(_OCC.c.industry)
                        .distinct()
                        .where(
                            _OCC.c.source_id == source.id,
                            _OCC.c.industry.is_not(None),
                        )
                    )
                )
                if source is not None
                else set()
            )
            entry.industries = tuple(code for code in INDUSTRY_NAMES if code in used)
    return [
        (code, INDUSTRY_NAMES[code].get(lang) or INDUSTRY_NAMES[code]["en"])
        for code in entry.industries
    ]
