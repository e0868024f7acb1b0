"""Pagination of a select statement, and the page number a query string asks for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.urls import parse_int


@dataclass(frozen=True)
class Page:
    items: list[Any]
    number: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def paginate(session: Session, query: Select[Any], page: int, per_page: int) -> Page:
    """One page of query's rows (page numbers start at 1 and are clamped to the range)."""
    total = session.scalar(
        select(func.count()).select_from(query.order_by(None).subquery())
    )
    total = int(total or 0)
    pages = max(1, -(-total // per_page))
    number = min(max(1, page), pages)
    rows = session.execute(query.limit(per_page).offset((number - 1) * per_page)).all()
    items = [row if len(row) > 1 else row[0] for row in rows]
    return Page(items=items, number=number, per_page=per_page, total=total)


def page_number(value: str | None) -> int:
    """A page number from the query string; anything odd means the first page."""
    return parse_int(value, high=999_999) or 1
