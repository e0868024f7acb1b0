"""Importing job postings from JSON, CSV, JSON-LD or a JobTech-style feed: every row
validated, bad rows reported; codes inferred and duplicates found by app.jobs.inference.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.jobs import feeds
from app.jobs.inference import Completion, Duplicates, Inference
from app.jobs.matching import invalidate_match_index
from app.jobs.posting_rows import Resolver, RowError, ValidPosting, validate_row
from app.models import Posting, PostingSkill


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str


@dataclass
class PostingImportReport:
    source: str
    created: int = 0
    updated: int = 0
    duplicates: int = 0
    # Postings given an occupation or skills inferred from their text.
    inferred: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def kept(self) -> int:
        return self.created + self.updated

    def summary(self) -> str:
        return (
            f"{self.source}: {self.created} postings created, {self.updated} updated, "
            f"{len(self.problems)} rows rejected, {self.duplicates} duplicates of "
            f"other sources skipped, {self.inferred} with inferred occupation or skills."
        )


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, raw row) for each posting in a CSV, JSON array or JSON Lines file,
    a JSON-LD document or HTML page with JobPostings, or a JobTech-style feed."""
    text = path.read_text(encoding="utf-8-sig")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(text)
        return
    if suffix in {".json", ".jsonl", ".ndjson", ".jsonld"}:
        items = _json_rows(text)
    elif suffix in {".html", ".htm"}:
        items = feeds.ld_json_from_html(text)
    else:
        raise ValueError(
            f"{path.name}: the file must end in .csv, .json, .jsonl, .jsonld or .html"
        )
    for line, item in items:
        for row in feeds.expand(item):
            yield line, row


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    start = 2
    for row in reader:
        yield start, {k.strip().lower(): v for k, v in row.items() if k is not None}
        start = reader.line_num + 1


def _json_rows(text: str) -> Iterator[tuple[int, Any]]:
    """Items of a JSON array, or one object a line; each with the line it starts on."""
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    in_array = position < len(text) and text[position] == "["
    if in_array:
        position += 1
    while True:
        position = _skip_space(text, position)
        if position >= len(text):
            if in_array:
                raise ValueError("the JSON array is not closed with ]")
            return
        if in_array and text[position] == "]":
            return
        line = text.count("\n", 0, position) + 1
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {line}: not valid JSON ({exc.msg})") from exc
        yield line, item
        position = _skip_space(text, position)
        if in_array and position < len(text) and text[position] == ",":
            position += 1


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def existing_postings(session: Session, source: str) -> dict[str, int]:
    """external_id -> id of the source's postings already stored (one query an import)."""
    rows = session.execute(
        select(Posting.external_id, Posting.id).where(Posting.source == source)
    )
    return dict(rows.all())


def save_posting(
    session: Session, valid: ValidPosting, existing_id: int | None
) -> bool:
    """Insert or update one posting with its skills; True when it was new."""
    created = existing_id is None
    posting = Posting() if created else session.get(Posting, existing_id)
    for name, value in valid.values.items():
        setattr(posting, name, value)
    session.add(posting)
    session.flush()
    if not created:
        session.execute(
            delete(PostingSkill).where(PostingSkill.posting_id == posting.id)
        )
    completion = valid.completion
    if completion.occupation_id is not None:
        posting.occupation_id = completion.occupation_id
    posting.occupation_confidence = completion.occupation_confidence
    session.add_all(
        [
            PostingSkill(posting_id=posting.id, skill_id=s, required=True)
            for s in valid.required_skill_ids
        ]
        + [
            PostingSkill(posting_id=posting.id, skill_id=s, required=False)
            for s in valid.optional_skill_ids
        ]
        # Inferred skills are never called required: the text rarely says so plainly.
        + [
            PostingSkill(
                posting_id=posting.id,
                skill_id=s,
                required=False,
                origin="extracted",
                confidence=confidence,
            )
            for s, confidence in completion.skills
        ]
    )
    return created


def import_postings(
    session: Session,
    path: str | Path,
    source: str | None = None,
    embedding_cache: Path | None = None,
) -> PostingImportReport:
    """Import every valid row of the file and report each bad one with its line and reason.

    Flushes; the command that calls it commits.
    """
    path = Path(path)
    report = PostingImportReport(source=source or path.name)
    resolver = Resolver(session)
    existing = existing_postings(session, report.source)
    inference = Inference(
        session, resolver.occupations, resolver.skills, embedding_cache
    )
    # Postings whose deadline has passed are not imported (the search would hide them
    # at once); a duplicate is looked for among other sources' current postings.
    today = date.today()
    duplicates = Duplicates.load(session, report.source, today)
    seen: set[str] = set()
    try:
        for line, row in read_rows(path):
            try:
                valid = validate_row(row, resolver, report.source)
                if valid.values["external_id"] in seen:
                    raise RowError("the same posting appears earlier in the file")
                deadline = valid.values["deadline"]
                if deadline is not None and deadline < today:
                    raise RowError(f"the deadline {deadline.isoformat()} has passed")
            except RowError as problem:
                report.problems.append(Problem(line, str(problem)))
                continue
            seen.add(valid.values["external_id"])
            values = valid.values
            key = (values["employer"], values["title"], values["postcode"])
            if duplicates.source_of(*key, deadline) is not None:
                report.duplicates += 1
                continue
            valid = _completed(valid, inference)
            if valid.completion != Completion():
                report.inferred += 1
            if save_posting(session, valid, existing.get(valid.values["external_id"])):
                report.created += 1
            else:
                report.updated += 1
    except ValueError as broken:
        report.problems.append(Problem(_line_of(broken), str(broken)))
    session.flush()
    # Other processes notice through the postings' version (raised by the flush);
    # this one at once.
    invalidate_match_index()
    return report


def _completed(valid: ValidPosting, inference: Inference) -> ValidPosting:
    """The posting with an occupation and skills inferred where the source gave none."""
    need_occupation = valid.values["occupation_id"] is None
    need_skills = not (valid.required_skill_ids or valid.optional_skill_ids)
    found = inference.complete(
        valid.values, need_occupation, need_skills, valid.skill_words
    )
    return replace(valid, completion=found)


def _line_of(error: ValueError) -> int:
    match = re.match(r"line (\d+):", str(error))
    return int(match.group(1)) if match else 0
