"""Streaming readers for the official ESCO CSV bundle (zip files or folders).

The layout is the one the ESCO portal hands out: ``occupations_<lang>.csv``,
``skills_<lang>.csv``, ``ISCOGroups_<lang>.csv`` (one file per language) and the
language-independent ``occupationSkillRelations.csv``. Rows are read one at a time with
the csv module and yielded as small frozen dataclasses, so a whole bundle can be
imported without holding it in memory.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from app.ml.taxonomy import Concept, OccupationSkills, Taxonomy, make_concept

FileKind = Literal["occupations", "skills", "isco_groups", "relations"]

_LANG_FILE = re.compile(
    r"^(?P<kind>occupations|skills|iscogroups)_(?P<lang>[a-z]{2,3}(?:-[a-z]{2,4})?)\.csv$",
    re.IGNORECASE,
)
_RELATIONS_FILE = re.compile(r"^occupationskillrelations(?:_[a-z-]+)?\.csv$", re.I)
_VERSION = re.compile(r"v(\d+\.\d+(?:\.\d+)?)", re.IGNORECASE)
_KINDS: dict[str, FileKind] = {
    "occupations": "occupations",
    "skills": "skills",
    "iscogroups": "isco_groups",
}

# ESCO descriptions can be long; the csv module's default field limit is 128 KiB.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class CsvMember:
    """One CSV file of a bundle, inside a zip archive or on disk."""

    kind: FileKind
    lang: str | None
    container: Path
    name: str
    version: str | None

    @contextmanager
    def open(self) -> Iterator[TextIO]:
        """Open the file as text (UTF-8, BOM tolerated), streaming from a zip."""
        if self.container.is_file() and zipfile.is_zipfile(self.container):
            with (
                zipfile.ZipFile(self.container) as archive,
                archive.open(self.name) as raw,
                io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text,
            ):
                yield text
        else:
            path = self.container / self.name if self.name else self.container
            with path.open(encoding="utf-8-sig", newline="") as text:
                yield text


@dataclass(frozen=True, slots=True)
class OccupationRow:
    """One occupation in one language."""

    uri: str
    lang: str
    labels: tuple[str, ...]  # preferred label first, then alternatives
    hidden_labels: tuple[str, ...]
    description: str
    isco_group: str | None
    code: str | None
    version: str | None  # ESCO version named in the file name, if any


@dataclass(frozen=True, slots=True)
class SkillRow:
    """One skill or knowledge concept in one language."""

    uri: str
    lang: str
    labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    description: str
    skill_type: str | None  # "knowledge" or "skill/competence"
    reuse_level: str | None


@dataclass(frozen=True, slots=True)
class IscoGroupRow:
    """One ISCO-08 group (levels 1 to 4) in one language."""

    uri: str
    lang: str
    code: str
    labels: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class RelationRow:
    """An occupation needs a skill, essentially or optionally."""

    occupation_uri: str
    skill_uri: str
    relation_type: Literal["essential", "optional"]
    skill_type: str | None


class EscoBundle:
    """The CSV files found in any mix of zip files, folders and single CSV files."""

    def __init__(self, sources: Iterable[str | Path]) -> None:
        self.members: list[CsvMember] = []
        for source in sources:
            self.members.extend(_discover(Path(source)))
        self.members.sort(key=lambda m: (m.kind, m.lang or "", m.name))

    def languages(self, kind: FileKind = "occupations") -> tuple[str, ...]:
        """Languages that have a file of this kind, sorted."""
        return tuple(
            sorted({m.lang for m in self.members if m.kind == kind and m.lang})
        )

    @property
    def version(self) -> str:
        """ESCO version named in file names ("1.1.1"), several joined, or unknown."""
        versions = sorted({m.version for m in self.members if m.version})
        return "+".join(versions) if versions else "unknown"

    def files(
        self, kind: FileKind, langs: Sequence[str] | None = None
    ) -> list[CsvMember]:
        """Files of one kind, optionally restricted to some languages."""
        return [
            m
            for m in self.members
            if m.kind == kind and (langs is None or m.lang is None or m.lang in langs)
        ]

    def occupations(
        self, langs: Sequence[str] | None = None
    ) -> Iterator[OccupationRow]:
        """Stream occupation rows of every (or the given) language file."""
        for member in self.files("occupations", langs):
            for row in _rows(member):
                uri = row.get("conceptUri", "").strip()
                if not uri:
                    continue
                yield OccupationRow(
                    uri=uri,
                    lang=member.lang or "en",
                    labels=_labels(row.get("preferredLabel"), row.get("altLabels")),
                    hidden_labels=split_labels(row.get("hiddenLabels")),
                    description=(row.get("description") or "").strip(),
                    isco_group=(row.get("iscoGroup") or "").strip() or None,
                    code=(row.get("code") or "").strip() or None,
                    version=member.version,
                )

    def skills(self, langs: Sequence[str] | None = None) -> Iterator[SkillRow]:
        """Stream skill rows of every (or the given) language file."""
        for member in self.files("skills", langs):
            for row in _rows(member):
                uri = row.get("conceptUri", "").strip()
                if not uri:
                    continue
                yield SkillRow(
                    uri=uri,
                    lang=member.lang or "en",
                    labels=_labels(row.get("preferredLabel"), row.get("altLabels")),
                    hidden_labels=split_labels(row.get("hiddenLabels")),
                    description=(row.get("description") or "").strip(),
                    skill_type=normalise_skill_type(row.get("skillType")),
                    reuse_level=(row.get("reuseLevel") or "").strip() or None,
                )

    def isco_groups(self, langs: Sequence[str] | None = None) -> Iterator[IscoGroupRow]:
        """Stream ISCO-08 group rows of every (or the given) language file."""
        for member in self.files("isco_groups", langs):
            for row in _rows(member):
                uri = row.get("conceptUri", "").strip()
                code = (row.get("code") or "").strip()
                if not uri or not code:
                    continue
                yield IscoGroupRow(
                    uri=uri,
                    lang=member.lang or "en",
                    code=code,
                    labels=_labels(row.get("preferredLabel"), row.get("altLabels")),
                    description=(row.get("description") or "").strip(),
                )

    def relations(self) -> Iterator[RelationRow]:
        """Stream occupation-skill relations (duplicates across files are kept)."""
        for member in self.files("relations"):
            for row in _rows(member):
                occupation = (row.get("occupationUri") or "").strip()
                skill = (row.get("skillUri") or "").strip()
                relation = (row.get("relationType") or "").strip().lower()
                if not occupation or not skill or relation not in _RELATION_TYPES:
                    continue
                yield RelationRow(
                    occupation_uri=occupation,
                    skill_uri=skill,
                    relation_type=_RELATION_TYPES[relation],
                    skill_type=normalise_skill_type(row.get("skillType")),
                )


_RELATION_TYPES: dict[str, Literal["essential", "optional"]] = {
    "essential": "essential",
    "optional": "optional",
}


def split_labels(value: str | None) -> tuple[str, ...]:
    """Split an ESCO multi-label cell (one label per line) into stripped labels."""
    if not value:
        return ()
    return tuple(part.strip() for part in value.splitlines() if part.strip())


def normalise_skill_type(value: str | None) -> str | None:
    """Map ESCO's skill type (a word or a URI) to "knowledge" or "skill/competence"."""
    text = (value or "").strip().lower()
    if "knowledge" in text:
        return "knowledge"
    if "skill" in text or "competence" in text:
        return "skill/competence"
    return None


