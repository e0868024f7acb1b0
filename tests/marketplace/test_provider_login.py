"""An approved provider's log-in: the administrator's approval makes the staff user and
shows a one-time link; the organisation chooses a password, logs in and publishes."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.audit import Actor, now
from app.marketplace.services import MarketplaceError, access, providers
from app.models import (
    ChangeRecord,
    Offering,
    OfferingState,
    ProviderAccessLink,
    ProviderState,
    Role,
    User,
)
from tests.marketplace.authz_routes import OFFERING_FORM


def _text(page) -> str:
    return " ".join(page.get_text(" ").split())


def _applied(db, email: str = "Kontakt@Kursus.dk"):
    data = providers.ProviderInput(
        "Truckskolen ApS", "12345674", email, None, "Kurser", "da", "Aarhus"
    )
    return providers.apply(db, data, Actor(None, "applicant", ""))


def test_approval_to_a_published_offering(
    db, make_admin, login, post_form, get_page
) -> None:
    provider = _applied(db)
    login(make_admin())
    response = post_form(
        f"/administration/udbydere/{provider.id}",
        {"decision": "approved", "reason": "Erklæring modtaget"},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    url = re.search(r"http://[^<\s]+/udbyder/adgangskode/[\w-]+", html)
    assert url and "kontakt@kursus.dk" in html
    path = url.group(0).split("localhost", 1)[-1]
    user = db.scalar(select(User).where(User.email == "kontakt@kursus.dk"))
    assert user.role is Role.PROVIDER and user.provider_id == provider.id
    assert user.password_hash is None
    # Only the hash of the token is stored.
    assert path.rsplit("/", 1)[1] not in {
        link.token_hash for link in db.scalars(select(ProviderAccessLink))
    }
    post_form("/log-ud")

    # Too short, and two different passwords: clear errors, nothing set.
    page = post_form(path, {"password": "kort", "repeat": "kort"})
    assert "12 til 200 tegn" in page.get_data(as_text=True)
    page = post_form(path, {"password": "lang-nok-adgangskode", "repeat": "andet-ord"})
    assert "ikke ens" in page.get_data(as_text=True)
    assert user.password_hash is None

    response = post_form(
        path, {"password": "lang-nok-adgangskode", "repeat": "lang-nok-adgangskode"}
    )
    assert response.status_code == 302 and "/log-ind/medarbejder" in response.location
    # The link works once.
    assert "allerede brugt" in _text(get_page(path, status=410))
    response = post_form(
        "/log-ind/medarbejder",
        {"email": "kontakt@kursus.dk", "password": "lang-nok-adgangskode"},
    )
    assert response.status_code == 302
    response = post_form("/udbyder/tilbud/nyt", OFFERING_FORM)
    assert response.status_code == 302
    offering = db.scalar(select(Offering).where(Offering.provider_id == provider.id))
    assert post_form(f"/udbyder/tilbud/{offering.id}/indsend", {}).status_code == 302
    db.refresh(offering)
    assert offering.state is OfferingState.SUBMITTED
    # Audited: the user made, the link used, the password set (never its hash).
    records = db.scalars(
        select(ChangeRecord).where(ChangeRecord.table_name == "user_account")
    ).all()
    fields = {(r.field, r.new_value) for r in records if r.row_id == user.id}
    assert ("provider_id", str(provider.id)) in fields
    assert ("password_hash", "set") in fields
    assert all(r.new_value != user.password_hash for r in records)


def test_expired_and_unknown_links_are_refused(db, make_admin, get_page, post_form):
    provider = _applied(db)
    admin = Actor.of(make_admin())
    providers.decide(db, provider.id, ProviderState.APPROVED, "Godkendt", admin)
    grant = access.grant_access(db, provider, admin)
    link = db.scalar(select(ProviderAccessLink))
    link.expires_at = now() - timedelta(minutes=1)
    db.flush()
    path = f"/udbyder/adgangskode/{grant.token}"
    assert "udløbet" in _text(get_page(path, status=410))
    post_form(
        path, {"password": "lang-nok-adgangskode", "repeat": "lang-nok-adgangskode"}
    )
    assert (
        db.scalar(select(User.password_hash).where(User.email == grant.email)) is None
    )
    assert "ikke gyldigt" in _text(
        get_page("/udbyder/adgangskode/noget-andet", status=404)
    )


def test_a_new_link_replaces_the_earlier(db, make_admin) -> None:
    provider = _applied(db)
    admin = Actor.of(make_admin())
    providers.decide(db, provider.id, ProviderState.APPROVED, "Godkendt", admin)
    first = access.grant_access(db, provider, admin)
    second = access.grant_access(db, provider, admin)
    users = select(func.count()).select_from(User).where(User.email == first.email)
    assert db.scalar(users) == 1
    access.set_password(db, second.token, "lang-nok-adgangskode")
    with pytest.raises(MarketplaceError, match="link_expired"):
        access.link_for(db, first.token)


def test_an_e_mail_of_another_kind_of_account_gets_no_log_in(
    db, make_admin, make_user
) -> None:
    make_user(Role.CASEWORKER, None, email="kontakt@kursus.dk")
    provider = _applied(db)
    admin = Actor.of(make_admin())
    providers.decide(db, provider.id, ProviderState.APPROVED, "Godkendt", admin)
    assert access.grant_access(db, provider, admin) is None
