"""Reviews: one per finished or left enrolment, reported and moderated with reasons."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, now, record_created
from app.marketplace.services import MarketplaceError, NotFound
from app.marketplace.services.enrolments import ENDED, own_enrolment
from app.models import Offering, Review, ReviewState
from app.pagination import Page, paginate

REVIEWS_PAGE = 10


def write(
    session: Session,
    citizen_id: int,
    enrolment_id: int,
    rating: int,
    text: str,
    actor: Actor,
) -> Review:
    """The participant's review of a service they finished or left (one each)."""
    enrolment = own_enrolment(session, citizen_id, enrolment_id)
    if enrolment.state not in ENDED:
        raise MarketplaceError("state")
    if not 1 <= rating <= 5:
        raise MarketplaceError("rating")
    if session.scalar(select(Review.id).where(Review.enrolment_id == enrolment_id)):
        raise MarketplaceError("already")
    review = Review(
        enrolment_id=enrolment.id,
        offering_id=enrolment.offering_id,
        rating=rating,
        text=text.strip() or None,
        created_at=now(),
        state=ReviewState.SHOWN,
    )
    record_created(
        session, review, actor=actor, reason="review written", citizen_id=citizen_id
    )
    return review


def shown_reviews(session: Session, offering_id: int, page: int) -> Page:
    """The offering's reviews that are not hidden, newest first."""
    query = (
        select(Review)
        .where(Review.offering_id == offering_id, Review.state != ReviewState.HIDDEN)
        .order_by(Review.created_at.desc(), Review.id.desc())
    )
    return paginate(session, query, page, REVIEWS_PAGE)


def report(session: Session, review_id: int, reason: str, actor: Actor) -> Review:
    """Anyone logged in may report a shown review; an administrator decides."""
    review = session.get(Review, review_id)
    if review is None or review.state is ReviewState.HIDDEN:
        raise NotFound(review_id)
    if not reason.strip():
        raise MarketplaceError("reason")
    change_fields(
        session,
        review,
        {"state": ReviewState.REPORTED, "report_reason": reason.strip()},
        actor=actor,
        reason="review reported",
        citizen_id=None,
    )
    session.flush()
    return review


def moderate(
    session: Session, review_id: int, hide: bool, reason: str, actor: Actor
) -> Review:
    """The administrator hides a reported review, or shows it again, with a reason."""
    review = session.get(Review, review_id)
    if review is None:
        raise NotFound(review_id)
    if not reason.strip():
        raise MarketplaceError("reason")
    values = (
        {"state": ReviewState.HIDDEN, "hidden_reason": reason.strip()}
        if hide
        else {"state": ReviewState.SHOWN, "hidden_reason": None}
    )
    change_fields(
        session,
        review,
        values,
        actor=actor,
        reason="review hidden" if hide else "review shown",
        citizen_id=None,
    )
    session.flush()
    return review


def reported(session: Session) -> list[tuple[Review, Offering]]:
    """The administrator's queue of reported reviews, oldest first."""
    return list(
        session.execute(
            select(Review, Offering)
            .join(Offering, Offering.id == Review.offering_id)
            .where(Review.state == ReviewState.REPORTED)
            .order_by(Review.created_at, Review.id)
        ).tuples()
    )


def any_review(session: Session, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None:
        raise NotFound(review_id)
    return review
