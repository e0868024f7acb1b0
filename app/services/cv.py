"""The citizen's CV ("Mit CV"): education, work history, skills, personal competences,
languages, driving licences, certificates and visibility.

Use cases take plain values and the acting user; every write goes through app.audit
(the change history) and ends with `profile_changed(..., trigger="cv")`. A row id that
is not the citizen's own is treated as unknown (`LookupError`), so nobody can read or
change another citizen's CV by guessing ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from babel import Locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, record_created, record_deleted
from app.ml.normalise import Suggestion
from app.models import (
    Certificate,
    CitizenSkill,
    CvSettings,
    DrivingLicence,
    Education,
    EducationLevel,
    LanguageLevel,
    LanguageSkill,
    Occupation,
    PersonalCompetence,
    Skill,
    WorkExperience,
)
from app.services.events import profile_changed
from app.services.taxonomy import label_for, suggest

TRIGGER = "cv"

# --- fixed lists -------------------------------------------------------------------

EDUCATION_LEVELS: dict[EducationLevel, Any] = {
    EducationLevel.PRIMARY: _l("Primary and lower secondary school"),
    EducationLevel.UPPER_SECONDARY: _l("Upper secondary (gymnasium, HF, HHX, HTX)"),
    EducationLevel.VOCATIONAL: _l("Vocational education and training"),
    EducationLevel.SHORT_CYCLE: _l("Short-cycle higher education"),
    EducationLevel.BACHELOR: _l("Bachelor or professional bachelor"),
    EducationLevel.MASTER: _l("Master's degree"),
    EducationLevel.DOCTORATE: _l("PhD"),
}

LANGUAGE_LEVELS: dict[LanguageLevel, Any] = {
    LanguageLevel.BASIC: _l("Basic: simple everyday phrases"),
    LanguageLevel.GOOD: _l("Good: can talk about most things"),
    LanguageLevel.FLUENT: _l("Fluent: speaks and writes with ease"),
    LanguageLevel.NATIVE: _l("Native language"),
}

# Languages common among jobseekers in Denmark; names come from Babel in the reader's
# language, so every name is translated without a catalogue entry.
LANGUAGES: tuple[str, ...] = (
    "da",
    "en",
    "de",
    "sv",
    "no",
    "fr",
    "es",
    "it",
    "pl",
    "ro",
    "lt",
    "uk",
    "ru",
    "bs",
    "tr",
    "ar",
    "fa",
    "ku",
    "ur",
    "so",
    "ti",
    "vi",
    "th",
    "zh",
    "tl",
)

PERSONAL_COMPETENCES: dict[str, Any] = {
    "reliable": _l("Reliable"),
    "cooperative": _l("Good at working with others"),
    "independent": _l("Works independently"),
    "customer_minded": _l("Good with customers"),
    "structured": _l("Structured"),
    "flexible": _l("Flexible"),
    "punctual": _l("Punctual"),
    "positive": _l("Positive"),
    "responsible": _l("Takes responsibility"),
    "quick_learner": _l("Quick to learn"),
    "initiative": _l("Takes initiative"),
    "careful": _l("Careful and thorough"),
    "calm": _l("Keeps calm under pressure"),
    "communicative": _l("Communicates clearly"),
    "creative": _l("Creative"),
    "physically_fit": _l("Good physical stamina"),
}

DRIVING_LICENCES: tuple[str, ...] = (
    "AM",
    "A1",
    "A2",
    "A",
    "B",
    "BE",
    "C1",
    "C1E",
    "C",
    "CE",
    "D1",
    "D1E",
    "D",
    "DE",
)

DRIVING_LICENCE_LABELS: dict[str, Any] = {
    "AM": _l("AM: moped"),
    "A1": _l("A1: light motorcycle"),
    "A2": _l("A2: medium motorcycle"),
    "A": _l("A: motorcycle"),
    "B": _l("B: car"),
    "BE": _l("BE: car with a large trailer"),
    "C1": _l("C1: small lorry"),
    "C1E": _l("C1E: small lorry with trailer"),
    "C": _l("C: lorry"),
    "CE": _l("CE: lorry with trailer"),
    "D1": _l("D1: minibus"),
    "D1E": _l("D1E: minibus with trailer"),
    "D": _l("D: bus"),
    "DE": _l("DE: bus with trailer"),
}


def language_name(code: str, lang: str) -> str:
    """The name of a language in the reader's language, capitalised ("Engelsk")."""
    name = Locale.parse(lang).languages.get(code) or code
    return name[:1].upper() + name[1:]


