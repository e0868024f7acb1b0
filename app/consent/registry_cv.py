"""Registry entries for the CV.

Tables: education, work_experience, personal_competence, language_skill,
driving_licence, certificate, cv_settings.
"""

from __future__ import annotations

from app.consent.registry_base import PersonalField

FIELDS: tuple[PersonalField, ...] = ()
