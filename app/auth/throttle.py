"""Failed staff log-ins slow down the one who fails, without locking anyone else out.

Each account and address pair has a few free attempts; after those, every failure makes
that pair wait before it may try again: 1, 2, 4, ... seconds, at most five minutes, and
the count is forgotten a quarter of an hour after the first failure or at a successful
log-in. A colleague trying the same account from another address is not slowed; the
per-address limit in the view caps how many accounts one address may try. Counts live in
the limiter's storage, Redis in production, so every worker sees the same ones.
"""

from __future__ import annotations

import math
import time

from app.extensions import limiter

FREE_ATTEMPTS = 3
FORGET_AFTER_SECONDS = 15 * 60
LONGEST_WAIT_SECONDS = 5 * 60


def _keys(account: str, address: str) -> tuple[str, str]:
    base = f"staff-login:{account.strip().lower()[:254]}:{address}"
    return f"{base}:failures", f"{base}:wait"


def seconds_to_wait(account: str, address: str) -> int:
    """How long this pair must wait before its next attempt (0: it may try now)."""
    _failures, wait = _keys(account, address)
    if limiter.storage.get(wait) <= 0:
        return 0
    return max(1, math.ceil(limiter.storage.get_expiry(wait) - time.time()))


def record_failure(account: str, address: str) -> None:
    failures_key, wait_key = _keys(account, address)
    failures = limiter.storage.incr(failures_key, FORGET_AFTER_SECONDS)
    if failures >= FREE_ATTEMPTS:
        delay = min(2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_SECONDS)
        limiter.storage.clear(wait_key)
        limiter.storage.incr(wait_key, delay)


def forget(account: str, address: str) -> None:
    for key in _keys(account, address):
        limiter.storage.clear(key)
