"""Job matching for citizens: an adapter from the database rows to `app.ml.matching`.

The matcher itself is pure (`app.ml.matching`); this module reads the citizen's profile
and the current postings, keeps one `MatchIndex` per database in memory, and turns the
matcher's results into values the pages can show: posting rows, skill and occupation
labels in the reader's language, the score and the model version.

The index covers current postings (deadline today or later, or none). It is rebuilt when
a cheap stamp over those postings changes (count, highest id, latest updated_at, today's
date), never per request otherwise; a posting edited in place moves its updated_at, so
other processes notice, and the importer also calls `invalidate_match_index()`.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.geo import postcode_info
from app.ml import matching as ml
from app.ml.taxonomy import Taxonomy
from app.models import (
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    JobPreferences,
    Occupation,
    OccupationLink,
    Posting,
    PostingSkill,
    Skill,
    WorkExperience,
)
from app.pagination import Page

MODEL_VERSION = ml.MODEL_VERSION

# Without a preferences row, the citizen gets the same defaults the row would have.
DEFAULT_MAX_DISTANCE_KM = 30
# A posting must score more than what fitting hours alone gives (0.10) to be shown.
MIN_SCORE = 0.15
# The list shows at most this many of the best matches; nobody pages further.
MAX_RESULTS = 200
# Distances offered when the citizen could widen the search, in kilometres.
WIDER_DISTANCES = (10, 20, 30, 50, 75, 100, 150, 250, 500)
MAX_DISTANCE_KM = 500


# --- values handed to the pages ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Labelled:
    """A taxonomy concept by URI with its label in the reader's language."""

    uri: str
    label: str


@dataclass(frozen=True)
class JobMatch:
    """One posting for one citizen: the row, the score and the reasons, labelled."""

    posting: Posting
    score: float
    model_version: str
    reasons: ml.MatchReasons
    matched_essential: tuple[Labelled, ...]
    matched_optional: tuple[Labelled, ...]
    missing_essential: tuple[Labelled, ...]
    missing_optional: tuple[Labelled, ...]
    occupation: Labelled | None

    @property
    def essential_count(self) -> int:
        return len(self.matched_essential) + len(self.missing_essential)

    @property
    def distance_km(self) -> float | None:
        return self.reasons.distance_km

    @property
    def occupation_match(self) -> str | None:
        return self.reasons.occupation_match

    @property
    def hours_fit(self) -> bool:
        return self.reasons.hours_fit


@dataclass(frozen=True)
class MatchPage(Page):
    """One page of a citizen's matches, with what the page needs to explain itself."""

    empty_profile: bool = False
    located: bool = True
    max_distance_km: float | None = None
    hours: str = "any"
    occupation: Labelled | None = None
    unknown_occupation: bool = False
    capped: bool = False
    wider_distance_km: int | None = None
    missing_skills: tuple[Labelled, ...] = ()
    model_version: str = MODEL_VERSION


@dataclass(frozen=True)
class AlternativeOccupation:
    """An occupation in another field, the skills that carry over and those to learn."""

    occupation: Labelled
    score: float
    transferable_skills: tuple[Labelled, ...]
    skills_to_learn: tuple[Labelled, ...]
    postings_nearby: int
    model_version: str = MODEL_VERSION


@dataclass(frozen=True)
class Alternatives:
    """The citizen's alternatives and the facts the page explains them with."""

    items: tuple[AlternativeOccupation, ...]
    empty_profile: bool
    has_skills: bool
    open_to_other_industries: bool
    located: bool
    max_distance_km: float | None
    model_version: str = MODEL_VERSION


# --- the citizen's profile -----------------------------------------------------------


