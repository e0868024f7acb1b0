"""Registry entries for the CV.

Tables: education, work_experience, personal_competence, language_skill,
driving_licence, certificate, cv_settings.

The CV is what the citizen tells us, used to help them (job matching, and a caseworker
preparing a conversation). Coded facts (levels, occupations, years, languages, licence
categories) are also used, with names removed, for statistics on the jobseekers the job
centre serves, like the rest of the CV. Free text (employer names, descriptions, the
citizen's own words) is used only to help: it is not fit for statistics. Employers see
the CV only with the citizen's share-CV consent (registry_consent).
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry.base import HELP, PersonalField, _cv, _technical


def _keys(table: str) -> tuple[PersonalField, ...]:
    return (
        _technical(table, "id", "primary key"),
        _technical(table, "citizen_id", "links the row to you"),
    )


def _text(table: str, column: str, label: Any) -> PersonalField:
    """Free text the citizen wrote: used to help only."""
    return _cv(table, column, label, purposes=HELP)


TABLES: dict[str, Any] = {
    "education": _l("Education"),
    "work_experience": _l("Jobs you have had"),
    "personal_competence": _l("Personal competences"),
    "language_skill": _l("Languages"),
    "driving_licence": _l("Driving licences"),
    "certificate": _l("Certificates and courses"),
    "cv_settings": _l("Who may see your CV"),
}

FIELDS: tuple[PersonalField, ...] = (
    # education
    *_keys("education"),
    _cv("education", "level", _l("Type of education")),
    _cv("education", "title", _l("Name of the education")),
    _text("education", "institution", _l("School or place of study")),
    _cv("education", "start_year", _l("Year the education started")),
    _cv("education", "end_year", _l("Year the education finished")),
    _cv("education", "completed", _l("Whether the education was completed")),
    # work_experience
    *_keys("work_experience"),
    _cv("work_experience", "occupation_id", _l("Occupation of a job")),
    _text("work_experience", "title_as_written", _l("Job title as you wrote it")),
    _text("work_experience", "employer", _l("Employer")),
    _cv(
        "work_experience",
        "hide_employer",
        _l("Whether the employer's name is hidden from employers"),
        purposes=HELP,
    ),
    _cv("work_experience", "started_on", _l("When a job started")),
    _cv("work_experience", "ended_on", _l("When a job ended")),
    _text("work_experience", "description", _l("What you did in a job")),
    # personal_competence
    *_keys("personal_competence"),
    _cv("personal_competence", "code", _l("Personal competence")),
    _text("personal_competence", "free_text", _l("Personal competences in your words")),
    # language_skill
    *_keys("language_skill"),
    _cv("language_skill", "language", _l("Language")),
    _cv("language_skill", "level", _l("How well you speak and write a language")),
    # driving_licence
    *_keys("driving_licence"),
    _cv("driving_licence", "category", _l("Driving licence")),
    # certificate
    *_keys("certificate"),
    _cv("certificate", "name", _l("Certificate or course")),
    _text("certificate", "issuer", _l("Who issued a certificate")),
    _cv("certificate", "valid_until", _l("Until when a certificate is valid")),
    # cv_settings
    *_keys("cv_settings"),
    _cv(
        "cv_settings",
        "hide_contact_details",
        _l("Whether your contact details are hidden from employers"),
        purposes=HELP,
    ),
)
