"""Job matching: scoring rules, filters, the loop baseline and alternative fields."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from app.ml.alternatives import alternative_occupations
from app.ml.matching import (
    MODEL_VERSION,
    CitizenProfile,
    MatchFilters,
    Posting,
    haversine_km,
)
from app.ml.naive_matching import naive_rank
from app.ml.taxonomy import Taxonomy
from app.ml.vectorised_matching import MatchIndex, rank_jobs_for

COPENHAGEN = (55.6761, 12.5683)
ROSKILDE = (55.6415, 12.0803)  # about 31 km west
AARHUS = (56.1629, 10.2039)  # about 157 km


def skills(*keys: str) -> frozenset[str]:
    return frozenset(f"skill:{k}" for k in keys)


def posting(pid: int, **fields) -> Posting:
    defaults = {
        "id": pid,
        "title": "Stilling",
        "lat": COPENHAGEN[0],
        "lon": COPENHAGEN[1],
    }
    defaults.update(fields)
    return Posting(**defaults)


def ids(matches) -> list:
    return [m.posting_id for m in matches]


def test_haversine_copenhagen_aarhus() -> None:
    assert haversine_km(*COPENHAGEN, *AARHUS) == pytest.approx(157, abs=2)


def test_essential_coverage_outranks_optional(taxonomy: Taxonomy) -> None:
    postings = [
        posting(
            1, optional_skills=skills("forklift"), essential_skills=skills("stock")
        ),
        posting(
            2, essential_skills=skills("forklift"), optional_skills=skills("stock")
        ),
    ]
    profile = CitizenProfile(skills=skills("forklift"))
    result = rank_jobs_for(profile, MatchIndex.build(postings, taxonomy))
    assert ids(result) == [2, 1]
    assert result[0].score > result[1].score
    best = result[0].reasons
    assert best.matched_essential == ("skill:forklift",)
    assert best.missing_essential == ()
    assert best.matched_optional == ()
    assert result[1].reasons.missing_essential == ("skill:stock",)
    assert result[0].model_version == MODEL_VERSION


def test_skill_known_only_as_optional(taxonomy: Taxonomy) -> None:
    postings = [
        posting(1, essential_skills=skills("stock")),
        posting(2, optional_skills=skills("forklift")),
    ]
    profile = CitizenProfile(skills=skills("forklift", "python"))
    result = rank_jobs_for(profile, MatchIndex.build(postings, taxonomy))
    assert ids(result) == [2, 1]
    assert result[0].reasons.matched_optional == ("skill:forklift",)


def test_distance_filter_excludes_far_postings(taxonomy: Taxonomy) -> None:
    postings = [
        posting(1),
        posting(2, lat=ROSKILDE[0], lon=ROSKILDE[1]),
        posting(3, lat=AARHUS[0], lon=AARHUS[1]),
        posting(4, lat=None, lon=None),  # no location (remote): kept
    ]
    index = MatchIndex.build(postings, taxonomy)
    near = CitizenProfile(lat=COPENHAGEN[0], lon=COPENHAGEN[1], max_distance_km=40)
    result = rank_jobs_for(near, index)
    assert sorted(ids(result)) == [1, 2, 4]
    by_id = {m.posting_id: m.reasons.distance_km for m in result}
    assert by_id[1] == 0.0
    assert by_id[2] == pytest.approx(31, abs=1)
    assert by_id[4] is None
    assert sorted(ids(rank_jobs_for(replace(near, max_distance_km=None), index))) == [
        1,
        2,
        3,
        4,
    ]


def test_desired_occupation_then_history_then_related(taxonomy: Taxonomy) -> None:
    postings = [
        posting(1, occupation_uri="occ:cook"),
        posting(2, occupation_uri="occ:nurse"),
        posting(3, occupation_uri="occ:homecare"),  # ISCO 5322, same minor as 5321
        posting(4, occupation_uri="occ:sosu"),
    ]
    profile = CitizenProfile(
        desired_occupations=("occ:nurse",), occupation_history=("occ:sosu",)
    )
    result = rank_jobs_for(profile, MatchIndex.build(postings, taxonomy))
    assert ids(result) == [2, 4, 3, 1]
    assert [m.reasons.occupation_match for m in result] == [
        "desired",
        "history",
        "related",
        None,
    ]


def test_title_similarity_counts_when_occupation_unknown(taxonomy: Taxonomy) -> None:
    postings = [
        posting(1, title="Lagermedarbejder"),
        posting(2, title="Sygeplejerske til akutmodtagelsen"),
    ]
    profile = CitizenProfile(desired_occupations=("occ:nurse",))
    result = rank_jobs_for(profile, MatchIndex.build(postings, taxonomy))
    assert ids(result) == [2, 1]
    assert result[0].reasons.title_similarity > 0.4
    assert result[0].reasons.occupation_match is None


def test_hours_preference_and_filter(taxonomy: Taxonomy) -> None:
    postings = [
        posting(1, hours="full"),
        posting(2, hours="part"),
        posting(3, hours="any"),
    ]
    index = MatchIndex.build(postings, taxonomy)
    part_timer = CitizenProfile(hours="part")
    result = rank_jobs_for(part_timer, index)
    assert ids(result) == [2, 3, 1]
    assert [m.reasons.hours_fit for m in result] == [True, True, False]
    only_full = rank_jobs_for(
        CitizenProfile(), index, filters=MatchFilters(hours="full")
    )
    assert ids(only_full) == [1, 3]


def test_ties_are_broken_by_posting_id(taxonomy: Taxonomy) -> None:
    postings = [posting(pid) for pid in (7, 3, 9, 1, 5)]
    index = MatchIndex.build(postings, taxonomy)
    assert ids(rank_jobs_for(CitizenProfile(), index)) == [1, 3, 5, 7, 9]
    assert ids(rank_jobs_for(CitizenProfile(), index, limit=2, offset=2)) == [5, 7]


def test_not_open_to_other_industries_keeps_own_major_group(
    taxonomy: Taxonomy,
) -> None:
    postings = [
        posting(1, occupation_uri="occ:cook"),  # 5120
        posting(2, occupation_uri="occ:carpenter"),  # 7115
        posting(3),  # unknown occupation: kept
    ]
    index = MatchIndex.build(postings, taxonomy)
    profile = CitizenProfile(
        occupation_history=("occ:sosu",), open_to_other_industries=False
    )
    assert sorted(ids(rank_jobs_for(profile, index))) == [1, 3]
    open_profile = replace(profile, open_to_other_industries=True)
    assert sorted(ids(rank_jobs_for(open_profile, index))) == [1, 2, 3]


def test_filters_exclude_ids_groups_and_low_scores(taxonomy: Taxonomy) -> None:
    postings = [
        posting(1, occupation_uri="occ:nurse", essential_skills=skills("medication")),
        posting(2, occupation_uri="occ:carpenter"),
        posting(3, occupation_uri="occ:cook"),
    ]
    index = MatchIndex.build(postings, taxonomy)
    profile = CitizenProfile(skills=skills("medication"))
    assert ids(
        rank_jobs_for(profile, index, filters=MatchFilters(exclude_ids=frozenset({1})))
    ) == [2, 3]
    groups = MatchFilters(isco_major_groups=frozenset({"2", "5"}))
    assert ids(rank_jobs_for(profile, index, filters=groups)) == [1, 3]
    assert ids(rank_jobs_for(profile, index, filters=MatchFilters(min_score=0.5))) == [
        1
    ]


def test_empty_index_and_zero_limit(taxonomy: Taxonomy) -> None:
    assert rank_jobs_for(CitizenProfile(), MatchIndex.build([], taxonomy)) == []
    index = MatchIndex.build([posting(1)], taxonomy)
    assert rank_jobs_for(CitizenProfile(), index, limit=0) == []


def test_duplicate_posting_ids_are_refused(taxonomy: Taxonomy) -> None:
    with pytest.raises(ValueError, match="unique"):
        MatchIndex.build([posting(1), posting(1)], taxonomy)


def _random_world(taxonomy: Taxonomy, seed: int, n: int) -> list[Posting]:
    rng = random.Random(seed)
    occupations = sorted(taxonomy.occupations)
    all_skills = sorted(taxonomy.skills)
    titles = ["Sygeplejerske", "Tømrer søges", "Kok", "Lagermedarbejder", "Chauffør"]
    postings = []
    for pid in range(n):
        occ = rng.choice([*occupations, None])
        rel = taxonomy.skills_for(occ) if occ else None
        essential = set(rel.essential) if rel else set()
        essential |= set(rng.sample(all_skills, rng.randint(0, 2)))
        optional = set(rng.sample(all_skills, rng.randint(0, 3))) - essential
        located = rng.random() > 0.05
        postings.append(
            Posting(
                id=pid,
                title=rng.choice(titles) if occ is None else taxonomy.label(occ, "da"),
                occupation_uri=occ,
                essential_skills=frozenset(essential),
                optional_skills=frozenset(optional),
                lat=rng.uniform(54.8, 57.5) if located else None,
                lon=rng.uniform(8.2, 12.6) if located else None,
                hours=rng.choice(["full", "part", "any"]),
            )
        )
    return postings


def _random_profiles(taxonomy: Taxonomy, seed: int, n: int) -> list[CitizenProfile]:
    rng = random.Random(seed)
    occupations = sorted(taxonomy.occupations)
    all_skills = sorted(taxonomy.skills)
    return [
        CitizenProfile(
            skills=frozenset(rng.sample(all_skills, rng.randint(0, 6))),
            desired_occupations=tuple(rng.sample(occupations, rng.randint(0, 2))),
            occupation_history=tuple(rng.sample(occupations, rng.randint(0, 2))),
            lat=rng.uniform(54.8, 57.5),
            lon=rng.uniform(8.2, 12.6),
            max_distance_km=rng.choice([None, 30.0, 80.0, 200.0]),
            hours=rng.choice(["full", "part", "any"]),
            open_to_other_industries=rng.random() > 0.3,
        )
        for _ in range(n)
    ]


def test_vectorised_ranking_equals_the_loop(taxonomy: Taxonomy) -> None:
    postings = _random_world(taxonomy, seed=1, n=800)
    index = MatchIndex.build(postings, taxonomy)
    for profile in _random_profiles(taxonomy, seed=2, n=15):
        fast = rank_jobs_for(profile, index, limit=20)
        slow = naive_rank(profile, postings, taxonomy, limit=20)
        assert fast == slow
    profile = _random_profiles(taxonomy, seed=3, n=1)[0]
    filters = MatchFilters(hours="part", min_score=0.2)
    assert rank_jobs_for(profile, index, limit=10, offset=5, filters=filters) == (
        naive_rank(profile, postings, taxonomy, limit=10, offset=5, filters=filters)
    )


def test_ranking_is_deterministic(taxonomy: Taxonomy) -> None:
    postings = _random_world(taxonomy, seed=4, n=300)
    profile = _random_profiles(taxonomy, seed=5, n=1)[0]
    first = rank_jobs_for(profile, MatchIndex.build(postings, taxonomy))
    shuffled = postings[:]
    random.Random(6).shuffle(shuffled)
    assert rank_jobs_for(profile, MatchIndex.build(shuffled, taxonomy)) == first


def test_alternatives_come_from_other_major_groups(taxonomy: Taxonomy) -> None:
    # A SOSU assistant (major group 5) with care skills and first aid.
    citizen = skills("patient-care", "hygiene", "lifting", "first-aid", "medication")
    result = alternative_occupations(citizen, ["occ:sosu"], taxonomy, limit=10)
    uris = [a.occupation_uri for a in result]
    assert uris[0] == "occ:nurse"  # 2221: all four essential skills
    for alternative in result:
        assert taxonomy.isco_group_of(alternative.occupation_uri)[0] != "5"
        assert alternative.transferable_skills
        assert alternative.model_version == MODEL_VERSION
    assert "occ:homecare" not in uris and "occ:cook" not in uris
    nurse = result[0]
    assert nurse.transferable_skills == tuple(
        sorted(skills("patient-care", "medication", "hygiene", "first-aid"))
    )
    assert nurse.skills_to_learn == ()
    carpenter = next(a for a in result if a.occupation_uri == "occ:carpenter")
    assert carpenter.transferable_skills == ("skill:first-aid",)
    assert carpenter.skills_to_learn == ("skill:woodwork",)
    scores = [a.score for a in result]
    assert scores == sorted(scores, reverse=True)


def test_alternatives_need_a_transferable_skill(taxonomy: Taxonomy) -> None:
    assert alternative_occupations(frozenset(), ["occ:sosu"], taxonomy) == []
    result = alternative_occupations(skills("python"), [], taxonomy, limit=1)
    assert [a.occupation_uri for a in result] == ["occ:software"]
