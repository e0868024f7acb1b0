"""The focus on every part of a date field: day, month, year and the calendar button
(the autocomplete's open list is checked on every page that has one, in
tests/browser/test_crawl.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab

DATE_FIELDS = [("/joblog/ny", "#on_date"), ("/min-plan/ny", "#due_on")]

FOCUS_SHOWN = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return [el.id, outline || style.boxShadow !== 'none'];
}"""


@pytest.mark.browser
@pytest.mark.parametrize(("path", "selector"), DATE_FIELDS)
def test_every_part_of_a_date_field_shows_the_focus(
    tab_for: Callable[[str, str, int], Tab], path: str, selector: str
) -> None:
    tab = tab_for("citizen", "da", 1280)
    page = tab.page
    page.goto(tab.base_url + path)
    field_id = selector.removeprefix("#")
    # The control before the date field, then Tab through the field's parts (day,
    # month, year and the calendar button) until the focus leaves it.
    page.evaluate(
        """id => {
            const fields = Array.from(document.querySelectorAll(
                'main input:not([type=hidden]), main select, main textarea, main button'));
            fields[fields.findIndex(f => f.id === id) - 1].focus();
        }""",
        field_id,
    )
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        focused, shown = page.evaluate(FOCUS_SHOWN)
        if focused != field_id:
            break
        stops.append(shown)
    assert len(stops) >= 4, f"expected day, month, year and calendar: {stops}"
    assert all(stops), f"the focus is invisible at stop {stops.index(False) + 1}"
