"""The citizen's job pages as read models: ranked matches, one posting, alternatives.

Each result carries what its page needs to explain itself: the posting row, the score,
the reasons with skill and occupation labels in the reader's language, and the model
version. The index and the citizen's profile come from app.jobs.matching.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.jobs.matching import (
    CachedIndex,
    has_location,
    match_index,
    personal_reason,
    profile_for,
    profile_is_empty,
    rank_with_personal,
)
from app.jobs.results import (
    AlternativeOccupation,
    Alternatives,
    JobMatch,
    Labelled,
    MatchPage,
)
from app.jobs.stored import (
    MAX_RESULTS,
    MIN_SCORE,
    StoredRow,
    current_list,
    stored_page,
)
from app.ml import matching as ml
from app.ml.alternatives import alternative_occupations
from app.ml.naive_matching import naive_rank
from app.ml.personal import PersonalMatch
from app.ml.taxonomy import Taxonomy
from app.ml.vectorised_matching import rank_jobs_for
from app.models import Occupation, Posting, PostingSkill, Skill
from app.taxonomy.services import load_taxonomy

# A search in match order ranks at most this many postings that fit; the rest follow.
MAX_MATCH_SCORED = 1000

# Distances offered when the citizen could widen the search, in kilometres.
WIDER_DISTANCES = (10, 20, 30, 50, 75, 100, 150, 250, 500)


# --- labels ----------------------------------------------------------------------------


def _labels(taxonomy: Taxonomy, uris: Iterable[str], lang: str) -> tuple[Labelled, ...]:
    return tuple(Labelled(uri, taxonomy.label(uri, lang)) for uri in uris)


def _labelled_match(
    match: ml.Match,
    posting_row: Posting,
    posting: ml.Posting,
    taxonomy: Taxonomy,
    lang: str,
    personal: str | None = None,
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
        personal_reason=personal,
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
    saved = profile_for(session, citizen_id)
    located = has_location(saved)
    profile = saved
    if max_distance_km is not None:
        profile = dataclasses.replace(profile, max_distance_km=float(max_distance_km))
    if not located:
        profile = dataclasses.replace(profile, max_distance_km=None)
    wanted_hours = hours if hours in ("full", "part", "any") else profile.hours
    taxonomy = load_taxonomy(session)
    occupation, unknown_occupation = _chosen_occupation(taxonomy, occupation_uri, lang)
    common: dict[str, Any] = {
        "located": located,
        "max_distance_km": profile.max_distance_km,
        "hours": wanted_hours,
        "occupation": occupation,
        "unknown_occupation": unknown_occupation,
        "wider_distance_km": _wider(profile.max_distance_km) if located else None,
    }
    if profile_is_empty(profile) and occupation is None:
        common["wider_distance_km"] = None
        return MatchPage(
            items=[], number=1, per_page=per_page, total=0, empty_profile=True, **common
        )
    if profile == saved and wanted_hours == saved.hours and occupation is None:
        # The citizen's own list: stored, computed when the profile or postings change.
        total = current_list(session, citizen_id, saved).total
        number = min(max(1, page), max(1, -(-total // per_page)))
        items = [
            _stored_match(row, taxonomy, lang)
            for row in stored_page(
                session, citizen_id, (number - 1) * per_page, per_page
            )
        ]
    else:
        cached = match_index(session)
        matches = _ranked(
            profile, cached, occupation, ml.MatchFilters(hours=wanted_hours)
        )
        matches, found = rank_with_personal(session, citizen_id, taxonomy, matches)
        total = len(matches)
        number, shown = _page(matches, page, per_page)
        rows = _posting_rows(session, [m.posting_id for m in shown])
        items = [
            _labelled_match(
                m,
                rows[m.posting_id],
                cached.by_id[m.posting_id],
                taxonomy,
                lang,
                personal_reason(found.get(int(m.posting_id), ()), lang),
            )
            for m in shown
            if m.posting_id in rows and m.posting_id in cached.by_id
        ]
    missing = Counter(uri for m in items for uri in m.reasons.missing_essential)
    return MatchPage(
        items=items,
        number=number,
        per_page=per_page,
        total=total,
        capped=total >= MAX_RESULTS,
        missing_skills=_labels(
            taxonomy, [uri for uri, _ in missing.most_common(5)], lang
        ),
        **common,
    )


def match_scores(session: Session, citizen_id: int) -> dict[int, float]:
    """The citizen's match score by posting id, for ordering a search by fit.

    The same ranking as Job til dig (personal competences included), without the
    citizen's own distance limit: the search's filters decide where to look.
    """
    profile = dataclasses.replace(
        profile_for(session, citizen_id), max_distance_km=None
    )
    if profile_is_empty(profile):
        return {}
    cached = match_index(session)
    matches = rank_jobs_for(
        profile,
        cached.index,
        limit=MAX_MATCH_SCORED,
        filters=ml.MatchFilters(hours=profile.hours, min_score=MIN_SCORE),
    )
    matches, _found = rank_with_personal(session, citizen_id, cached.taxonomy, matches)
    return {int(m.posting_id): m.score for m in matches}


def _stored_match(row: StoredRow, taxonomy: Taxonomy, lang: str) -> JobMatch:
    """A stored match labelled in the reader's language, as the ranking gave it."""
    r = row.reasons
    reasons = ml.MatchReasons(
        matched_essential=tuple(r["me"]),
        matched_optional=tuple(r["mo"]),
        missing_essential=tuple(r["xe"]),
        distance_km=r["km"],
        occupation_match=r["occ"],
        title_similarity=r["title"],
        hours_fit=r["hours"],
    )
    personal = tuple(
        PersonalMatch(code, text, via) for code, text, via in r["personal"]
    )
    return JobMatch(
        posting=row.posting,
        score=row.score,
        model_version=r["model"],
        reasons=reasons,
        matched_essential=_labels(taxonomy, reasons.matched_essential, lang),
        matched_optional=_labels(taxonomy, reasons.matched_optional, lang),
        missing_essential=_labels(taxonomy, reasons.missing_essential, lang),
        missing_optional=_labels(taxonomy, r["xo"], lang),
        occupation=Labelled(r["uri"], taxonomy.label(r["uri"], lang))
        if r["uri"]
        else None,
        personal_reason=personal_reason(personal, lang),
    )


