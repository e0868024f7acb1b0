""" "Mine data" on a phone: a few screens tall with its categories folded; a category
opens in place with JavaScript, and without it leads to the category's own page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

# Measured before the categories were folded: 44,500 to 55,000 px at 390 px.
MAX_HEIGHT = 6000


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["da", "en"])
def test_my_data_is_a_few_screens_tall_on_a_phone(
    tab_for: Callable[[str, str, int], Any], lang: str
) -> None:
    tab = tab_for("citizen", lang, 390)
    tab.page.goto(tab.base_url + "/mine-data")
    height = tab.page.evaluate("document.documentElement.scrollHeight")
    assert height < MAX_HEIGHT, f"/mine-data is {height} px tall at 390 px"


@pytest.mark.browser
def test_a_category_opens_without_javascript(
    browser: Any, live_server: str, storage_states: Callable[[str], Any]
) -> None:
    context = browser.new_context(
        storage_state=storage_states("citizen"),
        java_script_enabled=False,
        viewport={"width": 390, "height": 800},
    )
    try:
        page = context.new_page()
        page.goto(live_server + "/mine-data")
        category = page.locator("details.my-data-details").first
        link = category.locator("a[href^='/mine-data/kategori/']")
        assert not link.is_visible()
        category.locator("summary").click()
        assert link.is_visible()
        link.click()
        page.wait_for_url("**/mine-data/kategori/**")
        assert page.locator(".my-data-item").first.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_a_category_opens_in_place_with_javascript(
    tab_for: Callable[[str, str, int], Any],
) -> None:
    tab = tab_for("citizen", "da", 390)
    tab.page.goto(tab.base_url + "/mine-data")
    assert tab.page.locator(".my-data-item").count() == 0, "the overview sends no data"
    category = tab.page.locator("details.my-data-details").first
    category.locator("summary").click()
    category.locator(".my-data-item").first.wait_for(state="visible")
    assert tab.page.url.endswith("/mine-data"), "the data opened in place"
