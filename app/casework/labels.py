"""The caseworker's words: the screening answers, the directions of overrides and
contact channels (the reasons of an assessment are in app.segmentation.wording)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.models import Channel

SCREENING_FIELDS = (
    ("expected_time_to_job", _l("Expects a job within")),
    ("wants_support", _l("Wants support")),
    ("health_limits", _l("Health limits")),
    ("childcare_limits", _l("Childcare limits")),
    ("danish_level", _l("Danish skills")),
    ("english_level", _l("English skills")),
    ("transport", _l("Transport")),
    ("it_confidence", _l("Confidence with IT")),
    ("search_confidence", _l("Confidence in job search")),
)


SCREENING_VALUES = {
    "1m": _l("1 month"),
    "3m": _l("3 months"),
    "6m": _l("6 months"),
    "longer": _l("Longer"),
    "unknown": _l("Does not know"),
    "none": _l("None"),
    "some": _l("Some"),
    "considerable": _l("Considerable"),
    "basic": _l("Basic"),
    "good": _l("Good"),
    "fluent": _l("Fluent"),
    "native": _l("Native"),
    "car": _l("Car"),
    "public": _l("Public transport"),
    "bike": _l("Bike or on foot"),
    "limited": _l("Limited"),
    "high": _l("High"),
    "low": _l("Low"),
    "no": _l("No"),
    "maybe": _l("Maybe"),
    "yes": _l("Yes"),
}


DIRECTION_LABELS = {
    "support": _l("To support"),
    "self_service": _l("To self-service"),
}


# How a citizen wants to be contacted, in a caseworker's words.
CHANNEL_LABELS = {
    Channel.DIGITAL: _l("Written message in Jobunivers"),
    Channel.PHONE: _l("Phone call"),
    Channel.IN_PERSON: _l("Meeting at the job centre"),
}