def profile_for(session: Session, citizen_id: int) -> ml.CitizenProfile:
    """The citizen's skills, occupations, location and preferences as the matcher wants.

    The occupations the citizen has worked in come from two places, read together:
    the jobs in the CV's work history (WorkExperience, each normalised to an occupation
    on "Mit CV") and the older experience rows (CitizenOccupation, link=experience,
    which caseworkers and imports write). Both stay, because each is a source of truth
    for its own writers; an occupation in both counts once, first by where it appears
    first. The matcher uses only which occupations, not how many years.
    """
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise LookupError(f"no citizen {citizen_id}")
    skills = frozenset(
        session.scalars(
            select(Skill.uri)
            .join(CitizenSkill, CitizenSkill.skill_id == Skill.id)
            .where(CitizenSkill.citizen_id == citizen_id)
        )
    )
    desired: list[str] = []
    history: list[str] = []
    rows = session.execute(
        select(Occupation.uri, CitizenOccupation.link)
        .join(CitizenOccupation, CitizenOccupation.occupation_id == Occupation.id)
        .where(CitizenOccupation.citizen_id == citizen_id)
        .order_by(CitizenOccupation.id)
    )
    for uri, link in rows:
        (desired if link is OccupationLink.DESIRED else history).append(uri)
    history.extend(
        session.scalars(
            select(Occupation.uri)
            .join(WorkExperience, WorkExperience.occupation_id == Occupation.id)
            .where(WorkExperience.citizen_id == citizen_id)
            .order_by(WorkExperience.started_on.desc(), WorkExperience.id)
        )
    )
    history = list(dict.fromkeys(history))
    preferences = session.scalar(
        select(JobPreferences).where(JobPreferences.citizen_id == citizen_id)
    )
    place = postcode_info(citizen.postcode) if citizen.postcode else None
    return ml.CitizenProfile(
        skills=skills,
        desired_occupations=tuple(desired),
        occupation_history=tuple(history),
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        max_distance_km=float(
            preferences.max_distance_km
            if preferences is not None and preferences.max_distance_km
            else DEFAULT_MAX_DISTANCE_KM
        ),
        hours=preferences.hours.value if preferences is not None else "any",
        open_to_other_industries=(
            preferences.open_to_other_industries if preferences is not None else True
        ),
    )


def _is_empty(profile: ml.CitizenProfile) -> bool:
    return not (
        profile.skills or profile.desired_occupations or profile.occupation_history
    )


def _located(profile: ml.CitizenProfile) -> bool:
    return profile.lat is not None and profile.lon is not None


# --- the cached index ----------------------------------------------------------------


@dataclass(frozen=True)
class CachedIndex:
    """The index of current postings, and the stamp it was built for."""

    stamp: tuple[Any, ...]
    taxonomy: Taxonomy
    index: ml.MatchIndex
    by_id: dict[int, ml.Posting]
    by_occupation: dict[str, tuple[ml.Posting, ...]]


_cache: dict[str, CachedIndex] = {}
_lock = threading.Lock()
# How many times an index was built in this process (the tests read it).
builds = 0


def _today() -> date:
    return date.today()


def _current(today: date) -> Any:
    return or_(Posting.deadline.is_(None), Posting.deadline >= today)


def _stamp(session: Session, today: date) -> tuple[Any, ...]:
    count, max_id, newest = session.execute(
        select(
            func.count(Posting.id), func.max(Posting.id), func.max(Posting.updated_at)
        ).where(_current(today))
    ).one()
    if isinstance(newest, datetime):
        newest = newest.isoformat()
    return (today.isoformat(), int(count or 0), max_id, newest)


def _cache_key(session: Session) -> str:
    bind = session.get_bind()
    return bind.engine.url.render_as_string(hide_password=True)


def invalidate_match_index() -> None:
    """Forget every cached index (after postings were edited in place)."""
    with _lock:
        _cache.clear()


def _load_postings(session: Session, today: date) -> list[ml.Posting]:
    essential: dict[int, set[str]] = defaultdict(set)
    optional: dict[int, set[str]] = defaultdict(set)
    skill_rows = session.execute(
        select(PostingSkill.posting_id, Skill.uri, PostingSkill.required)
        .join(Skill, Skill.id == PostingSkill.skill_id)
        .join(Posting, Posting.id == PostingSkill.posting_id)
        .where(_current(today))
    )
    for posting_id, uri, required in skill_rows:
        (essential if required else optional)[posting_id].add(uri)
    rows = session.execute(
        select(
            Posting.id,
            Posting.title,
            Occupation.uri,
            Posting.latitude,
            Posting.longitude,
            Posting.hours,
            Posting.employer,
        )
        .outerjoin(Occupation, Occupation.id == Posting.occupation_id)
        .where(_current(today))
        .order_by(Posting.id)
    )
    return [
        ml.Posting(
            id=posting_id,
            title=title,
            occupation_uri=occupation_uri,
            essential_skills=frozenset(essential.get(posting_id, ())),
            optional_skills=frozenset(optional.get(posting_id, ())),
            lat=lat,
            lon=lon,
            hours=hours.value if hours is not None else "any",
            employer=employer,
        )
        for posting_id, title, occupation_uri, lat, lon, hours, employer in rows
    ]