def load_taxonomy(
    sources: Iterable[str | Path] | EscoBundle,
    languages: Sequence[str] | None = None,
    include_hidden: bool = False,
) -> Taxonomy:
    """Read a bundle into a Taxonomy, merging labels of every language file.

    Hidden labels (misspellings and search terms) are added after the alternatives
    when `include_hidden` is true; they help search but should not be displayed.
    """
    bundle = sources if isinstance(sources, EscoBundle) else EscoBundle(sources)
    occ_labels: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    # ISCO groups moved between ESCO versions, and a Danish file may be older than the
    # English bundle: keep the group from the newest file that names one.
    occ_isco: dict[str, tuple[tuple[int, ...], str]] = {}
    for occ in bundle.occupations(languages):
        occ_labels[occ.uri][occ.lang] = occ.labels + (
            occ.hidden_labels if include_hidden else ()
        )
        if occ.isco_group:
            key = _version_key(occ.version)
            if occ.uri not in occ_isco or key > occ_isco[occ.uri][0]:
                occ_isco[occ.uri] = (key, occ.isco_group)
    skill_labels: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    skill_types: dict[str, str | None] = {}
    for skill in bundle.skills(languages):
        skill_labels[skill.uri][skill.lang] = skill.labels + (
            skill.hidden_labels if include_hidden else ()
        )
        skill_types[skill.uri] = skill_types.get(skill.uri) or skill.skill_type
    essential: dict[str, set[str]] = defaultdict(set)
    optional: dict[str, set[str]] = defaultdict(set)
    for rel in bundle.relations():
        target = essential if rel.relation_type == "essential" else optional
        target[rel.occupation_uri].add(rel.skill_uri)
    occupations: list[Concept] = [
        make_concept(
            uri, "occupation", labels, isco_group=occ_isco.get(uri, ((), ""))[1]
        )
        for uri, labels in occ_labels.items()
    ]
    skills: list[Concept] = [
        make_concept(uri, "skill", labels, skill_type=skill_types.get(uri))
        for uri, labels in skill_labels.items()
    ]
    relations = [
        OccupationSkills(
            uri,
            frozenset(essential.get(uri, set())),
            frozenset(optional.get(uri, set()) - essential.get(uri, set())),
        )
        for uri in sorted(set(essential) | set(optional))
    ]
    return Taxonomy.from_iterables(occupations, skills, relations, bundle.version)


def _version_key(version: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")) if version else ()


def _labels(preferred: str | None, alternatives: str | None) -> tuple[str, ...]:
    pref = (preferred or "").strip()
    alts = tuple(a for a in split_labels(alternatives) if a != pref)
    return ((pref,) if pref else ()) + alts


def _rows(member: CsvMember) -> Iterator[dict[str, str]]:
    with member.open() as handle:
        yield from csv.DictReader(handle)


def _classify(name: str, container: Path) -> CsvMember | None:
    base = name.rsplit("/", 1)[-1]
    version_match = _VERSION.search(f"{container.name} {name}")
    version = version_match.group(1) if version_match else None
    if match := _LANG_FILE.match(base):
        kind = _KINDS[match.group("kind").lower()]
        return CsvMember(kind, match.group("lang").lower(), container, name, version)
    if _RELATIONS_FILE.match(base):
        return CsvMember("relations", None, container, name, version)
    return None


def _discover(source: Path) -> list[CsvMember]:
    found: list[CsvMember] = []
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.suffix.lower() == ".zip":
                found.extend(_discover(path))
            elif path.suffix.lower() == ".csv":
                member = _classify(path.name, path.parent)
                if member is not None:
                    found.append(member)
    elif source.is_file() and zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                if name.lower().endswith(".csv"):
                    member = _classify(name, source)
                    if member is not None:
                        found.append(member)
    elif source.is_file():
        member = _classify(source.name, source.parent)
        if member is not None:
            found.append(member)
    return found
