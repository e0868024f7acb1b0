"""Log-in for an approved provider's staff: the user for the application's contact
e-mail, and a one-time link to choose a password (only its hash is stored)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import (
    Actor,
    FieldChange,
    change_fields,
    now,
    record_changes,
    record_created,
)
from app.auth.passwords import hash_password
from app.marketplace.services import MarketplaceError
from app.models import Provider, ProviderAccessLink, ProviderState, Role, User

LINK_DAYS = 7
PASSWORD_MIN, PASSWORD_MAX = 12, 200


@dataclass(frozen=True)
class AccessGrant:
    email: str
    token: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def provider_user(session: Session, provider: Provider, actor: Actor) -> User | None:
    """The provider staff user for the contact e-mail: created without a usable
    password, or an existing provider user without a provider linked to this one.
    None when there is no e-mail or it belongs to someone else."""
    email = (provider.contact_email or "").strip().lower()
    if not email:
        return None
    user = session.scalars(select(User).where(func.lower(User.email) == email)).first()
    if user is None:
        user = User(
            role=Role.PROVIDER,
            email=email,
            password_hash=None,
            display_name=provider.name,
            provider_id=provider.id,
            active=True,
        )
        record_created(
            session, user, actor=actor, reason="provider approved", citizen_id=None
        )
        return user
    if user.role is not Role.PROVIDER or user.provider_id not in (None, provider.id):
        return None
    change_fields(
        session,
        user,
        {"provider_id": provider.id, "active": True},
        actor=actor,
        reason="provider approved",
        citizen_id=None,
    )
    return user


def grant_access(
    session: Session, provider: Provider, actor: Actor
) -> AccessGrant | None:
    """A new one-time set-password link for the approved provider's user (earlier
    unused links stop working). None when no user can have the contact e-mail."""
    if provider.state is not ProviderState.APPROVED:
        raise MarketplaceError("state")
    user = provider_user(session, provider, actor)
    if user is None:
        return None
    at = now()
    for earlier in session.scalars(
        select(ProviderAccessLink).where(
            ProviderAccessLink.user_id == user.id,
            ProviderAccessLink.used_at.is_(None),
            ProviderAccessLink.expires_at > at,
        )
    ):
        change_fields(
            session,
            earlier,
            {"expires_at": at},
            actor=actor,
            reason="replaced by a new link",
            citizen_id=None,
        )
    token = secrets.token_urlsafe(32)
    link = ProviderAccessLink(
        user_id=user.id,
        token_hash=_digest(token),
        created_at=at,
        expires_at=at + timedelta(days=LINK_DAYS),
    )
    record_created(
        session, link, actor=actor, reason="set-password link made", citizen_id=None
    )
    return AccessGrant(email=user.email or "", token=token)


def link_for(session: Session, token: str) -> ProviderAccessLink:
    """The usable link of a token; MarketplaceError "link_unknown", "link_used" or
    "link_expired" otherwise."""
    link = session.scalar(
        select(ProviderAccessLink).where(
            ProviderAccessLink.token_hash == _digest(token[:200])
        )
    )
    if link is None:
        raise MarketplaceError("link_unknown")
    if link.used_at is not None:
        raise MarketplaceError("link_used")
    expires = link.expires_at
    # SQLite hands back naive datetimes; they were stored in UTC.
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    if expires <= now():
        raise MarketplaceError("link_expired")
    return link


def set_password(session: Session, token: str, password: str) -> User:
    """Choose the password with a one-time link; the link is used up."""
    link = link_for(session, token)
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise MarketplaceError("password_length")
    user = session.get(User, link.user_id)
    if user is None or not user.active:
        raise MarketplaceError("link_unknown")
    actor = Actor.of(user)
    user.password_hash = hash_password(password)
    # The hash itself stays out of the audit trail: only that it was set.
    record_changes(
        session,
        [FieldChange("user_account", user.id, "password_hash", None, "set", None)],
        actor=actor,
        reason="password set with a one-time link",
    )
    change_fields(
        session,
        link,
        {"used_at": now()},
        actor=actor,
        reason="password set with a one-time link",
        citizen_id=None,
    )
    session.flush()
    return user


def needs_link(session: Session, provider: Provider) -> bool:
    """True while none of the provider's staff can log in (no password chosen)."""
    return not session.scalar(
        select(User.id).where(
            User.provider_id == provider.id, User.password_hash.is_not(None)
        )
    )
