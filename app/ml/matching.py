"""Match citizens to job postings, and suggest occupations in other fields.

`rank_jobs_for` scores every posting within reach of the citizen at once with numpy and
scipy sparse matrices built by `MatchIndex.build`; `naive_rank` is the same scoring as a
plain loop, kept as the benchmark baseline and as an executable specification.

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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from scipy import sparse

from app.ml.normalise import fold
from app.ml.taxonomy import Taxonomy, isco_major

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

_HOURS_CODE = {"any": 0, "full": 1, "part": 2}


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


@dataclass(frozen=True, slots=True)
class Alternative:
    """An occupation in another field that the citizen's skills carry over to."""

    occupation_uri: str
    score: float
    transferable_skills: tuple[str, ...]
    skills_to_learn: tuple[str, ...]
    model_version: str = MODEL_VERSION


# --- shared pieces ---------------------------------------------------------------


def _title_grams(text: str) -> list[str]:
    """Character trigrams of each word, padded with spaces (like sklearn's char_wb)."""
    grams: list[str] = []
    for word in fold(text).split():
        padded = f" {word} "
        grams.extend(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def _title_queries(
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


def _profile_groups(
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


def _quantise(value: float) -> float:
    scale = 10.0**SCORE_DECIMALS
    return math.floor(value * scale + 0.5) / scale


def _hours_fit(wanted: Hours, offered: Hours | None) -> bool:
    return wanted == "any" or offered in (None, "any") or offered == wanted


def _reasons(
    profile: CitizenProfile,
    posting: Posting,
    distance_km: float | None,
    occupation_match: OccupationMatch | None,
    title_similarity: float,
) -> MatchReasons:
    return MatchReasons(
        matched_essential=tuple(sorted(profile.skills & posting.essential_skills)),
        matched_optional=tuple(sorted(profile.skills & posting.optional_skills)),
        missing_essential=tuple(sorted(posting.essential_skills - profile.skills)),
        distance_km=None if distance_km is None else round(distance_km, 1),
        occupation_match=occupation_match,
        title_similarity=round(title_similarity, 3),
        hours_fit=_hours_fit(profile.hours, posting.hours),
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# --- the vectorised matcher ------------------------------------------------------


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

        # Titles repeat a lot (postings of one occupation share a few titles), so the
        # trigram matrix holds each distinct title once; stored trigram x title, so
        # that a query touches only the titles sharing one of its trigrams.
        unique_titles: dict[str, int] = {}
        self.title_row = np.array(
            [
                unique_titles.setdefault(p.title, len(unique_titles))
                for p in self.postings
            ],
            dtype=np.int64,
        )
        self._grams: dict[str, int] = {}
        data: list[float] = []
        gram_ids: list[int] = []
        title_ids: list[int] = []
        for title, number in unique_titles.items():
            counts, norm = _title_vector(title)
            for gram, count in counts.items():
                gram_ids.append(self._grams.setdefault(gram, len(self._grams)))
                title_ids.append(number)
                data.append(count / norm)
        self.titles_by_gram = sparse.csr_matrix(
            (np.array(data, dtype=np.float64), (gram_ids, title_ids)),
            shape=(len(self._grams), len(unique_titles)),
        )

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

    def _skill_counts(self, matrix: sparse.csr_matrix, skills: frozenset[str]):
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
        texts, weights = _title_queries(profile, self.taxonomy)
        if not texts or self.titles_by_gram.shape[1] == 0:
            zeros = np.zeros(rows.size)
            return zeros, zeros
        data: list[float] = []
        query_ids: list[int] = []
        gram_ids: list[int] = []
        for number, text in enumerate(texts):
            # Normalised by the label's full trigram count, including trigrams no
            # title has, exactly as the loop version does.
            counts, norm = _title_vector(text)
            for gram, count in counts.items():
                gram_id = self._grams.get(gram)
                if gram_id is not None:
                    query_ids.append(number)
                    gram_ids.append(gram_id)
                    data.append(count / norm)
        queries = sparse.csr_matrix(
            (data, (query_ids, gram_ids)), shape=(len(texts), len(self._grams))
        )
        by_title = (queries @ self.titles_by_gram).toarray()
        weighted = (by_title * np.asarray(weights)[:, None]).max(axis=0)
        raw = by_title.max(axis=0)
        title_rows = self.title_row[rows]
        return weighted[title_rows], raw[title_rows]

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


def rank_jobs_for(
    profile: CitizenProfile,
    index: MatchIndex,
    limit: int = 20,
    offset: int = 0,
    filters: MatchFilters | None = None,
) -> list[Match]:
    """Rank the postings in `index` for a citizen, best first (vectorised)."""
    filters = filters or MatchFilters()
    n = len(index)
    if n == 0 or limit <= 0:
        return []
    located = profile.lat is not None and profile.lon is not None
    if located and profile.max_distance_km is not None:
        # Postings without a location (remote work) stay in.
        keep = index._within(profile.lat, profile.lon, profile.max_distance_km)
    else:
        keep = np.ones(n, dtype=bool)
    if filters.hours is not None and filters.hours != "any":
        keep &= (index.hours == 0) | (index.hours == _HOURS_CODE[filters.hours])
    if filters.isco_major_groups is not None:
        keep &= _among(index.isco_major, [_code(g) for g in filters.isco_major_groups])
    for posting_id in filters.exclude_ids:
        row = index._row_of_id.get(posting_id)
        if row is not None:
            keep[row] = False
    units, minors, majors = _profile_groups(profile, index.taxonomy)
    if not profile.open_to_other_industries and majors:
        keep &= (index.isco_major < 0) | _among(
            index.isco_major, [_code(g) for g in majors]
        )
    rows = np.flatnonzero(keep)
    if rows.size == 0:
        return []

    matched_ess = index._skill_counts(index.essential, profile.skills)[rows]
    matched_opt = index._skill_counts(index.optional, profile.skills)[rows]
    n_ess = index.n_essential[rows]
    n_opt = index.n_optional[rows]
    ess = np.divide(matched_ess, n_ess, out=np.zeros(rows.size), where=n_ess > 0)
    opt = np.divide(matched_opt, n_opt, out=np.zeros(rows.size), where=n_opt > 0)

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
    title_fit, title_raw = index._title_similarity(profile, rows)
    occupation_fit = np.maximum(relation_fit, title_fit)

    if profile.hours == "any":
        hours_fit = np.ones(rows.size)
    else:
        hours = index.hours[rows]
        wanted = _HOURS_CODE[profile.hours]
        hours_fit = ((hours == 0) | (hours == wanted)).astype(np.float64)

    score = (
        W_ESSENTIAL * ess
        + W_OPTIONAL * opt
        + W_OCCUPATION * occupation_fit
        + W_PREFERENCE * hours_fit
    )
    scale = 10.0**SCORE_DECIMALS
    score = np.floor(score * scale + 0.5) / scale
    if filters.min_score > 0:
        passing = score >= filters.min_score
        rows, score = rows[passing], score[passing]
        relation_fit, title_raw = relation_fit[passing], title_raw[passing]
        is_desired, is_history = is_desired[passing], is_history[passing]
    wanted_count = offset + limit
    if rows.size > wanted_count:
        # Keep everything tied with the last wanted score so the id tie-break is exact.
        kth = rows.size - wanted_count
        threshold = np.partition(score, kth)[kth]
        top = np.flatnonzero(score >= threshold)
    else:
        top = np.arange(rows.size)
    order = top[np.lexsort((index.id_rank[rows[top]], -score[top]))]
    order = order[offset : offset + limit]

    results: list[Match] = []
    for i in order:
        posting = index.postings[rows[i]]
        if is_desired[i]:
            relation: OccupationMatch | None = "desired"
        elif is_history[i]:
            relation = "history"
        elif relation_fit[i] > 0:
            relation = "related"
        else:
            relation = None
        distance = None
        if located and posting.lat is not None and posting.lon is not None:
            distance = haversine_km(profile.lat, profile.lon, posting.lat, posting.lon)
        results.append(
            Match(
                posting_id=posting.id,
                score=float(score[i]),
                reasons=_reasons(
                    profile, posting, distance, relation, float(title_raw[i])
                ),
            )
        )
    return results


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
    p1 = math.radians(lat)
    p2 = np.radians(lats)
    dp = p2 - p1
    dl = np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


# --- the loop version ------------------------------------------------------------


@lru_cache(maxsize=65536)
def _title_vector(title: str) -> tuple[dict[str, int], float]:
    counts = Counter(_title_grams(title))
    return dict(counts), math.sqrt(sum(c * c for c in counts.values()))


def _cosine(a: tuple[dict[str, int], float], b: tuple[dict[str, int], float]) -> float:
    (ca, na), (cb, nb) = a, b
    if na == 0 or nb == 0:
        return 0.0
    if len(ca) > len(cb):
        ca, cb = cb, ca
    return sum(v * cb.get(g, 0) for g, v in ca.items()) / (na * nb)


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
    units, minors, majors = _profile_groups(profile, taxonomy)
    texts, weights = _title_queries(profile, taxonomy)
    queries = [_title_vector(t) for t in texts]
    desired = set(profile.desired_occupations)
    history = set(profile.occupation_history)
    scored: list[tuple[float, PostingId, Match]] = []
    for posting in postings:
        distance: float | None = None
        if (
            profile.lat is not None
            and profile.lon is not None
            and posting.lat is not None
            and posting.lon is not None
        ):
            distance = haversine_km(profile.lat, profile.lon, posting.lat, posting.lon)
            if (
                profile.max_distance_km is not None
                and distance > profile.max_distance_km
            ):
                continue
        if filters.hours not in (None, "any") and posting.hours not in (
            None,
            "any",
            filters.hours,
        ):
            continue
        group = taxonomy.isco_group_of(posting.occupation_uri) or ""
        if filters.isco_major_groups is not None and (
            group[:1] not in filters.isco_major_groups
        ):
            continue
        if posting.id in filters.exclude_ids:
            continue
        other_field = bool(group) and group[0] not in majors
        if not profile.open_to_other_industries and majors and other_field:
            continue

        n_ess, n_opt = len(posting.essential_skills), len(posting.optional_skills)
        ess = len(profile.skills & posting.essential_skills) / n_ess if n_ess else 0.0
        opt = len(profile.skills & posting.optional_skills) / n_opt if n_opt else 0.0

        relation: OccupationMatch | None = None
        relation_fit = 0.0
        if posting.occupation_uri is not None and posting.occupation_uri in desired:
            relation, relation_fit = "desired", FIT_DESIRED
        elif posting.occupation_uri is not None and posting.occupation_uri in history:
            relation, relation_fit = "history", FIT_HISTORY
        elif group and group in units:
            relation, relation_fit = "related", FIT_UNIT_GROUP
        elif group and group[:3] in minors:
            relation, relation_fit = "related", FIT_MINOR_GROUP
        title = _title_vector(posting.title)
        sims = [_cosine(title, q) for q in queries]
        title_fit = max(
            (s * w for s, w in zip(sims, weights, strict=True)), default=0.0
        )
        title_raw = max(sims, default=0.0)
        occupation_fit = max(relation_fit, title_fit)
        hours_fit = 1.0 if _hours_fit(profile.hours, posting.hours) else 0.0

        score = _quantise(
            W_ESSENTIAL * ess
            + W_OPTIONAL * opt
            + W_OCCUPATION * occupation_fit
            + W_PREFERENCE * hours_fit
        )
        if score < filters.min_score:
            continue
        match = Match(
            posting_id=posting.id,
            score=score,
            reasons=_reasons(profile, posting, distance, relation, title_raw),
        )
        scored.append((score, posting.id, match))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [match for _, _, match in scored[offset : offset + limit]]


# --- other fields ----------------------------------------------------------------

# Coverage of an occupation's essential skills decides; optional skills break near-ties.
ALT_ESSENTIAL_WEIGHT = 0.8
ALT_OPTIONAL_WEIGHT = 0.2


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
        score = _quantise(
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
