"""Effects and groups in plain words ("cirka 3 uger hurtigere i job, usikkerhed 1-5
uger"): no raw numbers, codes or long floats reach a page."""

from __future__ import annotations

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from app.advisor.labels import FEATURE_LABELS, INTERVENTION_LABELS
from app.labels import EDUCATION_LEVEL_LABELS
from app.ml.effects import ArmEffect, Condition
from app.ml.segmentation import EDUCATION_LEVEL
from app.models import EducationLevel

BINARY = {"activity_ready", "sick_listed"}
LEVELS = {
    "health_limits": ("none", "some", "considerable"),
    "danish_needs": ("none", "some", "considerable"),
}


def _weeks(value: float) -> str:
    # Whole weeks from 10 on; one decimal below, where rounding would hide the range.
    value = abs(value)
    return format_decimal(round(value) if value >= 10 else round(value, 1), "#,##0.#")


def weeks_words(effect: ArmEffect) -> str:
    """The effect on the time to work or education, with its 90 % interval."""
    centre = round(effect.estimate)
    if centre == 0:
        head = _("About the same time to work or education")
    elif centre > 0:
        head = ngettext(
            "about %(num)s week sooner in work or education",
            "about %(num)s weeks sooner in work or education",
            abs(centre),
        )
    else:
        head = ngettext(
            "about %(num)s week later in work or education",
            "about %(num)s weeks later in work or education",
            abs(centre),
        )
    head = head[:1].upper() + head[1:]
    low, high = round(effect.low, 1), round(effect.high, 1)
    if low >= 0:
        span = _(
            "uncertainty %(low)s to %(high)s weeks sooner",
            low=_weeks(low),
            high=_weeks(high),
        )
    elif high <= 0:
        span = _(
            "uncertainty %(low)s to %(high)s weeks later",
            low=_weeks(high),
            high=_weeks(low),
        )
    else:
        span = _(
            "uncertainty from %(later)s weeks later to %(sooner)s weeks sooner",
            later=_weeks(low),
            sooner=_weeks(high),
        )
    return f"{head}, {span}"


def _points(value: float) -> str:
    return format_decimal(round(abs(100 * value)), "#,##0")


def employed_words(effect: ArmEffect) -> str:
    """The effect on being in work or education after six months, in points."""
    low, high = effect.low, effect.high
    if round(100 * effect.estimate) == 0:
        head = _("About the same chance of work or education after 6 months")
    elif effect.estimate > 0:
        head = _(
            "%(points)s percentage points more likely in work or education after 6 months",
            points=_points(effect.estimate),
        )
    else:
        head = _(
            "%(points)s percentage points less likely in work or education after 6 months",
            points=_points(effect.estimate),
        )
    span = _(
        "uncertainty %(low)s to %(high)s points",
        low=format_decimal(round(100 * low), "#,##0"),
        high=format_decimal(round(100 * high), "#,##0"),
    )
    return f"{head} ({span})"


def condition_words(condition: Condition) -> str:
    """One condition of a group in words."""
    name, at_most = condition.feature, condition.op == "le"
    label = str(FEATURE_LABELS.get(name, name))
    if name in BINARY:
        return label if not at_most else _("not %(what)s", what=label.lower())
    if name == "education_level":
        levels = sorted(EDUCATION_LEVEL, key=EDUCATION_LEVEL.get)
        index = min(int(condition.threshold), len(levels) - 1)
        level = EDUCATION_LEVEL_LABELS[EducationLevel(levels[index])]
        if at_most:
            return _("%(what)s: %(level)s or lower", what=label, level=level)
        return _("%(what)s: higher than %(level)s", what=label, level=level)
    value = format_decimal(condition.threshold, "#,##0.#")
    if at_most:
        return _("%(what)s: at most %(value)s", what=label, value=value)
    return _("%(what)s: more than %(value)s", what=label, value=value)


def group_words(conditions: tuple[Condition, ...]) -> list[str]:
    """A group of the tree in words, one condition a line."""
    return [condition_words(c) for c in conditions] or [_("Everyone")]


def rule_words(name: str) -> str:
    """A policy-value row's rule ("always wage_subsidy", "policy tree") in words."""
    fixed = {
        "policy tree": _("The groups' best estimated intervention"),
        "historical assignment": _("What the job centre did"),
        "oracle (each person's best)": _("Each person's truly best (unknowable)"),
    }
    if name in fixed:
        return fixed[name]
    code = name.rsplit(" ", 1)[-1]
    label = INTERVENTION_LABELS.get(code, code)
    if name.startswith("best single"):
        return _("The best single intervention for everyone: %(label)s", label=label)
    return _("Everyone: %(label)s", label=label)
