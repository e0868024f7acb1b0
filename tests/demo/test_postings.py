"""The demo load's taxonomy and synthetic job postings: plausible and deterministic."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app import geo
from app.demo.generator import load_demo
from app.demo.jobs import _town, danish_date, posting_counts
from app.demo.occupations import DEMO_TAXONOMY, ESCO, in_running_text
from app.models import (
    CitizenOccupation,
    CitizenSkill,
    ConceptLabel,
    ConceptType,
    Hours,
    JobPreferences,
    LabelKind,
    Occupation,
    OccupationSkill,
    Posting,
    PostingSkill,
    Relation,
    Skill,
    TaxonomySource,
)
from tests.demo.demo_checks import LOAD_DATE, fake_hash, occupation_skills

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
    links = occupation_skills(small_demo)
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


def _rows(session: Session, table: Table) -> list[tuple[object, ...]]:
    return [tuple(row) for row in session.execute(select(table).order_by(table.c.id))]


def test_same_seed_and_load_date_give_identical_rows(
    make_demo_session: Callable[[], Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_hash(monkeypatch)
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
    fake_hash(monkeypatch)
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
