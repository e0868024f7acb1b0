"""The matching service: ORM rows -> the pure matcher -> labelled results."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.jobs import matching, queries
from app.ml.matching import MODEL_VERSION
from app.models import Hours, HoursPreference
from app.taxonomy.services import load_taxonomy as taxonomy_of
from tests.data import OCC, SKILL, give_cv, load_taxonomy, make_posting

pytestmark = pytest.mark.usefixtures("taxonomy")


def _ids(page: queries.MatchPage) -> list[int]:
    return [item.posting.id for item in page.items]


def test_profile_defaults_without_a_preferences_row(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"], desired=["kok"])
    profile = matching.profile_for(db, citizen.id)
    assert profile.skills == frozenset({SKILL + "nursing-care"})
    assert profile.desired_occupations == (OCC + "kok",)
    assert profile.max_distance_km == matching.DEFAULT_MAX_DISTANCE_KM
    assert profile.hours == "any" and profile.open_to_other_industries
    assert profile.lat == pytest.approx(55.7, abs=0.1)  # 2200 København N


def test_profile_uses_saved_preferences(db, make_citizen) -> None:
    citizen = give_cv(
        db, make_citizen(), max_distance_km=12, hours=HoursPreference.PART_TIME
    )
    profile = matching.profile_for(db, citizen.id)
    assert profile.max_distance_km == 12 and profile.hours == "part"


def test_essential_skills_rank_above_optional(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["cooking"])
    as_optional = make_posting(
        db,
        title="Medhjælper",
        occupation=None,
        essential=["cleaning", "dishwashing"],
        optional=["cooking"],
    )
    as_essential = make_posting(
        db, title="Kok", occupation=None, essential=["cooking", "food-safety"]
    )
    page = queries.jobs_for(db, citizen.id)
    assert _ids(page) == [as_essential.id, as_optional.id]
    best = page.items[0]
    assert best.score > page.items[1].score
    assert best.model_version == MODEL_VERSION
    assert [s.label for s in best.matched_essential] == ["Madlavning"]
    assert [s.uri for s in best.missing_essential] == [SKILL + "food-safety"]
    assert best.essential_count == 2


def test_distance_filter(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(postcode="2200"), skills=["nursing-care"])
    near = make_posting(db, postcode="2100")
    far = make_posting(db, postcode="9000")  # Aalborg, about 230 km away
    assert _ids(queries.jobs_for(db, citizen.id)) == [near.id]
    wide = queries.jobs_for(db, citizen.id, max_distance_km=500)
    assert set(_ids(wide)) == {near.id, far.id}
    distances = {i.posting.id: i.distance_km for i in wide.items}
    assert distances[near.id] < 10 < 200 < distances[far.id]


def test_without_a_postcode_there_is_no_distance_filter(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(postcode=None), skills=["nursing-care"])
    far = make_posting(db, postcode="9000")
    page = queries.jobs_for(db, citizen.id, max_distance_km=5)
    assert not page.located and page.max_distance_km is None
    assert _ids(page) == [far.id]
    assert page.items[0].distance_km is None


def test_hours_filter(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    full = make_posting(db, hours=Hours.FULL_TIME)
    part = make_posting(db, hours=Hours.PART_TIME)
    assert _ids(queries.jobs_for(db, citizen.id, hours="part")) == [part.id]
    assert set(_ids(queries.jobs_for(db, citizen.id, hours="any"))) == {
        full.id,
        part.id,
    }


def test_expired_postings_are_excluded(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    today = make_posting(db, deadline=date.today())
    expired = make_posting(db, deadline=date.today() - timedelta(days=1))
    open_ended = make_posting(db)
    open_ended.deadline = None
    db.flush()
    matching.invalidate_match_index()
    assert set(_ids(queries.jobs_for(db, citizen.id))) == {today.id, open_ended.id}
    assert queries.posting_detail(db, citizen.id, expired.id) is None
    assert queries.posting_detail(db, citizen.id, 999_999_999) is None
    assert queries.posting_detail(db, citizen.id, today.id) is not None


def test_index_is_cached_and_rebuilt_after_a_new_posting(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    first = make_posting(db)
    before = matching.builds
    queries.jobs_for(db, citizen.id)
    queries.jobs_for(db, citizen.id, page=2)
    queries.alternatives_for(db, citizen.id)
    assert matching.builds == before + 1, "built once, then reused"
    second = make_posting(db)
    page = queries.jobs_for(db, citizen.id)
    assert matching.builds == before + 2
    assert set(_ids(page)) == {first.id, second.id}


def test_index_is_rebuilt_when_the_taxonomy_changes(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    make_posting(db)
    queries.jobs_for(db, citizen.id)
    before = matching.builds
    load_taxonomy(db)  # clears the taxonomy cache: a new Taxonomy object
    queries.alternatives_for(db, citizen.id)
    assert matching.builds == before + 1


def test_empty_cv_gives_an_empty_page_not_an_error(db, make_citizen) -> None:
    citizen = make_citizen()
    make_posting(db)
    page = queries.jobs_for(db, citizen.id)
    assert page.empty_profile and page.items == [] and page.total == 0


def test_pages_and_totals(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    made = [make_posting(db) for _ in range(12)]
    first = queries.jobs_for(db, citizen.id, per_page=10)
    last = queries.jobs_for(db, citizen.id, page=2, per_page=10)
    beyond = queries.jobs_for(db, citizen.id, page=99, per_page=10)
    assert first.total == 12 and first.pages == 2 and len(first.items) == 10
    assert len(last.items) == 2 and beyond.number == 2
    assert set(_ids(first) + _ids(last)) == {p.id for p in made}


def test_weak_matches_are_not_shown(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    make_posting(db, title="Tømrer", occupation=None, essential=["cooking"])
    assert queries.jobs_for(db, citizen.id).total == 0


def test_occupation_filter_shows_every_posting_of_it(db, make_citizen) -> None:
    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    cook = make_posting(db, title="Kok", occupation="kok", essential=["cooking"])
    make_posting(db)
    page = queries.jobs_for(db, citizen.id, occupation_uri=OCC + "kok", lang="en")
    assert _ids(page) == [cook.id]
    assert page.occupation is not None and page.occupation.label == "Cook"
    unknown = queries.jobs_for(db, citizen.id, occupation_uri="nothing:here")
    assert unknown.unknown_occupation and unknown.total == 1


def test_posting_detail_explains_everything(db, make_citizen) -> None:
    citizen = give_cv(
        db,
        make_citizen(),
        skills=["nursing-care", "wound-care"],
        desired=["sygeplejerske"],
    )
    posting = make_posting(
        db,
        postcode="9000",
        essential=["nursing-care", "administer-medication"],
        optional=["wound-care", "first-aid"],
    )
    match = queries.posting_detail(db, citizen.id, posting.id, lang="da")
    assert match is not None and match.posting.id == posting.id
    assert match.occupation_match == "desired"
    assert [s.uri for s in match.matched_optional] == [SKILL + "wound-care"]
    assert [s.uri for s in match.missing_optional] == [SKILL + "first-aid"]
    assert match.distance_km is not None and match.distance_km > 200
    assert match.model_version == MODEL_VERSION


def test_alternatives_are_in_another_isco_major_group(db, make_citizen) -> None:
    citizen = give_cv(
        db,
        make_citizen(),
        skills=["cooking", "food-safety", "hygiene", "cleaning", "teamwork"],
        history=["kok"],  # ISCO 5120: major group 5
    )
    make_posting(
        db,
        title="Opvasker",
        occupation="opvasker",
        essential=["dishwashing", "cleaning"],
    )
    result = queries.alternatives_for(db, citizen.id, lang="da")
    assert result.items and result.has_skills and not result.empty_profile
    taxonomy = taxonomy_of(db)
    for alt in result.items:
        assert taxonomy.isco_group_of(alt.occupation.uri)[0] != "5"
        assert alt.transferable_skills
        assert alt.model_version == MODEL_VERSION
    found = {alt.occupation.uri: alt for alt in result.items}
    if OCC + "opvasker" in found:  # 9412: another field, with one posting nearby
        assert found[OCC + "opvasker"].postings_nearby == 1


def test_alternatives_for_an_empty_cv(db, make_citizen) -> None:
    result = queries.alternatives_for(db, make_citizen().id)
    assert result.empty_profile and result.items == ()


def test_personal_competences_the_posting_asks_for_raise_it_and_are_explained(
    db, make_citizen
) -> None:
    from app.models import PersonalCompetence  # only this test writes them

    citizen = give_cv(db, make_citizen(), skills=["nursing-care"])
    db.add_all(
        [
            PersonalCompetence(citizen_id=citizen.id, code="reliable"),
            PersonalCompetence(citizen_id=citizen.id, code="cooperative"),
            PersonalCompetence(citizen_id=citizen.id, free_text="Tålmodig"),
        ]
    )
    plain = make_posting(db)
    asking = make_posting(
        db, description="Du er mødestabil, tålmodig og god til at samarbejde."
    )
    page = queries.jobs_for(db, citizen.id, lang="en")
    assert _ids(page) == [asking.id, plain.id]
    first, second = page.items
    assert first.score > second.score and second.personal_reason is None
    assert first.personal_reason == (
        "You have described yourself as reliable, good at working with others and "
        "Tålmodig, which the employer asks for."
    )
    detail = queries.posting_detail(db, citizen.id, asking.id, lang="en")
    assert detail.personal_reason == first.personal_reason
