"""Taxonomy value objects: occupations, skills and which skills an occupation needs.

Plain frozen dataclasses, filled by an adapter (the database, the ESCO CSV reader or a
test). Nothing here knows where the data came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

ConceptKind = Literal["occupation", "skill"]

# Labels fall back to English, the one language every ESCO bundle carries in full.
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Concept:
    """An occupation or a skill with labels per language (preferred label first)."""

    uri: str
    kind: ConceptKind
    # lang -> (preferred, *alternatives); excluded from hashing because dicts are not
    # hashable, and the URI identifies the concept anyway.
    labels: Mapping[str, tuple[str, ...]] = field(hash=False)
    isco_group: str | None = None
    # ESCO skill type: "knowledge" or "skill/competence"; None for occupations.
    skill_type: str | None = None

    def preferred(self, lang: str = FALLBACK_LANGUAGE) -> str:
        """Return the preferred label in `lang`, falling back to English, then any."""
        return self.preferred_in(lang)[0]

    def preferred_in(self, lang: str = FALLBACK_LANGUAGE) -> tuple[str, str | None]:
        """The preferred label and its language: in `lang`, else English, else any
        (a page marks a label in another language than its own with `lang`). A
        concept without labels is named by its URI, in no language (None)."""
        for candidate in (lang, FALLBACK_LANGUAGE):
            labels = self.labels.get(candidate)
            if labels:
                return labels[0], candidate
        for candidate, labels in self.labels.items():
            if labels:
                return labels[0], candidate
        return self.uri, None

    def labels_in(self, lang: str) -> tuple[str, ...]:
        """Return all labels (preferred first) in `lang`, or an empty tuple."""
        return self.labels.get(lang, ())

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages with at least one label, sorted."""
        return tuple(sorted(lang for lang, labels in self.labels.items() if labels))

    @property
    def isco_major(self) -> str | None:
        """First digit of the ISCO-08 group (the major group), if known."""
        return isco_major(self.isco_group)


@dataclass(frozen=True, slots=True)
class OccupationSkills:
    """The essential and optional skills of one occupation."""

    occupation_uri: str
    essential: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()


def isco_major(code: str | None) -> str | None:
    """Return the ISCO-08 major group (first digit) of a code, or None."""
    if not code:
        return None
    return code[0]


def make_concept(
    uri: str,
    kind: ConceptKind,
    labels: Mapping[str, Iterable[str]],
    isco_group: str | None = None,
    skill_type: str | None = None,
) -> Concept:
    """Build a Concept, removing empty and duplicate labels but keeping their order."""
    clean: dict[str, tuple[str, ...]] = {}
    for lang, values in labels.items():
        seen: dict[str, None] = {}
        for value in values:
            text = value.strip()
            if text and text not in seen:
                seen[text] = None
        if seen:
            clean[lang] = tuple(seen)
    return Concept(
        uri=uri,
        kind=kind,
        labels=MappingProxyType(clean),
        isco_group=isco_group or None,
        skill_type=skill_type or None,
    )


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Occupations, skills and occupation-skill relations of one taxonomy version."""

    occupations: Mapping[str, Concept]
    skills: Mapping[str, Concept]
    relations: Mapping[str, OccupationSkills]
    version: str = "unknown"

    @classmethod
    def from_iterables(
        cls,
        occupations: Iterable[Concept],
        skills: Iterable[Concept],
        relations: Iterable[OccupationSkills],
        version: str = "unknown",
    ) -> Taxonomy:
        """Index concepts and relations by URI; a later duplicate replaces one."""
        return cls(
            occupations=MappingProxyType({c.uri: c for c in occupations}),
            skills=MappingProxyType({c.uri: c for c in skills}),
            relations=MappingProxyType({r.occupation_uri: r for r in relations}),
            version=version,
        )

    def occupation(self, uri: str) -> Concept | None:
        """Return the occupation with this URI, or None."""
        return self.occupations.get(uri)

    def skill(self, uri: str) -> Concept | None:
        """Return the skill with this URI, or None."""
        return self.skills.get(uri)

    def skills_for(self, occupation_uri: str) -> OccupationSkills:
        """Return the skills of an occupation (empty sets when unknown)."""
        found = self.relations.get(occupation_uri)
        return found if found is not None else OccupationSkills(occupation_uri)

    def isco_group_of(self, occupation_uri: str | None) -> str | None:
        """Return the ISCO-08 group of an occupation, or None."""
        if occupation_uri is None:
            return None
        concept = self.occupations.get(occupation_uri)
        return concept.isco_group if concept is not None else None

    def label(self, uri: str, lang: str = FALLBACK_LANGUAGE) -> str:
        """Return the preferred label of any concept, or the URI when unknown."""
        concept = self.occupations.get(uri) or self.skills.get(uri)
        return concept.preferred(lang) if concept is not None else uri
