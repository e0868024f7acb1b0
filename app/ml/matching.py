"""What a match is and how it is scored: the value objects and the shared scoring rules.

Two matchers apply these rules. `rank_jobs_for` (app.ml.vectorised_matching) scores
every posting within reach of the citizen at once with numpy and scipy sparse matrices
built by `MatchIndex.build`; `naive_rank` (app.ml.naive_matching) is the same scoring as
a plain loop, kept as the benchmark baseline and as an executable specification.
Title similarity is in app.ml.title_similarity; occupations in other fields are
suggested by app.ml.alternatives.

The score of a posting (0..1) is a weighted sum of

* essential skill coverage: share of the posting's essential skills the citizen has;
* optional skill coverage: the same for optional skills (weighted lower);
* occupation fit: the posting's occupation is a desired one (1.0), one from the
  citizen's history (0.7), in the same ISCO unit group (0.5) or minor group (0.25) as
  one of those, or its title resembles the name of one of those occupations (character
  trigram cosine, history discounted to 0.7); the best of these counts;
* preference fit: the posting's hours suit the citizen (full, part or any).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from app.ml.taxonomy import Taxonomy

MODEL_VERSION = "matching-2025.1"

Hours = Literal["full", "part", "any"]
OccupationMatch = Literal["desired", "history", "related"]
PostingId = int | str

W_ESSENTIAL = 0.45
W_OPTIONAL = 0.15
W_OCCUPATION = 0.30
W_PREFERENCE = 0.10

FIT_DESIRED = 1.0
FIT_HISTORY = 0.7
FIT_UNIT_GROUP = 0.5
FIT_MINOR_GROUP = 0.25
# Title similarity to a past occupation counts as much as that occupation itself would.
HISTORY_TITLE_WEIGHT = FIT_HISTORY

# Scores are rounded to this many decimals so that the vectorised and the loop version
# agree exactly and ties are real ties, broken by posting id.
SCORE_DECIMALS = 6
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class CitizenProfile:
    """What the matcher knows about a citizen (already consented to)."""

    skills: frozenset[str] = frozenset()
    desired_occupations: tuple[str, ...] = ()
    occupation_history: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    max_distance_km: float | None = None
    hours: Hours = "any"
    open_to_other_industries: bool = True


@dataclass(frozen=True, slots=True)
class Posting:
    """A job posting as the matcher sees it."""

    id: PostingId
    title: str
    occupation_uri: str | None = None
    essential_skills: frozenset[str] = frozenset()
    optional_skills: frozenset[str] = frozenset()
    lat: float | None = None
    lon: float | None = None
    hours: Hours = "any"
    employer: str = ""


@dataclass(frozen=True, slots=True)
class MatchFilters:
    """Hard filters applied before scoring."""

    hours: Hours | None = None
    isco_major_groups: frozenset[str] | None = None
    exclude_ids: frozenset[PostingId] = frozenset()
    min_score: float = 0.0


@dataclass(frozen=True, slots=True)
class MatchReasons:
    """Why a posting scored as it did; the web layer turns this into sentences."""

    matched_essential: tuple[str, ...]
    matched_optional: tuple[str, ...]
    missing_essential: tuple[str, ...]
    distance_km: float | None
    occupation_match: OccupationMatch | None
    title_similarity: float
    hours_fit: bool


@dataclass(frozen=True, slots=True)
class Match:
    """One ranked posting for one citizen."""

    posting_id: PostingId
    score: float
    reasons: MatchReasons
    model_version: str = MODEL_VERSION


# --- scoring rules shared by both matchers ---------------------------------------


def title_queries(
    profile: CitizenProfile, taxonomy: Taxonomy
) -> tuple[list[str], list[float]]:
    """Preferred labels (every language) of desired and past occupations, weighted."""
    texts: list[str] = []
    weights: list[float] = []
    seen: set[str] = set()
    for uris, weight in (
        (profile.desired_occupations, 1.0),
        (profile.occupation_history, HISTORY_TITLE_WEIGHT),
    ):
        for uri in uris:
            concept = taxonomy.occupation(uri)
            if concept is None or uri in seen:
                continue
            seen.add(uri)
            for lang in concept.languages:
                texts.append(concept.labels[lang][0])
                weights.append(weight)
    return texts, weights


def profile_groups(
    profile: CitizenProfile, taxonomy: Taxonomy
) -> tuple[set[str], set[str], set[str]]:
    """ISCO unit, minor and major groups of desired and past occupations."""
    units: set[str] = set()
    for uri in (*profile.desired_occupations, *profile.occupation_history):
        group = taxonomy.isco_group_of(uri)
        if group:
            units.add(group)
    minors = {g[:3] for g in units if len(g) >= 3}
    majors = {g[0] for g in units}
    return units, minors, majors


def quantise_score(value: float) -> float:
    """Round half up to SCORE_DECIMALS decimals, as the vectorised matcher rounds."""
    scale = 10.0**SCORE_DECIMALS
    return math.floor(value * scale + 0.5) / scale


def suits_hours(wanted: Hours, offered: Hours | None) -> bool:
    """Whether the hours a posting offers suit the hours the citizen wants."""
    return wanted == "any" or offered in (None, "any") or offered == wanted


def match_reasons(
    profile: CitizenProfile,
    posting: Posting,
    distance_km: float | None,
    occupation_match: OccupationMatch | None,
    title_similarity: float,
) -> MatchReasons:
    """The reasons shown with a scored posting, rounded for display."""
    return MatchReasons(
        matched_essential=tuple(sorted(profile.skills & posting.essential_skills)),
        matched_optional=tuple(sorted(profile.skills & posting.optional_skills)),
        missing_essential=tuple(sorted(posting.essential_skills - profile.skills)),
        distance_km=None if distance_km is None else round(distance_km, 1),
        occupation_match=occupation_match,
        title_similarity=round(title_similarity, 3),
        hours_fit=suits_hours(profile.hours, posting.hours),
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