def match_index(session: Session) -> CachedIndex:
    """The index of current postings, rebuilt only when the postings have changed."""
    global builds
    from app.services.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(session)
    today = _today()
    stamp = _stamp(session, today)
    key = _cache_key(session)
    cached = _cache.get(key)
    if cached is not None and cached.stamp == stamp and cached.taxonomy is taxonomy:
        return cached
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached.stamp == stamp and cached.taxonomy is taxonomy:
            return cached
        postings = _load_postings(session, today)
        by_occupation: dict[str, list[ml.Posting]] = defaultdict(list)
        for posting in postings:
            if posting.occupation_uri is not None:
                by_occupation[posting.occupation_uri].append(posting)
        cached = CachedIndex(
            stamp=stamp,
            taxonomy=taxonomy,
            index=ml.MatchIndex.build(postings, taxonomy),
            by_id={p.id: p for p in postings},
            by_occupation={uri: tuple(ps) for uri, ps in by_occupation.items()},
        )
        _cache[key] = cached
        builds += 1
        return cached


# --- labels ----------------------------------------------------------------------------


def _labels(taxonomy: Taxonomy, uris: Iterable[str], lang: str) -> tuple[Labelled, ...]:
    return tuple(Labelled(uri, taxonomy.label(uri, lang)) for uri in uris)


def _labelled_match(
    match: ml.Match,
    posting_row: Posting,
    posting: ml.Posting,
    taxonomy: Taxonomy,
    lang: str,
) -> JobMatch:
    reasons = match.reasons
    occupation = (
        Labelled(posting.occupation_uri, taxonomy.label(posting.occupation_uri, lang))
        if posting.occupation_uri
        else None
    )
    missing_optional = sorted(
        set(posting.optional_skills) - set(reasons.matched_optional)
    )
    return JobMatch(
        posting=posting_row,
        score=match.score,
        model_version=match.model_version,
        reasons=reasons,
        matched_essential=_labels(taxonomy, reasons.matched_essential, lang),
        matched_optional=_labels(taxonomy, reasons.matched_optional, lang),
        missing_essential=_labels(taxonomy, reasons.missing_essential, lang),
        missing_optional=_labels(taxonomy, missing_optional, lang),
        occupation=occupation,
    )


# --- use cases -----------------------------------------------------------------------


def _wider(distance: float | None) -> int | None:
    if distance is None:
        return None
    return next((d for d in WIDER_DISTANCES if d > distance), None)


