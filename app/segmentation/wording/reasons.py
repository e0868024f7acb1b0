"""The reasons of an assessment in words, in ONE place for every page and export.

Each reason says what is true of the person's stored value (the answer they gave, the
number counted) and then how it pulls the estimate compared with the average
jobseeker. The sentence comes from the value, never from the sign of the contribution,
so it cannot contradict the answer; the sign only chooses the pull. Din vej, the
caseworker's queue and case view, "Mine data" and the exports all use these.

The value is read from the assessment's stored inputs (the raw answers and counts the
model saw, plus the postal district and the transport answer). An older row without
an input is described from the reason's stored model value where that is unambiguous,
and otherwise only by what the feature is, with no claim about the answer.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.labels import EDUCATION_LEVEL_LABELS, label_of
from app.ml import segmentation as seg
from app.segmentation.wording.answers import (
    CITIZEN_ANSWERS,
    STAFF_ANSWERS,
    STAFF_LABELS,
)


class Voice(enum.StrEnum):
    CITIZEN = "citizen"  # "you": Din vej, Mine data, the exports
    STAFF = "staff"  # "label: value": the caseworker's queue and case view


@dataclass(frozen=True)
class ReasonText:
    """One reason in words: what is true of the person, and how it pulls."""

    feature: str
    fact: str
    pull: str
    raises: bool
    text: str
    # The pull without "compared with the average jobseeker", for a list that says so.
    short_pull: str = ""


# The input each feature is computed from, where the names differ.
INPUT_OF = {
    "danish_difficulty": "danish_level",
    "low_it_confidence": "it_confidence",
    "low_search_confidence": "search_confidence",
}

# An older row without inputs: the answer behind a model value, where only one answer
# gives it (Danish 0.0 is native or fluent, time 2.0 is six months or "don't know").
_FROM_VALUE: dict[str, dict[float, str]] = {
    "expected_time_to_job": {0.0: "1m", 1.0: "3m", 3.0: "longer"},
    "health_limits": {v: k for k, v in seg.LIMITS.items()},
    "childcare_limits": {v: k for k, v in seg.LIMITS.items()},
    "danish_difficulty": {1.0: "good", 2.0: "basic", 3.0: "none"},
    "low_it_confidence": {v: k for k, v in seg.LOW_CONFIDENCE.items()},
    "low_search_confidence": {v: k for k, v in seg.LOW_CONFIDENCE.items()},
    "limited_transport": {1.0: "limited", 0.0: "not_limited"},
}
# Stored model values that are the count itself (the capped ones are not).
_COUNTS_FROM_VALUE = frozenset(
    {"weeks_unemployed", "earlier_weeks", "applications_4w", "matching_postings"}
)
UNKNOWN = object()


def answer_of(
    feature: str, reason: Mapping[str, Any], inputs: Mapping[str, Any]
) -> Any:
    """The person's stored value behind a reason (UNKNOWN when it cannot be told)."""
    if feature == "limited_transport":
        if inputs.get("transport"):
            return inputs["transport"]
        if "limited_transport" in inputs:
            return "limited" if inputs["limited_transport"] else "not_limited"
    name = INPUT_OF.get(feature, feature)
    if name in inputs:
        return inputs[name]
    value = reason.get("value")
    if value is None:
        return UNKNOWN
    if feature in _COUNTS_FROM_VALUE:
        return float(value)
    return _FROM_VALUE.get(feature, {}).get(float(value), UNKNOWN)


def _num(value: float) -> str:
    n = round(float(value))
    # Below a thousand every locale writes the digits alone; a long list of reasons
    # (the queue) then skips Babel's lookup.
    return str(n) if abs(n) < 1000 else format_decimal(n)


def _weeks(weeks: float) -> str:
    n = round(float(weeks))
    return ngettext("%(count)s week", "%(count)s weeks", n, count=_num(weeks))


# --- what is true of the person, for the citizen -----------------------------------


