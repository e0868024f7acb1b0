""" "People like you": counted from rows, shown only from groups of at least ten."""

from __future__ import annotations

from datetime import date

import pytest

from app.employers.people_like_you import K_PEOPLE, people_like_you
from app.models import UnemploymentSpell, WorkExperience
from tests.data import give_cv, occupation_id
from tests.pages import log_in

pytestmark = pytest.mark.usefixtures("taxonomy")


def _found_job(db, make_citizen, wants: str, job: str) -> None:
    """A citizen who wants `wants` and went from unemployment into `job`."""
    other = give_cv(db, make_citizen(), desired=[wants])
    db.add(
        UnemploymentSpell(
            citizen_id=other.id,
            started_on=date(2024, 1, 1),
            ended_on=date(2024, 6, 1),
        )
    )
    db.add(
        WorkExperience(
            citizen_id=other.id,
            occupation_id=occupation_id(db, job),
            title_as_written=job,
            started_on=date(2024, 6, 2),
        )
    )
    db.flush()


def test_too_few_similar_people_shows_nothing(db, make_citizen, client):
    me = give_cv(db, make_citizen(), desired=["kok"])
    for _ in range(K_PEOPLE - 1):
        _found_job(db, make_citizen, "tjener", "tjener")
    # not similar: wants work in another main group
    _found_job(db, make_citizen, "sygeplejerske", "sygeplejerske")
    result = people_like_you(db, me.id, "da")
    assert result.group_size == K_PEOPLE - 1
    assert result.too_few and result.occupations == ()
    log_in(client, me.user)
    page = client.get("/praktikpladser").get_data(as_text=True)
    assert "for få til at vise" in page.lower()
    assert "Tjener: 9" not in page


def test_counts_come_from_the_rows_once_ten_are_alike(db, make_citizen, client):
    me = give_cv(db, make_citizen(), desired=["kok"])
    for _ in range(7):
        _found_job(db, make_citizen, "tjener", "tjener")
    for _ in range(3):
        _found_job(db, make_citizen, "kok", "kok")
    # a spell that ended without a job after it does not count
    lost = give_cv(db, make_citizen(), desired=["kok"])
    db.add(
        UnemploymentSpell(
            citizen_id=lost.id, started_on=date(2024, 1, 1), ended_on=date(2024, 6, 1)
        )
    )
    db.flush()
    result = people_like_you(db, me.id, "da")
    assert result.group_size == 10
    assert [(s.occupation.lower(), s.people) for s in result.occupations] == [
        ("tjener", 7),
        ("kok", 3),
    ]
    log_in(client, me.user)
    page = client.get("/praktikpladser").get_data(as_text=True)
    assert "7 personer" in page and "3 personer" in page
    assert "SYNTETISK" in page or "SYNTHETIC" in page
