"""Numbers in URLs: ASCII digits within the id columns' range, or not found (never a 500)."""

from __future__ import annotations

import pytest

from app.urls import MAX_ID, parse_int, safe_next

ODD_NUMBERS = ["²", "٣", "１", "1_000", " 7", "-1", "0x10", "9" * 30, str(MAX_ID + 1)]


@pytest.mark.parametrize("text", ODD_NUMBERS + ["", "0", None])
def test_parse_int_refuses_anything_but_ascii_digits_in_range(text) -> None:
    assert parse_int(text) is None


def test_parse_int_reads_plain_numbers_up_to_the_largest_id() -> None:
    assert parse_int("42") == 42
    assert parse_int(str(MAX_ID)) == MAX_ID
    assert parse_int("0", low=0) == 0
    assert parse_int("1000", high=999) is None


def test_safe_next_keeps_local_paths_only() -> None:
    assert safe_next("/min-side", "/") == "/min-side"
    for target in ("https://evil.example/", "//evil.example/", "min-side", "/\\evil"):
        assert safe_next(target, "/") == "/"


CITIZEN_PAGES = [
    "/joblog?page={}",
    "/mine-data/hvem-har-set?page={}",
    "/job-til-dig?page={}",
    "/job-til-dig?distance={}",
    "/mine-data/rettelser/ny?tabel=citizens&felt=postcode&raekke={}",
]
CITIZEN_IDS = ["/mit-cv/job/{}", "/mine-data/samtykker/kvitteringer/{}", "/job/{}"]


@pytest.mark.parametrize("odd", ["²", "٣", "9223372036854775808", "9" * 25])
def test_odd_numbers_on_citizen_pages_are_never_an_error(
    client, citizen, taxonomy, odd
) -> None:
    for page in CITIZEN_PAGES:
        response = client.get(page.format(odd))
        assert response.status_code in {200, 404}, (page, odd, response.status_code)
    for page in CITIZEN_IDS:
        response = client.get(page.format(odd))
        assert response.status_code == 404, (page, odd, response.status_code)


@pytest.mark.parametrize("odd", ["²", "9223372036854775808"])
def test_odd_numbers_on_caseworker_pages_are_never_an_error(
    client, make_caseworker, login, odd
) -> None:
    login(make_caseworker())
    for page in ("/sagsbehandler/koe?page={}", "/sagsbehandler/rettelser?page={}"):
        assert client.get(page.format(odd)).status_code == 200, page
    assert client.get(f"/sagsbehandler/rettelser?borger={odd}").status_code == 404
    assert client.get(f"/sagsbehandler/borger/{odd}").status_code == 404


def test_a_page_number_past_the_end_shows_the_last_page(client, citizen) -> None:
    assert client.get("/joblog?page=999999").status_code == 200
