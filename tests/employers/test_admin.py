"""Administrators approve the companies of their own municipality."""

from __future__ import annotations

import pytest

from app.audit import SYSTEM
from app.employers.companies import register_employer
from app.models import EmployerStatus
from tests.factories import municipality
from tests.pages import csrf_token


def _register(db, code: int, cvr: str):
    return register_employer(
        db,
        name=f"Ny Virksomhed {code} ApS",
        cvr=cvr,
        municipality_id=municipality(db, code).id,
        postcode="2200",
        city="København N",
        actor=SYSTEM,
    )


def test_a_cvr_number_failing_the_check_digit_is_refused(db) -> None:
    with pytest.raises(ValueError):
        _register(db, 101, "10150818")


def test_an_administrator_approves_a_company_of_their_municipality(
    db, client, login, get_page, make_admin
) -> None:
    mine = _register(db, 101, "10150817")
    theirs = _register(db, 751, "35711015")
    login(make_admin(101))
    page = get_page("/administration/virksomheder").get_text()
    assert mine.name in page and theirs.name not in page
    token = csrf_token(client)
    response = client.post(
        f"/administration/virksomheder/{mine.id}/godkend", data={"csrf_token": token}
    )
    assert response.status_code == 302
    response = client.post(
        f"/administration/virksomheder/{theirs.id}/godkend", data={"csrf_token": token}
    )
    assert response.status_code == 404
    db.expire_all()
    assert mine.status is EmployerStatus.APPROVED
    assert theirs.status is EmployerStatus.PENDING
