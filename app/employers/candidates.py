"""Reverse matching: the citizens who fit a company's offer, as anonymous profiles.

The pool is every citizen whose share-CV consent is in force now (read fresh on each
request, so a withdrawal counts from the next one) and who has not blocked the company.
Each is scored against the offer by the same matcher that ranks jobs for citizens
(app.ml.naive_matching over the offer as one posting, with the profile from
app.jobs.matching.profile_for), and shown through app.employers.anonymity: never a
name, age, gender, origin, address, photo or employer name, only fields that at least
five citizens share. A candidate is named in URLs by a token that holds for one offer
only, so two offers' lists cannot be joined into a fuller picture of one person.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.employers.anonymity import Features, Generalised, K, generalise
from app.employers.profile_words import fit_words, shown_in_words
from app.geo import postcode_info
from app.i18n import format_list
from app.jobs.matching import profile_for
from app.ml import matching as ml
from app.ml.naive_matching import naive_rank
from app.ml.taxonomy import Taxonomy
from app.models import (
    CitizenOccupation,
    ConsentEvent,
    ConsentPurpose,
    DrivingLicence,
    Education,
    EducationLevel,
    EmployerBlock,
    EmployerOffer,
    LanguageSkill,
    Occupation,
    OccupationLink,
    WorkExperience,
)
from app.taxonomy.services import load_taxonomy

# The best candidates shown for one offer; the rest are not needed to choose whom to invite.
MAX_CANDIDATES = 50
# Below this score an offer and a citizen have too little in common to show.
MIN_SCORE = 0.15
EDUCATION_ORDER = list(EducationLevel)


def sharing_citizen_ids(session: Session) -> list[int]:
    """Citizens whose newest decision on sharing their CV with employers is a yes."""
    newest = (
        select(func.max(ConsentEvent.id).label("event_id"))
        .where(
            ConsentEvent.purpose == ConsentPurpose.SHARE_CV,
            ConsentEvent.provider_id.is_(None),
        )
        .group_by(ConsentEvent.citizen_id)
        .subquery()
    )
    return list(
        session.scalars(
            select(ConsentEvent.citizen_id)
            .join(newest, ConsentEvent.id == newest.c.event_id)
            .where(ConsentEvent.given.is_(True))
            .order_by(ConsentEvent.citizen_id)
        )
    )


def pool_for(session: Session, employer_id: int) -> list[int]:
    """The citizens a company may find: sharing their CV, not blocking the company."""
    blocked = set(
        session.scalars(
            select(EmployerBlock.citizen_id).where(
                EmployerBlock.employer_id == employer_id
            )
        )
    )
    return [cid for cid in sharing_citizen_ids(session) if cid not in blocked]


def candidate_token(secret: str, offer_id: int, citizen_id: int) -> str:
    """The name of a candidate in one offer's URLs (not the citizen's id)."""
    message = f"employer-candidate:{offer_id}:{citizen_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:20]


def offer_as_posting(
    session: Session, offer: EmployerOffer, taxonomy: Taxonomy
) -> ml.Posting:
    """The offer as the matcher's posting: the occupation's skills, the place, hours."""
    uri = offer_occupation_uri(session, offer)
    skills = taxonomy.skills_for(uri) if uri else None
    place = postcode_info(offer.postcode)
    hours = "any"
    if offer.hours_per_week:
        hours = "full" if offer.hours_per_week >= 30 else "part"
    return ml.Posting(
        id=offer.id,
        title=offer.title,
        occupation_uri=uri,
        essential_skills=skills.essential if skills else frozenset(),
        optional_skills=skills.optional if skills else frozenset(),
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        hours=hours,  # type: ignore[arg-type]
        employer=offer.employer.name,
    )


def offer_occupation_uri(session: Session, offer: EmployerOffer) -> str | None:
    if offer.occupation_id is None:
        return None
    return session.scalar(
        select(Occupation.uri).where(Occupation.id == offer.occupation_id)
    )


def _years(start: date, end: date | None, today: date) -> float:
    return max(0.0, ((end or today) - start).days / 365.25)


def _extra_facts(
    session: Session, ids: list[int], today: date
) -> dict[str, dict[int, Any]]:
    """Years of experience, highest education, languages and licences, in bulk."""
    years: dict[int, float] = defaultdict(float)
    for cid, start, end in session.execute(
        select(
            WorkExperience.citizen_id,
            WorkExperience.started_on,
            WorkExperience.ended_on,
        ).where(WorkExperience.citizen_id.in_(ids))
    ):
        years[cid] += _years(start, end, today)
    for cid, count in session.execute(
        select(CitizenOccupation.citizen_id, CitizenOccupation.years).where(
            CitizenOccupation.citizen_id.in_(ids),
            CitizenOccupation.link == OccupationLink.EXPERIENCE,
            CitizenOccupation.years.is_not(None),
        )
    ):
        years[cid] += count or 0
    education: dict[int, str] = {}
    for cid, level in session.execute(
        select(Education.citizen_id, Education.level).where(
            Education.citizen_id.in_(ids), Education.completed.is_(True)
        )
    ):
        held = education.get(cid)
        if held is None or EDUCATION_ORDER.index(level) > EDUCATION_ORDER.index(
            EducationLevel(held)
        ):
            education[cid] = level.value
    languages: dict[int, set[str]] = defaultdict(set)
    for cid, code in session.execute(
        select(LanguageSkill.citizen_id, LanguageSkill.language).where(
            LanguageSkill.citizen_id.in_(ids)
        )
    ):
        languages[cid].add(code)
    licences: dict[int, set[str]] = defaultdict(set)
    for cid, code in session.execute(
        select(DrivingLicence.citizen_id, DrivingLicence.category).where(
            DrivingLicence.citizen_id.in_(ids)
        )
    ):
        licences[cid].add(code)
    return {
        "years": dict(years),
        "education": education,
        "languages": dict(languages),
        "licences": dict(licences),
    }


@dataclass(frozen=True)
class Scored:
    citizen_id: int
    score: float
    features: Features


def _score_pool(
    session: Session, offer: EmployerOffer, ids: list[int], today: date
) -> tuple[list[Scored], list[Features]]:
    """Every pool member's features, and the matches (a score above zero), best first."""
    taxonomy = load_taxonomy(session)
    posting = offer_as_posting(session, offer, taxonomy)
    wanted = posting.essential_skills | posting.optional_skills
    facts = _extra_facts(session, ids, today)
    scored: list[Scored] = []
    pool: list[Features] = []
    for cid in ids:
        profile = profile_for(session, cid)
        distance = None
        if profile.lat is not None and posting.lat is not None:
            distance = ml.haversine_km(
                profile.lat, profile.lon or 0.0, posting.lat, posting.lon or 0.0
            )
        features = Features(
            occupations=frozenset(profile.occupation_history),
            in_offer_occupation=posting.occupation_uri in profile.occupation_history,
            skills=frozenset(profile.skills & wanted),
            experience_years=int(facts["years"].get(cid, 0)),
            education=facts["education"].get(cid),
            languages=frozenset(facts["languages"].get(cid, ())),
            licences=frozenset(facts["licences"].get(cid, ())),
            distance_km=distance,
        )
        pool.append(features)
        found = naive_rank(profile, [posting], taxonomy, limit=1)
        if found and found[0].score >= MIN_SCORE:
            scored.append(Scored(cid, found[0].score, features))
    scored.sort(key=lambda s: (-s.score, s.citizen_id))
    return scored, pool


