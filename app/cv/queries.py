"""Reading the CV: the whole CV for its pages, one row by id, and "Mine data"'s rows.

A row id that is not the citizen's own is treated as unknown (`LookupError`), so nobody
can read another citizen's CV by guessing ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.consent.services.consents import consent_in_force
from app.cv.labels import (
    DRIVING_LICENCE_LABELS,
    DRIVING_LICENCES,
    PERSONAL_COMPETENCES,
    language_name,
)
from app.i18n import format_day, format_month
from app.labels import EDUCATION_LEVEL_LABELS, LANGUAGE_LEVEL_LABELS
from app.models import (
    Certificate,
    CitizenSkill,
    ConsentPurpose,
    CvSettings,
    DrivingLicence,
    Education,
    LanguageLevel,
    LanguageSkill,
    Occupation,
    PersonalCompetence,
    Skill,
    WorkExperience,
)
from app.taxonomy.services import label_for


@dataclass(frozen=True)
class WorkEntry:
    row: WorkExperience
    occupation_label: str | None
    occupation_uri: str | None


@dataclass(frozen=True)
class SkillEntry:
    id: int
    uri: str
    label: str


@dataclass(frozen=True)
class LanguageEntry:
    id: int
    code: str
    name: str
    level: LanguageLevel


@dataclass(frozen=True)
class Cv:
    """The whole CV, labelled in the reader's language."""

    education: tuple[Education, ...]
    work: tuple[WorkEntry, ...]
    skills: tuple[SkillEntry, ...]
    competence_codes: tuple[str, ...]
    competence_text: str | None
    languages: tuple[LanguageEntry, ...]
    licences: tuple[str, ...]
    certificates: tuple[Certificate, ...]
    hide_contact_details: bool

    @property
    def is_empty(self) -> bool:
        return not (
            self.education
            or self.work
            or self.skills
            or self.competence_codes
            or self.competence_text
            or self.languages
            or self.licences
            or self.certificates
        )


def cv_for(session: Session, citizen_id: int, lang: str) -> Cv:
    """The citizen's whole CV, newest entries first where dates apply."""
    competences = list(
        session.scalars(
            select(PersonalCompetence)
            .where(PersonalCompetence.citizen_id == citizen_id)
            .order_by(PersonalCompetence.id)
        )
    )
    chosen = {c.code for c in competences}
    held = set(
        session.scalars(
            select(DrivingLicence.category).where(
                DrivingLicence.citizen_id == citizen_id
            )
        )
    )
    settings = cv_settings(session, citizen_id)
    return Cv(
        education=tuple(
            session.scalars(
                select(Education)
                .where(Education.citizen_id == citizen_id)
                .order_by(Education.end_year.desc().nulls_first(), Education.id.desc())
            )
        ),
        work=_work(session, citizen_id, lang),
        skills=_skills(session, citizen_id, lang),
        competence_codes=tuple(code for code in PERSONAL_COMPETENCES if code in chosen),
        competence_text=next(
            (c.free_text for c in competences if c.code is None), None
        ),
        languages=_languages(session, citizen_id, lang),
        licences=tuple(c for c in DRIVING_LICENCES if c in held),
        certificates=tuple(
            session.scalars(
                select(Certificate)
                .where(Certificate.citizen_id == citizen_id)
                .order_by(Certificate.name, Certificate.id)
            )
        ),
        hide_contact_details=settings.hide_contact_details if settings else True,
    )


def _work(session: Session, citizen_id: int, lang: str) -> tuple[WorkEntry, ...]:
    rows = session.execute(
        select(WorkExperience, Occupation.uri)
        .outerjoin(Occupation, Occupation.id == WorkExperience.occupation_id)
        .where(WorkExperience.citizen_id == citizen_id)
        .order_by(
            WorkExperience.ended_on.desc().nulls_first(),
            WorkExperience.started_on.desc(),
            WorkExperience.id.desc(),
        )
    ).all()
    return tuple(
        WorkEntry(row, label_for(session, uri, lang) if uri else None, uri)
        for row, uri in rows
    )


