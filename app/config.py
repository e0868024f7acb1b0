"""Configuration: defaults <- instance/config.py <- JOBUNIVERS_* environment <- test config."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

DEFAULT_SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - refused outside dev/testing

ENV_PREFIX = "JOBUNIVERS_"


class ConfigError(RuntimeError):
    """The configuration cannot be used."""


def _parse_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"not a boolean: {value!r}")


def _parse_int(value: str) -> int:
    try:
        return int(value.strip())
    except ValueError as exc:
        raise ConfigError(f"not an integer: {value!r}") from exc


def _parse_str(value: str) -> str:
    return value


def _parse_float(value: str) -> float:
    try:
        return float(value.strip())
    except ValueError as exc:
        raise ConfigError(f"not a number: {value!r}") from exc


# Every setting that may come from the environment, with its explicit parser.
ENV_SETTINGS: dict[str, Any] = {
    "ENV": _parse_str,
    "SECRET_KEY": _parse_str,
    "DATABASE_URL": _parse_str,
    "REDIS_URL": _parse_str,
    "SESSION_COOKIE_SECURE": _parse_bool,
    "DEMO_LOGIN_ENABLED": _parse_bool,
    "OIDC_ISSUER": _parse_str,
    "OIDC_CLIENT_ID": _parse_str,
    "OIDC_CLIENT_SECRET": _parse_str,
    "OIDC_SCOPE": _parse_str,
    "OIDC_CPR_CLAIM": _parse_str,
    "EMPLOYER_OIDC_ISSUER": _parse_str,
    "EMPLOYER_OIDC_CLIENT_ID": _parse_str,
    "EMPLOYER_OIDC_CLIENT_SECRET": _parse_str,
    "EMPLOYER_OIDC_SCOPE": _parse_str,
    "LOGIN_RATE_LIMIT": _parse_str,
    "REQUEST_STATEMENT_TIMEOUT_MS": _parse_int,
    "PAGE_CACHE_SECONDS": _parse_float,
    "PAGE_CACHE_MEGABYTES": _parse_float,
    "IDLE_TIMEOUT_MINUTES": _parse_int,
    "ABSOLUTE_TIMEOUT_HOURS": _parse_int,
    "SEGMENT_QUEUE_THRESHOLD": _parse_float,
    "SEGMENT_MAYBE_MARGIN": _parse_float,
    "SEGMENT_REVIEW_DAYS": _parse_int,
    "SEGMENT_MODEL_PATH": _parse_str,
    "EFFECTS_TABLES_PATH": _parse_str,
    "EFFECTS_DEPTH": _parse_int,
    "FAIRNESS_MAX_GAP": _parse_float,
    "FAIRNESS_MIN_GROUP": _parse_int,
    "TASK_QUEUE": _parse_str,
    "TASK_RETRIES": _parse_int,
    "EMAIL_SENDER": _parse_str,
    "SMS_SENDER": _parse_str,
    "SENDER_FILE": _parse_str,
    "OUTBOX_BATCH": _parse_int,
    "ATTACHMENT_MAX_BYTES": _parse_int,
    "ATTACHMENT_FOLDER": _parse_str,
    "MESSAGE_REPLY_WORKING_DAYS": _parse_int,
    "MEETING_NOTICE_HOURS": _parse_int,
    "REMINDER_HOURS": _parse_int,
    "ESCALATE_AFTER_HOURS": _parse_int,
    "MARKETPLACE_MIN_FINISHED": _parse_int,
}

# Plain names that operators expect to set without the prefix.
UNPREFIXED = {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}


def defaults(instance_path: str) -> dict[str, Any]:
    """The built-in defaults: a development set-up on SQLite under instance/."""
    db_file = Path(instance_path) / "jobunivers.sqlite3"
    return {
        "ENV": "development",
        "SECRET_KEY": DEFAULT_SECRET_KEY,
        "DATABASE_URL": f"sqlite:///{db_file}",
        "REDIS_URL": "",
        "SESSION_COOKIE_SECURE": False,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # The cookie is sent again when the session changes (app.security moves its
        # idle clock once a minute), not on every response.
        "SESSION_REFRESH_EACH_REQUEST": False,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "DEMO_LOGIN_ENABLED": True,
        "OIDC_ISSUER": "",
        "OIDC_CLIENT_ID": "",
        "OIDC_CLIENT_SECRET": "",
        "OIDC_SCOPE": "openid",
        "OIDC_CPR_CLAIM": "dk:gov:cpr",
        # MitID Erhverv for company staff, through its broker; off when unset.
        "EMPLOYER_OIDC_ISSUER": "",
        "EMPLOYER_OIDC_CLIENT_ID": "",
        "EMPLOYER_OIDC_CLIENT_SECRET": "",
        "EMPLOYER_OIDC_SCOPE": "openid",
        "LOGIN_RATE_LIMIT": "10 per minute",
        "IDLE_TIMEOUT_MINUTES": 30,
        "ABSOLUTE_TIMEOUT_HOURS": 12,
        "SEGMENT_QUEUE_THRESHOLD": 0.5,
        # "Maybe" to wanting support lowers the threshold by this much.
        "SEGMENT_MAYBE_MARGIN": 0.1,
        # Each track is reviewed again after this many days (overrides stand until then).
        "SEGMENT_REVIEW_DAYS": 28,
        # Empty: instance/models/segmentation.json, trained on first use when absent.
        "SEGMENT_MODEL_PATH": "",
        "EFFECTS_TABLES_PATH": "",
        "EFFECTS_DEPTH": 2,
        # The fairness audit warns when two groups' rates differ by more than this.
        "FAIRNESS_MAX_GAP": 0.1,
        # Groups of fewer people are "too few to show" in the audit and the model card,
        # and are left out of the gaps: they could point at someone, and their rates
        # are mostly chance.
        "FAIRNESS_MIN_GROUP": 20,
        "MARKETPLACE_MIN_FINISHED": 20,
        "BABEL_DEFAULT_LOCALE": "da",
        # Times are stored in UTC and shown in Danish time (app/i18n.py formats them).
        "BABEL_DEFAULT_TIMEZONE": "Europe/Copenhagen",
        "BABEL_TRANSLATION_DIRECTORIES": str(
            Path(__file__).resolve().parent.parent / "translations"
        ),
        "LANGUAGES": ("da", "en"),
        # A message's attachment may be 5 MB; the request a little more.
        "MAX_CONTENT_LENGTH": 6 * 1024 * 1024,
        "ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024,
        # Empty: instance/attachments.
        "ATTACHMENT_FOLDER": "",
        # Background jobs: the RQ queue's name (with REDIS_URL) and retries after a
        # failure (waiting 10 s, 1 min, 5 min); without REDIS_URL jobs run inline.
        "TASK_QUEUE": "jobunivers",
        "TASK_RETRIES": 3,
        # How e-mail and SMS leave: "console" (standard output) or "file" (JSON
        # lines in SENDER_FILE, default instance/outbox.jsonl); a provider adapter
        # is another name in app/dialogue/senders.py.
        "EMAIL_SENDER": "console",
        "SMS_SENDER": "console",
        "SENDER_FILE": "",
        # Messages a worker claims and sends at a time.
        "OUTBOX_BATCH": 1000,
        # The job centre answers a message within this many working days.
        "MESSAGE_REPLY_WORKING_DAYS": 2,
        # A meeting can be booked, moved or cancelled until this many hours before.
        "MEETING_NOTICE_HOURS": 24,
        # Reminders go this many hours before a meeting or deadline; unread, they
        # escalate to e-mail/SMS and then to a task for the caseworker after this long.
        "REMINDER_HOURS": 48,
        "ESCALATE_AFTER_HOURS": 24,
        # Citizens' and caseworkers' pages are kept per person until their data
        # changes, at most this long (seconds; 0: never kept), in at most this much
        # memory per worker (app.page_cache).
        "PAGE_CACHE_SECONDS": 300,
        "PAGE_CACHE_MEGABYTES": 32,
        # On PostgreSQL no statement of a request runs longer (milliseconds; 0: no limit).
        "REQUEST_STATEMENT_TIMEOUT_MS": 10_000,
        "TESTING": False,
    }


def read_environment(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Settings from JOBUNIVERS_* variables (and the plain names in UNPREFIXED)."""
    environ = dict(os.environ if environ is None else environ)
    found: dict[str, Any] = {}
    for name, parse in ENV_SETTINGS.items():
        raw = environ.get(ENV_PREFIX + name)
        if raw is None and name in UNPREFIXED:
            raw = environ.get(name)
        if raw is not None:
            found[name] = parse(raw)
    return found


