"""Whole pages kept per person and served again until the data they show changes.

A citizen's or caseworker's page is the same HTML for as long as the rows behind it
are the same, so a worker keeps what it drew (in its memory, and with REDIS_URL in
Redis for every worker, app.page_cache.store) under a key of who asked, what for, in
which language and on which day, and the *versions* of the data the page reads. A
version is a number in `data_version`, raised in the same transaction as any write
that could change what a page shows (app.page_cache.versions):

- `page:c:<citizen>` for a write to a row of the citizen's own (every table with a
  `citizen_id`, and the citizen row), and `page:m:<municipality>` for the citizen's
  municipality (the caseworkers' queue reads all of them);
- `page:all` for anything else (postings aside, which have their own version), for
  rows that other people's pages count (places on services, meeting slots) and for a
  bulk write whose citizens cannot be told.

The versions are read in the statement that loads the logged-in account, before the
page, so serving a kept page costs no statement of its own (the case view reads its
citizen's version). Nothing is served that a committed write through the app's
sessions has changed: a page drawn while its data moved is kept under the versions
read before it, which no later request asks for. A page also expires after
`PAGE_CACHE_SECONDS` (default 5 minutes) and at midnight, for what depends on the time
(deadlines, "today").

Reads that must be logged each time are replayed when a kept page is served: the
access log rows the drawing wrote (who looked, at what, why) are written again with
the time of the new read. Each request gets its session's CSRF token in the kept
HTML. A page with a pending message (a flash), a page whose drawing wrote anything,
and any answer but a 200 page are never kept.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    Response,
    current_app,
    g,
    has_request_context,
    request,
    session,
)
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from redis import Redis
from sqlalchemy import String, cast, literal, select

from app import signals
from app.audit import log_accesses
from app.db import get_session
from app.i18n import current_lang
from app.jobs.versions import POSTINGS
from app.models import AccessPurpose, AccessWhat, Citizen, DataVersion, User
from app.page_cache.store import Kept, PageStore
from app.page_cache.versions import (
    EVERYTHING,
    citizen_scope,
    municipality_scope,
    raise_versions,
    touch_citizens,
    touch_everything,
    writes,
    wrote_anything,
)
from app.security import current_actor, current_citizen_id

__all__ = [
    "cached",
    "citizen_scope",
    "municipality_scope",
    "own_pages",
    "raise_versions",
    "touch_citizens",
    "touch_everything",
    "writes",
]

CSRF_MARK = "__page_cache_csrf__"
VERSIONS_READ = "jobunivers.page_versions"


def own_pages() -> list[str]:
    """The versions a logged-in citizen's own page depends on: theirs and the
    postings' (their matches)."""
    return [citizen_scope(current_citizen_id()), POSTINGS]


def init_app(app: Flask) -> None:
    """Keep pages for PAGE_CACHE_SECONDS (0: never), in each worker's memory and,
    with REDIS_URL, in Redis for all workers."""
    seconds = float(app.config.get("PAGE_CACHE_SECONDS", 300))
    if seconds > 0:
        megabytes = float(app.config.get("PAGE_CACHE_MEGABYTES", 32))
        redis_url = app.config.get("REDIS_URL")
        shared = Redis.from_url(redis_url) if redis_url else None
        app.extensions["page_cache"] = PageStore(
            seconds, int(megabytes * 2**20), shared, release(app)
        )


def release(app: Flask) -> str:
    """A fingerprint of the code, templates and translations this process serves, so
    pages kept in Redis by an earlier release are not served by a new one."""
    root = Path(app.root_path)
    files = sorted(
        [
            *root.rglob("*.py"),
            *root.rglob("*.html"),
            *Path(app.root_path, "..", "translations").resolve().rglob("*.mo"),
        ]
    )
    digest = hashlib.sha256()
    for path in files:
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


# --- serving --------------------------------------------------------------------------


@signals.access_logged.connect
def _note_access(
    _session: Any,
    *,
    citizen_ids: Iterable[int],
    what: AccessWhat,
    purpose: AccessPurpose,
) -> None:
    """A logged read, to write again whenever the page being drawn is served kept."""
    accesses = g.get("page_accesses") if has_request_context() else None
    if accesses is not None:
        accesses.append((tuple(citizen_ids), what, purpose))


