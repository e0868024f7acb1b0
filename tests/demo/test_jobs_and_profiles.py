"""The demo load's taxonomy, synthetic job postings and CVs: plausible and deterministic."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app import geo
from app.demo import generator
from app.demo.generator import REFERENCE_DATE, load_demo
from app.demo.jobs import _town, danish_date, posting_counts
from app.demo.occupations import DEMO_TAXONOMY, ESCO, in_running_text
from app.demo.profiles import age_on
from app.models import (
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    ConceptLabel,
    ConceptType,
    Hours,
    HoursPreference,
    JobPreferences,
    LabelKind,
    Occupation,
    OccupationLink,
    OccupationSkill,
    Posting,
    PostingSkill,
    Relation,
    Skill,
    TaxonomySource,
)

LOAD_DATE = date(2026, 11, 1)
# A full stop followed by a capital: "bl.a. planlægning" and "1. december" go on.
SENTENCE_END = re.compile(r"(?<=[.?!])(?<!bl\.a\.) (?=[A-ZÆØÅ])")
# Big real Danish employers and chains: demo employers must not be named after them.
REAL_NAMES = (
    "Netto",
    "Føtex",
    "Bilka",
    "Rema",
    "Coop",
    "Salling",
    "Lidl",
    "Irma",
    "Matas",
    "DSB",
    "Arriva",
    "Movia",
    "Falck",
    "ISS ",
    "PostNord",
    "Novo",
    "Maersk",
    "Mærsk",
    "Carlsberg",
    "Danish Crown",
    "Arla",
    "Vestas",
    "Lego",
    "Kommune",
    "Region ",
)


def _fake_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    # argon2 costs about a second here; these tests never log in.
    monkeypatch.setattr(generator, "hash_password", lambda password: "not-a-hash")


def _occupation_skills(session: Session) -> dict[int, dict[int, Relation]]:
    links: dict[int, dict[int, Relation]] = defaultdict(dict)
    for occupation_id, skill_id, relation in session.execute(
        select(
            OccupationSkill.occupation_id,
            OccupationSkill.skill_id,
            OccupationSkill.relation,
        )
    ):
        links[occupation_id][skill_id] = relation
    return links


def _cv_citizens(session: Session) -> set[int]:
    return set(session.scalars(select(JobPreferences.citizen_id)))


def test_the_demo_taxonomy_is_loaded_once(small_demo: Session) -> None:
    names = small_demo.scalars(select(TaxonomySource.name)).all()
    assert names == [DEMO_TAXONOMY]
    assert small_demo.scalar(select(func.count()).select_from(Occupation)) >= 80


def test_small_load_has_hundreds_of_synthetic_postings(small_demo: Session) -> None:
    postings = small_demo.scalars(select(Posting)).all()
    assert 500 <= len(postings) <= 700
    assert all(p.synthetic and p.source == "demo" and p.url is None for p in postings)
    assert len({p.external_id for p in postings}) == len(postings)
    assert all(p.occupation_id is not None for p in postings)
    # Spread over the whole country, not only the four cities.
    municipalities = {geo.municipality_of_postcode(p.postcode) for p in postings}
    assert len(municipalities) == 98
    part = sum(p.hours is Hours.PART_TIME for p in postings) / len(postings)
    assert 0.15 <= part <= 0.35


def test_postings_sit_at_danish_postcodes(small_demo: Session) -> None:
    for posting in small_demo.scalars(select(Posting)):
        place = geo.postcode_info(posting.postcode)
        assert place is not None, posting.postcode
        assert (posting.latitude, posting.longitude) == (place.lat, place.lon)
        assert posting.city == place.city
        assert 54.5 <= posting.latitude <= 57.8
        assert 8.0 <= posting.longitude <= 15.2


def test_postings_read_like_danish_job_ads(small_demo: Session) -> None:
    postings = small_demo.scalars(select(Posting)).all()
    danish_labels = set(
        small_demo.scalars(
            select(ConceptLabel.text).where(
                ConceptLabel.concept_type == ConceptType.OCCUPATION,
                ConceptLabel.lang == "da",
            )
        )
    )
    plain_titles = 0
    for posting in postings:
        assert not any(name in posting.employer for name in REAL_NAMES), posting
        assert 2 <= len(posting.employer) <= 200
        # The firm's name may hold a full stop of its own ("& Co.").
        text = posting.description.replace(posting.employer, "Firmaet")
        sentences = SENTENCE_END.split(text)
        assert 3 <= len(sentences) <= 5, posting.description
        assert "Vi tilbyder" in posting.description
        assert posting.deadline is not None
        assert danish_date(posting.deadline) in posting.description
        plain_titles += posting.title in danish_labels
    # Mostly the occupation's own name, sometimes with a qualifier.
    assert 0.5 * len(postings) <= plain_titles < len(postings)
    assert any("nattevagt" in p.title for p in postings)
    employers = [p.employer for p in postings]
    assert len(set(employers)) < len(employers)  # some employers post several jobs


def test_required_skills_are_the_occupations_essential_ones(
    small_demo: Session,
) -> None:
    links = _occupation_skills(small_demo)
    occupation_of = dict(
        small_demo.execute(select(Posting.id, Posting.occupation_id)).tuples().all()
    )
    required: dict[int, set[int]] = defaultdict(set)
    optional: dict[int, set[int]] = defaultdict(set)
    for posting_id, skill_id, is_required in small_demo.execute(
        select(PostingSkill.posting_id, PostingSkill.skill_id, PostingSkill.required)
    ):
        (required if is_required else optional)[posting_id].add(skill_id)
    assert set(required) == set(occupation_of)
    for posting_id, occupation_id in occupation_of.items():
        skills = links[occupation_id]
        assert 3 <= len(required[posting_id]) <= 6
        assert all(skills[s] is Relation.ESSENTIAL for s in required[posting_id])
        assert all(skills[s] is Relation.OPTIONAL for s in optional[posting_id])


def test_deadlines_are_in_the_future(small_demo: Session) -> None:
    today = date.today()
    deadlines = small_demo.scalars(select(Posting.deadline)).all()
    # The fixture loaded today (allow for a run that crosses midnight).
    assert all(
        d is not None and today + timedelta(days=9) <= d <= today + timedelta(days=60)
        for d in deadlines
    )


def test_about_15_percent_of_citizens_keep_an_empty_cv(small_demo: Session) -> None:
    citizens = set(small_demo.scalars(select(Citizen.id)))
    with_cv = _cv_citizens(small_demo)
    assert with_cv <= citizens
    empty = citizens - with_cv
    assert 0.07 <= len(empty) / len(citizens) <= 0.25
    for table in (CitizenSkill, CitizenOccupation):
        assert set(small_demo.scalars(select(table.citizen_id))) == with_cv


def test_cvs_are_plausible_and_use_the_taxonomy(small_demo: Session) -> None:
    skill_ids = set(small_demo.scalars(select(Skill.id)))
    links = _occupation_skills(small_demo)
    born = dict(small_demo.execute(select(Citizen.id, Citizen.birth_date)).all())
    skills: dict[int, set[int]] = defaultdict(set)
    for citizen_id, skill_id in small_demo.execute(
        select(CitizenSkill.citizen_id, CitizenSkill.skill_id)
    ):
        skills[citizen_id].add(skill_id)
    jobs: dict[int, list[CitizenOccupation]] = defaultdict(list)
    for row in small_demo.scalars(select(CitizenOccupation)):
        jobs[row.citizen_id].append(row)
    from_jobs = 0
    for citizen_id in _cv_citizens(small_demo):
        assert skills[citizen_id] <= skill_ids
        assert 4 <= len(skills[citizen_id]) <= 10
        experience = [
            r for r in jobs[citizen_id] if r.link is OccupationLink.EXPERIENCE
        ]
        desired = [r for r in jobs[citizen_id] if r.link is OccupationLink.DESIRED]
        assert 1 <= len(experience) <= 2
        assert len(desired) <= 2
        age = age_on(born[citizen_id], REFERENCE_DATE)
        for row in experience:
            assert row.years is not None
            assert 1 <= row.years <= min(15, max(1, age - 18))
            assert row.title_as_written
        known = {s for r in jobs[citizen_id] for s in links[r.occupation_id]}
        from_jobs += len(skills[citizen_id] & known)
    total = sum(len(s) for s in skills.values())
    assert from_jobs >= 0.8 * total  # mostly their own occupations' skills
    preferences = small_demo.scalars(select(JobPreferences)).all()
    assert {p.max_distance_km for p in preferences} == {10, 20, 30, 50}
    assert {p.hours for p in preferences} == set(HoursPreference)
    share_open = sum(p.open_to_other_industries for p in preferences) / len(preferences)
    assert 0.6 <= share_open < 1


def test_every_citizen_with_a_cv_has_jobs_within_30_km(small_demo: Session) -> None:
    places = [
        (posting_id, geo.postcode_info(code), occupation_id)
        for posting_id, code, occupation_id in small_demo.execute(
            select(Posting.id, Posting.postcode, Posting.occupation_id)
        )
    ]
    required: dict[int, set[int]] = defaultdict(set)
    for posting_id, skill_id in small_demo.execute(
        select(PostingSkill.posting_id, PostingSkill.skill_id).where(
            PostingSkill.required
        )
    ):
        required[posting_id].add(skill_id)
    skills: dict[int, set[int]] = defaultdict(set)
    for citizen_id, skill_id in small_demo.execute(
        select(CitizenSkill.citizen_id, CitizenSkill.skill_id)
    ):
        skills[citizen_id].add(skill_id)
    occupations: dict[int, set[int]] = defaultdict(set)
    for citizen_id, occupation_id in small_demo.execute(
        select(CitizenOccupation.citizen_id, CitizenOccupation.occupation_id)
    ):
        occupations[citizen_id].add(occupation_id)
    same_occupation = 0
    for citizen_id, postcode in small_demo.execute(
        select(Citizen.id, Citizen.postcode).where(
            Citizen.id.in_(_cv_citizens(small_demo))
        )
    ):
        home = geo.postcode_info(postcode)
        assert home is not None
        near = [
            (posting_id, occupation_id)
            for posting_id, place, occupation_id in places
            if place is not None
            and geo.haversine_km(home.lat, home.lon, place.lat, place.lon) <= 30
        ]
        assert any(required[p] & skills[citizen_id] for p, _ in near), citizen_id
        same_occupation += any(o in occupations[citizen_id] for _, o in near)
    assert same_occupation >= 0.6 * len(_cv_citizens(small_demo))


def _rows(session: Session, table: Table) -> list[tuple[object, ...]]:
    return [tuple(row) for row in session.execute(select(table).order_by(table.c.id))]


def test_same_seed_and_load_date_give_identical_rows(
    make_demo_session: Callable[[], Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_hash(monkeypatch)
    first, second = make_demo_session(), make_demo_session()
    summary = load_demo(first, load_date=LOAD_DATE)
    assert summary == load_demo(second, load_date=LOAD_DATE)
    assert summary.postings == len(_rows(first, Posting.__table__)) >= 500
    assert summary.citizens_with_cv == len(_rows(first, JobPreferences.__table__))
    for model in (Posting, PostingSkill, CitizenSkill, CitizenOccupation):
        rows = _rows(first, model.__table__)
        assert rows
        assert rows == _rows(second, model.__table__), model.__name__
    assert _rows(first, JobPreferences.__table__) == _rows(
        second, JobPreferences.__table__
    )
    deadlines = first.scalars(select(Posting.deadline)).all()
    assert min(deadlines) >= LOAD_DATE + timedelta(days=10)
    assert max(deadlines) <= LOAD_DATE + timedelta(days=60)


def _add_fake_esco(session: Session) -> list[int]:
    """A tiny ESCO-like taxonomy: two shop occupations, one chef, one astronaut."""
    source = TaxonomySource(name=ESCO, version="1.2.0", languages="da,en")
    session.add(source)
    session.flush()
    skills = []
    for n in range(8):
        skill = Skill(uri=f"http://data.europa.eu/esco/skill/s{n}", source_id=source.id)
        session.add(skill)
        skills.append(skill)
    session.flush()
    for skill in skills:
        session.add(
            ConceptLabel(
                concept_type=ConceptType.SKILL,
                concept_id=skill.id,
                lang="da",
                kind=LabelKind.PREFERRED,
                text=f"Færdighed {skill.id}",
            )
        )
    ids = []
    for n, (isco, label) in enumerate(
        (
            ("5223", "Butiksassistent"),
            ("5223", "Salgsassistent"),
            ("5120", "Kok"),
            ("3154", "Astronaut"),
        )
    ):
        occupation = Occupation(
            uri=f"http://data.europa.eu/esco/occupation/o{n}",
            isco_code=isco,
            source_id=source.id,
        )
        session.add(occupation)
        session.flush()
        ids.append(occupation.id)
        session.add(
            ConceptLabel(
                concept_type=ConceptType.OCCUPATION,
                concept_id=occupation.id,
                lang="da",
                kind=LabelKind.PREFERRED,
                text=label,
            )
        )
        for k, skill in enumerate(skills[n : n + 6]):
            relation = Relation.ESSENTIAL if k < 4 else Relation.OPTIONAL
            session.add(
                OccupationSkill(
                    occupation_id=occupation.id, skill_id=skill.id, relation=relation
                )
            )
    session.commit()
    return ids


def test_a_loaded_esco_taxonomy_is_used_instead(
    make_demo_session: Callable[[], Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_hash(monkeypatch)
    session = make_demo_session()
    shop, shop2, chef, astronaut = _add_fake_esco(session)
    messages: list[str] = []
    load_demo(session, load_date=LOAD_DATE, progress=messages.append)
    assert session.scalars(select(TaxonomySource.name)).all() == [ESCO]
    assert any("esco" in message for message in messages)
    used = set(session.scalars(select(Posting.occupation_id)))
    assert used == {shop, shop2, chef}
    assert set(session.scalars(select(CitizenOccupation.occupation_id))) <= used


def test_posting_counts_by_size() -> None:
    small = posting_counts("small")
    assert 590 <= sum(small.values()) <= 610
    assert all(count >= 1 for count in small.values())
    assert all(small[code] > small[147] for code in (101, 751, 461, 851))
    national = posting_counts("national")
    assert sum(national.values()) == 50_000
    assert national[101] > national[751] > national[461] > national[825]


def test_labels_in_running_text_keep_names_capitalised() -> None:
    assert in_running_text("Excel", ("regneark", "Microsoft Excel")) == "Excel"
    assert in_running_text("Kundeservice", ("kundebetjening",)) == "kundeservice"
    assert in_running_text("IT-sikkerhed", ()) == "IT-sikkerhed"


def test_firm_names_use_the_town_without_its_district() -> None:
    assert _town("Aalborg SV") == "Aalborg"
    assert _town("København K") == "København"
    assert _town("Lem St") == "Lem"
    assert _town("Kongens Lyngby") == "Kongens Lyngby"
    assert danish_date(date(2026, 12, 1)) == "1. december 2026"


def test_every_citizen_with_a_cv_sees_matches_and_alternatives(
    small_demo: Session,
) -> None:
    """The issue's promise, through the real matching service and each citizen's own
    saved distance and hours."""
    from app.jobs import queries

    citizen_ids = sorted(_cv_citizens(small_demo))
    assert citizen_ids
    for citizen_id in citizen_ids:
        jobs = queries.jobs_for(small_demo, citizen_id, page=1, per_page=3)
        assert jobs.total > 0, citizen_id
        assert all(
            item.reasons.matched_essential or item.occupation for item in jobs.items
        )
        alternatives = queries.alternatives_for(small_demo, citizen_id)
        assert alternatives.items, citizen_id