def _citizen_count(feature: str, value: float, inputs: Mapping[str, Any]) -> str | None:
    n = round(float(value))
    if feature == "weeks_unemployed":
        if value < 1:
            return _("You became unemployed less than a week ago.")
        return _(
            "You have been unemployed for %(weeks)s in this period.",
            weeks=_weeks(value),
        )
    if feature == "earlier_spells":
        if n == 0:
            return _("We have no earlier periods of unemployment on record for you.")
        return ngettext(
            "You have been unemployed %(count)s time before.",
            "You have been unemployed %(count)s times before.",
            n,
            count=_num(n),
        )
    if feature == "earlier_weeks":
        if n == 0:
            return _("We have no earlier weeks of unemployment on record for you.")
        return _(
            "Your earlier periods of unemployment lasted %(weeks)s in all.",
            weeks=_weeks(value),
        )
    if feature == "applications_4w":
        if n == 0:
            return _(
                "You have no entries in your job-search log from the last 4 weeks."
            )
        return ngettext(
            "You have %(count)s entry in your job-search log from the last 4 weeks.",
            "You have %(count)s entries in your job-search log from the last 4 weeks.",
            n,
            count=_num(n),
        )
    if feature == "desired_occupations":
        if n == 0:
            return _("You have not chosen any jobs you would like to have.")
        return ngettext(
            "You have chosen %(count)s job you would like to have.",
            "You have chosen %(count)s jobs you would like to have.",
            n,
            count=_num(n),
        )
    if feature == "matching_postings":
        return _postings_sentence(n, inputs)
    return None


def _postings_sentence(count: int, inputs: Mapping[str, Any]) -> str:
    wanted = inputs.get("desired_occupations")
    if wanted == 0:
        return _(
            "You have not chosen any jobs you would like to have, so there were no "
            "postings to count for them. “Jobs for you” also looks at your experience "
            "and skills."
        )
    if "postal_district" in inputs and not inputs["postal_district"]:
        return _(
            "We do not know your postcode, so we could not count job postings near you."
        )
    where = _postcodes(inputs.get("postal_district"))
    if wanted is None:
        counted = ngettext(
            "When we assessed you, there was %(count)s open job posting for the jobs "
            "you want %(where)s.",
            "When we assessed you, there were %(count)s open job postings for the jobs "
            "you want %(where)s.",
            count,
            count=_num(count),
            where=where,
        )
    else:
        jobs = ngettext(
            "the %(count)s job you want",
            "the %(count)s jobs you want",
            int(wanted),
            count=_num(wanted),
        )
        counted = ngettext(
            "When we assessed you, there was %(count)s open job posting for %(jobs)s "
            "%(where)s.",
            "When we assessed you, there were %(count)s open job postings for %(jobs)s "
            "%(where)s.",
            count,
            count=_num(count),
            jobs=jobs,
            where=where,
        )
    return (
        counted
        + " "
        + _(
            "“Jobs for you” counts differently: it also shows jobs that fit your "
            "experience and skills, within the distance you chose."
        )
    )


def _postcodes(district: Any) -> str:
    if district and str(district).isdigit():
        low = int(district) * 1000 or 1000
        return _(
            "with a postcode from %(low)s to %(high)s",
            low=str(low),
            high=str(int(district) * 1000 + 999),
        )
    return _("in your postal district (postcodes starting with the same digit)")


def citizen_fact(feature: str, answer: Any, inputs: Mapping[str, Any]) -> str:
    """What is true of the citizen for one feature, as a sentence to them."""
    if answer is UNKNOWN:
        return str(STAFF_LABELS.get(feature, feature)) + "."
    if feature == "education":
        if answer is None:
            return _("You have not entered a completed education in your CV.")
        return _(
            "Your highest completed education in your CV: %(education)s.",
            education=label_of(EDUCATION_LEVEL_LABELS, answer),
        )
    counted = _citizen_count(feature, answer, inputs) if _is_number(answer) else None
    if counted is not None:
        return counted
    sentence = CITIZEN_ANSWERS.get(feature, {}).get(str(answer))
    return str(sentence) if sentence else str(STAFF_LABELS.get(feature, feature)) + "."


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- the same, as a caseworker reads it: "label: value" ---------------------------


