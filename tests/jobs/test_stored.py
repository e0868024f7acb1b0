"""Stored matches: ranked when the CV or the postings change, read by the pages."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.audit import SYSTEM
from app.cv.services import add_skill
from app.jobs import queries, stored
from app.models import MatchList, StoredMatch
from tests.data import SKILL, give_cv, make_posting

pytestmark = pytest.mark.usefixtures("taxonomy")


def _ids(page: queries.MatchPage) -> list[int]:
    return [m.posting.id for m in page.items]


def test_a_page_reads_the_stored_list_without_ranking(
    db, make_citizen, monkeypatch
) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    posting = make_posting(db)
    first = queries.jobs_for(db, citizen.id, lang="en")
    assert _ids(first) == [posting.id]
    assert db.get(MatchList, citizen.id).total == 1

    def no_ranking(*_args, **_kwargs):
        raise AssertionError("a fresh stored list is read, not ranked again")

    monkeypatch.setattr(stored, "rank_jobs_for", no_ranking)
    again = queries.jobs_for(db, citizen.id, lang="en")
    assert _ids(again) == [posting.id]
    shown, was = again.items[0], first.items[0]
    assert (shown.score, shown.model_version) == (was.score, was.model_version)
    assert shown.matched_essential == was.matched_essential
    assert shown.occupation == was.occupation and shown.distance_km == was.distance_km


def test_new_postings_and_a_changed_cv_give_a_new_list(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    first = make_posting(db)
    assert _ids(queries.jobs_for(db, citizen.id)) == [first.id]
    second = make_posting(db)
    assert set(_ids(queries.jobs_for(db, citizen.id))) == {first.id, second.id}
    key = db.get(MatchList, citizen.id).profile_key
    # A CV change is stored at once, by the profile_changed signal.
    add_skill(db, citizen.id, SKILL + "wound-care", actor=SYSTEM)
    listed = db.get(MatchList, citizen.id)
    db.refresh(listed)
    assert listed.profile_key != key
    assert db.query(StoredMatch).filter_by(citizen_id=citizen.id).count() == 2


def test_a_list_stored_at_the_same_moment_by_another_request_is_read(
    db, make_citizen, monkeypatch
) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    first = make_posting(db)
    queries.jobs_for(db, citizen.id)
    make_posting(db)  # the stored list is stale now

    def clash(*_args, **_kwargs):
        raise IntegrityError("INSERT INTO match_list", {}, Exception("duplicate key"))

    monkeypatch.setattr(stored, "refresh_matches", clash)
    page = queries.jobs_for(db, citizen.id)
    assert _ids(page) == [first.id], "the page is drawn from the list already stored"
