"""The vectorised matcher: `MatchIndex` and `rank_jobs_for`.

The postings are held as numpy arrays and scipy sparse matrices, built once by
`MatchIndex.build`, so that a query scores every posting within reach of the citizen at
once. The scoring rules are those of app.ml.matching; app.ml.naive_matching applies the
same rules in a plain loop, and both must give identical results.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from app.ml.matching import (
    EARTH_RADIUS_KM,
    FIT_DESIRED,
    FIT_HISTORY,
    FIT_MINOR_GROUP,
    FIT_UNIT_GROUP,
    SCORE_DECIMALS,
    W_ESSENTIAL,
    W_OCCUPATION,
    W_OPTIONAL,
    W_PREFERENCE,
    CitizenProfile,
    Match,
    MatchFilters,
    OccupationMatch,
    Posting,
    haversine_km,
    match_reasons,
    profile_groups,
    title_queries,
)
from app.ml.taxonomy import Taxonomy
from app.ml.title_similarity import TitleMatrix

_HOURS_CODE = {"any": 0, "full": 1, "part": 2}


class MatchIndex:
    """Postings as arrays and sparse matrices, built once and shared by all queries."""

    def __init__(self, postings: Sequence[Posting], taxonomy: Taxonomy) -> None:
        self.postings = tuple(postings)
        self.taxonomy = taxonomy
        n = len(self.postings)
        ids = [p.id for p in self.postings]
        if len(set(ids)) != n:
            raise ValueError("posting ids must be unique")
        # Rank of each id in sorted order: the deterministic tie-break.
        self.id_rank = np.empty(n, dtype=np.int64)
        self.id_rank[sorted(range(n), key=ids.__getitem__)] = np.arange(n)
        self._row_of_id = {p_id: row for row, p_id in enumerate(ids)}

        # Number every skill first, so both incidence matrices have the same rows.
        self.skill_ids: dict[str, int] = {}
        for p in self.postings:
            for uri in sorted(p.essential_skills | p.optional_skills):
                self.skill_ids.setdefault(uri, len(self.skill_ids))
        self.essential = self._incidence([p.essential_skills for p in self.postings])
        self.optional = self._incidence([p.optional_skills for p in self.postings])
        self.n_essential = np.diff(self.essential.tocsc().indptr).astype(np.float64)
        self.n_optional = np.diff(self.optional.tocsc().indptr).astype(np.float64)

        self.lat = np.array([_nan(p.lat) for p in self.postings], dtype=np.float64)
        self.lon = np.array([_nan(p.lon) for p in self.postings], dtype=np.float64)
        self.located = ~(np.isnan(self.lat) | np.isnan(self.lon))
        self.hours = np.array(
            [_HOURS_CODE.get(p.hours or "any", 0) for p in self.postings], dtype=np.int8
        )
        self.occupation_ids: dict[str, int] = {}
        self.occupation = np.array(
            [self._occupation_id(p.occupation_uri) for p in self.postings],
            dtype=np.int64,
        )
        # ISCO codes as integers per level ("0110" -> 110, its minor group "011" -> 11)
        # because comparing integers is much faster than comparing strings.
        groups = [taxonomy.isco_group_of(p.occupation_uri) or "" for p in self.postings]
        self.isco_unit = np.array([_code(g[:4]) for g in groups], dtype=np.int64)
        self.isco_minor = np.array([_code(g[:3]) for g in groups], dtype=np.int64)
        self.isco_major = np.array([_code(g[:1]) for g in groups], dtype=np.int64)

        self.titles = TitleMatrix(p.title for p in self.postings)

    @classmethod
    def build(cls, postings: Iterable[Posting], taxonomy: Taxonomy) -> MatchIndex:
        """Build the index for a set of postings."""
        return cls(list(postings), taxonomy)

    def __len__(self) -> int:
        return len(self.postings)

    def _occupation_id(self, uri: str | None) -> int:
        if uri is None:
            return -1
        return self.occupation_ids.setdefault(uri, len(self.occupation_ids))

    def _incidence(self, skill_sets: list[frozenset[str]]) -> sparse.csr_matrix:
        """Skill x posting 0/1 matrix (rows are skills, so a profile picks rows)."""
        rows: list[int] = []
        cols: list[int] = []
        for col, skills in enumerate(skill_sets):
            for uri in skills:
                rows.append(self.skill_ids[uri])
                cols.append(col)
        matrix = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float64), (rows, cols)),
            shape=(max(len(self.skill_ids), 1), len(skill_sets)),
        )
        matrix.sort_indices()
        return matrix

    def _skill_counts(
        self, matrix: sparse.csr_matrix, skills: frozenset[str]
    ) -> np.ndarray:
        """How many of `skills` each posting lists, via the postings lists of rows."""
        rows = [self.skill_ids[s] for s in skills if s in self.skill_ids]
        if not rows:
            return np.zeros(len(self), dtype=np.float64)
        postings = np.concatenate(
            [matrix.indices[matrix.indptr[r] : matrix.indptr[r + 1]] for r in rows]
        )
        return np.bincount(postings, minlength=len(self)).astype(np.float64)

    def _title_similarity(
        self, profile: CitizenProfile, rows: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """(weighted best, raw best) title cosine for the given posting rows."""
        texts, weights = title_queries(profile, self.taxonomy)
        return self.titles.best_similarity(texts, weights, rows)

    def _within(self, lat: float, lon: float, max_km: float) -> np.ndarray:
        """Mask of postings within `max_km` (or without a location)."""
        # A cheap bounding box first; exact haversine only for what is inside it.
        dlat = math.degrees(max_km / EARTH_RADIUS_KM)
        cos_lat = max(math.cos(math.radians(min(abs(lat) + dlat, 89.9))), 1e-6)
        dlon = min(180.0, dlat / cos_lat)
        box = np.abs(self.lat - lat) <= dlat
        box &= np.abs((self.lon - lon + 180.0) % 360.0 - 180.0) <= dlon
        inside = np.flatnonzero(box)
        keep = ~self.located
        distance = _haversine_many(lat, lon, self.lat[inside], self.lon[inside])
        keep[inside[distance <= max_km]] = True
        return keep


@dataclass(frozen=True, slots=True, eq=False)
class _ScoredRows:
    """Scores of some index rows and what their reasons need, position by position."""

    rows: np.ndarray
    score: np.ndarray
    relation_fit: np.ndarray
    title_raw: np.ndarray
    is_desired: np.ndarray
    is_history: np.ndarray

    def take(self, mask: np.ndarray) -> _ScoredRows:
        """Only the positions where `mask` is true."""
        return _ScoredRows(
            rows=self.rows[mask],
            score=self.score[mask],
            relation_fit=self.relation_fit[mask],
            title_raw=self.title_raw[mask],
            is_desired=self.is_desired[mask],
            is_history=self.is_history[mask],
        )


def rank_jobs_for(
    profile: CitizenProfile,
    index: MatchIndex,
    limit: int = 20,
    offset: int = 0,
    filters: MatchFilters | None = None,
) -> list[Match]:
    """Rank the postings in `index` for a citizen, best first (vectorised)."""
    filters = filters or MatchFilters()
    if len(index) == 0 or limit <= 0:
        return []
    units, minors, majors = profile_groups(profile, index.taxonomy)
    rows = _candidate_rows(profile, index, filters, majors)
    if rows.size == 0:
        return []
    scored = _score_rows(profile, index, rows, units, minors)
    if filters.min_score > 0:
        scored = scored.take(scored.score >= filters.min_score)
    order = _page_order(index, scored, offset, limit)
    return [_match_at(profile, index, scored, int(i)) for i in order]


def _candidate_rows(
    profile: CitizenProfile,
    index: MatchIndex,
    filters: MatchFilters,
    majors: set[str],
) -> np.ndarray:
    """Rows of the postings that pass the distance, hours, field and id filters."""
    located = profile.lat is not None and profile.lon is not None
    if located and profile.max_distance_km is not None:
        # Postings without a location (remote work) stay in.
        keep = index._within(profile.lat, profile.lon, profile.max_distance_km)
    else:
        keep = np.ones(len(index), dtype=bool)
    if filters.hours is not None and filters.hours != "any":
        keep &= (index.hours == 0) | (index.hours == _HOURS_CODE[filters.hours])
    if filters.isco_major_groups is not None:
        keep &= _among(index.isco_major, [_code(g) for g in filters.isco_major_groups])
    for posting_id in filters.exclude_ids:
        row = index._row_of_id.get(posting_id)
        if row is not None:
            keep[row] = False
    if not profile.open_to_other_industries and majors:
        keep &= (index.isco_major < 0) | _among(
            index.isco_major, [_code(g) for g in majors]
        )
    return np.flatnonzero(keep)


def _score_rows(
    profile: CitizenProfile,
    index: MatchIndex,
    rows: np.ndarray,
    units: set[str],
    minors: set[str],
) -> _ScoredRows:
    """Score the given rows, rounded to SCORE_DECIMALS as `quantise_score` rounds."""
    ess, opt = _skill_coverage(profile, index, rows)
    is_desired, is_history, relation_fit = _relation_fit(
        profile, index, rows, units, minors
    )
    title_fit, title_raw = index._title_similarity(profile, rows)
    occupation_fit = np.maximum(relation_fit, title_fit)
    hours_fit = _hours_fit(profile, index, rows)
    score = (
        W_ESSENTIAL * ess
        + W_OPTIONAL * opt
        + W_OCCUPATION * occupation_fit
        + W_PREFERENCE * hours_fit
    )
    scale = 10.0**SCORE_DECIMALS
    score = np.floor(score * scale + 0.5) / scale
    return _ScoredRows(rows, score, relation_fit, title_raw, is_desired, is_history)


def _skill_coverage(
    profile: CitizenProfile, index: MatchIndex, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Share of each row's essential, and of its optional, skills the citizen has."""
    matched_ess = index._skill_counts(index.essential, profile.skills)[rows]
    matched_opt = index._skill_counts(index.optional, profile.skills)[rows]
    n_ess = index.n_essential[rows]
    n_opt = index.n_optional[rows]
    ess = np.divide(matched_ess, n_ess, out=np.zeros(rows.size), where=n_ess > 0)
    opt = np.divide(matched_opt, n_opt, out=np.zeros(rows.size), where=n_opt > 0)
    return ess, opt


