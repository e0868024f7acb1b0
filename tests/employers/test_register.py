"""A company registers itself; its CVR number must pass the check digit."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Employer, EmployerStatus, Role, User

GOOD = {
    "name": "Nyfirma ApS",
    "cvr": "10150817",
    "postcode": "8000",
    "contact_name": "Lone Berg",
    "email": "lone@nyfirma.dk",
    "password": "en-lang-adgangskode",
}


def test_a_company_registers_and_awaits_approval(db, client, post_form) -> None:
    response = post_form("/virksomhed/tilmeld", GOOD)
    assert response.status_code == 302
    employer = db.scalars(select(Employer).where(Employer.cvr == "10150817")).one()
    assert employer.status is EmployerStatus.PENDING
    assert employer.municipality.code == 751  # Aarhus, from the postcode
    user = db.scalars(select(User).where(User.email == "lone@nyfirma.dk")).one()
    assert user.role is Role.EMPLOYER
    again = post_form("/virksomhed/tilmeld", GOOD)
    assert again.status_code == 200 and "10150817" in again.get_data(as_text=True)


def test_a_cvr_number_with_a_wrong_check_digit_is_refused(
    db, client, post_form
) -> None:
    response = post_form("/virksomhed/tilmeld", {**GOOD, "cvr": "10150818"})
    assert response.status_code == 200
    assert 'href="#cvr"' in response.get_data(as_text=True)
    assert db.scalars(select(Employer)).all() == []
