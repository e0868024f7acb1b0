"""The loop matcher: `naive_rank` scores one posting at a time.

It applies the scoring rules of app.ml.matching in plain Python, as an executable
specification of `rank_jobs_for` (app.ml.vectorised_matching) and as the baseline that
index is benchmarked against. Both must give identical scores, order and reasons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.ml.matching import (
    FIT_DESIRED,
    FIT_HISTORY,
    FIT_MINOR_GROUP,
    FIT_UNIT_GROUP,
    W_ESSENTIAL,
    W_OCCUPATION,
    W_OPTIONAL,
    W_PREFERENCE,
    CitizenProfile,
    Match,
    MatchFilters,
    OccupationMatch,
    Posting,
    PostingId,
    haversine_km,
    match_reasons,
    profile_groups,
    quantise_score,
    suits_hours,
    title_queries,
)
from app.ml.taxonomy import Taxonomy
from app.ml.title_similarity import TitleVector, title_cosine, title_vector


def naive_rank(
    profile: CitizenProfile,
    postings: Iterable[Posting],
    taxonomy: Taxonomy,
    limit: int = 20,
    offset: int = 0,
    filters: MatchFilters | None = None,
) -> list[Match]:
    """Rank postings with a plain loop; same scores as `rank_jobs_for`, much slower."""
    filters = filters or MatchFilters()
    units, minors, majors = profile_groups(profile, taxonomy)
    texts, weights = title_queries(profile, taxonomy)
    queries = [title_vector(t) for t in texts]
    desired = set(profile.desired_occupations)
    history = set(profile.occupation_history)
    scored: list[tuple[float, PostingId, Match]] = []
    for posting in postings:
        distance = _distance_km(profile, posting)
        if not _in_reach(profile, posting, filters, distance):
            continue
        group = taxonomy.isco_group_of(posting.occupation_uri) or ""
        if not _in_wanted_field(profile, posting, filters, group, majors):
            continue
        relation, relation_fit = _relation(
            posting, group, desired, history, units, minors
        )
        title_fit, title_raw = _title_fit(posting, queries, weights)
        score = _score(profile, posting, relation_fit, title_fit)
        if score < filters.min_score:
            continue
        match = Match(
            posting_id=posting.id,
            score=score,
            reasons=match_reasons(profile, posting, distance, relation, title_raw),
        )
        scored.append((score, posting.id, match))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [match for _, _, match in scored[offset : offset + limit]]


def _distance_km(profile: CitizenProfile, posting: Posting) -> float | None:
    """Distance from the citizen to the posting; None when either has no location."""
    if (
        profile.lat is None
        or profile.lon is None
        or posting.lat is None
        or posting.lon is None
    ):
        return None
    return haversine_km(profile.lat, profile.lon, posting.lat, posting.lon)


def _in_reach(
    profile: CitizenProfile,
    posting: Posting,
    filters: MatchFilters,
    distance: float | None,
) -> bool:
    """Whether the posting passes the distance and hours filters."""
    # A posting without a location (remote work) is always within reach.
    if (
        distance is not None
        and profile.max_distance_km is not None
        and distance > profile.max_distance_km
    ):
        return False
    return filters.hours in (None, "any") or posting.hours in (
        None,
        "any",
        filters.hours,
    )


def _in_wanted_field(
    profile: CitizenProfile,
    posting: Posting,
    filters: MatchFilters,
    group: str,
    majors: set[str],
) -> bool:
    """Whether the posting passes the ISCO field, excluded id and other-field filters."""
    if filters.isco_major_groups is not None and (
        group[:1] not in filters.isco_major_groups
    ):
        return False
    if posting.id in filters.exclude_ids:
        return False
    other_field = bool(group) and group[0] not in majors
    return profile.open_to_other_industries or not majors or not other_field


def _relation(
    posting: Posting,
    group: str,
    desired: set[str],
    history: set[str],
    units: set[str],
    minors: set[str],
) -> tuple[OccupationMatch | None, float]:
    """How the posting's occupation relates to the citizen's, and what that is worth."""
    if posting.occupation_uri is not None and posting.occupation_uri in desired:
        return "desired", FIT_DESIRED
    if posting.occupation_uri is not None and posting.occupation_uri in history:
        return "history", FIT_HISTORY
    if group and group in units:
        return "related", FIT_UNIT_GROUP
    if group and group[:3] in minors:
        return "related", FIT_MINOR_GROUP
    return None, 0.0


def _title_fit(
    posting: Posting, queries: Sequence[TitleVector], weights: Sequence[float]
) -> tuple[float, float]:
    """(weighted best, raw best) similarity of the posting's title to the queries."""
    title = title_vector(posting.title)
    sims = [title_cosine(title, q) for q in queries]
    title_fit = max((s * w for s, w in zip(sims, weights, strict=True)), default=0.0)
    return title_fit, max(sims, default=0.0)


def _score(
    profile: CitizenProfile, posting: Posting, relation_fit: float, title_fit: float
) -> float:
    """The posting's score for the citizen, rounded as the vectorised matcher rounds."""
    n_ess, n_opt = len(posting.essential_skills), len(posting.optional_skills)
    ess = len(profile.skills & posting.essential_skills) / n_ess if n_ess else 0.0
    opt = len(profile.skills & posting.optional_skills) / n_opt if n_opt else 0.0
    occupation_fit = max(relation_fit, title_fit)
    hours_fit = 1.0 if suits_hours(profile.hours, posting.hours) else 0.0
    return quantise_score(
        W_ESSENTIAL * ess
        + W_OPTIONAL * opt
        + W_OCCUPATION * occupation_fit
        + W_PREFERENCE * hours_fit
    )
