"""Where kept pages live: each worker's own memory, and Redis shared by all workers.

A worker first looks in its own memory (least recently used out past a size), then,
with `REDIS_URL` (production), in Redis, where a page drawn by any worker is kept for
every other: with four workers a person's page is drawn once, not once per worker,
and survives a worker's restart. Redis failing is a miss, never an error page.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from redis import Redis, RedisError

from app.models import AccessPurpose, AccessWhat

log = logging.getLogger(__name__)
REDIS_PREFIX = "jobunivers:page:"


@dataclass(frozen=True)
class Kept:
    """A kept page: its HTML (with a mark for the CSRF token), its headers, the logged
    reads to write again on each serving, its size in memory and when it expires (a
    Unix time, so it means the same to every worker)."""

    body: str
    headers: list[tuple[str, str]]
    accesses: tuple[tuple[tuple[int, ...], AccessWhat, AccessPurpose], ...]
    size: int
    expires: float


class PageStore:
    """Kept pages of one process, least recently used out first past `max_bytes`,
    in front of Redis when `shared` is given."""

    def __init__(
        self,
        seconds: float,
        max_bytes: int,
        shared: Redis | None = None,
        release: str = "",
    ) -> None:
        self.seconds = seconds
        self.max_bytes = max_bytes
        self.shared = shared
        self.prefix = f"{REDIS_PREFIX}{release}:"
        self._pages: OrderedDict[tuple[Any, ...], Kept] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[Any, ...]) -> Kept | None:
        with self._lock:
            kept = self._pages.get(key)
            if kept is not None and kept.expires >= time.time():
                self._pages.move_to_end(key)
                self.hits += 1
                return kept
        kept = self._get_shared(key)
        with self._lock:
            if kept is None:
                self.misses += 1
                return None
            self.hits += 1
        self._put_here(key, kept)
        return kept

    def put(self, key: tuple[Any, ...], kept: Kept) -> None:
        if kept.size > self.max_bytes // 8:
            return
        self._put_here(key, kept)
        if self.shared is not None:
            try:
                self.shared.set(
                    self._shared_key(key),
                    pickle.dumps(kept),
                    ex=max(1, int(self.seconds)),
                )
            except RedisError:
                log.warning("kept pages: Redis did not answer; page kept here only")

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._bytes = 0
        if self.shared is not None:
            for name in self.shared.scan_iter(f"{REDIS_PREFIX}*"):
                self.shared.delete(name)

    def __len__(self) -> int:
        return len(self._pages)

    def _put_here(self, key: tuple[Any, ...], kept: Kept) -> None:
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._pages[key] = kept
            self._bytes += kept.size
            while self._bytes > self.max_bytes:
                _, dropped = self._pages.popitem(last=False)
                self._bytes -= dropped.size

    def _shared_key(self, key: tuple[Any, ...]) -> str:
        """The Redis name of a page's key (its parts are strings, numbers and a
        date), under this release's prefix."""
        return self.prefix + hashlib.sha256(repr(key).encode()).hexdigest()

    def _get_shared(self, key: tuple[Any, ...]) -> Kept | None:
        if self.shared is None:
            return None
        try:
            payload = self.shared.get(self._shared_key(key))
        except RedisError:
            log.warning("kept pages: Redis did not answer; drawing the page")
            return None
        if payload is None:
            return None
        # Our own pickle of a Kept, written by put() into our own Redis.
        kept = pickle.loads(payload)  # noqa: S301
        return kept if kept.expires >= time.time() else None
