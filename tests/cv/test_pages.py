"""Mit CV's overview and its one-form sections: skills, languages, personal
competences, driving licences and visibility; every write sends profile_changed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import signals
from app.models import (
    CitizenSkill,
    CvSettings,
    DrivingLicence,
    LanguageLevel,
    LanguageSkill,
    PersonalCompetence,
)
from tests.cv import cv_data
from tests.cv.cv_data import (
    EDUCATION,
    LONG,
    count_rows,
    error_links,
)
from tests.data import SKILL

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")


# --- the overview ------------------------------------------------------------------


def test_empty_cv_explains_every_section(get_page, citizen) -> None:
    page = get_page("/mit-cv")
    assert page.h1.get_text(strip=True) == "Mit CV"
    empties = page.find_all(class_="cv-empty")
    assert len(empties) == 7
    assert page.find("a", href="/mit-cv/job/ny")
    assert page.find("a", href="/mit-cv/faglige-kompetencer")


def test_overview_in_english(client, get_page, citizen) -> None:
    client.post(
        "/sprog",
        data={"lang": "en", "csrf_token": _token(client)},
    )
    page = get_page("/mit-cv")
    assert page.h1.get_text(strip=True) == "My CV"


def _token(client) -> str:
    from tests.pages import csrf_token

    return csrf_token(client)


# --- skills --------------------------------------------------------------------------


def test_add_skills_chosen_in_the_autocomplete_and_remove_one(
    db, get_page, post_form, citizen
) -> None:
    for slug in ("nursing-care", "administer-medication"):
        response = post_form(
            "/mit-cv/faglige-kompetencer", {"skill": "x", "skill_uri": SKILL + slug}
        )
        assert response.status_code == 302
    again = post_form(
        "/mit-cv/faglige-kompetencer",
        {"skill": "x", "skill_uri": SKILL + "nursing-care"},
    )
    assert again.status_code == 302
    assert count_rows(db, CitizenSkill, citizen) == 2
    page = get_page("/mit-cv/faglige-kompetencer")
    remove_links = page.select(".cv-list a")
    assert len(remove_links) == 2
    row_id = db.scalars(select(CitizenSkill.id)).first()
    assert post_form(f"/mit-cv/faglige-kompetencer/{row_id}/slet").status_code == 302
    assert count_rows(db, CitizenSkill, citizen) == 1
    assert any(h.new_value is None for h in cv_data.history(db, "citizen_skill"))


def test_skill_without_javascript_offers_suggestions(db, post_form, citizen) -> None:
    response = post_form("/mit-cv/faglige-kompetencer", {"skill": "pleje"})
    assert response.status_code == 200
    from tests.pages import check_full_page

    page = check_full_page(response.get_data(as_text=True))
    radios = page.find_all("input", attrs={"name": "skill_uri"})
    assert radios and "#skill" in error_links(page)
    assert count_rows(db, CitizenSkill, citizen) == 0


@pytest.mark.parametrize(
    "data",
    [
        {"skill": "", "skill_uri": ""},
        {"skill": "x", "skill_uri": SKILL + "no-such-skill"},
        {"skill": "qqqqzzzzxxxx", "skill_uri": ""},
        {"skill": LONG, "skill_uri": ""},
        {"skill": "Pleje\x00", "skill_uri": ""},
    ],
)
def test_bad_skill_is_refused(db, post_form, citizen, data) -> None:
    response = post_form("/mit-cv/faglige-kompetencer", data)
    assert response.status_code == 200
    from tests.pages import check_full_page

    assert "#skill" in error_links(check_full_page(response.get_data(as_text=True)))
    assert count_rows(db, CitizenSkill, citizen) == 0


# --- languages -----------------------------------------------------------------------


def test_add_a_language_and_change_its_level(db, get_page, post_form, citizen):
    assert (
        post_form("/mit-cv/sprog", {"language": "en", "level": "good"}).status_code
        == 302
    )
    assert (
        post_form("/mit-cv/sprog", {"language": "en", "level": "fluent"}).status_code
        == 302
    )
    row = db.scalar(select(LanguageSkill))
    assert (
        count_rows(db, LanguageSkill, citizen) == 1
        and row.level is LanguageLevel.FLUENT
    )
    text = get_page("/mit-cv").get_text()
    assert "Engelsk" in text
    levels = [(h.old_value, h.new_value) for h in cv_data.history(db, "language_skill")]
    assert ("good", "fluent") in levels


@pytest.mark.parametrize(
    "data",
    [
        {"language": "", "level": "good"},
        {"language": "xx", "level": "good"},
        {"language": "en", "level": ""},
        {"language": "en", "level": "superb"},
    ],
)
def test_bad_language_is_refused(db, post_form, citizen, data) -> None:
    response = post_form("/mit-cv/sprog", data)
    assert response.status_code == 200
    assert "error-summary" in response.get_data(as_text=True)
    assert count_rows(db, LanguageSkill, citizen) == 0


# --- personal competences, driving licences, visibility ------------------------------


def test_personal_competences(db, get_page, post_form, citizen) -> None:
    data = {"codes": ["reliable", "flexible"], "free_text": "Jeg kan lide travlhed"}
    assert post_form("/mit-cv/personlige-kompetencer", data).status_code == 302
    assert count_rows(db, PersonalCompetence, citizen) == 3
    text = get_page("/mit-cv").get_text()
    assert "Pålidelig" in text and "Jeg kan lide travlhed" in text
    page = get_page("/mit-cv/personlige-kompetencer")
    assert page.find("input", value="reliable").has_attr("checked")
    data = {"codes": ["flexible"], "free_text": ""}
    assert post_form("/mit-cv/personlige-kompetencer", data).status_code == 302
    codes = set(db.scalars(select(PersonalCompetence.code)))
    assert codes == {"flexible"}


@pytest.mark.parametrize(
    "data",
    [
        {"codes": ["reliable", "evil"]},
        {"codes": ["reliable"], "free_text": "x" * 201},
        {"codes": ["reliable"], "free_text": "ok\u2066bad"},
    ],
)
def test_bad_personal_competences_are_refused(db, post_form, citizen, data) -> None:
    response = post_form("/mit-cv/personlige-kompetencer", data)
    assert response.status_code == 200
    assert "error-summary" in response.get_data(as_text=True)
    assert count_rows(db, PersonalCompetence, citizen) == 0


def test_driving_licences(db, get_page, post_form, citizen) -> None:
    assert (
        post_form("/mit-cv/koerekort", {"categories": ["B", "C1"]}).status_code == 302
    )
    assert set(db.scalars(select(DrivingLicence.category))) == {"B", "C1"}
    assert "B og C1" in get_page("/mit-cv").get_text()
    assert post_form("/mit-cv/koerekort", {}).status_code == 302
    assert count_rows(db, DrivingLicence, citizen) == 0
    response = post_form("/mit-cv/koerekort", {"categories": ["B", "Z"]})
    assert response.status_code == 200 and count_rows(db, DrivingLicence, citizen) == 0


def test_visibility(db, get_page, post_form, citizen) -> None:
    page = get_page("/mit-cv")
    assert "Dine kontaktoplysninger er skjult" in page.get_text()
    assert post_form("/mit-cv/synlighed", {}).status_code == 302
    settings = db.scalar(select(CvSettings))
    assert settings.hide_contact_details is False
    assert "kan se dine kontaktoplysninger" in get_page("/mit-cv").get_text()
    assert (
        post_form("/mit-cv/synlighed", {"hide_contact_details": "y"}).status_code == 302
    )
    db.refresh(settings)
    assert settings.hide_contact_details is True
    assert len(cv_data.history(db, "cv_settings")) >= 2


def test_letting_employers_search_is_the_share_cv_consent(
    db, get_page, post_form, citizen
) -> None:
    from app.consent.services.consents import consent_in_force
    from app.models import ConsentEvent, ConsentPurpose

    page = get_page("/mit-cv/synlighed")
    assert not page.find("input", id="searchable").has_attr("checked")
    data = {"searchable": "y", "hide_contact_details": "y"}
    assert post_form("/mit-cv/synlighed", data).status_code == 302
    assert consent_in_force(db, citizen.id, ConsentPurpose.SHARE_CV)
    assert "Arbejdsgivere kan søge dit CV frem" in get_page("/mit-cv").get_text()
    assert (
        get_page("/mit-cv/synlighed").find("input", id="searchable").has_attr("checked")
    )
    post_form("/mit-cv/synlighed", data)  # unchanged: no new consent event
    assert post_form("/mit-cv/synlighed", {}).status_code == 302
    assert not consent_in_force(db, citizen.id, ConsentPurpose.SHARE_CV)
    events = db.scalars(
        select(ConsentEvent.given).where(ConsentEvent.citizen_id == citizen.id)
    ).all()
    assert events == [True, False]


# --- the history and the profile_changed signal ---------------------------------------


def test_every_write_sends_profile_changed(db, post_form, citizen):
    calls = []

    def receiver(_session, **data):
        calls.append((data["citizen_id"], data["trigger"]))

    with signals.profile_changed.connected_to(receiver):
        post_form("/mit-cv/uddannelse/ny", EDUCATION)
        post_form("/mit-cv/koerekort", {"categories": ["B"]})
        post_form("/mit-cv/sprog", {"language": "da", "level": "native"})
    assert calls == [(citizen.id, "cv")] * 3
