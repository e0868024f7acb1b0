"""Staff read about the citizen in the third person: "withdrawn by the citizen", never
the citizen's own "by you"."""

from __future__ import annotations

import re

from app.consent.services.corrections import submit_correction, withdraw_correction
from app.models import RouteReason

# What the citizen reads about their own actions and data ("af dig" alone is also the
# caseworker's own "sager taget af dig", which is right on a staff page).
CITIZEN_WORDING = re.compile(
    r"tilbage af dig|withdrawn by you|\bdine data\b|\byour data\b|\bdin sag\b",
    re.IGNORECASE,
)


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text(" ")).strip()


def test_a_withdrawn_request_reads_withdrawn_by_the_citizen_to_staff(
    db, get_page, make_citizen, make_caseworker, make_case, login, post_form
) -> None:
    citizen = make_citizen(first_name="Ali", last_name="Hassan")
    make_case(citizen, queue_reason=RouteReason.ASKED_FOR_PERSON)
    withdrawn = submit_correction(
        db, citizen.id, "citizen", citizen.id, "city", "Odense C", "Jeg er flyttet"
    )
    withdraw_correction(db, citizen.id, withdrawn.id)
    submit_correction(
        db, citizen.id, "citizen", citizen.id, "street", "Vestergade 1", "Flyttet"
    )
    login(citizen.user)
    assert "Trukket tilbage af dig" in _text(get_page("/mine-data/rettelser"))

    login(make_caseworker(101))
    listing = get_page("/sagsbehandler/rettelser?status=all")
    options = [o.get_text(strip=True) for o in listing.select("select#status option")]
    assert "Trukket tilbage af borgeren" in options
    statuses = [_text(td) for td in listing.select('tbody td[data-title="Status"]')]
    assert sorted(statuses) == ["Trukket tilbage af borgeren", "Venter på afgørelse"]
    staff_pages = [
        listing,
        get_page("/sagsbehandler/rettelser?status=withdrawn"),
        get_page(f"/sagsbehandler/rettelser/{withdrawn.id}"),
        get_page("/sagsbehandler/koe"),
        get_page(f"/sagsbehandler/borger/{citizen.id}"),
    ]
    for page in staff_pages:
        assert not CITIZEN_WORDING.search(_text(page)), page.title
    post_form("/sprog", {"lang": "en", "next": "/"})
    english = get_page("/sagsbehandler/rettelser?status=withdrawn")
    assert "Withdrawn by the citizen" in _text(english)
    assert not CITIZEN_WORDING.search(_text(english))
