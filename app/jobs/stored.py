"""A citizen's matches, stored: computed when their profile or the postings change,
read by "Job til dig" and "Min side" without ranking anything.

`refresh_matches(session, citizen_id)` is the one function that ranks and stores (the
`profile_changed` receiver calls it inline; a background job can call it as it is).
A stored list remembers what it was computed from (the postings' version, the model
version, a fingerprint of the profile); `current_list` recomputes a list whose inputs
have moved on before it is read, so a page never shows matches for an old CV or for
postings that have gone. It flushes and never commits.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.jobs.matching import (
    MODEL_VERSION,
    match_index,
    personal_profile,
    profile_for,
    profile_is_empty,
    rank_with_personal,
)
from app.jobs.versions import postings_version
from app.ml import matching as ml
from app.ml.personal import PersonalMatch
from app.ml.vectorised_matching import rank_jobs_for
from app.models import MatchList, Posting, StoredMatch
from app.taxonomy.services import load_taxonomy

# A posting must score more than what fitting hours alone gives (0.10) to be shown.
MIN_SCORE = 0.15

# The list shows at most this many of the best matches; nobody pages further.
MAX_RESULTS = 200


def profile_key(
    profile: ml.CitizenProfile,
    personal: tuple[tuple[str, ...], tuple[str, ...]],
    taxonomy_version: str,
) -> str:
    """A fingerprint of everything the ranking reads about the citizen (and of the
    taxonomy whose skills and occupations it compares)."""
    parts = (
        taxonomy_version,
        sorted(profile.skills),
        profile.desired_occupations,
        profile.occupation_history,
        profile.lat,
        profile.lon,
        profile.max_distance_km,
        profile.hours,
        profile.open_to_other_industries,
        personal,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def best_matches(
    profile: ml.CitizenProfile, index: Any, filters: ml.MatchFilters
) -> list[ml.Match]:
    """The best matches above the minimum score, from the index."""
    return rank_jobs_for(
        profile,
        index,
        limit=MAX_RESULTS,
        filters=ml.MatchFilters(
            hours=filters.hours,
            min_score=MIN_SCORE,
        ),
    )


def _reasons_json(
    match: ml.Match, posting: ml.Posting, found: tuple[PersonalMatch, ...]
) -> str:
    reasons = match.reasons
    return json.dumps(
        {
            "me": reasons.matched_essential,
            "mo": reasons.matched_optional,
            "xe": reasons.missing_essential,
            "xo": sorted(set(posting.optional_skills) - set(reasons.matched_optional)),
            "km": reasons.distance_km,
            "occ": reasons.occupation_match,
            "title": reasons.title_similarity,
            "hours": reasons.hours_fit,
            "uri": posting.occupation_uri,
            "personal": [[p.code, p.text, p.via] for p in found],
            "model": match.model_version,
        },
        separators=(",", ":"),
    )


def refresh_matches(
    session: Session,
    citizen_id: int,
    profile: ml.CitizenProfile | None = None,
    personal: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
) -> MatchList:
    """Rank the current postings for the citizen and store the best (flushes)."""
    profile = profile or profile_for(session, citizen_id)
    personal = (
        personal if personal is not None else personal_profile(session, citizen_id)
    )
    version = postings_version(session)
    cached = match_index(session)
    if profile_is_empty(profile):
        matches: list[ml.Match] = []
        found: dict[int, tuple[PersonalMatch, ...]] = {}
    else:
        ranked = best_matches(
            _located(profile), cached.index, ml.MatchFilters(hours=profile.hours)
        )
        matches, found = rank_with_personal(
            session, citizen_id, cached.taxonomy, ranked
        )
    matches = [m for m in matches if m.posting_id in cached.by_id]
    session.execute(delete(StoredMatch).where(StoredMatch.citizen_id == citizen_id))
    row = session.get(MatchList, citizen_id) or MatchList(citizen_id=citizen_id)
    row.postings_version = version
    row.model_version = MODEL_VERSION
    row.profile_key = profile_key(profile, personal, cached.taxonomy.version)
    row.total = len(matches)
    row.computed_at = datetime.now(UTC)
    session.add(row)
    session.flush()
    if matches:
        session.execute(
            insert(StoredMatch),
            [
                {
                    "citizen_id": citizen_id,
                    "rank": rank,
                    "posting_id": int(m.posting_id),
                    "score": m.score,
                    "reasons": _reasons_json(
                        m, cached.by_id[m.posting_id], found.get(int(m.posting_id), ())
                    ),
                }
                for rank, m in enumerate(matches, start=1)
            ],
        )
    return row


def _located(profile: ml.CitizenProfile) -> ml.CitizenProfile:
    """Without an address, distance does not limit the list."""
    if profile.lat is None or profile.lon is None:
        return replace(profile, max_distance_km=None)
    return profile


def current_list(
    session: Session, citizen_id: int, profile: ml.CitizenProfile
) -> MatchList:
    """The citizen's stored list, computed again first if its inputs have moved on."""
    row = session.get(MatchList, citizen_id)
    personal = personal_profile(session, citizen_id)
    if (
        row is not None
        and row.postings_version == postings_version(session)
        and row.model_version == MODEL_VERSION
        and row.profile_key
        == profile_key(profile, personal, load_taxonomy(session).version)
    ):
        return row
    try:
        # A savepoint: two requests of one citizen may store the list at once (two
        # tabs), or on SQLite another request may hold the one write lock.
        with session.begin_nested():
            return refresh_matches(session, citizen_id, profile, personal)
    except (IntegrityError, OperationalError):
        session.expire_all()
        row = session.get(MatchList, citizen_id)
        if row is None:
            raise
        return row  # the other request's list, or the last one stored


@dataclass(frozen=True)
class StoredRow:
    """One stored match as the pages read it: the posting row, score and reasons."""

    posting: Posting
    score: float
    reasons: dict[str, Any]


def stored_page(
    session: Session, citizen_id: int, offset: int, limit: int
) -> list[StoredRow]:
    """Stored matches by rank, with their posting rows (one statement)."""
    rows = session.execute(
        select(Posting, StoredMatch.score, StoredMatch.reasons)
        .join(StoredMatch, StoredMatch.posting_id == Posting.id)
        .where(StoredMatch.citizen_id == citizen_id)
        .order_by(StoredMatch.rank)
        .offset(offset)
        .limit(limit)
    ).all()
    return [StoredRow(p, score, json.loads(reasons)) for p, score, reasons in rows]
