"""Use cases for the citizen's own data: "Mine data", generated from the registry."""

from __future__ import annotations

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
    entry_for,
    shown_fields,
)
from app.consent.services.change_links import change_link
from app.consent.services.formatting import Presenter
from app.consent.services.my_data_model import (
    Datum,
    HistoryCounts,
    MyData,
    Section,
    records_of,
)
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

LINK_LABELS = {
    OccupationLink.EXPERIENCE: _l("You have worked as"),
    OccupationLink.DESIRED: _l("You want to work as"),
}
EMPTY_TEXTS = {
    Category.CV: _l("You have not added any competences or occupations yet."),
    Category.JOB_PREFERENCES: _l("You have not set any job preferences yet."),
}


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
    present = Presenter(session, lang)
    items: dict[Category, list[Datum]] = {category: [] for category in Category}

    def add(datum: Datum, entry: PersonalField) -> None:
        assert entry.category is not None
        items[entry.category].append(datum)

    def add_fields(table: str, row_id: int | None, values: dict[str, Any]) -> None:
        for entry in shown_fields(table):
            value = present.words(table, entry.column, values[entry.column], values)
            when = changed.get((table, row_id, entry.column))
            add(_datum(entry, entry.label, value, when, present, row_id, values), entry)

    add_fields("citizen", citizen.id, _values(citizen))
    preferences = session.scalar(
        select(JobPreferences).where(JobPreferences.citizen_id == citizen.id)
    )
    if preferences is not None:
        add_fields("job_preferences", preferences.id, _values(preferences))
    items[Category.CV].extend(_occupations(session, citizen.id, changed, present))
    items[Category.CV].extend(_skills(session, citizen.id, changed, present))
    for cv_datum in cv.my_data_rows(session, citizen.id, lang):
        entry = entry_for(cv_datum.table, cv_datum.column)
        when = _latest(changed, cv_datum.table, cv_datum.row_id)
        datum = _datum(
            entry, cv_datum.label, cv_datum.value, when, present, cv_datum.row_id, {}
        )
        add(datum, entry)
    add_fields("user_account", user.id, _values(user))
    for entry, label, value, when, row_id in track_items(session, citizen.id, lang):
        add(_datum(entry, label, value, when, present, row_id, {}), entry)
    for table_name, entry_rows in _other_tables(session, citizen.id):
        for row_id, values in entry_rows:
            add_fields(table_name, row_id, values)
    counts = _counts(session, citizen.id)
    _add_history(session, items, citizen.id, counts, changed, present)
    sections = tuple(
        Section(
            category,
            CATEGORY_LABELS[category],
            records_of(items[category]),
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
    present: Presenter,
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
            present,
        )
    )
    items[Category.CHANGE_HISTORY].append(
        _log_datum(
            entry_for("change_record", "at"),
            _l("Recorded changes to your data"),
            counts.changes,
            max(changed.values(), default=None),
            present,
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
    present: Presenter,
    row_id: int | None = None,
    row: dict[str, Any] | None = None,
) -> Datum:
    return Datum(
        label=label,
        value=value,
        source=SOURCE_LABELS[entry.source],
        purposes=tuple(PURPOSE_LABELS[p] for p in Purpose if p in entry.purposes),
        control=entry.is_control,
        legal_basis=entry.legal_basis,
        retention=entry.retention,
        last_changed=present.date(when) if when is not None else None,
        table=entry.table if row_id is not None else None,
        column=entry.column if row_id is not None else None,
        row_id=row_id,
        link=change_link(entry, row_id, row or {}),
    )


def _log_datum(
    entry: PersonalField, label: Any, count: int, latest: Any, present: Presenter
) -> Datum:
    return _datum(entry, label, present.number(count), latest, present)


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
    present: Presenter,
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
        value = label_for(session, uri, present.lang)
        if row.title_as_written and row.title_as_written != value:
            wrote = _("you wrote: %(title)s", title=row.title_as_written)
            value += f" ({wrote})"
        if row.years is not None:
            value += "; " + _("years of experience: %(years)s", years=row.years)
        when = _latest(changed, "citizen_occupation", row.id)
        found.append(
            _datum(
                entry, LINK_LABELS[row.link], value, when, present, row.id, _values(row)
            )
        )
    return found


def _skills(
    session: Session,
    citizen_id: int,
    changed: dict[tuple[str, int, str], datetime],
    present: Presenter,
) -> list[Datum]:
    entry = entry_for("citizen_skill", "skill_id")
    rows = session.execute(
        select(CitizenSkill.id, Skill.uri)
        .join(Skill, Skill.id == CitizenSkill.skill_id)
        .where(CitizenSkill.citizen_id == citizen_id)
    ).all()
    labelled = sorted(
        ((label_for(session, uri, present.lang), row_id) for row_id, uri in rows),
        key=lambda pair: pair[0].casefold(),
    )
    return [
        _datum(
            entry,
            entry.label,
            label,
            _latest(changed, "citizen_skill", row_id),
            present,
            row_id=row_id,
        )
        for label, row_id in labelled
    ]
