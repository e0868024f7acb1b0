"""The catalogue citizens browse: published offerings of approved providers, filtered,
best adjusted result first, with their stored results and review counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app import geo
from app.marketplace.services import NotFound
from app.models import (
    Enrolment,
    EnrolmentState,
    Offering,
    OfferingFormat,
    OfferingKind,
    OfferingSkill,
    OfferingState,
    Payment,
    Provider,
    ProviderState,
    Review,
    ReviewState,
    ServiceResult,
)
from app.pagination import Page, paginate

CATALOGUE_PAGE = 20
RATING_HORIZON = 6


@dataclass(frozen=True)
class CatalogueFilters:
    query: str = ""
    kind: OfferingKind | None = None
    format: OfferingFormat | None = None
    language: str | None = None
    max_km: int | None = None
    skill_id: int | None = None
    free_only: bool = False
    order: str = "result"  # or "distance"


@dataclass(frozen=True)
class CatalogueItem:
    offering: Offering
    provider_name: str
    result: ServiceResult | None
    distance_km: float | None
    reviews: int
    mean_rating: float | None


def published() -> Select[Any]:
    """Offerings a citizen can see: published, by an approved provider."""
    return (
        select(Offering)
        .join(Provider, Provider.id == Offering.provider_id)
        .where(
            Offering.state == OfferingState.PUBLISHED,
            Provider.state == ProviderState.APPROVED,
        )
    )


def _near(postcode: str | None, max_km: int) -> list[str] | None:
    origin = geo.postcode_info(postcode) if postcode else None
    if origin is None:
        return None
    return [
        p.code
        for p in geo.all_postcodes()
        if geo.haversine_km(origin.lat, origin.lon, p.lat, p.lon) <= max_km
    ]


def _distance(origin: geo.PostcodeInfo | None, offering: Offering) -> float | None:
    if origin is None or offering.postcode is None:
        return None
    place = geo.postcode_info(offering.postcode)
    if place is None:
        return None
    return geo.haversine_km(origin.lat, origin.lon, place.lat, place.lon)


def kinds_with_places(session: Session, kinds: list[str]) -> dict[str, int]:
    """How many published offerings of each kind have a free place now (fewer active or
    requested participants than their capacity), for decision support's links."""
    taken = (
        select(func.count(Enrolment.id))
        .where(
            Enrolment.offering_id == Offering.id,
            Enrolment.state.in_((EnrolmentState.ACTIVE, EnrolmentState.REQUESTED)),
        )
        .scalar_subquery()
    )
    wanted = [OfferingKind(kind) for kind in kinds]
    rows = session.execute(
        published()
        .with_only_columns(Offering.kind, func.count(Offering.id))
        .where(Offering.kind.in_(wanted), taken < Offering.capacity)
        .group_by(Offering.kind)
    ).all()
    found = {OfferingKind(kind).value: int(count) for kind, count in rows}
    return {kind: found.get(kind, 0) for kind in kinds}


def catalogue(
    session: Session,
    filters: CatalogueFilters,
    *,
    home_postcode: str | None,
    page: int,
    per_page: int = CATALOGUE_PAGE,
) -> Page:
    """One page of the catalogue: filtered, best adjusted result first by default."""
    query = published().add_columns(Provider.name, ServiceResult)
    query = query.outerjoin(
        ServiceResult,
        (ServiceResult.offering_id == Offering.id)
        & (ServiceResult.horizon == RATING_HORIZON),
    )
    if filters.query:
        like = f"%{filters.query.lower()}%"
        query = query.where(
            or_(
                func.lower(Offering.title).like(like),
                func.lower(Offering.description).like(like),
                func.lower(Provider.name).like(like),
            )
        )
    if filters.kind is not None:
        query = query.where(Offering.kind == filters.kind)
    if filters.format is not None:
        query = query.where(Offering.format == filters.format)
    if filters.language:
        query = query.where(
            ("," + Offering.languages + ",").like(f"%,{filters.language},%")
        )
    if filters.free_only:
        query = query.where(Offering.payment == Payment.FREE)
    if filters.skill_id is not None:
        query = query.where(
            Offering.id.in_(
                select(OfferingSkill.offering_id).where(
                    OfferingSkill.skill_id == filters.skill_id
                )
            )
        )
    if filters.max_km is not None:
        near = _near(home_postcode, filters.max_km)
        if near is not None:
            query = query.where(
                or_(
                    Offering.format == OfferingFormat.ONLINE,
                    Offering.postcode.in_(near),
                )
            )
    rated = ServiceResult.enough.is_(True)
    query = query.order_by(
        rated.desc(),
        ServiceResult.value_added.desc(),
        Offering.title,
        Offering.id,
    )
    if filters.order == "distance" and home_postcode:
        return _by_distance(session, query, home_postcode, page, per_page)
    result = paginate(session, query, page, per_page)
    return _with_details(session, result, geo.postcode_info(home_postcode or ""))


