"""The sweep's people on the small demo: a demo citizen and one staff user per role."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.services import list_demo_citizens
from app.db import make_engine
from app.models import (
    Caseworker,
    Municipality,
    Provider,
    Role,
    User,
)
from tests.factories import TEST_PASSWORD_HASH

STAFF_EMAILS = {
    "caseworker": "sagsbehandler@browser.jobunivers.dk",
    "provider": "udbyder@browser.jobunivers.dk",
    "admin": "administrator@browser.jobunivers.dk",
}


def seed_users(url: str) -> int:
    """One staff user per role, as tests/factories.py makes them; returns the user id
    of the citizen the sweep logs in as: the first synthetic citizen of Copenhagen on
    the demo MitID page."""
    engine = make_engine(url)
    with Session(engine) as session:
        copenhagen = session.scalars(
            select(Municipality).where(Municipality.code == 101)
        ).one()
        citizen_user, citizen, _ = list_demo_citizens(session, 1).items[0]
        assert citizen.municipality_id == copenhagen.id
        provider = Provider(
            name="Browsertest Kurser ApS", cvr="00000001", approved=True, synthetic=True
        )
        session.add(provider)
        session.flush()
        for role in (Role.CASEWORKER, Role.PROVIDER, Role.ADMIN):
            user = User(
                role=role,
                # Capitalised, a name: the role's code is what the page check catches.
                display_name=f"Browsertest {role.value.capitalize()}",
                email=STAFF_EMAILS[role.value],
                password_hash=TEST_PASSWORD_HASH,
                municipality_id=None if role is Role.PROVIDER else copenhagen.id,
                provider_id=provider.id if role is Role.PROVIDER else None,
            )
            session.add(user)
            session.flush()
            if role is Role.CASEWORKER:
                session.add(Caseworker(user_id=user.id, job_title="Jobkonsulent"))
        session.commit()
        citizen_user_id = citizen_user.id
    engine.dispose()
    return citizen_user_id
