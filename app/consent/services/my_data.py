"""Use cases for the citizen's own data: "Mine data", generated from the registry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.consent.registry import (
    CATEGORY_LABELS,
    PURPOSE_LABELS,
    REGISTRY,
    SOURCE_LABELS,
    Category,
    PersonalField,
    Purpose,
    Source,
    entry_for,
    shown_fields,
)
from app.consent.services.formatting import Formatter
from app.consent.services.track_data import TABLES as TRACK_TABLES
from app.consent.services.track_data import track_items
from app.cv import queries as cv
from app.db import Base
from app.models import (
    AccessLog,
    ChangeRecord,
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    JobPreferences,
    Occupation,
    OccupationLink,
    Skill,
    User,
)
from app.taxonomy.services import label_for

NOTHING = "—"

LINK_LABELS = {
    OccupationLink.EXPERIENCE: _l("You have worked as"),
    OccupationLink.DESIRED: _l("You want to work as"),
}
EMPTY_TEXTS = {
    Category.CV: _l("You have not added any competences or occupations yet."),
    Category.JOB_PREFERENCES: _l("You have not set any job preferences yet."),
}


@dataclass(frozen=True)
class HistoryCounts:
    changes: int
    reads: int


@dataclass(frozen=True)
class Datum:
    """One piece of data held about the citizen, with where it came from and why."""

    label: Any
    value: str
    source: Any
    purposes: tuple[Any, ...]
    control: bool
    legal_basis: Any
    retention: Any
    last_changed: str
    # Where the datum is stored, so the page can link to editing or correcting it.
    table: str | None = None
    column: str | None = None
    row_id: int | None = None
    self_declared: bool = False


@dataclass(frozen=True)
class Section:
    category: Category
    title: Any
    items: tuple[Datum, ...]
    empty_text: Any = None

    @property
    def shared_basis(self) -> tuple[Any, Any] | None:
        """(legal basis, retention) when every item has the same, so it is said once."""
        pairs = {(str(i.legal_basis), str(i.retention)) for i in self.items}
        if len(pairs) != 1:
            return None
        return self.items[0].legal_basis, self.items[0].retention


@dataclass(frozen=True)
class MyData:
    full_name: str
    sections: tuple[Section, ...]
    counts: HistoryCounts

    @property
    def has_control_data(self) -> bool:
        return any(item.control for s in self.sections for item in s.items)


def count_own_history(session: Session, user_id: int) -> HistoryCounts:
    """How many changes and staff reads are recorded for the citizen of this user."""
    citizen_id = session.scalar(select(Citizen.id).where(Citizen.user_id == user_id))
    if citizen_id is None:
        return HistoryCounts(0, 0)
    return _counts(session, citizen_id)


def _counts(session: Session, citizen_id: int) -> HistoryCounts:
    changes = session.scalar(
        select(func.count())
        .select_from(ChangeRecord)
        .where(ChangeRecord.citizen_id == citizen_id)
    )
    reads = session.scalar(
        select(func.count())
        .select_from(AccessLog)
        .where(AccessLog.citizen_id == citizen_id)
    )
    return HistoryCounts(changes=int(changes or 0), reads=int(reads or 0))


def collect_my_data(session: Session, user_id: int, lang: str) -> MyData | None:
    """Every datum held about the citizen of this user, by category (None: no citizen)."""
    citizen = session.scalar(select(Citizen).where(Citizen.user_id == user_id))
    if citizen is None:
        return None
    user = session.get(User, user_id)
    assert user is not None
    changed = _last_changes(session, citizen.id, user_id)
    fmt = Formatter(session, lang)
    items: dict[Category, list[Datum]] = {category: [] for category in Category}

    def add(entry: PersonalField, label: Any, value: str, when: Any, row: Any) -> None:
        items[entry.category].append(_datum(entry, label, value, when, fmt, row_id=row))

    def add_fields(table: str, row_id: int | None, values: dict[str, Any]) -> None:
        for entry in shown_fields(table):
            value = fmt.value(entry, values[entry.column])
            add(
                entry,
                entry.label,
                value,
                changed.get((table, row_id, entry.column)),
                row_id,
            )

    add_fields("citizen", citizen.id, _values(citizen))
    preferences = session.scalar(
        select(JobPreferences).where(JobPreferences.citizen_id == citizen.id)
    )
    if preferences is not None:
        add_fields("job_preferences", preferences.id, _values(preferences))
    items[Category.CV].extend(_occupations(session, citizen.id, changed, fmt))
    items[Category.CV].extend(_skills(session, citizen.id, changed, fmt))
    for datum in cv.my_data_rows(session, citizen.id, lang):
        when = _latest(changed, datum.table, datum.row_id)
        add(
            entry_for(datum.table, datum.column),
            datum.label,
            datum.value,
            when,
            datum.row_id,
        )
    add_fields("user_account", user.id, _values(user))
    for entry, label, value, when, row_id in track_items(session, citizen.id, lang):
        add(entry, label, value, when, row_id)
    for table_name, entry_rows in _other_tables(session, citizen.id):
        for row_id, values in entry_rows:
            add_fields(table_name, row_id, values)
    counts = _counts(session, citizen.id)
    _add_history(session, items, citizen.id, counts, changed, fmt)
    sections = tuple(
        Section(
            category,
            CATEGORY_LABELS[category],
            tuple(items[category]),
            EMPTY_TEXTS.get(category),
        )
        for category in CATEGORY_LABELS
        if items[category] or category in EMPTY_TEXTS
    )
    return MyData(citizen.full_name, sections, counts)


def _values(row: Any) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def _add_history(
    session: Session,
    items: dict[Category, list[Datum]],
    citizen_id: int,
    counts: HistoryCounts,
    changed: dict[tuple[str, int, str], datetime],
    fmt: Formatter,
) -> None:
    """How often the citizen's data was read by others, and how often it changed."""
    items[Category.ACCESS_LOG].append(
        _log_datum(
            entry_for("access_log", "at"),
            _l("Times staff or a provider has looked at your data"),
            counts.reads,
            session.scalar(
                select(func.max(AccessLog.at)).where(AccessLog.citizen_id == citizen_id)
            ),
            fmt,
        )
    )
    items[Category.CHANGE_HISTORY].append(
        _log_datum(
            entry_for("change_record", "at"),
            _l("Recorded changes to your data"),
            counts.changes,
            max(changed.values(), default=None),
            fmt,
        )
    )


