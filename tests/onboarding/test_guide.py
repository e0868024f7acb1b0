"""The first-log-in guide ("Kom i gang"): its steps, the summary and where it resumes.

The screening step and the page where the answers are changed later are in
test_situation.py."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.models import (
    Channel,
    CitizenOccupation,
    ContactPreferences,
    JobPreferences,
    OccupationLink,
    Onboarding,
)
from app.onboarding.services import onboarding_status
from tests.data import OCC
from tests.onboarding.answers import SCREENING, changes_of, error_links
from tests.pages import check_full_page, csrf_token, log_in_with_form, text_of

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")

# --- the way in -------------------------------------------------------------------------


def test_first_log_in_starts_the_guide_at_step_one(client, make_citizen) -> None:
    citizen = make_citizen()
    response = log_in_with_form(client, citizen.user)
    assert response.headers["Location"] == "/kom-i-gang"
    response = client.get("/kom-i-gang")
    assert response.headers["Location"] == "/kom-i-gang/1"


def test_a_finished_guide_is_not_shown_again(db, client, make_citizen) -> None:
    from datetime import UTC, datetime

    citizen = make_citizen()
    now = datetime.now(UTC)
    db.add(
        Onboarding(
            citizen_id=citizen.id, current_step=5, started_at=now, completed_at=now
        )
    )
    db.flush()
    assert log_in_with_form(client, citizen.user).headers["Location"] == "/min-side"
    assert client.get("/kom-i-gang").headers["Location"] == "/kom-i-gang/5"


def test_every_page_stays_open_during_the_guide(client, get_page, citizen) -> None:
    for url in ("/min-side", "/job-til-dig", "/mine-data", "/mine-oensker"):
        get_page(url)
    page = get_page("/kom-i-gang/1")
    assert page.find("a", href="/min-side", string=re.compile("senere"))


def test_step_one_shows_progress_and_the_citizens_saved_details(
    db, get_page, citizen
) -> None:
    citizen.phone = "12 34 56 78"
    db.flush()
    page = get_page("/kom-i-gang/1")
    assert "Trin 1 af 5" in text_of(page)
    assert page.find("input", id="phone")["value"] == "12 34 56 78"
    assert page.select_one("[aria-current=step]") is not None


def test_unknown_step_is_404(get_page, citizen) -> None:
    get_page("/kom-i-gang/6", status=404)
    get_page("/kom-i-gang/0", status=404)


# --- the steps, one by one ---------------------------------------------------------------


def test_contact_step_saves_and_moves_on_with_history(db, post_form, citizen) -> None:
    response = post_form(
        "/kom-i-gang/1", {"phone": "+45 12 34 56 78", "email": "mette@example.dk"}
    )
    assert response.headers["Location"] == "/kom-i-gang/2"
    db.refresh(citizen)
    assert citizen.phone == "+45 12 34 56 78"
    assert citizen.email == "mette@example.dk"
    fields = {c.field for c in changes_of(db, citizen.id, "citizen")}
    assert {"phone", "email"} <= fields
    assert onboarding_status(db, citizen.id) == (2, 5, False)
    assert changes_of(db, citizen.id, "onboarding"), "the guide's row has history too"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"phone": "", "email": ""}, "phone"),
        ({"phone": "12ab", "email": ""}, "phone"),
        ({"phone": "123", "email": ""}, "phone"),
        ({"phone": "9" * 40, "email": ""}, "phone"),
        ({"phone": "", "email": "ikke-en-adresse"}, "email"),
        ({"phone": "", "email": "a@" + "b" * 260 + ".dk"}, "email"),
        ({"phone": "１２３４５６７８", "email": ""}, "phone"),  # full-width digits
    ],
)
def test_contact_step_refuses_bad_input_and_saves_nothing(
    db, post_form, get_page, citizen, data, field
) -> None:
    response = post_form("/kom-i-gang/1", data)
    assert response.status_code == 200

    page = check_full_page(response.get_data(as_text=True))
    assert f"#{field}" in error_links(page)
    db.refresh(citizen)
    assert citizen.phone is None and citizen.email is None
    assert (
        db.scalar(select(Onboarding).where(Onboarding.citizen_id == citizen.id)) is None
    )


def test_channel_step_saves_preferences(db, post_form, citizen) -> None:
    response = post_form(
        "/kom-i-gang/2", {"channel": "phone", "language": "uk", "interpreter": "yes"}
    )
    assert response.headers["Location"] == "/kom-i-gang/3"
    prefs = db.scalar(
        select(ContactPreferences).where(ContactPreferences.citizen_id == citizen.id)
    )
    assert (prefs.channel, prefs.language, prefs.interpreter) == (
        Channel.PHONE,
        "uk",
        True,
    )
    assert changes_of(db, citizen.id, "contact_preferences")


@pytest.mark.parametrize(
    "data",
    [
        {"channel": "pigeon", "language": "da", "interpreter": "no"},
        {"channel": "digital", "language": "xx", "interpreter": "no"},
        {"channel": "digital", "language": "da", "interpreter": "maybe"},
        {"language": "da", "interpreter": "no"},
    ],
)
def test_channel_step_refuses_unknown_answers(db, post_form, citizen, data) -> None:
    response = post_form("/kom-i-gang/2", data)
    assert response.status_code == 200
    assert "error-summary" in response.get_data(as_text=True)
    assert (
        db.scalar(
            select(ContactPreferences).where(
                ContactPreferences.citizen_id == citizen.id
            )
        )
        is None
    )


def test_wishes_step_adds_occupations_without_javascript(
    db, post_form, get_page, citizen
) -> None:
    base = {"distance": "25", "hours": "full"}
    # Typed exactly as a label: added at once, and the page stays on the step.
    response = post_form(
        "/kom-i-gang/4", {**base, "occupation": "Sygeplejerske", "action": "add"}
    )
    assert response.headers["Location"].startswith("/kom-i-gang/4")
    # Typed loosely: the citizen chooses among suggestions, nothing saved yet.
    response = post_form(
        "/kom-i-gang/4", {**base, "occupation": "lagr", "action": "add"}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'name="pick"' in html
    desired = db.scalars(
        select(CitizenOccupation).where(
            CitizenOccupation.citizen_id == citizen.id,
            CitizenOccupation.link == OccupationLink.DESIRED,
        )
    ).all()
    assert len(desired) == 1
    pick = re.search(r'name="pick" value="([^"]+)"', html).group(1)
    post_form("/kom-i-gang/4", {**base, "pick": pick})
    # The combobox's hidden URI (with JavaScript) works too; then go on.
    response = post_form(
        "/kom-i-gang/4",
        {**base, "occupation": "x", "occupation_uri": OCC + "lagermedarbejder"},
    )
    assert response.headers["Location"] == "/kom-i-gang/5"
    prefs = db.scalar(select(JobPreferences))
    assert prefs.max_distance_km == 25
    assert db.query(CitizenOccupation).filter_by(citizen_id=citizen.id).count() >= 2


def test_wishes_step_refuses_a_sixth_occupation(db, post_form, citizen) -> None:
    slugs = ["sygeplejerske", "lagermedarbejder", "kok", "butiksassistent", "tjener"]
    for slug in slugs:
        post_form(
            "/kom-i-gang/4",
            {
                "distance": "25",
                "hours": "any",
                "occupation_uri": OCC + slug,
                "occupation": slug,
                "action": "add",
            },
        )
    assert (
        db.query(CitizenOccupation)
        .filter_by(citizen_id=citizen.id, link=OccupationLink.DESIRED)
        .count()
        == 5
    )
    response = post_form(
        "/kom-i-gang/4",
        {
            "distance": "25",
            "hours": "any",
            "occupation_uri": OCC + "lastbilchauffoer",
            "occupation": "chauffør",
            "action": "add",
        },
    )
    assert response.status_code == 200
    assert "Du kan vælge op til 5 job" in response.get_data(as_text=True)
    assert (
        db.query(CitizenOccupation)
        .filter_by(citizen_id=citizen.id, link=OccupationLink.DESIRED)
        .count()
        == 5
    )


@pytest.mark.parametrize("distance", ["", "0", "501", "2,5", "abc", "٣٠"])
def test_wishes_step_refuses_bad_distance(db, post_form, citizen, distance) -> None:
    response = post_form("/kom-i-gang/4", {"distance": distance, "hours": "any"})
    assert response.status_code == 200
    assert "#distance" in response.get_data(as_text=True)
    assert db.scalar(select(JobPreferences)) is None


def test_remove_an_occupation(db, post_form, citizen) -> None:
    post_form(
        "/kom-i-gang/4",
        {"distance": "25", "hours": "any", "occupation": "Sygeplejerske"},
    )
    row = db.scalar(select(CitizenOccupation))
    response = post_form("/kom-i-gang/4", {"remove": str(row.occupation_id)})
    assert response.headers["Location"].startswith("/kom-i-gang/4")
    assert db.scalar(select(CitizenOccupation)) is None
    assert any(
        c.new_value is None for c in changes_of(db, citizen.id, "citizen_occupation")
    )


# --- the summary and the finish ----------------------------------------------------------


def _complete_steps(post_form) -> None:
    post_form("/kom-i-gang/1", {"phone": "12345678", "email": ""})
    post_form(
        "/kom-i-gang/2", {"channel": "digital", "language": "da", "interpreter": "no"}
    )
    post_form("/kom-i-gang/3", SCREENING)
    post_form(
        "/kom-i-gang/4",
        {"distance": "40", "hours": "part", "occupation": "Sygeplejerske"},
    )


def test_summary_shows_answers_with_change_links_and_finishes(
    db, client, post_form, get_page, citizen
) -> None:
    _complete_steps(post_form)
    page = get_page("/kom-i-gang/5")
    text = text_of(page)
    assert "Trin 5 af 5" in text
    assert "12345678" in text and "Sygeplejerske" in text and "40 km" in text
    assert "Hjælp til min ansøgning" in text
    for step in (1, 2, 3, 4):
        assert page.find("a", href=f"/kom-i-gang/{step}")
    response = post_form("/kom-i-gang/5")
    assert response.headers["Location"] == "/min-side"
    assert onboarding_status(db, citizen.id) == (5, 5, True)
    assert log_in_with_form(client, citizen.user).headers["Location"] == "/min-side"


def test_finish_needs_the_first_three_steps(db, post_form, citizen) -> None:
    response = post_form("/kom-i-gang/5")
    assert response.status_code == 200

    page = check_full_page(response.get_data(as_text=True))
    assert error_links(page) == ["/kom-i-gang/1", "/kom-i-gang/2", "/kom-i-gang/3"]
    assert onboarding_status(db, citizen.id)[2] is False


def test_the_guide_resumes_where_it_was_left(db, client, post_form, citizen) -> None:
    post_form("/kom-i-gang/1", {"phone": "12345678", "action": "later"})
    response = post_form(
        "/kom-i-gang/2",
        {
            "channel": "digital",
            "language": "da",
            "interpreter": "no",
            "action": "later",
        },
    )
    assert response.headers["Location"] == "/min-side"
    client.post("/log-ud", data={"csrf_token": _token(client)})
    assert log_in_with_form(client, citizen.user).headers["Location"] == "/kom-i-gang"
    assert client.get("/kom-i-gang").headers["Location"] == "/kom-i-gang/3"
    # Going back to an earlier step does not lose the place.
    post_form("/kom-i-gang/1", {"phone": "87654321"})
    assert onboarding_status(db, citizen.id)[0] == 3


def _token(client) -> str:

    return csrf_token(client)


def test_guide_in_english(client, get_page, citizen) -> None:
    client.post(
        "/sprog", data={"csrf_token": _token(client), "lang": "en", "next": "/"}
    )
    page = get_page("/kom-i-gang/3")
    assert "Step 3 of 5" in text_of(page)
    assert page.h1.get_text(strip=True) == "Your situation"


def test_a_citizen_cannot_save_without_csrf(db, client, citizen) -> None:
    response = client.post("/kom-i-gang/1", data={"phone": "12345678"})
    assert response.status_code == 400
    db.refresh(citizen)
    assert citizen.phone is None