def language_choices(lang: str) -> list[tuple[str, str]]:
    """(code, name) for the language list, sorted by name in the reader's language."""
    return sorted(
        ((code, language_name(code, lang)) for code in LANGUAGES),
        key=lambda pair: pair[1].casefold(),
    )


# --- reading -----------------------------------------------------------------------


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
    education = tuple(
        session.scalars(
            select(Education)
            .where(Education.citizen_id == citizen_id)
            .order_by(Education.end_year.desc().nulls_first(), Education.id.desc())
        )
    )
    work_rows = session.execute(
        select(WorkExperience, Occupation.uri)
        .outerjoin(Occupation, Occupation.id == WorkExperience.occupation_id)
        .where(WorkExperience.citizen_id == citizen_id)
        .order_by(
            WorkExperience.ended_on.desc().nulls_first(),
            WorkExperience.started_on.desc(),
            WorkExperience.id.desc(),
        )
    ).all()
    work = tuple(
        WorkEntry(row, label_for(session, uri, lang) if uri else None, uri)
        for row, uri in work_rows
    )
    skills = sorted(
        (
            SkillEntry(row_id, uri, label_for(session, uri, lang))
            for row_id, uri in session.execute(
                select(CitizenSkill.id, Skill.uri)
                .join(Skill, Skill.id == CitizenSkill.skill_id)
                .where(CitizenSkill.citizen_id == citizen_id)
            )
        ),
        key=lambda entry: entry.label.casefold(),
    )
    competences = list(
        session.scalars(
            select(PersonalCompetence)
            .where(PersonalCompetence.citizen_id == citizen_id)
            .order_by(PersonalCompetence.id)
        )
    )
    codes = tuple(
        code for code in PERSONAL_COMPETENCES if code in {c.code for c in competences}
    )
    text = next((c.free_text for c in competences if c.code is None), None)
    languages = sorted(
        (
            LanguageEntry(
                row.id, row.language, language_name(row.language, lang), row.level
            )
            for row in session.scalars(
                select(LanguageSkill).where(LanguageSkill.citizen_id == citizen_id)
            )
        ),
        key=lambda entry: (entry.code != "da", entry.name.casefold()),
    )
    held = set(
        session.scalars(
            select(DrivingLicence.category).where(
                DrivingLicence.citizen_id == citizen_id
            )
        )
    )
    certificates = tuple(
        session.scalars(
            select(Certificate)
            .where(Certificate.citizen_id == citizen_id)
            .order_by(Certificate.name, Certificate.id)
        )
    )
    settings = _settings(session, citizen_id)
    return Cv(
        education=education,
        work=work,
        skills=tuple(skills),
        competence_codes=codes,
        competence_text=text,
        languages=tuple(languages),
        licences=tuple(c for c in DRIVING_LICENCES if c in held),
        certificates=certificates,
        hide_contact_details=settings.hide_contact_details if settings else True,
    )


def _settings(session: Session, citizen_id: int) -> CvSettings | None:
    return session.scalar(select(CvSettings).where(CvSettings.citizen_id == citizen_id))


# --- rows with their own forms: education, work, certificates -----------------------

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


def occupation_id_for(session: Session, uri: str) -> int:
    """The id of an occupation by URI; LookupError when the taxonomy has no such URI."""
    found = session.scalar(select(Occupation.id).where(Occupation.uri == uri))
    if found is None:
        raise LookupError(f"no occupation {uri}")
    return found


@dataclass(frozen=True)
class OccupationChoice:
    """The concept a text was normalised to, or suggestions to choose from."""

    uri: str | None
    suggestions: tuple[Suggestion, ...] = ()


NO_OCCUPATION = "none"