def check(config: dict[str, Any]) -> None:
    """Refuse settings that are unsafe for the environment they are used in."""
    env = config.get("ENV")
    if env not in {"development", "testing", "production"}:
        raise ConfigError(
            f"ENV must be development, testing or production, not {env!r}"
        )
    if int(config.get("FAIRNESS_MIN_GROUP", 1)) < 1:
        raise ConfigError("FAIRNESS_MIN_GROUP must be 1 or more.")
    if int(config.get("MARKETPLACE_MIN_FINISHED", 1)) < 1:
        raise ConfigError("MARKETPLACE_MIN_FINISHED must be 1 or more.")
    if env == "production":
        if config.get("SECRET_KEY") in {None, "", DEFAULT_SECRET_KEY}:
            raise ConfigError(
                "Refusing to start in production with the default SECRET_KEY: "
                "set JOBUNIVERS_SECRET_KEY to a long random value."
            )
        if config.get("DEMO_LOGIN_ENABLED"):
            raise ConfigError("The demo MitID log-in must be off in production.")
        if not config.get("REDIS_URL"):
            raise ConfigError(
                "Refusing to start in production without REDIS_URL: the log-in limits "
                "must be counted in one place for all workers, not per worker."
            )


def session_lifetimes(config: dict[str, Any]) -> dict[str, Any]:
    """Derived values: idle and absolute session limits as timedeltas; a form's CSRF
    token lasts as long as the longest session."""
    absolute = timedelta(hours=config["ABSOLUTE_TIMEOUT_HOURS"])
    return {
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=config["IDLE_TIMEOUT_MINUTES"]),
        "ABSOLUTE_SESSION_LIFETIME": absolute,
        "WTF_CSRF_TIME_LIMIT": int(absolute.total_seconds()),
    }
