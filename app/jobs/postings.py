"""Importing job postings from JSON, CSV, JSON-LD or a JobTech-style feed: every row
validated, bad rows reported; codes inferred and duplicates found by app.jobs.inference.
"""

from __future__ import annotations

import csv
import hashlib
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

from app.geo import PostcodeInfo, postcode_info
from app.jobs import feeds
from app.jobs.inference import Completion, Duplicates, Inference
from app.jobs.matching import invalidate_match_index
from app.models import Hours, Occupation, Posting, PostingSkill, Skill

MAX_TEXT = {"employer": 200, "title": 200, "city": 100, "url": 500, "external_id": 100}
MAX_DESCRIPTION = 20_000
HOURS_WORDS = {
    "full": Hours.FULL_TIME,
    "fuldtid": Hours.FULL_TIME,
    "full-time": Hours.FULL_TIME,
    "part": Hours.PART_TIME,
    "deltid": Hours.PART_TIME,
    "part-time": Hours.PART_TIME,
}
TRUE_WORDS = {"1", "true", "yes", "ja"}
FALSE_WORDS = {"0", "false", "no", "nej", ""}
LIST_SEPARATOR = re.compile(r"[;|\n]")


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


@dataclass(frozen=True)
class ValidPosting:
    values: dict[str, Any]
    required_skill_ids: tuple[int, ...]
    optional_skill_ids: tuple[int, ...]
    # Occupation and skills inferred from the text (for postings without codes).
    completion: Completion = Completion()
    # Skill names a feed gave as words, not codes.
    skill_words: tuple[str, ...] = ()


class RowError(ValueError):
    """A row cannot be imported; the message says why."""


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


def _text(row: dict[str, Any], name: str, required: bool = True) -> str | None:
    value = row.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowError(f"{name} is missing")
        return None
    if not isinstance(value, str | int | float):
        raise RowError(f"{name} must be text")
    value = str(value).strip()
    limit = MAX_TEXT.get(name)
    if limit and len(value) > limit:
        raise RowError(f"{name} is longer than {limit} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
        raise RowError(f"{name} contains control characters")
    return value


def _list(row: dict[str, Any], name: str) -> list[str]:
    value = row.get(name)
    if value is None or value == "":
        return []
    if isinstance(value, list):
        items = value
    elif isinstance(value, str):
        items = LIST_SEPARATOR.split(value)
    else:
        raise RowError(f"{name} must be a list")
    return [str(item).strip() for item in items if str(item).strip()]


class Resolver:
    """Looks up taxonomy URIs once per import."""

    def __init__(self, session: Session) -> None:
        # .all(): a Result has .keys(), so dict(result) would treat it as a mapping.
        self.skills = dict(session.execute(select(Skill.uri, Skill.id)).all())
        self.occupations = dict(
            session.execute(select(Occupation.uri, Occupation.id)).all()
        )

    def skill_ids(self, uris: list[str], name: str) -> tuple[int, ...]:
        unknown = [uri for uri in uris if uri not in self.skills]
        if unknown:
            raise RowError(f"{name}: unknown skill {unknown[0]!r}")
        return tuple(dict.fromkeys(self.skills[uri] for uri in uris))


def validate_row(row: Any, resolver: Resolver, source: str) -> ValidPosting:
    """Check one raw row and turn it into column values, or raise RowError."""
    if not isinstance(row, dict):
        raise RowError("a posting must be an object with named fields")
    row = {str(k).strip().lower(): v for k, v in row.items()}
    employer = _text(row, "employer")
    title = _text(row, "title")
    postcode = _text(row, "postcode")
    place = _place(postcode)
    hours_word = (_text(row, "hours", required=False) or "full").lower()
    if hours_word not in HOURS_WORDS:
        raise RowError("hours must be full or part (fuldtid or deltid)")
    deadline = _deadline(_text(row, "deadline", required=False))
    occupation_uri = _text(row, "occupation", required=False)
    occupation_id = None
    if occupation_uri:
        occupation_id = resolver.occupations.get(occupation_uri)
        if occupation_id is None:
            raise RowError(f"occupation: unknown occupation {occupation_uri!r}")
    description = row.get("description") or ""
    if not isinstance(description, str) or len(description) > MAX_DESCRIPTION:
        raise RowError(
            f"description must be text of at most {MAX_DESCRIPTION} characters"
        )
    country = _text(row, "country", required=False)
    if country and country.upper() not in {"DK", "DNK", "DENMARK", "DANMARK"}:
        raise RowError("the workplace is not in Denmark")
    synthetic_word = str(row.get("synthetic", "")).strip().lower()
    if synthetic_word not in TRUE_WORDS | FALSE_WORDS:
        raise RowError("synthetic must be true or false")
    required = resolver.skill_ids(_list(row, "required_skills"), "required_skills")
    optional = resolver.skill_ids(_list(row, "optional_skills"), "optional_skills")
    optional = tuple(s for s in optional if s not in required)
    external_id = _text(row, "external_id", required=False) or _stable_id(
        employer, title, postcode
    )
    words = _list(row, "skill_words")
    return ValidPosting(
        skill_words=tuple(words),
        values={
            "source": source,
            "external_id": external_id,
            "employer": employer,
            "title": title,
            "occupation_id": occupation_id,
            "description": description.strip(),
            "postcode": postcode,
            "city": _text(row, "city", required=False) or place.city,
            "latitude": place.lat,
            "longitude": place.lon,
            "hours": HOURS_WORDS[hours_word],
            "deadline": deadline,
            "url": _text(row, "url", required=False),
            "synthetic": synthetic_word in TRUE_WORDS,
        },
        required_skill_ids=required,
        optional_skill_ids=optional,
    )


def _place(postcode: str | None) -> PostcodeInfo:
    """The town and coordinates of a Danish postcode, or RowError."""
    if postcode is None or not re.fullmatch(r"\d{4}", postcode):
        raise RowError("postcode must be four digits")
    place = postcode_info(postcode)
    if place is None:
        raise RowError(f"postcode {postcode} is not a Danish postcode")
    return place


def _deadline(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise RowError("deadline must be a date like 2026-12-31") from exc


def _stable_id(*parts: str | None) -> str:
    return hashlib.sha256("|".join(p or "" for p in parts).encode()).hexdigest()[:32]


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
