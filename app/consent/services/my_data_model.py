"""The read model of "Mine data": each datum with its source and purposes, grouped in
records (one row of a table) and sections (one category), and what a section says in
its one-line summary, so the page can show a summary per category and the details on
demand (app/consent/services/my_data.py fills it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from flask_babel import gettext as _

from app.consent.registry import TABLE_LABELS, Category
from app.consent.services.change_links import ChangeLink
from app.db import Base
from app.i18n import format_list

# The labels a section's summary names before it says "and N more".
SUMMARY_NAMES = 5


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
    last_changed: str | None
    # Where the datum is stored, and where the citizen changes it (or asks to).
    table: str | None = None
    column: str | None = None
    row_id: int | None = None
    link: ChangeLink | None = None


@dataclass(frozen=True)
class Record:
    """The data of one row (a job in the job-search log, a plan item) or one datum."""

    title: Any
    items: tuple[Datum, ...]


@cache
def one_per_citizen(table: str) -> bool:
    """A table holding one row per citizen at most (their own row, their answers)."""
    if table in {"citizen", "user_account"}:
        return True
    column = Base.metadata.tables[table].c.get("citizen_id")
    if column is None:
        return False
    return bool(column.unique) or any(
        index.unique and list(index.columns) == [column]
        for index in Base.metadata.tables[table].indexes
    )


def records_of(items: list[Datum]) -> tuple[Record, ...]:
    """Consecutive data of one row of a table with many rows per citizen (a job-search
    entry, a plan item) as one record, titled by its table's name; others one by one."""
    groups: list[list[Datum]] = []
    for item in items:
        same_row = (
            groups
            and item.table is not None
            and not one_per_citizen(item.table)
            and (groups[-1][0].table, groups[-1][0].row_id) == (item.table, item.row_id)
        )
        if same_row:
            groups[-1].append(item)
        else:
            groups.append([item])
    return tuple(
        Record(
            TABLE_LABELS.get(group[0].table or "", group[0].label)
            if len(group) > 1
            else group[0].label,
            tuple(group),
        )
        for group in groups
    )


@dataclass(frozen=True)
class Section:
    category: Category
    title: Any
    records: tuple[Record, ...]
    empty_text: Any = None

    @property
    def items(self) -> tuple[Datum, ...]:
        return tuple(item for record in self.records for item in record.items)

    @property
    def control(self) -> bool:
        return any(item.control for item in self.items)

    @property
    def summary(self) -> str:
        """What the section holds in one line: "Phone, E-mail and Language"."""
        counts = Counter(str(record.title) for record in self.records)
        names = [
            f"{name} ({count})" if count > 1 else name for name, count in counts.items()
        ]
        if len(names) > SUMMARY_NAMES + 1:
            more = len(names) - SUMMARY_NAMES
            names = [*names[:SUMMARY_NAMES], _("%(count)s more", count=more)]
        return format_list(names)

    def _common(self, value: Callable[[Datum], Any]) -> Any:
        """The most common value among the items (the first of equals), or None."""
        if not self.items:
            return None
        counts = Counter(str(value(item)) for item in self.items)
        most = max(counts.values())
        return next(value(i) for i in self.items if counts[str(value(i))] == most)

    @property
    def common_source(self) -> Any:
        return self._common(_source)

    @property
    def common_purposes(self) -> tuple[Any, ...] | None:
        return self._common(_purposes)

    @property
    def common_basis(self) -> tuple[Any, Any] | None:
        """(legal basis, retention) of most items, said once above them."""
        return self._common(_basis)

    @property
    def all_alike(self) -> bool:
        """Whether every item has the common source, purposes, basis and retention."""
        return not any(any(self.differs(item)) for item in self.items)

    def differs(self, item: Datum) -> tuple[bool, bool, bool]:
        """Whether the item's source, purposes, (basis, retention) are not the common."""
        if not self.items:
            return (False, False, False)
        return tuple(  # type: ignore[return-value]
            str(value(item)) != str(common)
            for value, common in (
                (_source, self.common_source),
                (_purposes, self.common_purposes),
                (_basis, self.common_basis),
            )
        )


def _source(item: Datum) -> Any:
    return item.source


def _purposes(item: Datum) -> tuple[Any, ...]:
    return item.purposes


def _basis(item: Datum) -> tuple[Any, Any]:
    return (item.legal_basis, item.retention)


@dataclass(frozen=True)
class MyData:
    full_name: str
    sections: tuple[Section, ...]
    counts: HistoryCounts

    @property
    def has_control_data(self) -> bool:
        return any(section.control for section in self.sections)
