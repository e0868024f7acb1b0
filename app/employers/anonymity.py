"""Anonymous candidate profiles that at least k citizens share (pure Python).

A company sees a candidate as a few fields: occupations, the offer's skills they have,
years of experience, education level, languages, driving licences and distance. A
combination of exact values can single a person out, so each profile is shown at the
finest level of a fixed ladder of coarsenings at which at least K citizens of the pool
(every citizen who shares their CV, not only the best matches) share the shown values;
a profile that even the coarsest level leaves in a smaller group is not shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

K = 5

FIELDS = (
    "occupations",
    "skills",
    "experience",
    "education",
    "languages",
    "licences",
    "distance",
)

# Per field: 0 exact, 1 coarse, 2 hidden. Each level coarsens one step further.
LADDER: tuple[dict[str, int], ...] = (
    dict.fromkeys(FIELDS, 0),
    {**dict.fromkeys(FIELDS, 0), "languages": 2, "licences": 1},
    {
        **dict.fromkeys(FIELDS, 0),
        "languages": 2,
        "licences": 1,
        "experience": 1,
        "education": 1,
        "distance": 1,
    },
    {
        "occupations": 1,
        "skills": 0,
        "experience": 1,
        "education": 1,
        "languages": 2,
        "licences": 2,
        "distance": 1,
    },
    {
        "occupations": 1,
        "skills": 1,
        "experience": 1,
        "education": 1,
        "languages": 2,
        "licences": 2,
        "distance": 1,
    },
    {
        "occupations": 1,
        "skills": 1,
        "experience": 1,
        "education": 2,
        "languages": 2,
        "licences": 2,
        "distance": 2,
    },
    {**dict.fromkeys(FIELDS, 2), "skills": 1},
)

HIGHER = frozenset({"bachelor", "master", "doctorate"})
VOCATIONAL = frozenset({"vocational", "short_cycle"})


@dataclass(frozen=True)
class Features:
    """What could be shown of one citizen, relative to one offer."""

    occupations: frozenset[str]  # occupation URIs worked in
    in_offer_occupation: bool  # has worked in the offer's occupation
    skills: frozenset[str]  # the offer's skills the citizen has
    experience_years: int
    education: str | None  # highest EducationLevel value
    languages: frozenset[str]
    licences: frozenset[str]
    distance_km: float | None


def experience_band(years: int, level: int) -> str | None:
    if level == 0:
        bands = ((0, "0"), (2, "1-2"), (5, "3-5"), (10, "6-10"))
        return next((name for top, name in bands if years <= top), "11+")
    if level == 1:
        return "0-2" if years <= 2 else "3+"
    return None


def education_band(level_value: str | None, level: int) -> str | None:
    if level == 0:
        return level_value or "none"
    if level == 1:
        if level_value in HIGHER:
            return "higher"
        if level_value in VOCATIONAL:
            return "vocational"
        return "basic"
    return None


def distance_band(km: float | None, level: int) -> str | None:
    if km is None or level == 2:
        return None if level == 2 else "unknown"
    if level == 0:
        bands = ((5, "0-5"), (15, "5-15"), (30, "15-30"), (50, "30-50"))
        return next((name for top, name in bands if km < top), "50+")
    return "0-15" if km < 15 else "15+"


def skills_band(count: int) -> str:
    if count == 0:
        return "0"
    if count <= 2:
        return "1-2"
    return "3-5" if count <= 5 else "6+"


def shown(features: Features, level: dict[str, int]) -> dict[str, Any]:
    """The values a profile shows at one level of the ladder (None: hidden)."""
    occ = level["occupations"]
    lic = level["licences"]
    return {
        "occupations": (
            tuple(sorted(features.occupations))
            if occ == 0
            else (features.in_offer_occupation if occ == 1 else None)
        ),
        "skills": (
            tuple(sorted(features.skills))
            if level["skills"] == 0
            else skills_band(len(features.skills))
        ),
        "experience": experience_band(features.experience_years, level["experience"]),
        "education": education_band(features.education, level["education"]),
        "languages": (
            tuple(sorted(features.languages)) if level["languages"] == 0 else None
        ),
        "licences": (
            tuple(sorted(features.licences))
            if lic == 0
            else ("B" in features.licences if lic == 1 else None)
        ),
        "distance": distance_band(features.distance_km, level["distance"]),
    }


def _signature(values: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(values[name] for name in FIELDS)


@dataclass(frozen=True)
class Generalised:
    """A candidate's shown values and the ladder level they were shown at."""

    level: int
    values: dict[str, Any]
    group_size: int


def generalise(
    candidates: Sequence[Features], pool: Sequence[Features], k: int = K
) -> list[Generalised | None]:
    """Each candidate at the finest level that at least k of the pool share (None:
    not shown). Candidates should be in the pool."""
    counts = [Counter(_signature(shown(f, level)) for f in pool) for level in LADDER]
    found: list[Generalised | None] = []
    for features in candidates:
        chosen: Generalised | None = None
        for number, level in enumerate(LADDER):
            values = shown(features, level)
            size = counts[number][_signature(values)]
            if size >= k:
                chosen = Generalised(number, values, size)
                break
        found.append(chosen)
    return found