# Tables shown above with their own wording; every other registered table that names
# the citizen is shown field by field, so a newly declared table appears at once.
SHOWN_SPECIALLY = frozenset(
    {
        "citizen",
        "user_account",
        "job_preferences",
        "citizen_occupation",
        "citizen_skill",
        "access_log",
        "change_record",
        *cv.CV_TABLES,
        *TRACK_TABLES,
    }
)


def _other_tables(
    session: Session, citizen_id: int
) -> list[tuple[str, list[tuple[int | None, dict[str, Any]]]]]:
    found = []
    for table_name in dict.fromkeys(entry.table for entry in REGISTRY):
        if table_name in SHOWN_SPECIALLY or not shown_fields(table_name):
            continue
        table = Base.metadata.tables[table_name]
        if "citizen_id" not in table.c:
            continue
        rows = session.execute(
            select(table)
            .where(table.c.citizen_id == citizen_id)
            .order_by(*table.primary_key.columns)
        ).all()
        found.append(
            (
                table_name,
                [(row._mapping.get("id"), dict(row._mapping)) for row in rows],
            )
        )
    return found


def _datum(
    entry: PersonalField,
    label: Any,
    value: str,
    when: Any,
    fmt: Formatter,
    row_id: int | None = None,
) -> Datum:
    return Datum(
        label=label,
        value=value,
        source=SOURCE_LABELS[entry.source],
        purposes=tuple(PURPOSE_LABELS[p] for p in Purpose if p in entry.purposes),
        control=entry.is_control,
        legal_basis=entry.legal_basis,
        retention=entry.retention,
        last_changed=fmt.date(when) if when is not None else NOTHING,
        table=entry.table if row_id is not None else None,
        column=entry.column if row_id is not None else None,
        row_id=row_id,
        self_declared=entry.source is Source.SELF_DECLARED,
    )


def _log_datum(
    entry: PersonalField, label: Any, count: int, latest: Any, fmt: Formatter
) -> Datum:
    return _datum(entry, label, fmt.number(count), latest, fmt)


def _last_changes(
    session: Session, citizen_id: int, user_id: int
) -> dict[tuple[str, int, str], datetime]:
    """The latest recorded change of each (table, row, field) about the citizen."""
    rows = session.execute(
        select(
            ChangeRecord.table_name,
            ChangeRecord.row_id,
            ChangeRecord.field,
            func.max(ChangeRecord.at),
        )
        .where(
            or_(
                ChangeRecord.citizen_id == citizen_id,
                (ChangeRecord.table_name == "user_account")
                & (ChangeRecord.row_id == user_id),
            )
        )
        .group_by(ChangeRecord.table_name, ChangeRecord.row_id, ChangeRecord.field)
    ).all()
    return {(table, row_id, field): at for table, row_id, field, at in rows}


def _latest(
    changed: dict[tuple[str, int, str], datetime], table: str, row_id: int
) -> datetime | None:
    found = [at for (t, r, _f), at in changed.items() if t == table and r == row_id]
    return max(found, default=None)


def _occupations(
    session: Session,
    citizen_id: int,
    changed: dict[tuple[str, int, str], datetime],
    fmt: Formatter,
) -> list[Datum]:
    entry = entry_for("citizen_occupation", "occupation_id")
    rows = session.execute(
        select(CitizenOccupation, Occupation.uri)
        .join(Occupation, Occupation.id == CitizenOccupation.occupation_id)
        .where(CitizenOccupation.citizen_id == citizen_id)
        .order_by(CitizenOccupation.link, CitizenOccupation.id)
    ).all()
    found = []
    for row, uri in rows:
        value = label_for(session, uri, fmt.lang)
        if row.title_as_written and row.title_as_written != value:
            wrote = _("you wrote: %(title)s", title=row.title_as_written)
            value += f" ({wrote})"
        if row.years is not None:
            value += "; " + _("years of experience: %(years)s", years=row.years)
        when = _latest(changed, "citizen_occupation", row.id)
        found.append(
            _datum(entry, LINK_LABELS[row.link], value, when, fmt, row_id=row.id)
        )
    return found


def _skills(
    session: Session,
    citizen_id: int,
    changed: dict[tuple[str, int, str], datetime],
    fmt: Formatter,
) -> list[Datum]:
    entry = entry_for("citizen_skill", "skill_id")
    rows = session.execute(
        select(CitizenSkill.id, Skill.uri)
        .join(Skill, Skill.id == CitizenSkill.skill_id)
        .where(CitizenSkill.citizen_id == citizen_id)
    ).all()
    labelled = sorted(
        ((label_for(session, uri, fmt.lang), row_id) for row_id, uri in rows),
        key=lambda pair: pair[0].casefold(),
    )
    return [
        _datum(
            entry,
            entry.label,
            label,
            _latest(changed, "citizen_skill", row_id),
            fmt,
            row_id=row_id,
        )
        for label, row_id in labelled
    ]
