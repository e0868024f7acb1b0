"""Registry entries for consent, objection, corrections and exports.

Tables: consent_event, profiling_objection, correction_request, data_export.
"""

from __future__ import annotations

from app.consent.registry_base import PersonalField

FIELDS: tuple[PersonalField, ...] = ()
