"""Importing a taxonomy: the official ESCO CSV bundle, or the built-in demo taxonomy.

Every import is a sync (see app.taxonomy.sync): re-running one changes nothing. The
caches of app.taxonomy.services are cleared afterwards.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data import demo_taxonomy
from app.ml.esco_csv import EscoBundle
from app.ml.taxonomy import FALLBACK_LANGUAGE
from app.models import ConceptType, Relation, SkillKind, TaxonomySource
from app.taxonomy import sync
from app.taxonomy.services import DEMO, ESCO, clear_cache
from app.taxonomy.sync import Count, Progress, Ticker

_OCC = sync._OCC
_SKILL = sync._SKILL

_SKILL_KINDS = {"knowledge": SkillKind.KNOWLEDGE, "skill/competence": SkillKind.SKILL}


# --- the report -----------------------------------------------------------------------


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


def import_esco(
    session: Session,
    paths: Sequence[str | Path],
    progress: Progress | None = None,
) -> ImportReport:
    """Import official ESCO CSV bundles (zips, folders or files, any languages); flushes.

    The concepts are those of the English files; other languages add labels to them.
    A bundle without English files only adds labels to concepts already loaded. Re-running
    an import changes nothing.
    """
    ticker = Ticker(progress)
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
    report = _write(session, ESCO, version, None, payload, ticker)
    clear_cache()
    ticker.say("Written; the command commits it.")
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


def _read_esco(bundle: EscoBundle, known: set[str], ticker: Ticker) -> _Payload:
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

    relations = _read_relations(bundle, ticker)
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


def _read_relations(
    bundle: EscoBundle, ticker: Ticker
) -> dict[tuple[str, str], Relation]:
    """(occupation, skill) -> essential or optional; listed as both, essential wins."""
    relations: dict[tuple[str, str], Relation] = {}
    for row in ticker.count(bundle.relations(), "relation rows read"):
        pair = (row.occupation_uri, row.skill_uri)
        if row.relation_type == "essential":
            relations[pair] = Relation.ESSENTIAL
        else:
            relations.setdefault(pair, Relation.OPTIONAL)
    return relations


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


def _write(
    session: Session,
    name: str,
    version: str,
    languages: Sequence[str] | None,
    payload: _Payload,
    ticker: Ticker | None = None,
) -> ImportReport:
    """Sync the payload into the tables of source `name`; does not commit."""
    ticker = ticker or Ticker(None)
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
    occ_ids, report.occupations = sync.sync_concepts(
        session, _OCC, source.id, payload.occupations
    )
    ticker.say(f"Writing {len(payload.skills):,} skills")
    skill_ids, report.skills = sync.sync_concepts(
        session, _SKILL, source.id, payload.skills
    )
    isco_ids, report.isco_groups = sync.sync_isco_groups(session, payload.isco_groups)

    ids = {
        ConceptType.OCCUPATION: occ_ids,
        ConceptType.SKILL: skill_ids,
        ConceptType.ISCO_GROUP: isco_ids,
    }
    _write_labels(session, payload, ids, report, ticker)

    if payload.relations is not None:
        ticker.say(f"Writing {len(payload.relations):,} relations")
        report.relations, unknown = sync.sync_relations(
            session, source.id, occ_ids, skill_ids, payload.relations
        )
        report.skipped["relations to concepts not in the import"] = unknown
    else:
        report.relations.total = sync.count_relations(session, source.id)

    if languages is None:
        languages = sync.label_languages(session, source.id)
    source.languages = ",".join(languages)
    report.languages = tuple(languages)
    session.flush()
    report.seconds = time.perf_counter() - started
    return report


def _write_labels(
    session: Session,
    payload: _Payload,
    ids: dict[ConceptType, dict[str, int]],
    report: ImportReport,
    ticker: Ticker,
) -> None:
    """Each concept type's labels, counted per language in the report."""
    for concept_type in ConceptType:
        by_concept = payload.labels[concept_type]
        if not by_concept:
            continue
        ticker.say(f"Writing {concept_type.value} labels")
        for lang, count in sync.sync_labels(
            session, concept_type, ids[concept_type], by_concept, ticker
        ).items():
            total = report.labels.setdefault(lang, Count())
            total.total += count.total
            total.new += count.new
            total.removed += count.removed
