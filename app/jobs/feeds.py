"""Postings as job sites publish them, turned into the importer's flat rows.

Two shapes besides our own flat rows:

* schema.org `JobPosting` in JSON-LD, as Danish job sites and Google for Jobs publish
  it: one object, a list, an `@graph`, or the `<script type="application/ld+json">`
  blocks of an HTML page;
* a JobTech-style JSON feed (`{"hits": [...]}` with `headline`, `employer.name`,
  `workplace_address`, `application_deadline`, `application_details` ...).

Each is mapped field by field to the names `validate_row` checks (employer, title,
postcode, city, hours, deadline, description, url, external_id, occupation, skills);
validation stays in one place.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

_LD_SCRIPT = re.compile(
    r"<script[^>]*type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"<\s*(br|/p|/li|/h\d|/div)\s*/?>", re.IGNORECASE)
_PART_TIME = {"PART_TIME", "deltid", "part-time", "parttime", "part time"}


def ld_json_from_html(text: str) -> Iterator[tuple[int, Any]]:
    """(line, parsed JSON) of every JSON-LD block of an HTML page."""
    for match in _LD_SCRIPT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        try:
            yield line, json.loads(match.group(1))
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {line}: not valid JSON-LD ({exc.msg})") from exc


def expand(item: Any) -> Iterator[Any]:
    """The postings in one parsed JSON item, each as a flat row.

    A JobTech feed yields its hits, a JSON-LD list or `@graph` its JobPostings;
    anything else (our own flat rows, and things that are no posting at all) is
    passed on unchanged, for validation to accept or reject.
    """
    if isinstance(item, dict) and isinstance(item.get("hits"), list):
        for hit in item["hits"]:
            yield from_jobtech(hit) if isinstance(hit, dict) else hit
    elif isinstance(item, dict) and isinstance(item.get("@graph"), list):
        for node in item["@graph"]:
            if _is_job_posting(node):
                yield from_json_ld(node)
    elif _is_job_posting(item):
        yield from_json_ld(item)
    else:
        yield item


def _is_job_posting(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "JobPosting" in kinds


def from_json_ld(item: dict[str, Any]) -> dict[str, Any]:
    """A schema.org JobPosting as a flat row."""
    organisation = _first(item.get("hiringOrganization"))
    address = _first(_first(item.get("jobLocation")).get("address"))
    employment = item.get("employmentType")
    employment = employment if isinstance(employment, list) else [employment]
    identifier = item.get("identifier")
    if isinstance(identifier, dict):
        identifier = identifier.get("value")
    # schema.org: applicationContact is a ContactPoint (name, email, telephone, url).
    contact = _first(item.get("applicationContact"))
    return {
        "title": _plain(item.get("title")),
        "employer": _plain(organisation.get("name")),
        "description": html_to_text(item.get("description")),
        "postcode": _plain(address.get("postalCode")),
        "city": _plain(address.get("addressLocality")),
        "country": _plain(address.get("addressCountry")),
        "hours": "part" if any(e in _PART_TIME for e in employment) else "full",
        "deadline": _day(item.get("validThrough")),
        "posted": _day(item.get("datePosted")),
        "url": _plain(item.get("url")),
        "apply_url": _plain(contact.get("url")),
        "apply_email": _plain(contact.get("email")),
        "contact_name": _plain(contact.get("name")),
        "contact_phone": _plain(contact.get("telephone")),
        "external_id": _plain(identifier),
        "occupation": _plain(item.get("occupationalCategory"))
        if str(item.get("occupationalCategory", "")).startswith("http")
        else None,
    }


def from_jobtech(hit: dict[str, Any]) -> dict[str, Any]:
    """One hit of a JobTech-style feed as a flat row."""
    address = _first(hit.get("workplace_address"))
    description = _first(hit.get("description"))
    apply = _first(hit.get("application_details"))
    contact = _first(hit.get("application_contacts"))
    hours = _first(hit.get("working_hours_type")).get("label") or ""
    occupation = _first(hit.get("occupation"))
    skills = [
        _first(skill).get("label")
        for group in ("must_have", "nice_to_have")
        for skill in _first(hit.get(group)).get("skills") or []
    ]
    return {
        "title": _plain(hit.get("headline")),
        "employer": _plain(_first(hit.get("employer")).get("name")),
        "description": html_to_text(description.get("text")),
        "postcode": _plain(address.get("postcode")),
        "city": _plain(address.get("city") or address.get("municipality")),
        "country": _plain(address.get("country_code")),
        "hours": "part" if str(hours).strip().lower() in _PART_TIME else "full",
        "deadline": _day(hit.get("application_deadline")),
        "posted": _day(hit.get("publication_date")),
        "url": _plain(hit.get("webpage_url") or apply.get("url")),
        "apply_url": _plain(apply.get("url")),
        "apply_email": _plain(apply.get("email") or contact.get("email")),
        "contact_name": _plain(contact.get("name")),
        "contact_phone": _plain(contact.get("telephone")),
        "external_id": _plain(hit.get("id")),
        "occupation_text": _plain(occupation.get("label")),
        "skill_words": [s for s in skills if isinstance(s, str)],
    }


def html_to_text(value: Any) -> str:
    """Plain text of an HTML description (paragraphs and list items on lines)."""
    if not isinstance(value, str):
        return ""
    text = _BLOCK_TAG.sub("\n", value)
    text = html.unescape(_TAG.sub(" ", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _first(value: Any) -> dict[str, Any]:
    """The object itself, the first object of a list, or an empty object."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else {}


def _plain(value: Any) -> Any:
    """Strings trimmed and numbers as text; anything else passed on for validation."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def _day(value: Any) -> Any:
    """The date part of an ISO date or date-time ("2026-12-31T23:59:00+01:00")."""
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}T", value.strip()):
        return value.strip()[:10]
    return _plain(value)
