"""The occupation and skill taxonomy in the database: import, demo load and reading.

Writes use SQLAlchemy Core in batches, with uri -> id maps held in dicts, so the full
ESCO bundle (17,000 concepts, 124,000 relations, 200,000 labels) imports without an ORM
object per row. Every import is a sync: concepts are upserted by URI (ids stay stable,
because profiles and postings point at them), the labels of each concept and language
in the import replace the stored ones, and relations are made equal to the bundle's.

Reading builds one `app.ml.taxonomy.Taxonomy` per process and taxonomy version, and one
label search index per concept kind, on first use.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Table, bindparam, case, delete, func, select, update
from sqlalchemy.orm import Session

from app.data import demo_taxonomy
from app.db import bulk_insert
from app.ml.esco_csv import EscoBundle
from app.ml.taxonomy import FALLBACK_LANGUAGE, Concept, OccupationSkills, Taxonomy
from app.ml.taxonomy import make_concept as _make_concept
from app.models import (
    ConceptLabel,
    ConceptType,
    IscoGroup,
    LabelKind,
    Occupation,
    OccupationSkill,
    Relation,
    Skill,
    SkillKind,
    TaxonomySource,
)

if TYPE_CHECKING:  # the search index pulls in scikit-learn: imported on first search
    from app.ml.normalise import LabelIndex, Suggestion

ESCO = "esco"
DEMO = "jobunivers-demo"
ESCO_PORTAL_URL = "https://esco.ec.europa.eu/"

Progress = Callable[[str], None]
SuggestKind = Literal["occupation", "skill"]

# Rows per INSERT/UPDATE executemany, and ids per DELETE ... IN (...).
BATCH = 5_000
DELETE_BATCH = 500
# A progress line every this many rows read or written.
PROGRESS_EVERY = 20_000

_OCC: Table = Occupation.__table__  # type: ignore[assignment]
_SKILL: Table = Skill.__table__  # type: ignore[assignment]
_ISCO: Table = IscoGroup.__table__  # type: ignore[assignment]
_REL: Table = OccupationSkill.__table__  # type: ignore[assignment]
_LABEL: Table = ConceptLabel.__table__  # type: ignore[assignment]

_SKILL_KINDS = {"knowledge": SkillKind.KNOWLEDGE, "skill/competence": SkillKind.SKILL}
_ML_SKILL_TYPES = {
    SkillKind.KNOWLEDGE: "knowledge",
    SkillKind.SKILL: "skill/competence",
}


# --- the report -----------------------------------------------------------------------


@dataclass
class Count:
    """How many rows an import holds, and how many of them it inserted, changed, removed."""

    total: int = 0
    new: int = 0
    changed: int = 0
    removed: int = 0

    def describe(self) -> str:
        return (
            f"{self.total:>9,}  ({self.new:,} new, {self.changed:,} changed, "
            f"{self.removed:,} removed)"
        )


@dataclass
class ImportReport:
    """What an import wrote: counts per table and per label language, and what it skipped."""

    source: str
    version: str
    languages: tuple[str, ...] = ()
    occupations: Count = field(default_factory=Count)
    skills: Count = field(default_factory=Count)
    isco_groups: Count = field(default_factory=Count)
    relations: Count = field(default_factory=Count)
    labels: dict[str, Count] = field(default_factory=dict)  # lang -> labels in it
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> rows
    seconds: float = 0.0

    @property
    def label_total(self) -> int:
        return sum(count.total for count in self.labels.values())

    def summary(self) -> str:
        """A few lines for the command line."""
        lines = [
            f"{self.source} {self.version} (languages: {', '.join(self.languages)}) "
            f"in {self.seconds:.1f} s",
            f"  occupations   {self.occupations.describe()}",
            f"  skills        {self.skills.describe()}",
            f"  ISCO groups   {self.isco_groups.describe()}",
            f"  relations     {self.relations.describe()}",
        ]
        for lang, count in sorted(self.labels.items()):
            lines.append(f"  labels {lang:<6} {count.describe()}")
        lines.append(f"  labels total  {self.label_total:>9,}")
        for reason, rows in sorted(self.skipped.items()):
            if rows:
                lines.append(f"  skipped: {rows:,} {reason}")
        return "\n".join(lines)


# --- what an import writes ------------------------------------------------------------


@dataclass
class _Payload:
    """One import's concepts, labels and relations, keyed by URI (ISCO groups by code)."""

    occupations: dict[str, dict[str, Any]] = field(default_factory=dict)
    skills: dict[str, dict[str, Any]] = field(default_factory=dict)
    isco_groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    # concept type -> key -> lang -> labels, preferred first
    labels: dict[ConceptType, dict[str, dict[str, tuple[str, ...]]]] = field(
        default_factory=lambda: {t: {} for t in ConceptType}
    )
    # None when the import has no relations file (stored relations are then kept).
    relations: dict[tuple[str, str], Relation] | None = None
    skipped: dict[str, int] = field(default_factory=dict)


