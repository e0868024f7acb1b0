"""The read model of "Mine data": each datum with its source and purposes, grouped in
records (one row of a table) and sections (one category), and what a section says in
its one-line summary, so the page can show a summary per category and the details on
demand (app/consent/services/my_data.py fills it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
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
    def slug(self) -> str:
        """The category as it appears in its page's URL."""
        return str(self.category.value).replace("_", "-")

    @cached_property
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

    @cached_property
    def _words(self) -> list[tuple[str, str, str]]:
        """Each item's source, purposes and (basis, retention) as text, worked out once
        per section (each is a translation in the reader's language)."""
        return [
            (str(_source(item)), str(_purposes(item)), str(_basis(item)))
            for item in self.items
        ]

    @cached_property
    def _common_index(self) -> tuple[int, int, int] | None:
        """For source, purposes and basis: the first item with the most common value."""
        if not self.items:
            return None
        found = []
        for part in range(3):
            counts = Counter(words[part] for words in self._words)
            most = max(counts.values())
            found.append(
                next(n for n, w in enumerate(self._words) if counts[w[part]] == most)
            )
        return found[0], found[1], found[2]

    def _common(self, part: int, value: Callable[[Datum], Any]) -> Any:
        """The most common value among the items (the first of equals), or None."""
        index = self._common_index
        return None if index is None else value(self.items[index[part]])

    @property
    def common_source(self) -> Any:
        return self._common(0, _source)

    @property
    def common_purposes(self) -> tuple[Any, ...] | None:
        return self._common(1, _purposes)

    @property
    def common_basis(self) -> tuple[Any, Any] | None:
        """(legal basis, retention) of most items, said once above them."""
        return self._common(2, _basis)

    @cached_property
    def _differences(self) -> dict[int, tuple[bool, bool, bool]]:
        index = self._common_index
        if index is None:
            return {}
        common = [self._words[index[part]][part] for part in range(3)]
        return {
            id(item): (
                words[0] != common[0],
                words[1] != common[1],
                words[2] != common[2],
            )
            for item, words in zip(self.items, self._words, strict=True)
        }

    @property
    def all_alike(self) -> bool:
        """Whether every item has the common source, purposes, basis and retention."""
        return not any(any(d) for d in self._differences.values())

    def differs(self, item: Datum) -> tuple[bool, bool, bool]:
        """Whether the item's source, purposes, (basis, retention) are not the common."""
        return self._differences.get(id(item), (False, False, False))


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
