"""Mit CV's rows with forms of their own: education, jobs (and the matches they
change) and certificates; valid, invalid and hostile input; others' rows unreachable."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.jobs import matching, queries
from app.models import (
    Certificate,
    CitizenSkill,
    Education,
    LanguageLevel,
    LanguageSkill,
    WorkExperience,
)
from tests.cv import cv_data
from tests.cv.cv_data import (
    EDUCATION,
    HOSTILE_TEXTS,
    JOB,
    LONG,
    count_rows,
    error_links,
)
from tests.data import OCC, make_posting, occupation_id, skill_id

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")


# --- education ---------------------------------------------------------------------


def test_add_change_and_remove_an_education(db, get_page, post_form, citizen):
    response = post_form("/mit-cv/uddannelse/ny", EDUCATION)
    assert response.status_code == 302
    row = db.scalars(select(Education).where(Education.citizen_id == citizen.id)).one()
    assert (row.title, row.start_year, row.end_year, row.completed) == (
        "Social- og sundhedshjælper",
        2015,
        2016,
        True,
    )
    page = get_page("/mit-cv")
    assert "Social- og sundhedshjælper" in page.get_text()
    assert "Erhvervsuddannelse" in page.get_text()

    edit = get_page(f"/mit-cv/uddannelse/{row.id}")
    assert edit.find("input", id="title")["value"] == "Social- og sundhedshjælper"
    changed = dict(EDUCATION, title="Social- og sundhedsassistent")
    changed.pop("completed")
    assert post_form(f"/mit-cv/uddannelse/{row.id}", changed).status_code == 302
    db.refresh(row)
    assert row.title == "Social- og sundhedsassistent" and row.completed is False
    history = cv_data.history(db, "education")
    titles = [(h.old_value, h.new_value) for h in history if h.field == "title"]
    assert ("Social- og sundhedshjælper", "Social- og sundhedsassistent") in titles

    confirm = get_page(f"/mit-cv/uddannelse/{row.id}/slet")
    assert "Social- og sundhedsassistent" in confirm.get_text()
    assert count_rows(db, Education, citizen) == 1, "asking removes nothing"
    assert post_form(f"/mit-cv/uddannelse/{row.id}/slet").status_code == 302
    assert count_rows(db, Education, citizen) == 0
    removed = [h for h in cv_data.history(db, "education") if h.new_value is None]
    assert any(h.old_value == "Social- og sundhedsassistent" for h in removed)
    assert all(h.reason for h in cv_data.history(db, "education"))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"level": ""}, "level"),
        ({"level": "astronaut"}, "level"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"start_year": "15"}, "start_year"),
        ({"start_year": "3000"}, "start_year"),
        ({"end_year": "2010"}, "end_year"),  # before the start
        *[({"title": text}, "title") for text in HOSTILE_TEXTS],
        ({"institution": LONG}, "institution"),
    ],
)
def test_bad_education_is_refused(db, client, post_form, citizen, change, field):
    response = post_form("/mit-cv/uddannelse/ny", {**EDUCATION, **change})
    assert response.status_code == 200
    from tests.pages import check_full_page

    page = check_full_page(response.get_data(as_text=True))
    assert f"#{field}" in error_links(page)
    assert page.title.get_text().startswith("Fejl:")
    assert count_rows(db, Education, citizen) == 0


def test_odd_but_valid_unicode_is_kept(db, post_form, citizen) -> None:
    title = "Pædagog – ﬁnsk “børnehave” 👩‍🏫"
    assert (
        post_form("/mit-cv/uddannelse/ny", {**EDUCATION, "title": title}).status_code
        == 302
    )
    row = db.scalars(select(Education).where(Education.citizen_id == citizen.id)).one()
    assert row.title == title


def test_without_csrf_nothing_is_saved(db, client, citizen) -> None:
    response = client.post("/mit-cv/uddannelse/ny", data=EDUCATION)
    assert response.status_code == 400
    assert count_rows(db, Education, citizen) == 0


# --- someone else's rows -----------------------------------------------------------


def _others_rows(db, make_citizen):
    other = make_citizen(first_name="Ali", last_name="Hassan")
    rows = {
        "uddannelse": Education(
            citizen_id=other.id, level="master", title="Jura", completed=True
        ),
        "job": WorkExperience(
            citizen_id=other.id, title_as_written="Advokat", started_on=date(2010, 1, 1)
        ),
        "certifikater": Certificate(citizen_id=other.id, name="Truckcertifikat"),
        "faglige-kompetencer": CitizenSkill(
            citizen_id=other.id, skill_id=skill_id(db, "nursing-care")
        ),
        "sprog": LanguageSkill(
            citizen_id=other.id, language="en", level=LanguageLevel.GOOD
        ),
    }
    db.add_all(rows.values())
    db.flush()
    return rows


def test_someone_elses_rows_are_not_found(db, client, post_form, make_citizen, citizen):
    rows = _others_rows(db, make_citizen)
    for path, row in rows.items():
        if path in ("uddannelse", "job", "certifikater"):
            assert client.get(f"/mit-cv/{path}/{row.id}").status_code == 404
            response = post_form(f"/mit-cv/{path}/{row.id}", EDUCATION)
            assert response.status_code == 404
        assert client.get(f"/mit-cv/{path}/{row.id}/slet").status_code == 404
        assert post_form(f"/mit-cv/{path}/{row.id}/slet").status_code == 404
    for row in rows.values():
        db.refresh(row)  # still there
    assert rows["uddannelse"].title == "Jura"
    assert not cv_data.history(db, "education") and not cv_data.history(
        db, "work_experience"
    )


# --- work history and matching -----------------------------------------------------


def test_add_a_job_with_the_chosen_occupation(db, get_page, post_form, citizen):
    assert post_form("/mit-cv/job/ny", JOB).status_code == 302
    row = db.scalars(
        select(WorkExperience).where(WorkExperience.citizen_id == citizen.id)
    ).one()
    assert row.occupation_id == occupation_id(db, "kok")
    assert (row.started_on, row.ended_on) == (date(2018, 3, 1), date(2022, 6, 1))
    text = get_page("/mit-cv").get_text()
    assert "Kok på kantine" in text and "Kantinen A/S" in text
    assert "marts 2018" in text and "juni 2022" in text


def test_a_hidden_employer_is_not_shown(db, get_page, post_form, citizen) -> None:
    post_form("/mit-cv/job/ny", {**JOB, "hide_employer": "y"})
    text = get_page("/mit-cv").get_text()
    assert "Kantinen A/S" not in text
    assert "Arbejdsgiver skjult" in text


def test_a_typed_title_is_normalised_without_javascript(db, post_form, citizen):
    data = {**JOB, "title": "Kok", "occupation_uri": ""}
    assert post_form("/mit-cv/job/ny", data).status_code == 302
    row = db.scalars(select(WorkExperience)).one()
    assert row.occupation_id == occupation_id(db, "kok")


def test_an_unclear_title_offers_occupations_to_choose(db, post_form, citizen):
    data = {**JOB, "title": "sygeplejeske på nat", "occupation_uri": ""}
    response = post_form("/mit-cv/job/ny", data)
    assert response.status_code == 200
    from tests.pages import check_full_page

    page = check_full_page(response.get_data(as_text=True))
    choices = page.find_all("input", attrs={"name": "occupation_uri", "type": "radio"})
    assert OCC + "sygeplejerske" in [c["value"] for c in choices]
    assert "#occupation" in error_links(page)
    assert count_rows(db, WorkExperience, citizen) == 0
    chosen = {**data, "occupation_uri": OCC + "sygeplejerske"}
    assert post_form("/mit-cv/job/ny", chosen).status_code == 302
    none = {**data, "occupation_uri": "none"}
    assert post_form("/mit-cv/job/ny", none).status_code == 302
    ids = set(db.scalars(select(WorkExperience.occupation_id)))
    assert ids == {occupation_id(db, "sygeplejerske"), None}


def test_an_unknown_occupation_uri_is_not_saved(db, post_form, citizen) -> None:
    data = {**JOB, "title": "Kok", "occupation_uri": OCC + "no-such-thing"}
    assert post_form("/mit-cv/job/ny", data).status_code == 302
    # An unknown URI is ignored and the job title is looked up instead.
    row = db.scalar(select(WorkExperience))
    assert row.occupation_id == occupation_id(db, "kok")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"started_month": ""}, "started_month"),
        ({"started_month": "13"}, "started_month"),
        ({"started_year": ""}, "started_year"),
        ({"started_year": "20x8"}, "started_year"),
        ({"started_year": str(date.today().year + 1)}, "started_year"),
        ({"ended_year": "2017"}, "ended_year"),  # ends before it starts
        ({"ended_month": "", "ended_year": "2022"}, "ended_month"),
        ({"ended_month": "4", "ended_year": ""}, "ended_year"),
        ({"description": "x" * 1001}, "description"),
        ({"employer": "A\x1b[31mB"}, "employer"),
        *[({"title": text}, "title") for text in HOSTILE_TEXTS],
    ],
)
def test_bad_job_is_refused(db, post_form, citizen, change, field) -> None:
    response = post_form("/mit-cv/job/ny", {**JOB, **change})
    assert response.status_code == 200
    from tests.pages import check_full_page

    page = check_full_page(response.get_data(as_text=True))
    assert f"#{field}" in error_links(page)
    assert count_rows(db, WorkExperience, citizen) == 0


def test_a_job_in_the_future_is_refused(db, post_form, citizen) -> None:
    today = date.today()
    month = today.month % 12 + 1
    year = today.year + (1 if today.month == 12 else 0)
    data = {**JOB, "ended_month": str(month), "ended_year": str(year)}
    response = post_form("/mit-cv/job/ny", data)
    assert response.status_code == 200
    assert count_rows(db, WorkExperience, citizen) == 0


def test_adding_a_job_changes_the_matches(db, post_form, citizen) -> None:
    make_posting(db, title="Kok til kantine", occupation="kok", essential=())
    assert queries.jobs_for(db, citizen.id).empty_profile
    assert post_form("/mit-cv/job/ny", JOB).status_code == 302
    profile = matching.profile_for(db, citizen.id)
    assert profile.occupation_history == (OCC + "kok",)
    found = queries.jobs_for(db, citizen.id)
    assert [m.posting.title for m in found.items] == ["Kok til kantine"]
    row = db.scalar(select(WorkExperience))
    assert post_form(f"/mit-cv/job/{row.id}/slet").status_code == 302
    assert queries.jobs_for(db, citizen.id).empty_profile


def test_editing_a_job_keeps_itshistory(db, get_page, post_form, citizen) -> None:
    post_form("/mit-cv/job/ny", JOB)
    row = db.scalar(select(WorkExperience))
    page = get_page(f"/mit-cv/job/{row.id}")
    assert page.find("input", id="occupation")["value"] == "Kok"
    assert (
        page.find("select", id="started_month").find("option", selected=True)["value"]
        == "3"
    )
    post_form(f"/mit-cv/job/{row.id}", {**JOB, "employer": "Nyt firma"})
    db.refresh(row)
    assert row.employer == "Nyt firma"
    changes = [
        (h.old_value, h.new_value) for h in cv_data.history(db, "work_experience")
    ]
    assert ("Kantinen A/S", "Nyt firma") in changes


# --- certificates ------------------------------------------------------------------


def test_add_a_certificate_with_a_danish_date(db, get_page, post_form, citizen):
    data = {"name": "Truckcertifikat B", "issuer": "AMU", "valid_until": "31.12.2027"}
    assert post_form("/mit-cv/certifikater/ny", data).status_code == 302
    row = db.scalar(select(Certificate))
    assert row.valid_until == date(2027, 12, 31)
    assert "31. december 2027" in get_page("/mit-cv").get_text()
    edit = get_page(f"/mit-cv/certifikater/{row.id}")
    assert edit.find("input", id="valid_until")["value"] == "31.12.2027"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"valid_until": "31.02.2027"}, "valid_until"),
        ({"valid_until": "i morgen"}, "valid_until"),
        ({"valid_until": "01.01.0001"}, "valid_until"),
        ({"issuer": LONG}, "issuer"),
        *[({"name": text}, "name") for text in HOSTILE_TEXTS],
    ],
)
def test_bad_certificate_is_refused(db, post_form, citizen, change, field) -> None:
    data = {"name": "Førstehjælp", "issuer": "", "valid_until": "", **change}
    response = post_form("/mit-cv/certifikater/ny", data)
    assert response.status_code == 200
    from tests.pages import check_full_page

    assert f"#{field}" in error_links(check_full_page(response.get_data(as_text=True)))
    assert count_rows(db, Certificate, citizen) == 0