class _Ticker:
    """Calls progress every PROGRESS_EVERY rows of one phase."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.started = time.perf_counter()

    def say(self, message: str) -> None:
        if self.progress is not None:
            self.progress(f"[{time.perf_counter() - self.started:6.1f} s] {message}")

    def count(self, rows: Iterable[Any], what: str) -> Iterator[Any]:
        number = 0
        for number, row in enumerate(rows, 1):  # noqa: B007
            if number % PROGRESS_EVERY == 0:
                self.say(f"{what}: {number:,}")
            yield row
        self.say(f"{what}: {number:,} done")


def import_esco(
    session: Session,
    paths: Sequence[str | Path],
    progress: Progress | None = None,
) -> ImportReport:
    """Import official ESCO CSV bundles (zips, folders or files, any languages); commits.

    The concepts are those of the English files; other languages add labels to them.
    A bundle without English files only adds labels to concepts already loaded. Re-running
    an import changes nothing.
    """
    ticker = _Ticker(progress)
    bundle = EscoBundle(paths)
    if not bundle.members:
        raise ValueError(f"no ESCO CSV files found in {', '.join(map(str, paths))}")
    ticker.say(f"Reading {len(bundle.members)} ESCO files, version {bundle.version}")
    existing = session.execute(
        select(TaxonomySource).where(TaxonomySource.name == ESCO)
    ).scalar_one_or_none()
    known: set[str] = set()
    if existing is not None:
        known = set(
            session.scalars(select(_OCC.c.uri).where(_OCC.c.source_id == existing.id))
        ) | set(
            session.scalars(
                select(_SKILL.c.uri).where(_SKILL.c.source_id == existing.id)
            )
        )
    payload = _read_esco(bundle, known, ticker)
    version = bundle.version
    if version == "unknown" and existing is not None:
        version = existing.version
    try:
        report = _write(session, ESCO, version, None, payload, ticker)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    clear_cache()
    ticker.say("Committed.")
    return report


def load_demo_taxonomy(session: Session) -> ImportReport:
    """Write the built-in demo taxonomy (app.data.demo_taxonomy); flushes, does not commit.

    Idempotent: a second call changes nothing.
    """
    payload = _Payload(relations={})
    occ_labels = payload.labels[ConceptType.OCCUPATION]
    skill_labels = payload.labels[ConceptType.SKILL]
    for skill in demo_taxonomy.SKILLS:
        payload.skills[skill.uri] = {
            "kind": _SKILL_KINDS.get(skill.kind, SkillKind.SKILL)
        }
        skill_labels[skill.uri] = {
            "da": (skill.da_label, *skill.da_alt),
            "en": (skill.en_label, *skill.en_alt),
        }
    assert payload.relations is not None
    for occ in demo_taxonomy.OCCUPATIONS:
        payload.occupations[occ.uri] = {
            "isco_code": occ.isco_code,
            "industry": occ.industry,
        }
        occ_labels[occ.uri] = {
            "da": (occ.da_label, *occ.da_alt),
            "en": (occ.en_label, *occ.en_alt),
        }
        for uri in occ.optional_skills:
            payload.relations[(occ.uri, uri)] = Relation.OPTIONAL
        for uri in occ.essential_skills:
            payload.relations[(occ.uri, uri)] = Relation.ESSENTIAL
    report = _write(session, DEMO, demo_taxonomy.VERSION, ("da", "en"), payload)
    session.flush()
    clear_cache()
    return report


def _read_esco(bundle: EscoBundle, known: set[str], ticker: _Ticker) -> _Payload:
    """Stream the bundle into a payload: concepts, labels per language and relations."""
    payload = _Payload()
    occ_labels: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    # ISCO groups moved between ESCO versions and a Danish file may be older than the
    # English bundle: the group of the newest (versioned) file that names one wins.
    occ_isco: dict[str, tuple[tuple[int, ...], str]] = {}
    for row in ticker.count(bundle.occupations(), "occupation rows read"):
        occ_labels[row.uri][row.lang] = row.labels
        if row.isco_group:
            key = _version_key(row.version)
            if row.uri not in occ_isco or key > occ_isco[row.uri][0]:
                occ_isco[row.uri] = (key, row.isco_group[:4])
    skill_labels: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    skill_kind: dict[str, SkillKind | None] = {}
    for row in ticker.count(bundle.skills(), "skill rows read"):
        skill_labels[row.uri][row.lang] = row.labels
        skill_kind[row.uri] = skill_kind.get(row.uri) or _SKILL_KINDS.get(
            row.skill_type or ""
        )
    isco_labels: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    isco_uri: dict[str, str] = {}
    for row in ticker.count(bundle.isco_groups(), "ISCO group rows read"):
        if len(row.code) > 4 or not row.code.isdigit():
            continue
        isco_labels[row.code][row.lang] = row.labels
        isco_uri.setdefault(row.code, row.uri)

    relations: dict[tuple[str, str], Relation] = {}
    for row in ticker.count(bundle.relations(), "relation rows read"):
        pair = (row.occupation_uri, row.skill_uri)
        # Listed as both essential and optional: essential wins.
        if row.relation_type == "essential":
            relations[pair] = Relation.ESSENTIAL
        else:
            relations.setdefault(pair, Relation.OPTIONAL)
    if bundle.files("relations"):
        payload.relations = relations
    # ESCO 1.1.1's relations name one occupation that its English file lacks (but the
    # Danish file has): concepts that relations name are kept when any file labels them.
    occupations = _concept_set(
        occ_labels, bundle.languages("occupations"), known, {o for o, _ in relations}
    )
    skills = _concept_set(
        skill_labels, bundle.languages("skills"), known, {s for _, s in relations}
    )
    groups = _concept_set(isco_labels, bundle.languages("isco_groups"), set(), set())
    payload.skipped = {
        "occupations only in non-English files": len(occ_labels) - len(occupations),
        "skills only in non-English files": len(skill_labels) - len(skills),
        "ISCO groups only in non-English files": len(isco_labels) - len(groups),
    }
    for uri in occupations:
        payload.occupations[uri] = {"isco_code": occ_isco.get(uri, ((), None))[1]}
    for uri in skills:
        payload.skills[uri] = {"kind": skill_kind.get(uri)}
    for code in groups:
        payload.isco_groups[code] = {"uri": isco_uri[code], "level": len(code)}
    payload.labels[ConceptType.OCCUPATION] = {u: occ_labels[u] for u in occupations}
    payload.labels[ConceptType.SKILL] = {u: skill_labels[u] for u in skills}
    payload.labels[ConceptType.ISCO_GROUP] = {c: isco_labels[c] for c in groups}
    return payload


def _concept_set(
    labels: dict[str, dict[str, tuple[str, ...]]],
    languages: Sequence[str],
    known: set[str],
    referenced: set[str],
) -> list[str]:
    """The concepts an import defines: those of the English files when it has them.

    Without English files it only adds labels to concepts already loaded (or, into an
    empty database, takes its concepts as they are).
    """
    if FALLBACK_LANGUAGE in languages:
        return [
            key
            for key, by_lang in labels.items()
            if FALLBACK_LANGUAGE in by_lang or key in referenced
        ]
    if known:
        return [key for key in labels if key in known]
    return list(labels)


def _version_key(version: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")) if version else ()


# --- writing --------------------------------------------------------------------------


def _write(
    session: Session,
    name: str,
    version: str,
    languages: Sequence[str] | None,
    payload: _Payload,
    ticker: _Ticker | None = None,
) -> ImportReport:
    """Sync the payload into the tables of source `name`; does not commit."""
    ticker = ticker or _Ticker(None)
    started = time.perf_counter()
    source = session.execute(
        select(TaxonomySource).where(TaxonomySource.name == name)
    ).scalar_one_or_none()
    if source is None:
        source = TaxonomySource(name=name, version=version, languages="")
        session.add(source)
    source.version = version
    session.flush()
    report = ImportReport(source=name, version=version, skipped=payload.skipped)

    ticker.say(f"Writing {len(payload.occupations):,} occupations")
    occ_ids, report.occupations = _sync_concepts(
        session, _OCC, source.id, payload.occupations
    )
    ticker.say(f"Writing {len(payload.skills):,} skills")
    skill_ids, report.skills = _sync_concepts(
        session, _SKILL, source.id, payload.skills
    )
    isco_ids, report.isco_groups = _sync_isco_groups(session, payload.isco_groups)

    ids = {
        ConceptType.OCCUPATION: occ_ids,
        ConceptType.SKILL: skill_ids,
        ConceptType.ISCO_GROUP: isco_ids,
    }
    for concept_type in ConceptType:
        by_concept = payload.labels[concept_type]
        if not by_concept:
            continue
        ticker.say(f"Writing {concept_type.value} labels")
        for lang, count in _sync_labels(
            session, concept_type, ids[concept_type], by_concept, ticker
        ).items():
            total = report.labels.setdefault(lang, Count())
            total.total += count.total
            total.new += count.new
            total.removed += count.removed

    if payload.relations is not None:
        ticker.say(f"Writing {len(payload.relations):,} relations")
        report.relations, unknown = _sync_relations(
            session, source.id, occ_ids, skill_ids, payload.relations
        )
        report.skipped["relations to concepts not in the import"] = unknown
    else:
        report.relations.total = _count_relations(session, source.id)

    if languages is None:
        languages = _label_languages(session, source.id)
    source.languages = ",".join(languages)
    report.languages = tuple(languages)
    session.flush()
    report.seconds = time.perf_counter() - started
    return report


def _batches(rows: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _update_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """UPDATE table by id; each row is {"b_id": ..., "b_<column>": ...}."""
    if not rows:
        return
    columns = [key.removeprefix("b_") for key in rows[0] if key != "b_id"]
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values({column: bindparam(f"b_{column}") for column in columns})
    )
    for chunk in _batches(rows):
        session.execute(statement, list(chunk))


def _delete_ids(session: Session, table: Table, ids: list[int]) -> None:
    for chunk in _batches(ids, DELETE_BATCH):
        session.execute(delete(table).where(table.c.id.in_(chunk)))


def _sync_concepts(
    session: Session,
    table: Table,
    source_id: int,
    wanted: dict[str, dict[str, Any]],
) -> tuple[dict[str, int], Count]:
    """Upsert occupations or skills by URI; returns uri -> id and the counts.

    Concepts of the source that the import lacks are kept: citizens' profiles and
    postings may point at them.
    """
    columns = sorted({column for values in wanted.values() for column in values})
    existing = {
        row.uri: row
        for row in session.execute(
            select(
                table.c.id, table.c.uri, table.c.source_id, *map(table.c.get, columns)
            )
        )
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for uri, values in wanted.items():
        row = existing.get(uri)
        if row is None:
            inserts.append({"uri": uri, "source_id": source_id, **values})
        elif row.source_id != source_id or any(
            getattr(row, column) != values.get(column) for column in columns
        ):
            update_row = {"b_id": row.id, "b_source_id": source_id}
            update_row.update({f"b_{c}": values.get(c) for c in columns})
            updates.append(update_row)
    bulk_insert(session, table, inserts)
    _update_many(session, table, updates)
    ids = {
        uri: id_
        for id_, uri in session.execute(
            select(table.c.id, table.c.uri).where(table.c.source_id == source_id)
        )
    }
    return ids, Count(len(wanted), len(inserts), len(updates))


def _sync_isco_groups(
    session: Session, wanted: dict[str, dict[str, Any]]
) -> tuple[dict[str, int], Count]:
    """Upsert ISCO-08 groups by code (shared by every source); returns code -> id."""
    if not wanted:
        return {}, Count()
    existing = {
        row.code: row
        for row in session.execute(
            select(_ISCO.c.id, _ISCO.c.code, _ISCO.c.uri, _ISCO.c.level)
        )
    }
    inserts = [
        {"code": code, **values}
        for code, values in wanted.items()
        if code not in existing
    ]
    updates = [
        {"b_id": row.id, "b_uri": values["uri"], "b_level": values["level"]}
        for code, values in wanted.items()
        if (row := existing.get(code)) is not None
        and (row.uri, row.level) != (values["uri"], values["level"])
    ]
    bulk_insert(session, _ISCO, inserts)
    _update_many(session, _ISCO, updates)
    ids = dict(session.execute(select(_ISCO.c.code, _ISCO.c.id)).tuples().all())
    return ids, Count(len(wanted), len(inserts), len(updates))


def _sync_labels(
    session: Session,
    concept_type: ConceptType,
    ids: dict[str, int],
    by_concept: dict[str, dict[str, tuple[str, ...]]],
    ticker: _Ticker,
) -> dict[str, Count]:
    """Make the labels of each (concept, language) in the import equal to the import's.

    Labels of a concept in a language the import does not carry are kept.
    """
    wanted: dict[tuple[int, str, LabelKind, str], None] = {}
    for key, by_lang in by_concept.items():
        concept_id = ids.get(key)
        if concept_id is None:
            continue
        for lang, texts in by_lang.items():
            for position, text in enumerate(texts):
                kind = LabelKind.PREFERRED if position == 0 else LabelKind.ALTERNATIVE
                wanted.setdefault((concept_id, lang, kind, text), None)
    scope = {(cid, lang) for cid, lang, _kind, _text in wanted}
    languages = sorted({lang for _cid, lang in scope})
    counts = {lang: Count() for lang in languages}
    stale: list[int] = []
    kept: set[tuple[int, str, LabelKind, str]] = set()
    if languages:
        rows = session.execute(
            select(
                _LABEL.c.id,
                _LABEL.c.concept_id,
                _LABEL.c.lang,
                _LABEL.c.kind,
                _LABEL.c.text,
            ).where(
                _LABEL.c.concept_type == concept_type,
                _LABEL.c.lang.in_(languages),
            )
        )
        for id_, concept_id, lang, kind, text in rows:
            if (concept_id, lang) not in scope:
                continue
            label = (concept_id, lang, LabelKind(kind), text)
            if label in wanted and label not in kept:
                kept.add(label)
            else:
                stale.append(id_)
                counts[lang].removed += 1
    _delete_ids(session, _LABEL, stale)
    inserts: list[dict[str, Any]] = []
    for label in wanted:
        counts[label[1]].total += 1
        if label in kept:
            continue
        counts[label[1]].new += 1
        concept_id, lang, kind, text = label
        inserts.append(
            {
                "concept_type": concept_type,
                "concept_id": concept_id,
                "lang": lang,
                "kind": kind,
                "text": text,
            }
        )
    for written, chunk in enumerate(_batches(inserts), 1):
        bulk_insert(session, _LABEL, list(chunk))
        if (written * BATCH) % PROGRESS_EVERY == 0:
            ticker.say(f"{concept_type.value} labels written: {written * BATCH:,}")
    return counts


def _sync_relations(
    session: Session,
    source_id: int,
    occ_ids: dict[str, int],
    skill_ids: dict[str, int],
    relations: dict[tuple[str, str], Relation],
) -> tuple[Count, int]:
    """Make the source's occupation-skill relations equal to the import's."""
    wanted: dict[tuple[int, int], Relation] = {}
    unknown = 0
    for (occ_uri, skill_uri), relation in relations.items():
        occ_id = occ_ids.get(occ_uri)
        skill_id = skill_ids.get(skill_uri)
        if occ_id is None or skill_id is None:
            unknown += 1
            continue
        wanted[(occ_id, skill_id)] = relation
    count = Count(total=len(wanted))
    stale: list[int] = []
    updates: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    rows = session.execute(
        select(_REL.c.id, _REL.c.occupation_id, _REL.c.skill_id, _REL.c.relation)
        .join(_OCC, _OCC.c.id == _REL.c.occupation_id)
        .where(_OCC.c.source_id == source_id)
    )
    for id_, occ_id, skill_id, relation in rows:
        pair = (occ_id, skill_id)
        target = wanted.get(pair)
        if target is None:
            stale.append(id_)
            continue
        seen.add(pair)
        if relation != target:
            updates.append({"b_id": id_, "b_relation": target})
    _delete_ids(session, _REL, stale)
    _update_many(session, _REL, updates)
    inserts = [
        {"occupation_id": occ_id, "skill_id": skill_id, "relation": relation}
        for (occ_id, skill_id), relation in wanted.items()
        if (occ_id, skill_id) not in seen
    ]
    bulk_insert(session, _REL, inserts)
    count.new, count.changed, count.removed = len(inserts), len(updates), len(stale)
    return count, unknown


def _count_relations(session: Session, source_id: int) -> int:
    return len(
        session.scalars(
            select(_REL.c.id)
            .join(_OCC, _OCC.c.id == _REL.c.occupation_id)
            .where(_OCC.c.source_id == source_id)
        ).all()
    )


def _label_languages(session: Session, source_id: int) -> list[str]:
    """Languages with at least one label of an occupation or skill of the source."""
    found: set[str] = set()
    for concept_type, table in (
        (ConceptType.OCCUPATION, _OCC),
        (ConceptType.SKILL, _SKILL),
    ):
        found.update(
            session.scalars(
                select(_LABEL.c.lang)
                .distinct()
                .join(table, table.c.id == _LABEL.c.concept_id)
                .where(
                    _LABEL.c.concept_type == concept_type,
                    table.c.source_id == source_id,
                )
            )
        )
    return sorted(found)


# --- reading --------------------------------------------------------------------------


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


# database URL -> the taxonomy of its current source. Rebuilt when the source, its
# version or its languages change; an import in this process clears it outright.
_CACHE: dict[str, _Cached] = {}
_CACHE_LOCK = threading.RLock()


def clear_cache() -> None:
    """Forget every cached taxonomy and index (after an import, and in tests)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def _database_url(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def _cached(session: Session) -> _Cached:
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


def suggest(
    session: Session,
    text: str,
    kind: SuggestKind,
    lang: str,
    limit: int = 8,
) -> list[Suggestion]:
    """Occupations or skills whose labels (in any language) best match `text`.

    Each suggestion is labelled in `lang`, or in English where `lang` has no label.
    """
    from app.ml.normalise import LabelIndex

    if kind not in ("occupation", "skill"):
        raise ValueError(f"kind must be 'occupation' or 'skill', not {kind!r}")
    entry = _cached(session)
    taxonomy = entry.taxonomy
    concepts = taxonomy.occupations if kind == "occupation" else taxonomy.skills
    with _CACHE_LOCK:
        index = entry.indexes.get(kind)
        if index is None:
            index = LabelIndex.build(concepts.values(), entry.languages or ("da", "en"))
            entry.indexes[kind] = index
    return [
        replace(found, label=concepts[found.uri].preferred(lang))
        for found in index.search(text, limit=limit)
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
