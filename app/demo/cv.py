"""SYNTHETIC demo CVs beyond skills and occupations: education, work history,
languages, driving licences, certificates and personal competences.

Only citizens with a CV (experience rows from app.demo.profiles) get these; the others
keep an empty CV, so its empty states can be seen. The work history is built from the
citizen's experience rows: the same occupations and titles, the years turned into
dates counting back from the reference date (the latest job ended a few months before
it). Danish and English follow the screening answers where the citizen has them
(app.demo.onboarding), so the CV and the answers agree. The same seed gives the same
rows; everything is written with bulk_insert, in batches, so the national size stays
fast.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from random import Random
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cv.labels import PERSONAL_COMPETENCES
from app.db import bulk_insert
from app.models import (
    Certificate,
    Citizen,
    CitizenOccupation,
    DrivingLicence,
    Education,
    EducationLevel,
    LanguageLevel,
    LanguageSkill,
    Occupation,
    OccupationLink,
    PersonalCompetence,
    ScreeningAnswers,
    WorkExperience,
)

BATCH_SIZE = 5_000

# Fictitious employers (any likeness to a real firm is chance).
EMPLOYER_STEMS = (
    "Nordlys",
    "Bøgely",
    "Havnefronten",
    "Skovbrynet",
    "Fjordlinjen",
    "Kildevang",
    "Østerlund",
    "Solsikken",
    "Vestkysten",
    "Egeskov",
    "Møllegården",
    "Stjernen",
    "Lyngbakken",
    "Strandvejen",
    "Ågården",
)
EMPLOYER_FORMS = (" ApS", " A/S", " I/S", "", " & Co.")
DESCRIPTIONS = (
    "Faste opgaver i et travlt team.",
    "Ansvar for daglig drift og kontakt med kunder.",
    "Deltog i oplæring af nye kolleger.",
    "Vagtarbejde, også weekender.",
    "Planlægning af egne opgaver og samarbejde med andre faggrupper.",
)
# Education by the skill level of the latest occupation's ISCO major group.
LEVELS_BY_MAJOR: dict[str, tuple[EducationLevel, ...]] = {
    "1": (EducationLevel.MASTER, EducationLevel.BACHELOR),
    "2": (EducationLevel.MASTER, EducationLevel.BACHELOR),
    "3": (
        EducationLevel.SHORT_CYCLE,
        EducationLevel.BACHELOR,
        EducationLevel.VOCATIONAL,
    ),
    "4": (EducationLevel.VOCATIONAL, EducationLevel.UPPER_SECONDARY),
    "5": (EducationLevel.VOCATIONAL, EducationLevel.UPPER_SECONDARY),
    "7": (EducationLevel.VOCATIONAL,),
    "8": (EducationLevel.VOCATIONAL, EducationLevel.PRIMARY),
}
DEFAULT_LEVELS = (EducationLevel.PRIMARY, EducationLevel.UPPER_SECONDARY)
EDUCATION_TITLES: dict[EducationLevel, tuple[tuple[str, str | None], ...]] = {
    EducationLevel.PRIMARY: (
        ("9. klasse", "Folkeskolen"),
        ("10. klasse", "Efterskole"),
    ),
    EducationLevel.UPPER_SECONDARY: (
        ("Studentereksamen (STX)", "Gymnasium"),
        ("HF", "VUC"),
        ("HHX", "Handelsgymnasium"),
    ),
    EducationLevel.VOCATIONAL: (
        ("Social- og sundhedshjælper", "SOSU-skole"),
        ("Detailhandelsuddannelse", "Erhvervsskole"),
        ("Tømrer", "Teknisk skole"),
        ("Ernæringsassistent", "Erhvervsskole"),
        ("Lager- og terminaluddannelsen", "AMU-center"),
    ),
    EducationLevel.SHORT_CYCLE: (
        ("Markedsføringsøkonom", "Erhvervsakademi"),
        ("Datamatiker", "Erhvervsakademi"),
    ),
    EducationLevel.BACHELOR: (
        ("Professionsbachelor i sygepleje", "Professionshøjskole"),
        ("Pædagog", "Professionshøjskole"),
        ("Bachelor i økonomi", "Universitet"),
    ),
    EducationLevel.MASTER: (
        ("Cand.merc.", "Handelshøjskole"),
        ("Cand.scient.", "Universitet"),
    ),
}
STUDY_YEARS = {
    EducationLevel.PRIMARY: 1,
    EducationLevel.UPPER_SECONDARY: 3,
    EducationLevel.VOCATIONAL: 3,
    EducationLevel.SHORT_CYCLE: 2,
    EducationLevel.BACHELOR: 4,
    EducationLevel.MASTER: 2,
}
CERTIFICATES = (
    ("Truckcertifikat B", "AMU"),
    ("Førstehjælp", "Dansk Førstehjælpsråd"),
    ("Hygiejnebevis", "AMU"),
    ("Arbejdsmiljøcertifikat", None),
    ("Kørekort til kran", "AMU"),
)
LADDER = (
    EducationLevel.PRIMARY,
    EducationLevel.UPPER_SECONDARY,
    EducationLevel.VOCATIONAL,
    EducationLevel.SHORT_CYCLE,
    EducationLevel.BACHELOR,
    EducationLevel.MASTER,
)
COMPETENCE_CODES = sorted(PERSONAL_COMPETENCES)
COMPETENCE_SHARE = 0.35
OTHER_LANGUAGES = ("de", "sv", "pl", "ar", "uk", "tr", "so", "ro", "fr", "es")
ENGLISH_LEVELS = (LanguageLevel.BASIC, LanguageLevel.GOOD, LanguageLevel.FLUENT)
OTHER_LEVELS = (*ENGLISH_LEVELS, LanguageLevel.NATIVE)
LICENCE_SHARE = 0.7
HEAVY_LICENCES = (("B", "C1"), ("B", "C", "CE"), ("B", "BE"), ("A", "B"), ("B", "D"))


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


class CvGenerator:
    """Generates the rest of each demo CV from one seeded Random, in citizen id order."""

    def __init__(self, seed: int, reference_date: date) -> None:
        self.rng = Random(f"jobunivers-demo-cv-{seed}")
        self.reference_date = reference_date
        random = self.rng.random

        # Random.choice and randint cost several calls each; at 100,000 CVs that
        # is most of the generation time, so these draw from one random() instead.
        def pick(seq: Sequence[Any]) -> Any:
            return seq[int(random() * len(seq))]

        def between(low: int, high: int) -> int:
            return low + int(random() * (high - low + 1))

        self.pick = pick
        self.between = between

    def rows(
        self,
        citizen_id: int,
        born: date,
        jobs: list[tuple[int, str | None, int | None, str | None]],
        danish: LanguageLevel | None,
        english: LanguageLevel | None,
    ) -> dict[str, list[dict[str, Any]]]:
        """One citizen's CV rows by table (the keys of TABLES), drawn in a fixed order."""
        out: dict[str, list[dict[str, Any]]] = {"work": self._work(citizen_id, jobs)}
        major = (jobs[0][3] or "")[:1] if jobs else ""
        level = self.pick(LEVELS_BY_MAJOR.get(major, DEFAULT_LEVELS))
        # The highest education only, as most CVs list it.
        out["education"] = [self._education(citizen_id, born, level)]
        out["languages"] = self._languages(citizen_id, danish, english)
        out["licences"] = self._licences(citizen_id)
        out["certificates"] = self._certificates(citizen_id)
        out["competences"] = self._competences(citizen_id)
        return out

    def _work(
        self,
        citizen_id: int,
        jobs: list[tuple[int, str | None, int | None, str | None]],
    ) -> list[dict[str, Any]]:
        rng, pick, between = self.rng, self.pick, self.between
        # Work history: the latest job (the first experience row) ended 1-8 months ago.
        work = []
        end = _months_before(self.reference_date, between(1, 8))
        for occupation_id, title, years, _isco in jobs:
            months = max(3, (years or 1) * 12 - between(0, 6))
            start = _months_before(end, months)
            employer = pick(EMPLOYER_STEMS) + pick(EMPLOYER_FORMS)
            work.append(
                {
                    "citizen_id": citizen_id,
                    "occupation_id": occupation_id,
                    "title_as_written": title or "",
                    "employer": employer,
                    "hide_employer": rng.random() < 0.1,
                    "started_on": start,
                    "ended_on": end,
                    "description": (pick(DESCRIPTIONS) if rng.random() < 0.4 else None),
                }
            )
            end = _months_before(start, between(0, 10))
        return work

    def _languages(
        self,
        citizen_id: int,
        danish: LanguageLevel | None,
        english: LanguageLevel | None,
    ) -> list[dict[str, Any]]:
        rng, pick = self.rng, self.pick
        languages = []
        for code, level_ in (
            ("da", danish or LanguageLevel.NATIVE),
            ("en", english or pick(ENGLISH_LEVELS)),
        ):
            if level_ is not LanguageLevel.NONE:
                languages.append(
                    {"citizen_id": citizen_id, "language": code, "level": level_}
                )
        if rng.random() < 0.2:
            languages.append(
                {
                    "citizen_id": citizen_id,
                    "language": pick(OTHER_LANGUAGES),
                    "level": pick(OTHER_LEVELS),
                }
            )
        return languages

    def _licences(self, citizen_id: int) -> list[dict[str, Any]]:
        rng = self.rng
        licences: tuple[str, ...] = ()
        if rng.random() < LICENCE_SHARE:
            licences = self.pick(HEAVY_LICENCES) if rng.random() < 0.1 else ("B",)
        return [
            {"citizen_id": citizen_id, "category": category} for category in licences
        ]

    def _certificates(self, citizen_id: int) -> list[dict[str, Any]]:
        rng = self.rng
        if rng.random() >= 0.25:
            return []
        name, issuer = self.pick(CERTIFICATES)
        valid = rng.random() < 0.5
        valid_until = (
            date(self.reference_date.year + self.between(1, 4), 12, 31)
            if valid
            else None
        )
        return [
            {
                "citizen_id": citizen_id,
                "name": name,
                "issuer": issuer,
                "valid_until": valid_until,
            }
        ]

    def _competences(self, citizen_id: int) -> list[dict[str, Any]]:
        rng = self.rng
        if rng.random() >= COMPETENCE_SHARE:
            return []
        codes = rng.sample(COMPETENCE_CODES, self.between(2, 3))
        return [
            {"citizen_id": citizen_id, "code": code, "free_text": None}
            for code in sorted(codes)
        ]

    def _education(
        self, citizen_id: int, born: date | None, level: EducationLevel
    ) -> dict[str, Any]:
        rng, pick = self.rng, self.pick
        title, institution = pick(EDUCATION_TITLES[level])
        # School ends at 16; each level after it takes its years, with gaps between.
        end = (born.year if born else 1980) + 16
        for step in LADDER[1 : LADDER.index(level) + 1]:
            end += STUDY_YEARS[step] + int(rng.random() * 2)
        end = min(end, self.reference_date.year)
        start = end - STUDY_YEARS[level]
        return {
            "citizen_id": citizen_id,
            "level": level,
            "title": title,
            "institution": institution,
            "start_year": start,
            "end_year": end,
            "completed": level is EducationLevel.PRIMARY or rng.random() < 0.9,
        }