def normalise_occupation(
    session: Session, chosen_uri: str, typed: str, title: str, lang: str
) -> OccupationChoice:
    """The occupation for a job: the one chosen in the autocomplete, else one whose name
    is exactly what was typed (the occupation field, else the job title), else a few
    suggestions for the citizen to choose from. `NO_OCCUPATION` means "none fits"."""
    if chosen_uri == NO_OCCUPATION:
        return OccupationChoice(None)
    if chosen_uri and session.scalar(
        select(Occupation.id).where(Occupation.uri == chosen_uri)
    ):
        return OccupationChoice(chosen_uri)
    return _by_name(session, "occupation", typed or title, lang, limit=5)


def find_skill(session: Session, typed: str, lang: str) -> OccupationChoice:
    """A skill whose name is exactly what was typed, else suggestions to choose from
    (the skill form without JavaScript)."""
    return _by_name(session, "skill", typed, lang, limit=6)


def _by_name(
    session: Session, kind: str, text: str, lang: str, limit: int
) -> OccupationChoice:
    found = tuple(suggest(session, text, kind, lang, limit=limit)) if text else ()
    wanted = text.casefold()
    for suggestion in found:
        if wanted in (suggestion.label.casefold(), suggestion.matched_label.casefold()):
            return OccupationChoice(suggestion.uri)
    return OccupationChoice(None, found)


