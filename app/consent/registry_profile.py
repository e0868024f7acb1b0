"""Registry entries for onboarding, screening, preferences and needs.

Tables: contact_preferences, onboarding, screening_answers, citizen_industry and the
new job_preferences columns.
"""

from __future__ import annotations

from app.consent.registry_base import PersonalField

FIELDS: tuple[PersonalField, ...] = ()