def _skills(session: Session, citizen_id: int, lang: str) -> tuple[SkillEntry, ...]:
    rows = session.execute(
        select(CitizenSkill.id, Skill.uri)
        .join(Skill, Skill.id == CitizenSkill.skill_id)
        .where(CitizenSkill.citizen_id == citizen_id)
    )
    entries = (
        SkillEntry(row_id, uri, label_for(session, uri, lang)) for row_id, uri in rows
    )
    return tuple(sorted(entries, key=lambda entry: entry.label.casefold()))


def _languages(
    session: Session, citizen_id: int, lang: str
) -> tuple[LanguageEntry, ...]:
    """Danish first, then the others by name in the reader's language."""
    entries = (
        LanguageEntry(
            row.id, row.language, language_name(row.language, lang), row.level
        )
        for row in session.scalars(
            select(LanguageSkill).where(LanguageSkill.citizen_id == citizen_id)
        )
    )
    return tuple(
        sorted(entries, key=lambda entry: (entry.code != "da", entry.name.casefold()))
    )


def share_cv_in_force(session: Session, citizen_id: int) -> bool:
    """Whether employers may search the CV (the share-CV consent)."""
    return consent_in_force(session, citizen_id, ConsentPurpose.SHARE_CV)


def cv_settings(session: Session, citizen_id: int) -> CvSettings | None:
    return session.scalar(select(CvSettings).where(CvSettings.citizen_id == citizen_id))


ROW_MODELS: dict[str, type[Any]] = {
    "education": Education,
    "work": WorkExperience,
    "certificate": Certificate,
    "skill": CitizenSkill,
    "language": LanguageSkill,
}


def entry_for(session: Session, citizen_id: int, kind: str, row_id: int) -> Any:
    """The citizen's own row of this kind, or LookupError (also for others' rows)."""
    model = ROW_MODELS[kind]
    row = session.get(model, row_id)
    if row is None or row.citizen_id != citizen_id:
        raise LookupError(f"no {kind} {row_id} for citizen {citizen_id}")
    return row


def work_entry(session: Session, citizen_id: int, row_id: int, lang: str) -> WorkEntry:
    """One of the citizen's own jobs with its occupation labelled (else LookupError)."""
    row = entry_for(session, citizen_id, "work", row_id)
    uri = (
        session.scalar(select(Occupation.uri).where(Occupation.id == row.occupation_id))
        if row.occupation_id is not None
        else None
    )
    return WorkEntry(row, label_for(session, uri, lang) if uri else None, uri)


def describe_entry(session: Session, kind: str, row: Any, lang: str) -> str:
    """A CV row in a few words, for the question "remove this?"."""
    if kind == "education":
        return row.title
    if kind == "work":
        return row.title_as_written
    if kind == "certificate":
        return row.name
    if kind == "language":
        return language_name(row.language, lang)
    uri = session.scalar(select(Skill.uri).where(Skill.id == row.skill_id))
    return label_for(session, uri, lang) if uri else ""


# --- "Mine data" ---------------------------------------------------------------------


# The tables my_data_rows describes (Mine data can skip their field-by-field listing).
CV_TABLES = frozenset(
    {
        "education",
        "work_experience",
        "personal_competence",
        "language_skill",
        "driving_licence",
        "certificate",
        "cv_settings",
    }
)


@dataclass(frozen=True)
class CvDatum:
    """One CV row as "Mine data" shows it: the registry entry (table, column) that
    says its source, purposes and retention, a label and the value in words."""

    table: str
    row_id: int
    column: str
    label: Any
    value: str


