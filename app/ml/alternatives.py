"""Occupations in other fields that a citizen's skills carry over to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.ml.matching import MODEL_VERSION, quantise_score
from app.ml.taxonomy import Taxonomy, isco_major

# Coverage of an occupation's essential skills decides; optional skills break near-ties.
ALT_ESSENTIAL_WEIGHT = 0.8
ALT_OPTIONAL_WEIGHT = 0.2


@dataclass(frozen=True, slots=True)
class Alternative:
    """An occupation in another field that the citizen's skills carry over to."""

    occupation_uri: str
    score: float
    transferable_skills: tuple[str, ...]
    skills_to_learn: tuple[str, ...]
    model_version: str = MODEL_VERSION


def alternative_occupations(
    profile_skills: frozenset[str],
    current_occupations: Iterable[str],
    taxonomy: Taxonomy,
    limit: int = 10,
    min_transferable: int = 1,
) -> list[Alternative]:
    """Occupations in other ISCO major groups whose essential skills the citizen has."""
    current = set(current_occupations)
    excluded = {
        major
        for uri in current
        if (major := isco_major(taxonomy.isco_group_of(uri))) is not None
    }
    found: list[Alternative] = []
    for uri, relation in taxonomy.relations.items():
        major = isco_major(taxonomy.isco_group_of(uri))
        # An occupation without an ISCO group cannot be shown to be in another field.
        if uri in current or major is None or major in excluded:
            continue
        if not relation.essential:
            continue
        transferable = profile_skills & relation.essential
        if len(transferable) < min_transferable:
            continue
        optional_cov = (
            len(profile_skills & relation.optional) / len(relation.optional)
            if relation.optional
            else 0.0
        )
        score = quantise_score(
            ALT_ESSENTIAL_WEIGHT * len(transferable) / len(relation.essential)
            + ALT_OPTIONAL_WEIGHT * optional_cov
        )
        found.append(
            Alternative(
                occupation_uri=uri,
                score=score,
                transferable_skills=tuple(sorted(transferable)),
                skills_to_learn=tuple(sorted(relation.essential - profile_skills)),
            )
        )
    found.sort(key=lambda a: (-a.score, a.occupation_uri))
    return found[:limit]
