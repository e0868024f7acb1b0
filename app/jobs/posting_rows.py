"""One row of a postings file checked and turned into column values (app.jobs.postings
reads the files and stores the rows): required fields, lengths, control characters,
Danish postcodes, dates, taxonomy codes and how to apply.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.geo import PostcodeInfo, postcode_info
from app.jobs.inference import Completion
from app.models import Hours, Occupation, Skill

MAX_TEXT = {
    "employer": 200,
    "title": 200,
    "city": 100,
    "url": 500,
    "external_id": 100,
    "apply_url": 500,
    "apply_email": 254,
    "contact_name": 200,
    "contact_phone": 40,
}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+?[0-9][0-9 ()-]{5,38}")
MAX_DESCRIPTION = 20_000
HOURS_WORDS = {
    "full": Hours.FULL_TIME,
    "fuldtid": Hours.FULL_TIME,
    "full-time": Hours.FULL_TIME,
    "part": Hours.PART_TIME,
    "deltid": Hours.PART_TIME,
    "part-time": Hours.PART_TIME,
}
TRUE_WORDS = {"1", "true", "yes", "ja"}
FALSE_WORDS = {"0", "false", "no", "nej", ""}
LIST_SEPARATOR = re.compile(r"[;|\n]")


@dataclass(frozen=True)
class ValidPosting:
    values: dict[str, Any]
    required_skill_ids: tuple[int, ...]
    optional_skill_ids: tuple[int, ...]
    # Occupation and skills inferred from the text (for postings without codes).
    completion: Completion = Completion()
    # Skill names a feed gave as words, not codes.
    skill_words: tuple[str, ...] = ()


class RowError(ValueError):
    """A row cannot be imported; the message says why."""


def _text(row: dict[str, Any], name: str, required: bool = True) -> str | None:
    value = row.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowError(f"{name} is missing")
        return None
    if not isinstance(value, str | int | float):
        raise RowError(f"{name} must be text")
    value = str(value).strip()
    limit = MAX_TEXT.get(name)
    if limit and len(value) > limit:
        raise RowError(f"{name} is longer than {limit} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
        raise RowError(f"{name} contains control characters")
    return value


def _list(row: dict[str, Any], name: str) -> list[str]:
    value = row.get(name)
    if value is None or value == "":
        return []
    if isinstance(value, list):
        items = value
    elif isinstance(value, str):
        items = LIST_SEPARATOR.split(value)
    else:
        raise RowError(f"{name} must be a list")
    return [str(item).strip() for item in items if str(item).strip()]


class Resolver:
    """Looks up taxonomy URIs once per import."""

    def __init__(self, session: Session) -> None:
        # .all(): a Result has .keys(), so dict(result) would treat it as a mapping.
        self.skills = dict(session.execute(select(Skill.uri, Skill.id)).all())
        self.occupations = dict(
            session.execute(select(Occupation.uri, Occupation.id)).all()
        )

    def skill_ids(self, uris: list[str], name: str) -> tuple[int, ...]:
        unknown = [uri for uri in uris if uri not in self.skills]
        if unknown:
            raise RowError(f"{name}: unknown skill {unknown[0]!r}")
        return tuple(dict.fromkeys(self.skills[uri] for uri in uris))


def validate_row(row: Any, resolver: Resolver, source: str) -> ValidPosting:
    """Check one raw row and turn it into column values, or raise RowError."""
    if not isinstance(row, dict):
        raise RowError("a posting must be an object with named fields")
    row = {str(k).strip().lower(): v for k, v in row.items()}
    employer = _text(row, "employer")
    title = _text(row, "title")
    postcode = _text(row, "postcode")
    place = _place(postcode)
    hours_word = (_text(row, "hours", required=False) or "full").lower()
    if hours_word not in HOURS_WORDS:
        raise RowError("hours must be full or part (fuldtid or deltid)")
    deadline = _deadline(_text(row, "deadline", required=False))
    occupation_uri = _text(row, "occupation", required=False)
    occupation_id = None
    if occupation_uri:
        occupation_id = resolver.occupations.get(occupation_uri)
        if occupation_id is None:
            raise RowError(f"occupation: unknown occupation {occupation_uri!r}")
    description = row.get("description") or ""
    if not isinstance(description, str) or len(description) > MAX_DESCRIPTION:
        raise RowError(
            f"description must be text of at most {MAX_DESCRIPTION} characters"
        )
    country = _text(row, "country", required=False)
    if country and country.upper() not in {"DK", "DNK", "DENMARK", "DANMARK"}:
        raise RowError("the workplace is not in Denmark")
    synthetic_word = str(row.get("synthetic", "")).strip().lower()
    if synthetic_word not in TRUE_WORDS | FALSE_WORDS:
        raise RowError("synthetic must be true or false")
    required = resolver.skill_ids(_list(row, "required_skills"), "required_skills")
    optional = resolver.skill_ids(_list(row, "optional_skills"), "optional_skills")
    optional = tuple(s for s in optional if s not in required)
    external_id = _text(row, "external_id", required=False) or _stable_id(
        employer, title, postcode
    )
    words = _list(row, "skill_words")
    posted = _posted(_text(row, "posted", required=False))
    return ValidPosting(
        skill_words=tuple(words),
        values={
            "source": source,
            "external_id": external_id,
            "employer": employer,
            "title": title,
            "occupation_id": occupation_id,
            "description": description.strip(),
            "postcode": postcode,
            "city": _text(row, "city", required=False) or place.city,
            "latitude": place.lat,
            "longitude": place.lon,
            "hours": HOURS_WORDS[hours_word],
            "deadline": deadline,
            "url": _web_address(row, "url"),
            **_how_to_apply(row),
            "synthetic": synthetic_word in TRUE_WORDS,
            # Without a date from the source the posting counts as posted today.
            **({"posted_on": posted} if posted else {}),
        },
        required_skill_ids=required,
        optional_skill_ids=optional,
    )


def _place(postcode: str | None) -> PostcodeInfo:
    """The town and coordinates of a Danish postcode, or RowError."""
    if postcode is None or not re.fullmatch(r"\d{4}", postcode):
        raise RowError("postcode must be four digits")
    place = postcode_info(postcode)
    if place is None:
        raise RowError(f"postcode {postcode} is not a Danish postcode")
    return place


def _deadline(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise RowError("deadline must be a date like 2026-12-31") from exc


def _posted(text: str | None) -> date | None:
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise RowError("posted must be a date like 2026-12-31") from exc
    if day > date.today():
        raise RowError("posted is a day in the future")
    return day


def _web_address(row: dict[str, Any], name: str) -> str | None:
    value = _text(row, name, required=False)
    if value and not value.lower().startswith(("https://", "http://")):
        raise RowError(f"{name} must be a web address beginning with https://")
    return value


def _how_to_apply(row: dict[str, Any]) -> dict[str, str | None]:
    """Application address, e-mail, contact person and phone, each where the source
    has it (a malformed one is an error, not dropped: the applicant would miss it)."""
    email = _text(row, "apply_email", required=False)
    if email and email.lower().startswith("mailto:"):
        email = email[len("mailto:") :].strip()
    if email and not EMAIL.fullmatch(email):
        raise RowError("apply_email is not an e-mail address")
    phone = _text(row, "contact_phone", required=False)
    if phone and not PHONE.fullmatch(phone):
        raise RowError("contact_phone is not a phone number")
    return {
        "apply_url": _web_address(row, "apply_url"),
        "apply_email": email,
        "contact_name": _text(row, "contact_name", required=False),
        "contact_phone": phone,
    }


def _stable_id(*parts: str | None) -> str:
    return hashlib.sha256("|".join(p or "" for p in parts).encode()).hexdigest()[:32]
