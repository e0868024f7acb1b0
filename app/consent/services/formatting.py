"""Values as the citizen reads them on "Mine data" and in exports: Danish dates and
times, words for coded values, names instead of ids."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.consent.registry import PersonalField
from app.i18n import format_day, format_stored, format_when, number
from app.labels import HOURS_LABELS, enum_label
from app.models import HoursPreference, Municipality

LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


class Formatter:
    """Values as the citizen reads them: Danish dates, names instead of ids."""

    def __init__(self, session: Session, lang: str) -> None:
        self.session = session
        self.lang = lang

    def number(self, value: int) -> str:
        return number(value, self.lang)

    def date(self, value: date | datetime) -> str:
        return format_day(value, self.lang)

    def moment(self, value: datetime) -> str:
        return format_when(value, self.lang)

    def value(self, entry: PersonalField, value: Any) -> str:
        if value is None or value == "":
            return str(_("Not recorded"))
        if entry.column == "municipality_id":
            name = self.session.scalar(
                select(Municipality.name).where(Municipality.id == value)
            )
            return f"Jobcenter {name}"
        if entry.column == "max_distance_km":
            return f"{self.number(value)} km"
        if entry.column == "locale":
            return LANGUAGE_NAMES.get(value, value)
        if isinstance(value, HoursPreference):
            return str(HOURS_LABELS[value])
        if isinstance(value, enum.Enum):
            label = enum_label(value)
            return str(label) if label is not None else str(value.value)
        if isinstance(value, bool):
            return str(_("Yes") if value else _("No"))
        if isinstance(value, datetime):
            return self.moment(value)
        if isinstance(value, date):
            return self.date(value)
        if isinstance(value, str):
            # Times kept as text, as the change history keeps old and new values.
            return format_stored(value, self.lang)
        return str(value)
