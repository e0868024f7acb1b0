"""Job matching for citizens: the adapter from database rows to the pure matcher.

The matcher is pure (app.ml.matching, app.ml.vectorised_matching); this module reads
the citizen's profile and the current postings into its value objects and keeps one
`MatchIndex` per database in memory. app.jobs.queries turns the matcher's results into
what the pages show.

The index covers current postings (deadline today or later, or none). It is rebuilt
when its stamp changes: today's date and the postings' version (app.jobs.versions, one
primary-key lookup raised by every write of a posting), never by scanning postings.
A served process builds it before its first request (`warm_up`, called by
gunicorn.conf.py before the workers fork, so they share it copy-on-write).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from flask_babel import force_locale, gettext
from sqlalchemy import or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.cv.labels import PERSONAL_COMPETENCES
from app.geo import postcode_info
from app.i18n import format_list
from app.jobs.versions import postings_version
from app.ml import matching as ml
from app.ml.personal import PersonalMatch, personal_matches
from app.ml.taxonomy import Taxonomy
from app.ml.vectorised_matching import MatchIndex
from app.models import (
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    JobPreferences,
    Occupation,
    OccupationLink,
    PersonalCompetence,
    Posting,
    PostingSkill,
    Skill,
    WorkExperience,
)
from app.taxonomy.services import load_taxonomy

MODEL_VERSION = ml.MODEL_VERSION

# Without a preferences row, the citizen gets the same defaults the row would have.
DEFAULT_MAX_DISTANCE_KM = 30


MAX_DISTANCE_KM = 500


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


def profile_is_empty(profile: ml.CitizenProfile) -> bool:
    return not (
        profile.skills or profile.desired_occupations or profile.occupation_history
    )


def has_location(profile: ml.CitizenProfile) -> bool:
    return profile.lat is not None and profile.lon is not None


# --- the index, cached per process --------------------------------------------------


@dataclass(frozen=True)
class CachedIndex:
    """The index of current postings, and the stamp it was built for."""

    stamp: tuple[Any, ...]
    taxonomy: Taxonomy
    index: MatchIndex
    by_id: dict[int, ml.Posting]
    by_occupation: dict[str, tuple[ml.Posting, ...]]


_cache: dict[str, CachedIndex] = {}
_lock = threading.Lock()
# How many times an index was built in this process (the tests read it).
builds = 0


def _current(today: date) -> Any:
    return or_(Posting.deadline.is_(None), Posting.deadline >= today)


def _stamp(session: Session, today: date) -> tuple[Any, ...]:
    return (today.isoformat(), postings_version(session))


def _engine_key(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _cache_key(session: Session) -> str:
    return _engine_key(session.get_bind().engine)


def index_loaded_for(engine: Engine) -> bool:
    """Whether this process holds an index for the engine's database (no query)."""
    return _engine_key(engine) in _cache


def warm_up(session: Session) -> CachedIndex:
    """Build the taxonomy and the index now, before any request needs them."""
    return match_index(session)


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
    taxonomy = load_taxonomy(session)
    today = date.today()
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
            index=MatchIndex.build(postings, taxonomy),
            by_id={p.id: p for p in postings},
            by_occupation={uri: tuple(ps) for uri, ps in by_occupation.items()},
        )
        _cache[key] = cached
        builds += 1
        return cached


# --- personal competences ------------------------------------------------------------

# Added to a posting's score when it asks for personal competences the citizen has
# (half for one, all of it for two or more): enough to order postings that are
# otherwise alike, never enough to lift a posting in a wrong field above a right one.
W_PERSONAL = 0.05


def personal_profile(
    session: Session, citizen_id: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The citizen's coded personal competences and those in their own words."""
    codes: list[str] = []
    texts: list[str] = []
    for code, text in session.execute(
        select(PersonalCompetence.code, PersonalCompetence.free_text)
        .where(PersonalCompetence.citizen_id == citizen_id)
        .order_by(PersonalCompetence.id)
    ):
        if code in PERSONAL_COMPETENCES:
            codes.append(code)
        elif text:
            texts.append(text)
    return tuple(codes), tuple(texts)


def personal_for_postings(
    session: Session,
    taxonomy: Taxonomy,
    posting_ids: list[int],
    personal: tuple[tuple[str, ...], tuple[str, ...]],
) -> dict[int, tuple[PersonalMatch, ...]]:
    """posting id -> the citizen's personal competences that posting asks for."""
    codes, texts = personal
    if not posting_ids or not (codes or texts):
        return {}
    skill_labels: dict[int, list[str]] = defaultdict(list)
    for posting_id, uri in session.execute(
        select(PostingSkill.posting_id, Skill.uri)
        .join(Skill, Skill.id == PostingSkill.skill_id)
        .where(PostingSkill.posting_id.in_(posting_ids))
    ):
        concept = taxonomy.skill(uri)
        if concept is not None:
            skill_labels[posting_id].extend(concept.labels_in("en")[:1])
    found: dict[int, tuple[PersonalMatch, ...]] = {}
    for posting_id, title, description in session.execute(
        select(Posting.id, Posting.title, Posting.description).where(
            Posting.id.in_(posting_ids)
        )
    ):
        matches = personal_matches(
            codes, texts, f"{title}\n{description or ''}", skill_labels[posting_id]
        )
        if matches:
            found[posting_id] = matches
    return found


def with_personal(
    matches: list[ml.Match], found: dict[int, tuple[PersonalMatch, ...]]
) -> list[ml.Match]:
    """The matches re-scored with the personal-competence bonus, best first again."""
    if not found:
        return matches
    rescored = [
        replace(
            m,
            score=ml.quantise_score(
                min(1.0, m.score + W_PERSONAL * min(len(found[m.posting_id]), 2) / 2)
            ),
        )
        if m.posting_id in found
        else m
        for m in matches
    ]
    return sorted(rescored, key=lambda m: (-m.score, str(m.posting_id)))


def personal_reason(found: tuple[PersonalMatch, ...], lang: str) -> str | None:
    """ "You have described yourself as reliable and calm, which the employer asks
    for." in the reader's language; None when nothing matched."""
    if not found:
        return None
    with force_locale(lang):
        words = []
        for match in found:
            if match.code is not None:
                label = str(PERSONAL_COMPETENCES[match.code])
                words.append(label[:1].lower() + label[1:])
            else:
                words.append(match.text or "")
        return gettext(
            "You have described yourself as %(qualities)s, which the employer asks "
            "for.",
            qualities=format_list(words, lang),
        )


def rank_with_personal(
    session: Session, citizen_id: int, taxonomy: Taxonomy, matches: list[ml.Match]
) -> tuple[list[ml.Match], dict[int, tuple[PersonalMatch, ...]]]:
    """The matches re-ranked with the citizen's personal competences, and which
    competences each posting asks for."""
    personal = personal_profile(session, citizen_id)
    ids = [int(m.posting_id) for m in matches]
    found = personal_for_postings(session, taxonomy, ids, personal)
    return with_personal(matches, found), found