def _page(
    matches: list[ml.Match], page: int, per_page: int
) -> tuple[int, list[ml.Match]]:
    """The page number in range, and that page's matches."""
    pages = max(1, -(-len(matches) // per_page))
    number = min(max(1, page), pages)
    return number, matches[(number - 1) * per_page : number * per_page]


def _chosen_occupation(
    taxonomy: Taxonomy, uri: str | None, lang: str
) -> tuple[Labelled | None, bool]:
    """The occupation the citizen narrowed the list to, and whether it was unknown."""
    if not uri:
        return None, False
    if taxonomy.occupation(uri) is None:
        return None, True
    return Labelled(uri, taxonomy.label(uri, lang)), False


def _ranked(
    profile: ml.CitizenProfile,
    cached: CachedIndex,
    occupation: Labelled | None,
    filters: ml.MatchFilters,
) -> list[ml.Match]:
    """Every posting of an occupation the citizen asked for, however weak the match;
    otherwise the best matches above the minimum score, from the index."""
    if occupation is not None:
        return naive_rank(
            dataclasses.replace(profile, open_to_other_industries=True),
            cached.by_occupation.get(occupation.uri, ()),
            cached.taxonomy,
            limit=MAX_RESULTS,
            filters=filters,
        )
    return rank_jobs_for(
        profile,
        cached.index,
        limit=MAX_RESULTS,
        filters=dataclasses.replace(filters, min_score=MIN_SCORE),
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
    if row is None or (row.deadline is not None and row.deadline < date.today()):
        return None
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
    (match,) = naive_rank(profile, [posting], taxonomy, limit=1)
    (match,), found = rank_with_personal(session, citizen_id, taxonomy, [match])
    reason = personal_reason(found.get(row.id, ()), lang)
    return _labelled_match(match, row, posting, taxonomy, lang, reason)


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
    located = has_location(profile)
    max_km = profile.max_distance_km if located else None
    cached = match_index(session)
    taxonomy = cached.taxonomy
    found = alternative_occupations(
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
        empty_profile=profile_is_empty(profile),
        has_skills=bool(profile.skills),
        open_to_other_industries=profile.open_to_other_industries,
        located=located,
        max_distance_km=max_km,
    )
