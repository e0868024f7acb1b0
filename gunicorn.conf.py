"""gunicorn settings for serving Jobunivers: `gunicorn -c gunicorn.conf.py wsgi:app`.

The app is loaded once in the master (preload), which then builds the taxonomy and the
match index before forking, so every worker starts with them (shared copy-on-write)
and no request ever builds them. Each value can be overridden on the command line or
through GUNICORN_CMD_ARGS.
"""

from __future__ import annotations

import gc
import os
from typing import Any

bind = os.environ.get("JOBUNIVERS_BIND", "127.0.0.1:8000")
# Two workers per core is enough for a portal whose pages wait little on the database.
workers = int(os.environ.get("JOBUNIVERS_WORKERS", "4"))
preload_app = True
# A page takes milliseconds; a request still running after 60 s is stuck, not slow
# (PostgreSQL stops a request's statement at REQUEST_STATEMENT_TIMEOUT_MS first).
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so memory cannot creep; the jitter keeps them from
# restarting together, and a new worker is forked from the warmed master.
max_requests = 20000
max_requests_jitter = 2000
accesslog = os.environ.get("JOBUNIVERS_ACCESS_LOG") or None


def when_ready(server: Any) -> None:
    """Build the match index (and the taxonomy) in the master, before the fork."""
    # Imported here: gunicorn reads this file before the app exists.
    from app.db import get_session
    from app.jobs.matching import warm_up

    app = server.app.wsgi()
    try:
        with app.app_context():
            cached = warm_up(get_session())
    except Exception:  # noqa: BLE001  (serve anyway; /healthz says "not loaded")
        server.log.exception("The match index could not be built at start.")
    else:
        server.log.info("Match index ready: %d current postings.", len(cached.by_id))
    # Connections must not cross the fork; each worker opens its own.
    app.extensions["db_engine"].dispose()
    # Objects made so far are never collected, so the collector does not touch (and
    # copy) the pages the workers share.
    gc.freeze()


def post_fork(server: Any, worker: Any) -> None:
    """Forget any connection inherited from the master (it belongs to the master)."""
    app = server.app.wsgi()
    app.extensions["db_engine"].dispose(close=False)
