"""The favicon: /favicon.ico answers (browsers ask for it on every page) and every page
names the icons."""

from __future__ import annotations


def test_favicon_ico_is_served(client) -> None:
    with client.get("/favicon.ico") as response:
        assert response.status_code == 200
        assert response.mimetype == "image/vnd.microsoft.icon"
        assert response.data[:4] == b"\x00\x00\x01\x00"  # an icon directory


def test_every_page_links_to_the_icons(client, get_page) -> None:
    page = get_page("/")
    icons = page.select('link[rel="icon"]')
    assert {link["href"] for link in icons} == {"/favicon.ico", "/static/favicon.svg"}
    with client.get("/static/favicon.svg") as svg:
        assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
