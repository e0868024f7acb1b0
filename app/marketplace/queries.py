"""Read models of the marketplace pages: filter choices, an offering's details in words."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cv.labels import language_name
from app.marketplace.services import NotFound
from app.marketplace.services.catalogue import (
    catalogue_languages,
    catalogue_skills,
)
from app.marketplace.services.offerings import skill_ids
from app.models import Citizen, Municipality, Offering, Review, ReviewState, Skill
from app.taxonomy.services import label_for


def home_postcode(session: Session, citizen_id: int) -> str | None:
    return session.scalar(select(Citizen.postcode).where(Citizen.id == citizen_id))


def skill_names(session: Session, ids: list[int], lang: str) -> list[tuple[int, str]]:
    """(id, label) of skills, sorted by label."""
    if not ids:
        return []
    rows = session.execute(select(Skill.id, Skill.uri).where(Skill.id.in_(ids))).all()
    named = [(sid, label_for(session, uri, lang)) for sid, uri in rows]
    return sorted(named, key=lambda pair: pair[1].casefold())


def filter_choices(
    session: Session, lang: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The languages and skills the catalogue's offerings have, as select choices."""
    languages = sorted(
        ((code, language_name(code, lang)) for code in catalogue_languages(session)),
        key=lambda pair: pair[1].casefold(),
    )
    skills = [
        (str(sid), name)
        for sid, name in skill_names(session, catalogue_skills(session), lang)
    ]
    return languages, skills


@dataclass(frozen=True)
class OfferingDetails:
    languages: list[str]
    skills: list[str]
    municipality: str | None


def offering_details(
    session: Session, offering: Offering, lang: str
) -> OfferingDetails:
    municipality = (
        session.scalar(
            select(Municipality.name).where(Municipality.id == offering.municipality_id)
        )
        if offering.municipality_id
        else None
    )
    return OfferingDetails(
        languages=[language_name(code, lang) for code in offering.language_codes],
        skills=[
            name
            for _sid, name in skill_names(
                session, skill_ids(session, offering.id), lang
            )
        ],
        municipality=municipality,
    )


def shown_review(session: Session, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None or review.state is ReviewState.HIDDEN:
        raise NotFound(review_id)
    return review
