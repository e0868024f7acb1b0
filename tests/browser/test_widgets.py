"""The widgets the page sweep sees only at rest: the autocomplete's list opened with a
typed query (no sideways scrolling at 320 and 390 px, no wider than its input, no
bullets, opaque and on top), and the focus on every part of a date field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import Tab

# Page, combobox and a query with suggestions, on every page with an autocomplete that
# the browser citizen reaches without an id.
COMBOBOXES = [
    ("/mit-cv/faglige-kompetencer", "#skill", "lager"),
    ("/mit-cv/job/ny", "#occupation", "lager"),
    ("/mine-oensker", "#occupation", "lager"),
    ("/andre-muligheder", "#q", "lager"),
]
DATE_FIELDS = [("/joblog/ny", "#on_date"), ("/min-plan/ny", "#due_on")]

# Where the open list is, against its input, and what lies on top of its options.
MEASURE_LIST = """([input, listbox]) => {
    listbox.scrollIntoView({block: 'nearest'});
    const field = input.getBoundingClientRect();
    const list = listbox.getBoundingClientRect();
    const options = Array.from(listbox.querySelectorAll('[role=option]'));
    // Each option the list shows without scrolling it is what a click there hits.
    const onTop = options.every(option => {
        const box = option.getBoundingClientRect();
        const middle = box.top + box.height / 2;
        if (middle > list.bottom) {
            return true;
        }
        const hit = document.elementFromPoint(box.left + box.width / 2, middle);
        return hit !== null && listbox.contains(hit);
    });
    return {
        field: [field.left, field.right],
        list: [list.left, list.right],
        scroll: [document.documentElement.scrollWidth,
                 document.documentElement.clientWidth],
        background: getComputedStyle(listbox).backgroundColor,
        bullets: options.map(o => getComputedStyle(o, '::before').content)
                        .filter(c => c !== 'none' && c !== '""' && c !== 'normal'),
        onTop: onTop,
        options: options.length,
    };
}"""
FOCUS_SHOWN = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return [el.id, outline || style.boxShadow !== 'none'];
}"""


def _open_list(tab: Tab, path: str, selector: str, query: str) -> dict[str, Any]:
    page = tab.page
    page.goto(tab.base_url + path)
    page.locator(selector).press_sequentially(query, delay=40)
    page.locator(f"{selector}-listbox [role=option]").first.wait_for(state="visible")
    input_and_list = [
        page.locator(selector).element_handle(),
        page.locator(f"{selector}-listbox").element_handle(),
    ]
    return page.evaluate(MEASURE_LIST, input_and_list)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize(("path", "selector", "query"), COMBOBOXES)
def test_the_open_list_fits_its_input_and_covers_the_page(
    tab_for: Callable[[str, str, int], Tab],
    lang: str,
    width: int,
    path: str,
    selector: str,
    query: str,
) -> None:
    found = _open_list(tab_for("citizen", lang, width), path, selector, query)
    assert found["options"] > 0
    scroll, client = found["scroll"]
    assert scroll <= client, f"scrolls sideways with the list open: {scroll} > {client}"
    (field_left, field_right), (list_left, list_right) = found["field"], found["list"]
    assert list_left >= field_left - 0.5 and list_right <= field_right + 0.5, (
        f"list {found['list']} is wider than its input {found['field']}"
    )
    assert found["bullets"] == [], "options have bullets"
    assert found["background"] == "rgb(255, 255, 255)", "the list is see-through"
    assert found["onTop"], "page content lies on top of the list"


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