def jobs_for(
    session: Session,
    citizen_id: int,
    page: int = 1,
    per_page: int = 10,
    max_distance_km: float | None = None,
    hours: str | None = None,
    occupation_uri: str | None = None,
    lang: str = "da",
) -> MatchPage:
    """One page of the citizen's best-matching current postings, best first.

    `max_distance_km` and `hours` override the citizen's saved preferences for this
    search; `occupation_uri` shows only postings for that occupation (all of them,
    ranked, however weak the match).
    """
    profile = profile_for(session, citizen_id)
    located = _located(profile)
    if max_distance_km is not None:
        profile = dataclasses.replace(profile, max_distance_km=float(max_distance_km))
    if not located:
        profile = dataclasses.replace(profile, max_distance_km=None)
    wanted_hours = hours if hours in ("full", "part", "any") else profile.hours
    cached = match_index(session)
    taxonomy = cached.taxonomy

    occupation: Labelled | None = None
    unknown_occupation = False
    if occupation_uri:
        if taxonomy.occupation(occupation_uri) is None:
            unknown_occupation = True
        else:
            occupation = Labelled(occupation_uri, taxonomy.label(occupation_uri, lang))

    common: dict[str, Any] = {
        "located": located,
        "max_distance_km": profile.max_distance_km,
        "hours": wanted_hours,
        "occupation": occupation,
        "unknown_occupation": unknown_occupation,
    }
    if _is_empty(profile) and occupation is None:
        return MatchPage(
            items=[], number=1, per_page=per_page, total=0, empty_profile=True, **common
        )

    filters = ml.MatchFilters(hours=wanted_hours)
    if occupation is not None:
        # The citizen asked for this occupation: show every posting for it, ranked.
        matches = ml.naive_rank(
            dataclasses.replace(profile, open_to_other_industries=True),
            cached.by_occupation.get(occupation.uri, ()),
            taxonomy,
            limit=MAX_RESULTS,
            filters=filters,
        )
    else:
        matches = ml.rank_jobs_for(
            profile,
            cached.index,
            limit=MAX_RESULTS,
            filters=dataclasses.replace(filters, min_score=MIN_SCORE),
        )
    total = len(matches)
    pages = max(1, -(-total // per_page))
    number = min(max(1, page), pages)
    shown = matches[(number - 1) * per_page : number * per_page]
    rows = _posting_rows(session, [m.posting_id for m in shown])
    items = [
        _labelled_match(
            m, rows[m.posting_id], cached.by_id[m.posting_id], taxonomy, lang
        )
        for m in shown
        if m.posting_id in rows and m.posting_id in cached.by_id
    ]
    missing = Counter(uri for m in shown for uri in m.reasons.missing_essential)
    return MatchPage(
        items=items,
        number=number,
        per_page=per_page,
        total=total,
        capped=total >= MAX_RESULTS,
        wider_distance_km=_wider(profile.max_distance_km) if located else None,
        missing_skills=_labels(
            taxonomy, [uri for uri, _ in missing.most_common(5)], lang
        ),
        **common,
    )


def _posting_rows(session: Session, ids: Sequence[int]) -> dict[int, Posting]:
    if not ids:
        return {}
    return {
        p.id: p for p in session.scalars(select(Posting).where(Posting.id.in_(ids)))
    }


def posting_detail(
    session: Session, citizen_id: int, posting_id: int, lang: str = "da"
) -> JobMatch | None:
    """A current posting with this citizen's full match reasons; None if unknown or expired."""
    row = session.get(Posting, posting_id)
    if row is None or (row.deadline is not None and row.deadline < _today()):
        return None
    from app.services.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(session)
    essential: set[str] = set()
    optional: set[str] = set()
    for uri, required in session.execute(
        select(Skill.uri, PostingSkill.required)
        .join(Skill, Skill.id == PostingSkill.skill_id)
        .where(PostingSkill.posting_id == posting_id)
    ):
        (essential if required else optional).add(uri)
    occupation_uri = (
        session.scalar(select(Occupation.uri).where(Occupation.id == row.occupation_id))
        if row.occupation_id is not None
        else None
    )
    posting = ml.Posting(
        id=row.id,
        title=row.title,
        occupation_uri=occupation_uri,
        essential_skills=frozenset(essential),
        optional_skills=frozenset(optional),
        lat=row.latitude,
        lon=row.longitude,
        hours=row.hours.value if row.hours is not None else "any",
        employer=row.employer,
    )
    # The citizen opened this posting: explain it whatever the distance or field.
    profile = dataclasses.replace(
        profile_for(session, citizen_id),
        max_distance_km=None,
        open_to_other_industries=True,
    )
    (match,) = ml.naive_rank(profile, [posting], taxonomy, limit=1)
    return _labelled_match(match, row, posting, taxonomy, lang)


def _nearby(
    profile: ml.CitizenProfile, postings: Iterable[ml.Posting], max_km: float | None
) -> int:
    if profile.lat is None or profile.lon is None or max_km is None:
        return sum(1 for _ in postings)
    lat, lon = profile.lat, profile.lon
    return sum(
        1
        for p in postings
        # A posting without a location (remote work) is within reach.
        if p.lat is None
        or p.lon is None
        or ml.haversine_km(lat, lon, p.lat, p.lon) <= max_km
    )


def alternatives_for(
    session: Session, citizen_id: int, limit: int = 10, lang: str = "da"
) -> Alternatives:
    """Occupations in other fields the citizen's skills carry over to, best first."""
    profile = profile_for(session, citizen_id)
    located = _located(profile)
    max_km = profile.max_distance_km if located else None
    cached = match_index(session)
    taxonomy = cached.taxonomy
    found = ml.alternative_occupations(
        profile.skills,
        (*profile.desired_occupations, *profile.occupation_history),
        taxonomy,
        limit=limit,
    )
    items = tuple(
        AlternativeOccupation(
            occupation=Labelled(
                a.occupation_uri, taxonomy.label(a.occupation_uri, lang)
            ),
            score=a.score,
            transferable_skills=_labels(taxonomy, a.transferable_skills, lang),
            skills_to_learn=_labels(taxonomy, a.skills_to_learn, lang),
            postings_nearby=_nearby(
                profile, cached.by_occupation.get(a.occupation_uri, ()), max_km
            ),
            model_version=a.model_version,
        )
        for a in found
    )
    return Alternatives(
        items=items,
        empty_profile=_is_empty(profile),
        has_skills=bool(profile.skills),
        open_to_other_industries=profile.open_to_other_industries,
        located=located,
        max_distance_km=max_km,
    )
