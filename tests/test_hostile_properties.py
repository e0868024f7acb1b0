"""Generated hostile values for every form field and URL parameter: never a server error,
and a refused form changes nothing.

Hypothesis draws values for one field at a time of every form the authorization matrix
reaches (text in every Unicode category but lone surrogates, control characters, long
digit strings, odd digits such as "²", SQL and full-text operators, markup), and for the
query parameters the pages read. The examples are derandomised, so a run is repeatable.
A form that answers with its error summary must not have written anything but the
access log.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.models import AccessLog, User
from tests.form_crawl import form_pages, forms_on, page_url
from tests.route_cases import RouteCase, World

KNOWN_HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "²",
    "٣",
    "１２",
    "-1",
    "0",
    "9" * 30,
    "9223372036854775808",
    "1e309",
    "NaN",
    "'; DROP TABLE citizen; --",
    '" OR 1=1 --',
    "a* OR b NEAR(c d) ^e",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "%(x)s %s %n",
    "../../etc/passwd",
    "\u202eevil",
    "\r\n\r\nSet-Cookie: x=1",
    "https://evil.example/",
    "//evil.example/",
    "2026-02-30",
    "31.12.9999",
]
HOSTILE = st.one_of(
    st.sampled_from(KNOWN_HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),
    st.integers().map(str),
)
QUERY_PARAMETERS = ["page", "q", "borger", "raekke", "tabel", "felt", "status", "next"]
EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def writes() -> Iterator[list[str]]:
    """The kinds of rows flushed while the test runs (the access log is not counted:
    reading a page may log that it was read)."""
    seen: list[str] = []

    def record(session: Session, _context: object, _instances: object) -> None:
        for row in (*session.new, *session.dirty, *session.deleted):
            if not isinstance(row, AccessLog | User):  # User: the log-in time
                seen.append(type(row).__name__)

    event.listen(Session, "before_flush", record)
    yield seen
    event.remove(Session, "before_flush", record)


def _refused(html: str) -> bool:
    return "error-summary" in html or "form-error-message" in html


@pytest.mark.parametrize("case", form_pages(), ids=lambda c: c.endpoint)
def test_hostile_values_in_any_field(
    app: Flask, client, form_world: World, taxonomy, writes, case: RouteCase
) -> None:
    forms = [
        (method, action, values, name)
        for method, action, values, fillable in forms_on(app, client, form_world, case)
        for name in fillable
    ]
    if not forms:
        pytest.skip("no field to type into")

    @EXAMPLES
    @given(index=st.integers(0, len(forms) - 1), value=HOSTILE)
    def send(index: int, value: str) -> None:
        method, action, values, name = forms[index]
        data = {**values, name: value}
        writes.clear()
        if method == "post":
            response = client.post(action, data=data)
        else:
            separator = "&" if "?" in action else "?"
            response = client.get(action + separator + urlencode(data))
        where = f"{method.upper()} {action} [{name}={value!r}]"
        assert response.status_code < 500, where
        if method == "post" and _refused(response.get_data(as_text=True)):
            assert writes == [], f"{where} was refused but wrote {writes}"

    send()


@pytest.mark.parametrize(
    "case",
    [c for c in form_pages() if "{" not in c.endpoint],
    ids=lambda c: c.endpoint,
)
def test_hostile_query_parameters(
    app: Flask, client, form_world: World, taxonomy, case: RouteCase
) -> None:
    list(forms_on(app, client, form_world, case))  # logs in, opens the page
    url = page_url(app, case, form_world)

    @EXAMPLES
    @given(name=st.sampled_from(QUERY_PARAMETERS), value=HOSTILE)
    def send(name: str, value: str) -> None:
        separator = "&" if "?" in url else "?"
        response = client.get(url + separator + urlencode({name: value}))
        assert response.status_code < 500, f"GET {url} [{name}={value!r}]"

    send()
