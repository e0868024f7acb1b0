"""A company's own job postings: stored as Posting rows with source "employer:<id>",
checked by the importer's validate_row and given an occupation and skills from their
text as an imported free-text posting is. Withdrawing one closes it today (its deadline
becomes yesterday), so it leaves the search and the matching, and nothing is deleted.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, record_created
from app.jobs.inference import Inference
from app.jobs.matching import invalidate_match_index
from app.jobs.posting_rows import Resolver, ValidPosting, validate_row
from app.jobs.postings import save_posting
from app.models import Employer, Posting


def source_of(employer_id: int) -> str:
    return f"employer:{employer_id}"


@dataclass(frozen=True)
class PostingInput:
    title: str
    description: str
    postcode: str
    hours: str  # "full" or "part"
    deadline: date | None
    apply_url: str | None
    apply_email: str | None
    contact_name: str | None
    contact_phone: str | None


def post_job(
    session: Session, employer: Employer, data: PostingInput, actor: Actor
) -> Posting:
    """Validate (RowError names the field at fault), infer, store and record."""
    row = {
        "employer": employer.name,
        "title": data.title,
        "description": data.description,
        "postcode": data.postcode,
        "hours": data.hours,
        "deadline": data.deadline.isoformat() if data.deadline else None,
        "apply_url": data.apply_url,
        "apply_email": data.apply_email,
        "contact_name": data.contact_name,
        "contact_phone": data.contact_phone,
        "external_id": secrets.token_hex(16),
        "synthetic": "true" if employer.synthetic else "false",
    }
    resolver = Resolver(session)
    valid = validate_row(row, resolver, source_of(employer.id))
    inference = Inference(session, resolver.occupations, resolver.skills)
    found = inference.complete(valid.values, True, True)
    valid = ValidPosting(
        values=valid.values,
        required_skill_ids=(),
        optional_skill_ids=(),
        completion=found,
    )
    save_posting(session, valid, None)
    posting = session.scalars(
        select(Posting).where(
            Posting.source == valid.values["source"],
            Posting.external_id == valid.values["external_id"],
        )
    ).one()
    record_created(
        session, posting, actor=actor, reason="company posted a job", citizen_id=None
    )
    invalidate_match_index()
    return posting


def postings_of(session: Session, employer_id: int) -> list[Posting]:
    return list(
        session.scalars(
            select(Posting)
            .where(Posting.source == source_of(employer_id))
            .order_by(Posting.posted_on.desc(), Posting.id.desc())
        )
    )


def is_open(posting: Posting, today: date) -> bool:
    return posting.deadline is None or posting.deadline >= today


def withdraw(session: Session, posting: Posting, actor: Actor, today: date) -> None:
    change_fields(
        session,
        posting,
        {"deadline": today - timedelta(days=1)},
        actor=actor,
        reason="company withdrew its posting",
        citizen_id=None,
    )
    session.flush()
    invalidate_match_index()
