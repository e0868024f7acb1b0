"""Public job search: every current posting, found by words and filters, one interface.

The words are matched by the database's own full-text search: on SQLite a contentless FTS5
table of Danish Snowball stems (app.stemming; the triggers of its migration keep it up to
date however postings are written), on PostgreSQL the 'danish' text-search configuration
over a GIN index. Typed text never reaches either as syntax: it is split into words first,
and each word goes in as a quoted term (FTS5) or through plainto_tsquery (PostgreSQL), so
operators such as NEAR(, ", *, ^ are just characters that are not letters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, text
from sqlalchemy.orm import Session

from app import geo
from app.models import Hours, Occupation, Posting
from app.pagination import Page
from app.stemming import stem, words

# At most this many words of a query are searched for (the rest are ignored and said so).
MAX_WORDS = 12
PER_PAGE = 20
SORTS = ("newest", "deadline", "distance", "match")
# The match order ranks at most this many results (the rest keep the newest-first order).
MAX_MATCH_ORDERED = 100_000
# The vector PostgreSQL's index (see the migration) is built on; the query repeats it.
_PG_VECTOR = (
    "to_tsvector('danish'::regconfig, posting.title || ' ' || posting.employer || ' ' "
    "|| posting.city || ' ' || posting.description)"
)


@dataclass(frozen=True)
class JobSearch:
    """What a person searches for: words and filters, all optional."""

    text: str = ""
    municipality_code: int | None = None
    postcode: str | None = None
    distance_km: int | None = None
    occupation_uri: str | None = None
    industry: str | None = None
    hours: Hours | None = None
    posted_within_days: int | None = None
    deadline_within_days: int | None = None
    sort: str = "newest"
    posting_ids_above: int | None = None  # only postings newer than this id (alerts)


@dataclass(frozen=True)
class Found:
    """One posting in the results, with its distance from the postcode searched from."""

    posting: Posting
    distance_km: float | None = None


@dataclass(frozen=True)
class SearchPage(Page):
    """One page of results and what the page says about them."""

    words: tuple[str, ...] = ()
    words_ignored: int = 0
    origin: geo.PostcodeInfo | None = None
    sort: str = "newest"
    extra: dict[str, Any] = field(default_factory=dict)


def search_words(text_value: str) -> list[str]:
    """The words of a query, in order, without repeats (letters and digits only)."""
    seen: dict[str, None] = {}
    for word in words(text_value):
        seen.setdefault(word, None)
    return list(seen)


def _text_condition(session: Session, terms: list[str]) -> ColumnElement[bool]:
    """Postings whose text has every word (by stem), in this database's full-text search."""
    if session.get_bind().dialect.name == "postgresql":
        matches = text(
            f"{_PG_VECTOR} @@ plainto_tsquery('danish'::regconfig, :words)"
        ).bindparams(words=" ".join(terms))
        # Materialised: the GIN index finds the matches once, instead of the planner
        # walking the newest-first index and computing each posting's vector.
        found = (
            select(Posting.id).where(matches).cte("found").prefix_with("MATERIALIZED")
        )
        return Posting.id.in_(select(found.c.id))
    # Each stem is letters and digits only, quoted: FTS5 sees terms, never operators.
    match = " ".join(f'"{stem(term)}"' for term in terms)
    fts = (
        select(text("rowid"))
        .select_from(text("posting_fts"))
        .where(text("posting_fts MATCH :match").bindparams(match=match))
    )
    return Posting.id.in_(fts)


def _km_per_degree(lat: float) -> tuple[float, float]:
    return 111.2, 111.2 * math.cos(math.radians(lat))


def current_condition(today: date) -> ColumnElement[bool]:
    """A posting is current until the end of its deadline day (or always, without one)."""
    return or_(Posting.deadline.is_(None), Posting.deadline >= today)


def _conditions(
    session: Session, search: JobSearch, today: date, terms: list[str]
) -> tuple[list[ColumnElement[bool]], geo.PostcodeInfo | None]:
    conditions = [current_condition(today)]
    if terms:
        conditions.append(_text_condition(session, terms))
    if search.municipality_code is not None:
        codes = [info.code for info in geo.postcodes_for(search.municipality_code)]
        conditions.append(Posting.postcode.in_(codes))
    if search.occupation_uri:
        conditions.append(
            Posting.occupation_id.in_(
                select(Occupation.id).where(Occupation.uri == search.occupation_uri)
            )
        )
    if search.industry:
        conditions.append(
            Posting.occupation_id.in_(
                select(Occupation.id).where(Occupation.industry == search.industry)
            )
        )
    if search.hours is not None:
        conditions.append(Posting.hours == search.hours)
    if search.posted_within_days is not None:
        since = today - timedelta(days=search.posted_within_days)
        conditions.append(Posting.posted_on >= since)
    if search.deadline_within_days is not None:
        conditions.append(
            Posting.deadline <= today + timedelta(days=search.deadline_within_days)
        )
    if search.posting_ids_above is not None:
        conditions.append(Posting.id > search.posting_ids_above)
    origin = geo.postcode_info(search.postcode) if search.postcode else None
    if origin is not None and search.distance_km is not None:
        # A box the latitude index narrows to, then the flat-earth distance (within
        # 0.5 % in Denmark).
        per_lat, per_lon = _km_per_degree(origin.lat)
        dlat, dlon = search.distance_km / per_lat, search.distance_km / per_lon
        conditions += [
            Posting.latitude.between(origin.lat - dlat, origin.lat + dlat),
            Posting.longitude.between(origin.lon - dlon, origin.lon + dlon),
            _squared_km(origin) <= search.distance_km**2,
        ]
    return conditions, origin


