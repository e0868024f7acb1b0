"""Hostile input: a megabyte in any form field gets its answer at once, never a 500.

Every page of the authorization matrix is opened as a role allowed to see it; every
form on it is sent back with its own values and one field (text, hidden, search) set to
a megabyte of text, one field at a time. The text policy (app.text_input) cuts what it
keeps before any search or normaliser sees it, so the answer comes in well under a
second and says what is wrong.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

import pytest
from flask import Flask

from tests.form_crawl import form_pages, forms_on
from tests.route_cases import RouteCase, World

MEGABYTE = "a" * (1024 * 1024)


@pytest.mark.parametrize("case", form_pages(), ids=lambda c: c.endpoint)
def test_a_megabyte_in_any_field_is_answered_at_once(
    app: Flask, client, form_world: World, taxonomy, case: RouteCase
) -> None:
    for method, action, values, fillable in forms_on(app, client, form_world, case):
        for name in fillable:
            data = {**values, name: MEGABYTE}
            where = f"{method.upper()} {action} [{name}]"
            # The faster of two tries: a busy machine may stall one request now and
            # then; work that grows with the text (27 s before the cut) stalls both.
            seconds = 60.0
            for _ in range(2):
                started = time.perf_counter()
                if method == "post":
                    response = client.post(action, data=data)
                else:
                    separator = "&" if "?" in action else "?"
                    response = client.get(action + separator + urlencode(data))
                seconds = min(seconds, time.perf_counter() - started)
                if seconds < 1.0:
                    break
            assert response.status_code < 500, f"{where}: {response.status_code}"
            assert seconds < 1.0, f"{where}: {seconds:.1f} s"
