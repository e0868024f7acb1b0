"""Work placements and wage-subsidy jobs near a citizen, in occupations they want, have
worked in, or could move to ("Andre muligheder")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.employers.queries import blocked_employer_ids
from app.geo import postcode_info
from app.jobs.matching import has_location, profile_for
from app.ml import matching as ml
from app.ml.alternatives import alternative_occupations
from app.models import (
    Employer,
    EmployerOffer,
    EmployerStatus,
    Occupation,
    OfferKind,
)
from app.taxonomy.services import load_taxonomy


@dataclass(frozen=True)
class NearbyOffer:
    offer: EmployerOffer
    company: str
    occupation: str
    distance_km: int | None
    # "desired", "history" or "alternative": why the occupation was chosen
    because: str


@dataclass(frozen=True)
class Internships:
    items: tuple[NearbyOffer, ...]
    located: bool
    has_occupations: bool
    max_distance_km: float | None


def internships_near(
    session: Session, citizen_id: int, lang: str, today: date
) -> Internships:
    """Open placements within the citizen's travel distance, nearest first."""
    profile = profile_for(session, citizen_id)
    taxonomy = load_taxonomy(session)
    because: dict[str, str] = {}
    for uri in profile.desired_occupations:
        because.setdefault(uri, "desired")
    for uri in profile.occupation_history:
        because.setdefault(uri, "history")
    for alternative in alternative_occupations(
        profile.skills,
        (*profile.desired_occupations, *profile.occupation_history),
        taxonomy,
        limit=10,
    ):
        because.setdefault(alternative.occupation_uri, "alternative")
    located = has_location(profile)
    max_km = profile.max_distance_km if located else None
    if not because:
        return Internships((), located, False, max_km)
    blocked = blocked_employer_ids(session, citizen_id)
    rows = session.execute(
        select(EmployerOffer, Employer.name, Occupation.uri)
        .join(Employer, Employer.id == EmployerOffer.employer_id)
        .join(Occupation, Occupation.id == EmployerOffer.occupation_id)
        .where(
            EmployerOffer.active.is_(True),
            EmployerOffer.kind.in_([OfferKind.INTERNSHIP, OfferKind.WAGE_SUBSIDY]),
            Employer.status == EmployerStatus.APPROVED,
            Occupation.uri.in_(list(because)),
            or_(EmployerOffer.ends_on.is_(None), EmployerOffer.ends_on >= today),
        )
        .order_by(EmployerOffer.id)
    ).all()
    items: list[NearbyOffer] = []
    for offer, company, uri in rows:
        if offer.employer_id in blocked:
            continue
        distance = None
        place = postcode_info(offer.postcode)
        if located and place is not None:
            distance = ml.haversine_km(
                profile.lat or 0.0, profile.lon or 0.0, place.lat, place.lon
            )
            if max_km is not None and distance > max_km:
                continue
        items.append(
            NearbyOffer(
                offer=offer,
                company=company,
                occupation=taxonomy.label(uri, lang),
                distance_km=None if distance is None else max(1, round(distance)),
                because=because[uri],
            )
        )
    items.sort(key=lambda i: (i.distance_km is None, i.distance_km or 0, i.offer.id))
    return Internships(tuple(items), located, True, max_km)
