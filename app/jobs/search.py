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


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _text_condition(session: Session, terms: list[str]) -> ColumnElement[bool]:
    """Postings whose text has every word (by stem), in this database's full-text search."""
    if _is_postgresql(session):
        return text(
            f"{_PG_VECTOR} @@ plainto_tsquery('danish'::regconfig, :words)"
        ).bindparams(words=" ".join(terms))
    # Each stem is letters and digits only, quoted: FTS5 sees terms, never operators.
    match = " ".join(f'"{stem(term)}"' for term in terms)
    fts = (
        select(text("rowid"))
        .select_from(text("posting_fts"))
        .where(text("posting_fts MATCH :match").bindparams(match=match))
    )
    return Posting.id.in_(fts)


@dataclass(frozen=True)
class _Found:
    """Where the matching postings' ids are counted and ordered from: the posting table,
    or (PostgreSQL with words) a materialised set of the matches with the columns the
    orders need, so the GIN index finds them once with every filter applied, instead of
    the planner walking the newest-first index and computing each posting's vector."""

    columns: Any
    ids: Select[Any]
    count: Select[Any]
    materialised: bool = False


def _found(
    session: Session, conditions: list[ColumnElement[bool]], terms: list[str]
) -> _Found:
    if terms and _is_postgresql(session):
        found = (
            select(
                Posting.id,
                Posting.posted_on,
                Posting.deadline,
                Posting.latitude,
                Posting.longitude,
            )
            .where(*conditions)
            .cte("found")
            .prefix_with("MATERIALIZED")
        )
        return _Found(
            found.c,
            select(found.c.id).select_from(found),
            select(func.count()).select_from(found),
            materialised=True,
        )
    return _Found(
        Posting,
        select(Posting.id).where(*conditions),
        # count(*), not count(id): the count can then read only an index.
        select(func.count()).select_from(Posting).where(*conditions),
    )


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


def _squared_km(
    origin: geo.PostcodeInfo, columns: Any = Posting
) -> ColumnElement[float]:
    per_lat, per_lon = _km_per_degree(origin.lat)
    dy = (columns.latitude - origin.lat) * per_lat
    dx = (columns.longitude - origin.lon) * per_lon
    return dy * dy + dx * dx


def _ordered(found: _Found, sort: str, origin: geo.PostcodeInfo | None) -> Select[Any]:
    # posted_on is always set (the model's default, the migration's backfill), so the
    # newest-first order is an index scan backwards on both databases.
    columns = found.columns
    newest = (columns.posted_on.desc(), columns.id.desc())
    if sort == "deadline":
        return found.ids.order_by(columns.deadline.asc().nulls_last(), *newest)
    if sort == "distance" and origin is not None:
        return found.ids.order_by(_squared_km(origin, columns), *newest)
    return found.ids.order_by(*newest)


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
    found = _found(session, conditions, terms)
    if sort == "match" and scores is not None:
        ranked = list(
            session.scalars(_ordered(found, "newest", origin).limit(MAX_MATCH_ORDERED))
        )
        # A stable sort: equal scores (and every posting that does not fit) stay newest first.
        ranked.sort(key=lambda posting_id: -scores.get(posting_id, 0.0))
        total = int(session.scalar(found.count) or 0)
        number = _in_range(page, total, per_page)
        ids = ranked[(number - 1) * per_page : number * per_page]
    else:
        number, total, ids = _one_page(
            session, _ordered(found, sort, origin), page, per_page, found
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


def _in_range(page: int, total: int, per_page: int) -> int:
    return min(max(1, page), max(1, -(-total // per_page)))


def _one_page(
    session: Session,
    ordered: Select[Any],
    page: int,
    per_page: int,
    found: _Found,
) -> tuple[int, int, list[int]]:
    """The page number in range, the number of matches and the page's ids.

    From a materialised set, one pass gives both the page and the count (a window
    count); only a page past the end then needs the count on its own, and the last
    page. From the table, the count and the page are two index scans.
    """
    number = max(1, page)
    if not found.materialised:
        total = int(session.scalar(found.count) or 0)
        number = _in_range(page, total, per_page)
        ids = session.scalars(ordered.limit(per_page).offset((number - 1) * per_page))
        return number, total, list(ids)
    rows = session.execute(
        ordered.add_columns(func.count().over())
        .limit(per_page)
        .offset((number - 1) * per_page)
    ).all()
    if rows:
        return number, int(rows[0][1]), [row[0] for row in rows]
    total = int(session.scalar(found.count) or 0)
    if number == 1 or total == 0:
        return 1, total, []
    number = _in_range(page, total, per_page)
    ids = session.scalars(ordered.limit(per_page).offset((number - 1) * per_page))
    return number, total, list(ids)


def matching_ids(
    session: Session, search: JobSearch, today: date | None = None, limit: int = 200
) -> list[int]:
    """The ids of current postings matching the search, newest first (for alerts)."""
    today = today or date.today()
    terms = search_words(search.text)[:MAX_WORDS]
    conditions, origin = _conditions(session, search, today, terms)
    query = _ordered(_found(session, conditions, terms), "newest", origin)
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