def staff_value(feature: str, answer: Any, inputs: Mapping[str, Any]) -> str | None:
    """The person's value for one feature in short words (None when unknown)."""
    if answer is UNKNOWN:
        return None
    if feature == "education":
        if answer is None:
            return _("none in the CV")
        return str(label_of(EDUCATION_LEVEL_LABELS, answer))
    if feature in ("weeks_unemployed", "earlier_weeks"):
        return _weeks(answer)
    if feature == "applications_4w":
        n = round(float(answer))
        return ngettext("%(count)s entry", "%(count)s entries", n, count=_num(n))
    if feature == "matching_postings":
        return _(
            "%(num)s for the jobs wanted, %(where)s",
            num=_num(answer),
            where=_postcodes(inputs.get("postal_district")),
        )
    if _is_number(answer):
        return _num(answer)
    words = STAFF_ANSWERS.get(feature, {}).get(str(answer))
    return str(words) if words else None


def staff_fact(feature: str, answer: Any, inputs: Mapping[str, Any]) -> str:
    label = str(STAFF_LABELS.get(feature, feature))
    value = staff_value(feature, answer, inputs)
    return (
        label if value is None else _("%(label)s: %(value)s", label=label, value=value)
    )


# --- reasons ------------------------------------------------------------------------

CITIZEN_PULL = (
    _l(
        "Compared with the average jobseeker, this points towards finding work yourself."
    ),
    _l(
        "Compared with the average jobseeker, this points towards help from a caseworker."
    ),
)

CITIZEN_SHORT_PULL = (
    _l("Points towards finding work yourself."),
    _l("Points towards help from a caseworker."),
)


def reason_text(
    reason: Mapping[str, Any], inputs: Mapping[str, Any] | None, voice: Voice
) -> ReasonText | None:
    """One stored reason in words (None for a feature the model no longer has)."""
    feature = str(reason.get("feature", ""))
    if feature not in seg.FEATURE_NAMES:
        return None
    inputs = inputs or {}
    answer = answer_of(feature, reason, inputs)
    raises = float(reason.get("contribution") or 0) > 0
    if voice is Voice.CITIZEN:
        fact = citizen_fact(feature, answer, inputs)
        pull = str(CITIZEN_PULL[raises])
        short = str(CITIZEN_SHORT_PULL[raises])
        return ReasonText(feature, fact, pull, raises, f"{fact} {pull}", short)
    fact = staff_fact(feature, answer, inputs)
    pull = _("raises the estimate") if raises else _("lowers the estimate")
    return ReasonText(feature, fact, pull, raises, f"{fact} ({pull})", pull)


def reason_texts(
    reasons: list[Any] | None,
    inputs: Mapping[str, Any] | None,
    voice: Voice,
    limit: int | None = None,
) -> list[ReasonText]:
    """The stored reasons in words, biggest first, at most `limit` of them."""
    found = []
    for reason in reasons or []:
        if not isinstance(reason, Mapping):
            continue
        text = reason_text(reason, inputs, voice)
        if text is not None:
            found.append(text)
        if limit is not None and len(found) >= limit:
            break
    return found


def input_lines(inputs: Mapping[str, Any] | None) -> list[str]:
    """Everything the model saw about the person, one "label: value" line each."""
    inputs = inputs or {}
    if not inputs:
        return []
    lines = [staff_fact(f, answer_of(f, {}, inputs), inputs) for f in seg.FEATURE_NAMES]
    wish = STAFF_ANSWERS["wants_support"].get(str(inputs.get("wants_support")))
    if wish is not None:
        lines.append(
            _("%(label)s: %(value)s", label=STAFF_LABELS["wants_support"], value=wish)
        )
    return lines
