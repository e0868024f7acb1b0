"""Use cases for logging in: staff credentials, MitID subjects, demo citizens."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import now
from app.auth.passwords import verify_password
from app.models import Citizen, Municipality, Role, User
from app.pagination import Page, paginate

STAFF_ROLES = (Role.CASEWORKER, Role.PROVIDER, Role.ADMIN, Role.EMPLOYER)


def authenticate_staff(session: Session, email: str, password: str) -> User | None:
    """The active staff or provider user with these credentials, or None."""
    user = session.scalars(
        select(User).where(func.lower(User.email) == email.strip().lower())
    ).first()
    stored = user.password_hash if user is not None else None
    if not verify_password(stored, password):
        return None
    if user is None or not user.active or user.role not in STAFF_ROLES:
        return None
    return user


def citizen_user_for_subject(session: Session, subject: str) -> User | None:
    """The active citizen user linked to a MitID subject identifier, or None."""
    user = session.scalars(select(User).where(User.mitid_subject == subject)).first()
    if user is None or not user.active or user.role is not Role.CITIZEN:
        return None
    return user


def employer_user_for_subject(session: Session, subject: str) -> User | None:
    """The active company user linked to a MitID Erhverv subject identifier, or None."""
    user = session.scalars(select(User).where(User.mitid_subject == subject)).first()
    if user is None or not user.active or user.role is not Role.EMPLOYER:
        return None
    return user


def record_login(session: Session, user: User) -> None:
    user.last_login_at = now()
    session.flush()


def end_sessions(session: Session, user_id: int) -> None:
    """Log out: every session the user began so far stops opening pages."""
    user = session.get(User, user_id)
    if user is not None:
        user.session_version = (user.session_version or 0) + 1
        session.flush()


def set_user_locale(session: Session, user_id: int, locale: str) -> None:
    user = session.get(User, user_id)
    if user is not None and user.locale != locale:
        user.locale = locale
        session.flush()


def list_demo_citizens(session: Session, page: int, per_page: int = 20) -> Page:
    """Synthetic citizens to log in as on the demo MitID page, by municipality and name."""
    query = (
        select(User, Citizen, Municipality)
        .join(Citizen, Citizen.user_id == User.id)
        .join(Municipality, Municipality.id == Citizen.municipality_id)
        .where(
            User.role == Role.CITIZEN,
            User.active.is_(True),
            Citizen.synthetic.is_(True),
        )
        .order_by(Municipality.code, Citizen.last_name, Citizen.first_name, Citizen.id)
    )
    return paginate(session, query, page, per_page)


def demo_citizen_user(session: Session, user_id: int) -> User | None:
    """A synthetic citizen's user, or None (the demo log-in never reaches real people)."""
    row = session.execute(
        select(User)
        .join(Citizen, Citizen.user_id == User.id)
        .where(User.id == user_id, User.active.is_(True), Citizen.synthetic.is_(True))
    ).first()
    return row[0] if row else None
