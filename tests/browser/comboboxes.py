"""A combobox opened with a typed query: the page still passes axe and does not scroll
sideways, and the list is no wider than its input, has no bullets, is opaque and lies
on top of the page."""

from __future__ import annotations

from typing import Any

from tests.browser.checks import WIDTHS, axe_problems, sideways_problems
from tests.browser.conftest import Tab

# A query with suggestions in every list the portal suggests from (skills, occupations).
QUERY = "lager"

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
        background: getComputedStyle(listbox).backgroundColor,
        bullets: options.map(o => getComputedStyle(o, '::before').content)
                        .filter(c => c !== 'none' && c !== '""' && c !== 'normal'),
        onTop: onTop,
    };
}"""


def _open_list(tab: Tab, box_id: str) -> list[Any]:
    """Type the query into the combobox and wait for its options; the input and list."""
    page = tab.page
    page.locator(f"#{box_id}").press_sequentially(QUERY, delay=40)
    page.locator(f"#{box_id}-listbox [role=option]").first.wait_for(
        state="visible", timeout=10_000
    )
    return [
        page.locator(f"#{box_id}").element_handle(),
        page.locator(f"#{box_id}-listbox").element_handle(),
    ]


def _list_problems(found: dict[str, Any]) -> list[str]:
    problems = []
    (field_left, field_right), (list_left, list_right) = found["field"], found["list"]
    if list_left < field_left - 0.5 or list_right > field_right + 0.5:
        problems.append(f"the list {found['list']} is wider than its input")
    if found["bullets"]:
        problems.append(f"the options have bullets: {found['bullets'][:3]}")
    if found["background"] != "rgb(255, 255, 255)":
        problems.append(f"the list is see-through: {found['background']}")
    if not found["onTop"]:
        problems.append("page content lies on top of the list")
    return problems


def open_list_problems(tab: Tab, box_id: str, lang: str) -> list[tuple[int, str]]:
    """Open the list of this combobox on the page just loaded, at the tab's width, and
    check it there with axe too; then at each of the sweep's wider widths, the list
    still open. Each problem with the width it shows at."""
    input_and_list = _open_list(tab, box_id)
    problems = [(tab.width, p) for p in axe_problems(tab, lang)]
    start = tab.width
    try:
        for width in sorted({start, *WIDTHS}):
            tab.page.set_viewport_size({"width": width, "height": 800})
            tab.width = width
            found = tab.page.evaluate(MEASURE_LIST, input_and_list)
            found_here = sideways_problems(tab) + _list_problems(found)
            problems += [(width, problem) for problem in found_here]
    finally:
        tab.page.set_viewport_size({"width": start, "height": 800})
        tab.width = start
    return problems
