"""Registry entries for segmentation and the case.

Tables: assessment, case_file, track_override, case_note, unemployment_spell,
protected_attributes.
"""

from __future__ import annotations

from app.consent.registry_base import PersonalField

FIELDS: tuple[PersonalField, ...] = ()