def _resolve(session: Session, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    if kind == "work" and "occupation_uri" in values:
        uri = values.pop("occupation_uri")
        values["occupation_id"] = occupation_id_for(session, uri) if uri else None
    return values


def add_entry(
    session: Session,
    citizen_id: int,
    kind: str,
    values: dict[str, Any],
    *,
    actor: Actor,
) -> Any:
    """Add an education, a job or a certificate to the CV."""
    model = ROW_MODELS[kind]
    row = model(citizen_id=citizen_id, **_resolve(session, kind, values))
    record_created(
        session, row, actor=actor, reason="Added to the CV", citizen_id=citizen_id
    )
    _changed(session, citizen_id)
    return row


def update_entry(
    session: Session,
    citizen_id: int,
    kind: str,
    row_id: int,
    values: dict[str, Any],
    *,
    actor: Actor,
) -> Any:
    """Change one of the citizen's own CV rows, keeping the old values in the history."""
    row = entry_for(session, citizen_id, kind, row_id)
    changes = change_fields(
        session,
        row,
        _resolve(session, kind, values),
        actor=actor,
        reason="Changed in the CV",
        citizen_id=citizen_id,
    )
    if changes:
        _changed(session, citizen_id)
    return row


def remove_entry(
    session: Session, citizen_id: int, kind: str, row_id: int, *, actor: Actor
) -> None:
    """Remove one of the citizen's own CV rows; its values stay in the history."""
    row = entry_for(session, citizen_id, kind, row_id)
    record_deleted(
        session, row, actor=actor, reason="Removed from the CV", citizen_id=citizen_id
    )
    session.flush()
    _changed(session, citizen_id)


# --- skills and languages ----------------------------------------------------------


def add_skill(session: Session, citizen_id: int, uri: str, *, actor: Actor) -> bool:
    """Add a taxonomy skill by URI (LookupError if unknown); False if already there."""
    skill_id = session.scalar(select(Skill.id).where(Skill.uri == uri))
    if skill_id is None:
        raise LookupError(f"no skill {uri}")
    exists = session.scalar(
        select(CitizenSkill.id).where(
            CitizenSkill.citizen_id == citizen_id, CitizenSkill.skill_id == skill_id
        )
    )
    if exists is not None:
        return False
    record_created(
        session,
        CitizenSkill(citizen_id=citizen_id, skill_id=skill_id),
        actor=actor,
        reason="Added to the CV",
        citizen_id=citizen_id,
    )
    _changed(session, citizen_id)
    return True


def set_language(
    session: Session,
    citizen_id: int,
    code: str,
    level: LanguageLevel,
    *,
    actor: Actor,
) -> LanguageSkill:
    """Add a language with its level, or change the level of one already in the CV."""
    if code not in LANGUAGES:
        raise LookupError(f"no language {code}")
    row = session.scalar(
        select(LanguageSkill).where(
            LanguageSkill.citizen_id == citizen_id, LanguageSkill.language == code
        )
    )
    if row is None:
        row = LanguageSkill(citizen_id=citizen_id, language=code, level=level)
        record_created(
            session, row, actor=actor, reason="Added to the CV", citizen_id=citizen_id
        )
    elif not change_fields(
        session,
        row,
        {"level": level},
        actor=actor,
        reason="Changed in the CV",
        citizen_id=citizen_id,
    ):
        return row
    _changed(session, citizen_id)
    return row


# --- sets chosen with checkboxes: personal competences and driving licences ----------


def set_personal_competences(
    session: Session,
    citizen_id: int,
    codes: Iterable[str],
    free_text: str | None,
    *,
    actor: Actor,
) -> bool:
    """Keep exactly these codes and this free text; True if anything changed."""
    wanted = set(codes)
    unknown = wanted - set(PERSONAL_COMPETENCES)
    if unknown:
        raise LookupError(f"unknown competences {sorted(unknown)}")
    rows = list(
        session.scalars(
            select(PersonalCompetence).where(
                PersonalCompetence.citizen_id == citizen_id
            )
        )
    )
    have = {row.code: row for row in rows if row.code is not None}
    changed = _sync_choices(
        session,
        have,
        [code for code in PERSONAL_COMPETENCES if code in wanted],
        lambda code: PersonalCompetence(citizen_id=citizen_id, code=code),
        actor=actor,
        citizen_id=citizen_id,
    )
    text_row = next((row for row in rows if row.code is None), None)
    if text_row is not None and not free_text:
        record_deleted(
            session,
            text_row,
            actor=actor,
            reason="Removed from the CV",
            citizen_id=citizen_id,
        )
        changed = True
    elif text_row is None and free_text:
        record_created(
            session,
            PersonalCompetence(citizen_id=citizen_id, free_text=free_text),
            actor=actor,
            reason="Added to the CV",
            citizen_id=citizen_id,
        )
        changed = True
    elif text_row is not None:
        changed |= bool(
            change_fields(
                session,
                text_row,
                {"free_text": free_text},
                actor=actor,
                reason="Changed in the CV",
                citizen_id=citizen_id,
            )
        )
    if changed:
        session.flush()
        _changed(session, citizen_id)
    return changed


def set_driving_licences(
    session: Session, citizen_id: int, categories: Iterable[str], *, actor: Actor
) -> bool:
    """Keep exactly these licence categories; True if anything changed."""
    wanted = set(categories)
    unknown = wanted - set(DRIVING_LICENCES)
    if unknown:
        raise LookupError(f"unknown licence categories {sorted(unknown)}")
    have = {
        row.category: row
        for row in session.scalars(
            select(DrivingLicence).where(DrivingLicence.citizen_id == citizen_id)
        )
    }
    changed = _sync_choices(
        session,
        have,
        [category for category in DRIVING_LICENCES if category in wanted],
        lambda category: DrivingLicence(citizen_id=citizen_id, category=category),
        actor=actor,
        citizen_id=citizen_id,
    )
    if changed:
        session.flush()
        _changed(session, citizen_id)
    return changed


# --- visibility ----------------------------------------------------------------------


def share_cv_in_force(session: Session, citizen_id: int) -> bool | None:
    """Whether employers may search the CV (the share-CV consent); None if unknown yet."""
    try:
        from app.consent.services_consent import consent_in_force
    except ImportError:
        return None
    from app.models import ConsentPurpose

    return consent_in_force(session, citizen_id, ConsentPurpose.SHARE_CV)


def set_visibility(
    session: Session,
    citizen_id: int,
    *,
    hide_contact_details: bool,
    searchable: bool | None,
    actor: Actor,
) -> None:
    """Hide or show the contact details; give or withdraw the share-CV consent."""
    settings = _settings(session, citizen_id)
    if settings is None:
        record_created(
            session,
            CvSettings(
                citizen_id=citizen_id, hide_contact_details=hide_contact_details
            ),
            actor=actor,
            reason="Chose who sees the CV",
            citizen_id=citizen_id,
        )
    else:
        change_fields(
            session,
            settings,
            {"hide_contact_details": hide_contact_details},
            actor=actor,
            reason="Chose who sees the CV",
            citizen_id=citizen_id,
        )
    current = share_cv_in_force(session, citizen_id)
    if searchable is not None and current is not None and searchable != current:
        from app.consent import services_consent
        from app.models import ConsentPurpose

        change = (
            services_consent.give_consent
            if searchable
            else services_consent.withdraw_consent
        )
        change(session, citizen_id, ConsentPurpose.SHARE_CV, actor=actor)
    _changed(session, citizen_id)


def _changed(session: Session, citizen_id: int) -> None:
    """After a change: tell the track hook, and commit."""
    session.flush()
    profile_changed(session, citizen_id, trigger=TRIGGER)
    session.commit()


def _sync_choices(
    session: Session,
    have: dict[str, Any],
    wanted: list[str],
    make_row: Callable[[str], Any],
    *,
    actor: Actor,
    citizen_id: int,
) -> bool:
    """Make the rows (one per code, in `have`) match the codes wanted; True if changed."""
    changed = False
    for code, row in have.items():
        if code not in wanted:
            record_deleted(
                session,
                row,
                actor=actor,
                reason="Removed from the CV",
                citizen_id=citizen_id,
            )
            changed = True
    for code in wanted:
        if code not in have:
            record_created(
                session,
                make_row(code),
                actor=actor,
                reason="Added to the CV",
                citizen_id=citizen_id,
            )
            changed = True
    return changed


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

    Call from app/consent/services.collect_my_data and add each datum under the
    registry entry `entry_for(datum.table, datum.column)`, with `row_id`; field by
    field, these rows would show ids and codes (an occupation id, "en", "vocational").
    """
    from babel.dates import format_date
    from flask_babel import gettext as _

    def day(value: Any, pattern: str = "long") -> str:
        return format_date(value, pattern, locale=lang)

    found: list[CvDatum] = []
    cv = cv_for(session, citizen_id, lang)
    for entry in cv.work:
        job = entry.row
        parts = [job.title_as_written]
        if entry.occupation_label:
            parts.append(_("occupation: %(name)s", name=entry.occupation_label))
        if job.employer:
            employer = job.employer
            if job.hide_employer:
                employer += " (" + _("hidden from employers") + ")"
            parts.append(employer)
        start = day(job.started_on, "MMMM y")
        parts.append(
            _("%(start)s to %(end)s", start=start, end=day(job.ended_on, "MMMM y"))
            if job.ended_on
            else _("since %(start)s", start=start)
        )
        if job.description:
            parts.append(job.description)
        found.append(
            CvDatum(
                "work_experience",
                job.id,
                "title_as_written",
                _l("Job"),
                "; ".join(parts),
            )
        )
    for row in cv.education:
        parts = [row.title, str(EDUCATION_LEVELS[row.level])]
        if row.institution:
            parts.append(row.institution)
        years = "–".join(str(y) for y in (row.start_year, row.end_year) if y)
        if years:
            parts.append(years)
        if not row.completed:
            parts.append(_("not completed"))
        found.append(
            CvDatum("education", row.id, "title", _l("Education"), "; ".join(parts))
        )
    for language in cv.languages:
        found.append(
            CvDatum(
                "language_skill",
                language.id,
                "level",
                language.name,
                str(LANGUAGE_LEVELS.get(language.level, language.level.value)),
            )
        )
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
    for row in session.scalars(
        select(DrivingLicence)
        .where(DrivingLicence.citizen_id == citizen_id)
        .order_by(DrivingLicence.id)
    ):
        found.append(
            CvDatum(
                "driving_licence",
                row.id,
                "category",
                _l("Driving licence"),
                str(DRIVING_LICENCE_LABELS.get(row.category, row.category)),
            )
        )
    for row in cv.certificates:
        parts = [row.name]
        if row.issuer:
            parts.append(row.issuer)
        if row.valid_until:
            parts.append(_("valid until %(date)s", date=day(row.valid_until)))
        found.append(
            CvDatum(
                "certificate",
                row.id,
                "name",
                _l("Certificate or course"),
                "; ".join(parts),
            )
        )
    settings = _settings(session, citizen_id)
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