@dataclass(frozen=True)
class AnonymousProfile:
    """One candidate as a company sees them: a token and fields in words."""

    token: str
    fit: str
    fields: tuple[tuple[str, str], ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "candidate": self.token,
            "fit": self.fit,
            "fields": [{"label": k, "value": v} for k, v in self.fields],
        }


@dataclass(frozen=True)
class CandidateList:
    profiles: tuple[AnonymousProfile, ...]
    # Matching candidates not shown, because too few citizens share their profile.
    withheld: int
    # The citizen ids behind the profiles, in order (for the access log only; never
    # passed to a template).
    citizen_ids: tuple[int, ...]
    tokens: dict[str, int]


def candidates_for_offer(
    session: Session,
    offer: EmployerOffer,
    secret: str,
    lang: str,
    today: date,
    k: int = K,
) -> CandidateList:
    """The offer's best-matching citizens as anonymous profiles, best first."""
    ids = pool_for(session, offer.employer_id)
    if not ids:
        return CandidateList((), 0, (), {})
    scored, pool = _score_pool(session, offer, ids, today)
    top = scored[:MAX_CANDIDATES]
    shown_as = generalise([s.features for s in top], pool, k)
    taxonomy = load_taxonomy(session)
    profiles: list[AnonymousProfile] = []
    citizen_ids: list[int] = []
    tokens: dict[str, int] = {}
    withheld = 0
    with force_locale(lang):
        for candidate, generalised in zip(top, shown_as, strict=True):
            if generalised is None:
                withheld += 1
                continue
            token = candidate_token(secret, offer.id, candidate.citizen_id)
            profiles.append(
                _profile(token, candidate.score, generalised, taxonomy, lang)
            )
            citizen_ids.append(candidate.citizen_id)
            tokens[token] = candidate.citizen_id
    return CandidateList(tuple(profiles), withheld, tuple(citizen_ids), tokens)


def _profile(
    token: str, score: float, generalised: Generalised, taxonomy: Taxonomy, lang: str
) -> AnonymousProfile:
    return AnonymousProfile(
        token=token,
        fit=fit_words(score),
        fields=tuple(shown_in_words(generalised.values, taxonomy, lang)),
    )


def citizen_is_in_pool(session: Session, employer_id: int, citizen_id: int) -> bool:
    """Whether a company may contact this citizen now (consent in force, not blocked)."""
    return citizen_id in set(pool_for(session, employer_id))


def why_matched(
    session: Session, offer: EmployerOffer, citizen_id: int, lang: str
) -> tuple[str, ...]:
    """Why the citizen was found for the offer, in their language: the offer's skills
    they have, the occupation, the distance."""
    taxonomy = load_taxonomy(session)
    posting = offer_as_posting(session, offer, taxonomy)
    profile = profile_for(session, citizen_id)
    found = naive_rank(profile, [posting], taxonomy, limit=1)
    if not found:
        return ()
    reasons = found[0].reasons
    lines: list[str] = []
    with force_locale(lang):
        skills = [
            taxonomy.label(uri, lang)
            for uri in (*reasons.matched_essential, *reasons.matched_optional)
        ]
        if skills:
            lines.append(
                _(
                    "You have skills the company asks for: %(skills)s.",
                    skills=format_list(sorted(skills)[:6], lang),
                )
            )
        if posting.occupation_uri in profile.desired_occupations:
            lines.append(_("It is an occupation you want to work in."))
        elif posting.occupation_uri in profile.occupation_history:
            lines.append(_("You have worked in this occupation."))
        if reasons.distance_km is not None:
            lines.append(
                _(
                    "It is about %(km)s km from where you live.",
                    km=max(1, round(reasons.distance_km)),
                )
            )
    return tuple(lines)
