"""Writing a taxonomy into the database: batched upserts by URI, labels and relations.

SQLAlchemy Core in batches, with uri -> id maps held in dicts, so the full ESCO bundle
(17,000 concepts, 124,000 relations, 200,000 labels) is written without an ORM object
per row. Concepts are upserted by URI (ids stay stable, because profiles and postings
point at them), the labels of each concept and language replace the stored ones, and
relations are made equal to the import's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from app.db import bulk_insert
from app.models import (
    ConceptLabel,
    ConceptType,
    IscoGroup,
    LabelKind,
    Occupation,
    OccupationSkill,
    Relation,
    Skill,
)

Progress = Callable[[str], None]

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


class Ticker:
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


def batches(rows: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
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
    for chunk in batches(rows):
        session.execute(statement, list(chunk))


def _delete_ids(session: Session, table: Table, ids: list[int]) -> None:
    for chunk in batches(ids, DELETE_BATCH):
        session.execute(delete(table).where(table.c.id.in_(chunk)))


def sync_concepts(
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


def sync_isco_groups(
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


def sync_labels(
    session: Session,
    concept_type: ConceptType,
    ids: dict[str, int],
    by_concept: dict[str, dict[str, tuple[str, ...]]],
    ticker: Ticker,
) -> dict[str, Count]:
    """Make the labels of each (concept, language) in the import equal to the import's.

    Labels of a concept in a language the import does not carry are kept.
    """
    wanted: dict[Label, None] = {}
    for key, by_lang in by_concept.items():
        concept_id = ids.get(key)
        if concept_id is None:
            continue
        for lang, texts in by_lang.items():
            for position, text in enumerate(texts):
                kind = LabelKind.PREFERRED if position == 0 else LabelKind.ALTERNATIVE
                wanted.setdefault((concept_id, lang, kind, text), None)
    languages = sorted({lang for _cid, lang, _kind, _text in wanted})
    counts = {lang: Count() for lang in languages}
    kept = _keep_or_remove_labels(session, concept_type, wanted, counts)
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
    for written, chunk in enumerate(batches(inserts), 1):
        bulk_insert(session, _LABEL, list(chunk))
        if (written * BATCH) % PROGRESS_EVERY == 0:
            ticker.say(f"{concept_type.value} labels written: {written * BATCH:,}")
    return counts


# (concept id, language, preferred or alternative, text)
Label = tuple[int, str, LabelKind, str]


def _keep_or_remove_labels(
    session: Session,
    concept_type: ConceptType,
    wanted: dict[Label, None],
    counts: dict[str, Count],
) -> set[Label]:
    """Delete the stored labels of the import's (concept, language) pairs that it no
    longer has; return those it keeps."""
    scope = {(cid, lang) for cid, lang, _kind, _text in wanted}
    stale: list[int] = []
    kept: set[Label] = set()
    if counts:
        rows = session.execute(
            select(
                _LABEL.c.id,
                _LABEL.c.concept_id,
                _LABEL.c.lang,
                _LABEL.c.kind,
                _LABEL.c.text,
            ).where(
                _LABEL.c.concept_type == concept_type,
                _LABEL.c.lang.in_(sorted(counts)),
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
    return kept


def sync_relations(
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


def count_relations(session: Session, source_id: int) -> int:
    return len(
        session.scalars(
            select(_REL.c.id)
            .join(_OCC, _OCC.c.id == _REL.c.occupation_id)
            .where(_OCC.c.source_id == source_id)
        ).all()
    )


def label_languages(session: Session, source_id: int) -> list[str]:
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