TABLES = {
    "work": WorkExperience.__table__,
    "education": Education.__table__,
    "languages": LanguageSkill.__table__,
    "licences": DrivingLicence.__table__,
    "certificates": Certificate.__table__,
    "competences": PersonalCompetence.__table__,
}


def _citizens_with_experience(
    session: Session,
) -> Iterator[
    tuple[
        int,
        date,
        list[tuple[int, str | None, int | None, str | None]],
        LanguageLevel | None,
        LanguageLevel | None,
    ]
]:
    rows = session.execute(
        select(
            CitizenOccupation.citizen_id,
            Citizen.birth_date,
            CitizenOccupation.occupation_id,
            CitizenOccupation.title_as_written,
            CitizenOccupation.years,
            Occupation.isco_code,
            ScreeningAnswers.danish_level,
            ScreeningAnswers.english_level,
        )
        .join(Citizen, Citizen.id == CitizenOccupation.citizen_id)
        .join(Occupation, Occupation.id == CitizenOccupation.occupation_id)
        .outerjoin(
            ScreeningAnswers,
            ScreeningAnswers.citizen_id == CitizenOccupation.citizen_id,
        )
        .where(CitizenOccupation.link == OccupationLink.EXPERIENCE)
        .order_by(CitizenOccupation.citizen_id, CitizenOccupation.id)
    )
    for citizen_id, group in itertools.groupby(rows, key=lambda row: row[0]):
        found = list(group)
        born, danish, english = found[0][1], found[0][6], found[0][7]
        jobs = [(row[2], row[3], row[4], row[5]) for row in found]
        yield citizen_id, born, jobs, danish, english


def create_cvs(
    session: Session,
    seed: int,
    reference_date: date,
    report: Callable[[str], None],
) -> int:
    """Add education, work history, languages, licences, certificates and personal
    competences to every demo citizen with a CV; returns how many."""
    generator = CvGenerator(seed, reference_date)
    people = list(_citizens_with_experience(session))
    done = 0
    for start in range(0, len(people), BATCH_SIZE):
        batch = people[start : start + BATCH_SIZE]
        collected: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for citizen_id, born, jobs, danish, english in batch:
            for name, rows in generator.rows(
                citizen_id, born, jobs, danish, english
            ).items():
                collected[name].extend(rows)
        for name, table in TABLES.items():
            bulk_insert(session, table, collected[name])
        done += len(batch)
        report(f"CV details: {done:,} of {len(people):,} CVs.")
    return done