def _relation_fit(
    profile: CitizenProfile,
    index: MatchIndex,
    rows: np.ndarray,
    units: set[str],
    minors: set[str],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(is desired, is from history, fit) of each row's occupation to the profile."""
    occ = index.occupation[rows]
    desired = _ids(index, profile.desired_occupations)
    history = _ids(index, profile.occupation_history)
    is_desired = _among(occ, desired)
    is_history = _among(occ, history) & ~is_desired
    coded = ~is_desired & ~is_history
    in_unit = coded & _among(index.isco_unit[rows], [_code(g) for g in units])
    in_minor = coded & ~in_unit
    in_minor &= _among(index.isco_minor[rows], [_code(g) for g in minors])
    relation_fit = np.select(
        [is_desired, is_history, in_unit, in_minor],
        [FIT_DESIRED, FIT_HISTORY, FIT_UNIT_GROUP, FIT_MINOR_GROUP],
        default=0.0,
    )
    return is_desired, is_history, relation_fit


def _hours_fit(
    profile: CitizenProfile, index: MatchIndex, rows: np.ndarray
) -> np.ndarray:
    """1.0 where a row's hours suit the citizen, 0.0 elsewhere."""
    if profile.hours == "any":
        return np.ones(rows.size)
    hours = index.hours[rows]
    wanted = _HOURS_CODE[profile.hours]
    return ((hours == 0) | (hours == wanted)).astype(np.float64)


def _page_order(
    index: MatchIndex, scored: _ScoredRows, offset: int, limit: int
) -> np.ndarray:
    """Positions in `scored` of the requested page: best first, ties by posting id."""
    wanted_count = offset + limit
    if scored.rows.size > wanted_count:
        # Keep everything tied with the last wanted score so the id tie-break is exact.
        kth = scored.rows.size - wanted_count
        threshold = np.partition(scored.score, kth)[kth]
        top = np.flatnonzero(scored.score >= threshold)
    else:
        top = np.arange(scored.rows.size)
    id_rank = index.id_rank[scored.rows[top]]
    order = top[np.lexsort((id_rank, -scored.score[top]))]
    return order[offset : offset + limit]


def _match_at(
    profile: CitizenProfile, index: MatchIndex, scored: _ScoredRows, i: int
) -> Match:
    """The match, with its reasons, at position `i` of the scored rows."""
    posting = index.postings[scored.rows[i]]
    if scored.is_desired[i]:
        relation: OccupationMatch | None = "desired"
    elif scored.is_history[i]:
        relation = "history"
    elif scored.relation_fit[i] > 0:
        relation = "related"
    else:
        relation = None
    distance = None
    located = profile.lat is not None and profile.lon is not None
    if located and posting.lat is not None and posting.lon is not None:
        distance = haversine_km(profile.lat, profile.lon, posting.lat, posting.lon)
    return Match(
        posting_id=posting.id,
        score=float(scored.score[i]),
        reasons=match_reasons(
            profile, posting, distance, relation, float(scored.title_raw[i])
        ),
    )


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _code(group: str) -> int:
    return int(group) if group.isdigit() else -1


def _among(values: np.ndarray, wanted: Sequence[int] | np.ndarray) -> np.ndarray:
    """Like np.isin, but faster for the handful of values a profile has."""
    result = np.zeros(values.shape, dtype=bool)
    for value in wanted:
        if value >= 0:
            result |= values == value
    return result


def _ids(index: MatchIndex, uris: Iterable[str]) -> list[int]:
    return [index.occupation_ids[u] for u in uris if u in index.occupation_ids]


def _haversine_many(
    lat: float, lon: float, lats: np.ndarray, lons: np.ndarray
) -> np.ndarray:
    """`haversine_km` from one point to many, vectorised."""
    p1 = math.radians(lat)
    p2 = np.radians(lats)
    dp = p2 - p1
    dl = np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