def account_versions() -> list[Any]:
    """Columns for the statement that loads the logged-in account (with its citizen
    record): the versions of everything, the postings, the citizen's own and the
    account's municipality's, so a kept page needs no statement of its own."""

    def version_of(name: Any) -> Any:
        return (
            select(DataVersion.version)
            .where(DataVersion.name == name)
            .scalar_subquery()
        )

    return [
        version_of(EVERYTHING),
        version_of(POSTINGS),
        version_of(literal("page:c:") + cast(Citizen.id, String)),
        version_of(literal("page:m:") + cast(User.municipality_id, String)),
    ]


def remember_versions(user: Any, citizen_id: int | None, versions: list[Any]) -> None:
    """Keep what account_versions() read, for _versions() in this request."""
    names = [
        EVERYTHING,
        POSTINGS,
        citizen_scope(citizen_id) if citizen_id is not None else None,
        municipality_scope(user.municipality_id) if user.municipality_id else None,
    ]
    # In the request's environ, not in g: g may outlive a request (an app context
    # held open), and these must be read for the request that uses them.
    request.environ[VERSIONS_READ] = {
        name: version or 0
        for name, version in zip(names, versions, strict=True)
        if name is not None
    }


def _versions(names: list[str]) -> tuple[int, ...]:
    """The versions of names: those read with the account, the rest in one statement."""
    known = request.environ.get(VERSIONS_READ, {})
    if all(name in known for name in names):
        return tuple(known[name] for name in names)
    found = dict(
        get_session()
        .execute(
            select(DataVersion.name, DataVersion.version).where(
                DataVersion.name.in_(names)
            )
        )
        .tuples()
        .all()
    )
    return tuple(found.get(name, 0) for name in names)


def _cacheable(response: Response) -> bool:
    """A page for everyone's next request: a plain 200 page, with no message waiting
    for the next page and nothing written while it was drawn (a page drawn from its
    own transaction's writes is kept only once they are committed and read again)."""
    return (
        not wrote_anything(get_session())
        and response.status_code == 200
        and response.mimetype == "text/html"
        and not response.direct_passthrough
        and not response.is_streamed
        and "_flashes" not in session
    )


def _keep(response: Response, accesses: list[Any], seconds: float) -> Kept:
    body = response.get_data(as_text=True)
    token = g.get("csrf_token")
    if token:
        body = body.replace(token, CSRF_MARK)
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in {"set-cookie", "content-length"}
    ]
    return Kept(
        body=body,
        headers=headers,
        accesses=tuple(accesses),
        size=len(body) * 2 + 512,
        expires=time.time() + seconds,
    )


def _serve(kept: Kept) -> Response:
    for citizen_ids, what, purpose in kept.accesses:
        log_accesses(get_session(), current_actor(), list(citizen_ids), what, purpose)
    body = kept.body
    if CSRF_MARK in body:
        body = body.replace(CSRF_MARK, generate_csrf())
    return Response(body, status=200, headers=kept.headers)


def cached(
    scopes: Callable[..., list[str]],
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Keep the view's page per user until a version of `scopes(**view_args)` (and
    `page:all`) moves.

    Goes under the access check (role_required), which runs on every request."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(**kwargs: Any) -> Any:
            store: PageStore | None = current_app.extensions.get("page_cache")
            if store is None or request.method != "GET" or "_flashes" in session:
                return view(**kwargs)
            names = [EVERYTHING, *scopes(**kwargs)]
            key = (
                request.endpoint,
                request.full_path,
                current_lang(),
                current_user.get_id(),
                date.today(),
                tuple(
                    request.headers.get(name, "")
                    for name in ("HX-Request", "HX-Target", "HX-Boosted")
                ),
                _versions(names),
            )
            kept = store.get(key)
            if kept is not None:
                return _serve(kept)
            g.page_accesses = []
            try:
                response = current_app.make_response(view(**kwargs))
            finally:
                accesses = g.pop("page_accesses")
            if _cacheable(response):
                store.put(key, _keep(response, accesses, store.seconds))
            return response

        return wrapped

    return decorator
