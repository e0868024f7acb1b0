"""The marketplace's use cases: providers, offerings, enrolments, reviews, results.

Each function takes plain values and an audit Actor, records every change through
app.audit and flushes; the request or command commits.
"""

from __future__ import annotations


class MarketplaceError(ValueError):
    """The action is not possible as asked (the message is shown translated)."""


class NotFound(LookupError):
    """No such object for this person (the view answers 404)."""