def _squared_km(origin: geo.PostcodeInfo) -> ColumnElement[float]:
    per_lat, per_lon = _km_per_degree(origin.lat)
    dy = (Posting.latitude - origin.lat) * per_lat
    dx = (Posting.longitude - origin.lon) * per_lon
    return dy * dy + dx * dx


def _ordered(
    query: Select[Any], sort: str, origin: geo.PostcodeInfo | None
) -> Select[Any]:
    # posted_on is always set (the model's default, the migration's backfill), so the
    # newest-first order is an index scan backwards on both databases.
    newest = (Posting.posted_on.desc(), Posting.id.desc())
    if sort == "deadline":
        return query.order_by(Posting.deadline.asc().nulls_last(), *newest)
    if sort == "distance" and origin is not None:
        return query.order_by(_squared_km(origin), *newest)
    return query.order_by(*newest)


def search_postings(
    session: Session,
    search: JobSearch,
    page: int = 1,
    per_page: int = PER_PAGE,
    today: date | None = None,
    scores: Mapping[int, float] | None = None,
) -> SearchPage:
    """One page of current postings matching the search, in the order asked for.

    `scores` (a citizen's match scores by posting id) are needed for the "match" order:
    the postings that fit the citizen first, best first, then the rest newest first.
    """
    today = today or date.today()
    all_terms = search_words(search.text)
    terms = all_terms[:MAX_WORDS]
    conditions, origin = _conditions(session, search, today, terms)
    sort = search.sort if search.sort in SORTS else "newest"
    if (sort == "distance" and origin is None) or (sort == "match" and scores is None):
        sort = "newest"
    total = int(session.scalar(select(func.count(Posting.id)).where(*conditions)) or 0)
    pages = max(1, -(-total // per_page))
    number = min(max(1, page), pages)
    start = (number - 1) * per_page
    # The page's ids first (narrow rows to sort), then those postings in full.
    if sort == "match" and scores is not None:
        newest = list(
            session.scalars(
                _ordered(select(Posting.id).where(*conditions), "newest", origin).limit(
                    MAX_MATCH_ORDERED
                )
            )
        )
        # A stable sort: equal scores (and every posting that does not fit) stay newest first.
        newest.sort(key=lambda posting_id: -scores.get(posting_id, 0.0))
        ids = newest[start : start + per_page]
    else:
        ids = list(
            session.scalars(
                _ordered(select(Posting.id).where(*conditions), sort, origin)
                .limit(per_page)
                .offset(start)
            )
        )
    by_id = {
        row.id: row
        for row in session.scalars(select(Posting).where(Posting.id.in_(ids)))
    }
    rows = [by_id[i] for i in ids if i in by_id]
    items = [
        Found(
            row,
            round(
                geo.haversine_km(origin.lat, origin.lon, row.latitude, row.longitude), 1
            )
            if origin is not None
            else None,
        )
        for row in rows
    ]
    return SearchPage(
        items=items,
        number=number,
        per_page=per_page,
        total=total,
        words=tuple(terms),
        words_ignored=len(all_terms) - len(terms),
        origin=origin,
        sort=sort,
    )


def matching_ids(
    session: Session, search: JobSearch, today: date | None = None, limit: int = 200
) -> list[int]:
    """The ids of current postings matching the search, newest first (for alerts)."""
    today = today or date.today()
    terms = search_words(search.text)[:MAX_WORDS]
    conditions, origin = _conditions(session, search, today, terms)
    query = _ordered(select(Posting.id).where(*conditions), "newest", origin)
    return list(session.scalars(query.limit(limit)))


def occupation_choices(
    session: Session, label: Any, today: date | None = None
) -> list[tuple[str, str]]:
    """(URI, label) of the occupations current postings are for, by label.

    `label` turns a URI into the reader's label (the taxonomy's, in their language).
    """
    today = today or date.today()
    uris = session.scalars(
        select(Occupation.uri)
        .where(
            Occupation.id.in_(
                select(Posting.occupation_id).where(current_condition(today))
            )
        )
        .distinct()
    ).all()
    return sorted(((uri, label(uri)) for uri in uris), key=lambda pair: pair[1])
