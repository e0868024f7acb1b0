"""One URL, two renderings: the full page, or its partial for an htmx request."""

from __future__ import annotations

from typing import Any

from flask import make_response, render_template, request
from werkzeug.wrappers import Response


def wants_partial() -> bool:
    """True for an htmx request that is not a history restore (which needs the full page)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render_page_or_partial(page: str, partial: str, **context: Any) -> Response:
    """Render partial for htmx requests and page otherwise, always with Vary: HX-Request."""
    template = partial if wants_partial() else page
    response = make_response(render_template(template, **context))
    response.vary.add("HX-Request")
    return response
