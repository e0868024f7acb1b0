""" "Mine data" on a phone: a summary per category and its data in a details element
(which opens without JavaScript); every datum, its source and purposes still on the
page; the case's status, priority and language in words."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.consent.services.my_data import collect_my_data
from app.models import Case, Citizen, RouteReason
from tests.consent.test_export_words import _demo_citizens
from tests.pages import my_data_page


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def test_each_category_is_a_summary_with_its_data_folded_away(
    small_demo, login, get_page
) -> None:
    for citizen in _demo_citizens(small_demo):
        data = collect_my_data(small_demo, citizen.user_id, "da")
        login(citizen.user)
        page = my_data_page(get_page)
        sections = page.select("section.my-data-category:has(details)")
        with_data = [s for s in data.sections if s.items]
        assert [_text(s.h2) for s in sections] == [str(s.title) for s in with_data]
        for section, held in zip(sections, with_data, strict=True):
            details = section.find("details", recursive=False)
            assert details is not None and not details.has_attr("open")
            assert details.summary is not None
            # The summary line names what is held, outside the folded part.
            summary = section.select_one("p.my-data-summary")
            assert summary.find_parent("details") is None
            assert _text(summary).startswith(str(held.records[0].title))
            count = len(held.items)
            assert str(count) in _text(details.summary) or count == 1
            # Every datum is in the folded part, with where it comes from.
            items = details.select(".my-data-item")
            assert len(items) == count
            about = _text(details.select_one("dl.my-data-about"))
            assert str(held.common_source) in about
            for item, datum in zip(items, held.items, strict=True):
                assert _text(item.dt).startswith(str(datum.label))
                own_source = held.differs(datum)[0]
                assert (str(datum.source) in _text(item)) == own_source


def test_the_case_in_words_not_codes(small_demo, login, get_page) -> None:
    """ "Status på din sag: queued", "Prioritet i køen: 0.9822" and "da" are gone."""
    case = small_demo.scalar(
        select(Case).where(Case.queue_reason == RouteReason.MODEL).order_by(Case.id)
    )
    citizen = small_demo.get(Citizen, case.citizen_id)
    login(citizen.user)
    page = my_data_page(get_page)

    def value(label: str) -> str:
        for item in page.select(".my-data-item"):
            if _text(item.dt).startswith(label):
                return _text(item.select_one(".my-data-value"))
        raise AssertionError(label)

    assert value("Status på din sag") in {
        "Venter på en sagsbehandler",
        "En sagsbehandler arbejder med din sag",
        "Lukket: ingen sagsbehandler arbejder med den lige nu",
    }
    priority = value("Prioritet i køen")
    assert not re.search(r"\d", priority)
    assert "skønnet over dit behov for hjælp" in priority
    assert value("Sprog, vi taler med dig på") in {"Dansk", "Engelsk", "Arabisk"}
    assert value("Hvorfor du venter på en sagsbehandler") == (
        "Screeningen (eget ønske eller skønnet)"
    )
