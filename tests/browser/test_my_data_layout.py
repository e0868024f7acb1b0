""" "Mine data" on a phone: a few screens tall with its categories folded, and each
category opens without JavaScript (a native details element)."""

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
        datum = category.locator(".my-data-item").first
        assert not datum.is_visible()
        category.locator("summary").click()
        assert datum.is_visible()
    finally:
        context.close()