def _by_distance(
    session: Session, query: Select[Any], home: str, page: int, per_page: int
) -> Page:
    """Nearest first (online offerings count as at home); sorted in Python, as
    distance is not stored."""
    origin = geo.postcode_info(home)
    # Sort on ids and postcodes only (one distance per postcode), then load one page.
    keys = session.execute(
        query.with_only_columns(Offering.id, Offering.postcode)
    ).all()
    km: dict[str | None, float] = {}
    for _id, postcode in keys:
        if postcode not in km:
            place = geo.postcode_info(postcode) if postcode else None
            km[postcode] = (
                geo.haversine_km(origin.lat, origin.lon, place.lat, place.lon)
                if origin is not None and place is not None
                else 0.0
            )
    ordered = [oid for oid, _postcode in sorted(keys, key=lambda k: km[k[1]])]
    total = len(ordered)
    pages = max(1, -(-total // per_page))
    number = min(max(1, page), pages)
    chunk = ordered[(number - 1) * per_page : number * per_page]
    rows = {
        row[0].id: row for row in session.execute(query.where(Offering.id.in_(chunk)))
    }
    items = [rows[oid] for oid in chunk]
    return _with_details(session, Page(items, number, per_page, total), origin)


def _with_details(
    session: Session, result: Page, origin: geo.PostcodeInfo | None
) -> Page:
    ids = [row[0].id for row in result.items]
    counts = review_summary(session, ids)
    items = [
        CatalogueItem(
            offering=offering,
            provider_name=name,
            result=rating,
            distance_km=_distance(origin, offering),
            reviews=counts.get(offering.id, (0, None))[0],
            mean_rating=counts.get(offering.id, (0, None))[1],
        )
        for offering, name, rating in result.items
    ]
    return Page(items, result.number, result.per_page, result.total)


def review_summary(
    session: Session, offering_ids: list[int]
) -> dict[int, tuple[int, float | None]]:
    """Shown reviews per offering: how many, and the mean rating."""
    if not offering_ids:
        return {}
    rows = session.execute(
        select(Review.offering_id, func.count(), func.avg(Review.rating))
        .where(
            Review.offering_id.in_(offering_ids),
            Review.state != ReviewState.HIDDEN,
        )
        .group_by(Review.offering_id)
    ).all()
    return {
        oid: (int(n), float(mean) if mean is not None else None)
        for oid, n, mean in rows
    }


def public_offering(session: Session, offering_id: int) -> Offering:
    """A published offering of an approved provider (NotFound otherwise)."""
    offering = session.scalar(published().where(Offering.id == offering_id))
    if offering is None:
        raise NotFound(offering_id)
    return offering


def results_of(
    session: Session, *, offering_id: int | None = None, provider_id: int | None = None
) -> dict[int, ServiceResult]:
    """The stored results by horizon, of one offering or one provider."""
    query = select(ServiceResult)
    if offering_id is not None:
        query = query.where(ServiceResult.offering_id == offering_id)
    else:
        query = query.where(
            ServiceResult.provider_id == provider_id,
            ServiceResult.offering_id.is_(None),
        )
    return {row.horizon: row for row in session.scalars(query)}


def catalogue_languages(session: Session) -> list[str]:
    """The language codes the published offerings are given in."""
    codes: set[str] = set()
    for value in session.scalars(
        published().with_only_columns(Offering.languages).distinct()
    ):
        codes.update(code for code in value.split(",") if code)
    return sorted(codes)


def catalogue_skills(session: Session) -> list[int]:
    """The skills the published offerings teach."""
    return list(
        session.scalars(
            select(OfferingSkill.skill_id)
            .where(
                OfferingSkill.offering_id.in_(
                    published().with_only_columns(Offering.id)
                )
            )
            .distinct()
        )
    )
