"""Registry entries for the job search.

Tables: job_log_entry, plan_item, contact_request.
"""

from __future__ import annotations

from app.consent.registry_base import PersonalField

FIELDS: tuple[PersonalField, ...] = ()