def my_data_rows(session: Session, citizen_id: int, lang: str) -> list[CvDatum]:
    """Every CV row of the citizen in words, for "Mine data" (one datum per row).

    app.consent.services.my_data adds each datum under the registry entry
    `entry_for(datum.table, datum.column)`, with `row_id`; field by field, these rows
    would show ids and codes (an occupation id, "en", "vocational").
    """
    cv = cv_for(session, citizen_id, lang)
    found = [_work_datum(entry, lang) for entry in cv.work]
    found += [_education_datum(row) for row in cv.education]
    found += [
        CvDatum(
            "language_skill",
            language.id,
            "level",
            language.name,
            str(LANGUAGE_LEVEL_LABELS.get(language.level, language.level.value)),
        )
        for language in cv.languages
    ]
    found += _competence_data(session, citizen_id, cv)
    found += [
        CvDatum(
            "driving_licence",
            row.id,
            "category",
            _l("Driving licence"),
            str(DRIVING_LICENCE_LABELS.get(row.category, row.category)),
        )
        for row in session.scalars(
            select(DrivingLicence)
            .where(DrivingLicence.citizen_id == citizen_id)
            .order_by(DrivingLicence.id)
        )
    ]
    found += [_certificate_datum(row, lang) for row in cv.certificates]
    settings = cv_settings(session, citizen_id)
    if settings is not None:
        found.append(
            CvDatum(
                "cv_settings",
                settings.id,
                "hide_contact_details",
                _l("Whether your contact details are hidden from employers"),
                _("Yes") if settings.hide_contact_details else _("No"),
            )
        )
    return found


def _work_datum(entry: WorkEntry, lang: str) -> CvDatum:
    job = entry.row
    parts = [job.title_as_written]
    if entry.occupation_label:
        parts.append(_("occupation: %(name)s", name=entry.occupation_label))
    if job.employer:
        employer = job.employer
        if job.hide_employer:
            employer += " (" + _("hidden from employers") + ")"
        parts.append(employer)
    start = format_month(job.started_on, lang)
    parts.append(
        _("%(start)s to %(end)s", start=start, end=format_month(job.ended_on, lang))
        if job.ended_on
        else _("since %(start)s", start=start)
    )
    if job.description:
        parts.append(job.description)
    return CvDatum(
        "work_experience", job.id, "title_as_written", _l("Job"), "; ".join(parts)
    )


def _education_datum(row: Education) -> CvDatum:
    parts = [row.title, str(EDUCATION_LEVEL_LABELS[row.level])]
    if row.institution:
        parts.append(row.institution)
    years = "–".join(str(y) for y in (row.start_year, row.end_year) if y)
    if years:
        parts.append(years)
    if not row.completed:
        parts.append(_("not completed"))
    return CvDatum("education", row.id, "title", _l("Education"), "; ".join(parts))


def _competence_data(session: Session, citizen_id: int, cv: Cv) -> list[CvDatum]:
    """The free text as one datum, and the chosen competences as one list."""
    found = []
    competences = [str(PERSONAL_COMPETENCES[code]) for code in cv.competence_codes]
    for row in session.scalars(
        select(PersonalCompetence)
        .where(PersonalCompetence.citizen_id == citizen_id)
        .order_by(PersonalCompetence.id)
    ):
        if row.code is None and row.free_text:
            found.append(
                CvDatum(
                    "personal_competence",
                    row.id,
                    "free_text",
                    _l("Personal competences in your words"),
                    row.free_text,
                )
            )
        elif row.code in PERSONAL_COMPETENCES and competences:
            found.append(
                CvDatum(
                    "personal_competence",
                    row.id,
                    "code",
                    _l("Personal competences"),
                    ", ".join(competences),
                )
            )
            competences = []  # one datum for the whole list
    return found


def _certificate_datum(row: Certificate, lang: str) -> CvDatum:
    parts = [row.name]
    if row.issuer:
        parts.append(row.issuer)
    if row.valid_until:
        parts.append(_("valid until %(date)s", date=format_day(row.valid_until, lang)))
    return CvDatum(
        "certificate", row.id, "name", _l("Certificate or course"), "; ".join(parts)
    )
