"""The wishes and needs page ("Mine ønsker"): occupations, industries, hours, needs."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.models import (
    ChangeRecord,
    CitizenIndustry,
    CitizenOccupation,
    HoursPreference,
    JobPreferences,
    OccupationLink,
    RemoteWork,
)
from tests.data import OCC, give_cv, make_posting, occupation_id
from tests.pages import check_full_page, csrf_token

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")

IN_A_MONTH = date.today() + timedelta(days=30)
VALID = {
    "distance": "40",
    "hours": "part",
    "industries": ["health", "retail"],
    "open_to_other_industries": "y",
    "earliest_start": f"{IN_A_MONTH.day}.{IN_A_MONTH.month}.{IN_A_MONTH.year}",
    "remote_work": "partly",
    "interests": "Jeg kan lide at hjælpe andre",
    "reduced_hours": "y",
    "accessibility_needs": "Niveaufri adgang",
}


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _preferences(db, citizen_id: int) -> JobPreferences | None:
    return db.scalar(
        select(JobPreferences).where(JobPreferences.citizen_id == citizen_id)
    )


def _desired(db, citizen_id: int) -> list[CitizenOccupation]:
    return list(
        db.scalars(
            select(CitizenOccupation).where(
                CitizenOccupation.citizen_id == citizen_id,
                CitizenOccupation.link == OccupationLink.DESIRED,
            )
        )
    )


def test_page_shows_defaults_and_the_seventeen_industries(get_page, citizen) -> None:
    page = get_page("/mine-oensker")
    assert page.h1.get_text(strip=True) == "Mine ønsker og behov"
    industries = page.select("input[name=industries]")
    assert len(industries) == 17
    assert page.find("label", string="Sundhed og omsorg")
    assert page.find("input", id="distance")["value"] == "30"
    assert "Du har ikke valgt nogen job endnu." in _text(page)


def test_saving_everything_writes_history_and_sends_profile_changed(
    db, post_form, get_page, citizen, profile_changes
) -> None:
    calls = profile_changes
    response = post_form("/mine-oensker", VALID)
    assert response.headers["Location"] == "/mine-oensker"
    prefs = _preferences(db, citizen.id)
    assert prefs.max_distance_km == 40
    assert prefs.hours is HoursPreference.PART_TIME
    assert prefs.earliest_start == IN_A_MONTH
    assert prefs.remote_work is RemoteWork.PARTLY
    assert prefs.reduced_hours is True and prefs.flexjob is False
    assert prefs.accessibility_needs == "Niveaufri adgang"
    industries = db.scalars(
        select(CitizenIndustry.industry).where(CitizenIndustry.citizen_id == citizen.id)
    ).all()
    assert sorted(industries) == ["health", "retail"]
    assert (citizen.id, "preferences") in calls
    tables = set(
        db.scalars(
            select(ChangeRecord.table_name).where(ChangeRecord.citizen_id == citizen.id)
        )
    )
    assert {"job_preferences", "citizen_industry"} <= tables
    # Shown back in Danish format, and an industry can be unticked again.
    page = get_page("/mine-oensker")
    assert page.find("input", id="earliest_start")["value"] == VALID["earliest_start"]
    assert (
        page.find("input", attrs={"name": "industries", "value": "health"})["checked"]
        is not None
    )
    post_form("/mine-oensker", {**VALID, "industries": ["retail"]})
    assert db.scalars(
        select(CitizenIndustry.industry).where(CitizenIndustry.citizen_id == citizen.id)
    ).all() == ["retail"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"industries": ["health", "space-travel"]}, "industries"),
        ({"earliest_start": "31.2.2027"}, "earliest_start"),
        ({"earliest_start": "i morgen"}, "earliest_start"),
        ({"earliest_start": "1.1.2000"}, "earliest_start"),
        ({"earliest_start": "1.1.2999"}, "earliest_start"),
        ({"remote_work": "mars"}, "remote_work"),
        ({"hours": "nights"}, "hours"),
        ({"distance": "-3"}, "distance"),
        ({"interests": "x" * 501}, "interests"),
        ({"interests": "Hej\u202edav"}, "interests"),
        ({"accessibility_needs": "rampe\x07"}, "accessibility_needs"),
        ({"accessibility_needs": "\ufeff" * 3}, "accessibility_needs"),
        ({"occupation": "z" * 201}, "occupation"),
    ],
)
def test_bad_input_gets_a_clear_error_and_nothing_is_saved(
    db, client, post_form, citizen, change, field
) -> None:
    response = post_form("/mine-oensker", {**VALID, **change})
    assert response.status_code == 200
    page = check_full_page(response.get_data(as_text=True))
    summary = page.select_one(".error-summary")
    assert summary is not None
    links = [a["href"] for a in summary.select("a")]
    assert f"#{field}" in links
    assert page.find(id=field) is not None, "the summary's link lands on the field"
    assert _preferences(db, citizen.id) is None
    assert db.scalar(select(CitizenIndustry)) is None
    assert db.scalar(select(ChangeRecord)) is None


def test_occupations_are_added_and_capped_at_five(db, post_form, citizen) -> None:
    slugs = ["sygeplejerske", "lagermedarbejder", "kok", "butiksassistent", "tjener"]
    for slug in slugs:
        response = post_form(
            "/mine-oensker",
            {**VALID, "occupation": "", "occupation_uri": OCC + slug, "action": "add"},
        )
        assert response.headers["Location"] == "/mine-oensker#occupations"
    assert len(_desired(db, citizen.id)) == 5
    response = post_form(
        "/mine-oensker",
        {**VALID, "occupation_uri": OCC + "lastbilchauffoer", "action": "add"},
    )
    assert response.status_code == 200
    assert "Du kan vælge op til 5 job" in response.get_data(as_text=True)
    assert len(_desired(db, citizen.id)) == 5


def test_unknown_occupation_text_is_refused(db, post_form, citizen) -> None:
    response = post_form(
        "/mine-oensker", {**VALID, "occupation": "qqqqzzzz", "action": "add"}
    )
    assert response.status_code == 200
    assert "#occupation" in response.get_data(as_text=True)
    assert _desired(db, citizen.id) == []
    assert _preferences(db, citizen.id) is None


def test_a_citizen_cannot_remove_another_citizens_occupation(
    db, post_form, citizen, make_citizen
) -> None:
    other = make_citizen(first_name="Anden")
    give_cv(db, other, desired=["kok"])
    response = post_form("/mine-oensker", {"remove": str(occupation_id(db, "kok"))})
    assert response.status_code == 302
    assert len(_desired(db, other.id)) == 1


def test_remove_button_belongs_to_its_own_form(db, get_page, citizen) -> None:
    give_cv(db, citizen, desired=["kok"])
    page = get_page("/mine-oensker")
    button = page.find("button", attrs={"name": "remove"})
    assert button["form"] == "remove-occupation"
    assert page.find("form", id="remove-occupation")["method"] == "post"
    # Pressing Enter in a field submits the page's first own button, never a removal.
    main_form = page.select_one("main form[novalidate]")
    first = main_form.find("button", attrs={"form": None})
    assert first is not None and first.get("name") != "remove"


def test_a_saved_wish_changes_jobs_for_you(db, client, post_form, get_page, citizen):
    give_cv(db, citizen, skills=["nursing-care"], max_distance_km=5)
    far = make_posting(db, title="Sygeplejerske i Aarhus", postcode="8000")
    assert far.title not in _text(get_page("/job-til-dig"))
    post_form("/mine-oensker", {**VALID, "distance": "400", "hours": "any"})
    assert far.title in _text(get_page("/job-til-dig"))


def test_page_in_english(client, get_page, citizen) -> None:
    client.post("/sprog", data={"csrf_token": csrf_token(client), "lang": "en"})
    page = get_page("/mine-oensker")
    assert page.h1.get_text(strip=True) == "My wishes and needs"
    assert page.find("label", string="Health and care")
