"""A decision in words: the track, how it was decided and when, the model's estimate as
"about 8 in 10", and beside a caseworker's decision what was suggested before it."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.i18n import current_lang, format_day
from app.labels import OVERRIDE_REASON_LABELS, TRACK_LABELS, label_of
from app.models import OverrideReason, RouteReason, Track
from app.segmentation.track import Decision
from app.segmentation.wording.reasons import Voice

# The track as part of a sentence to the citizen ("The model suggested: ...").
CITIZEN_TRACKS: dict[Track, Any] = {
    Track.SUPPORT: _l("help from a caseworker"),
    Track.SELF_SERVICE: _l("finding work yourself, with Jobunivers"),
}

# A caseworker's reason, said to the citizen; the same meaning as the caseworker's
# words for the code (app.labels.OVERRIDE_REASON_LABELS).
CITIZEN_OVERRIDE_REASONS: dict[OverrideReason, Any] = {
    OverrideReason.CITIZEN_WISH: _l("you wished it yourself"),
    OverrideReason.MORE_INFORMATION: _l(
        "the caseworker got new information in the conversation with you"
    ),
    OverrideReason.HEALTH: _l("your health"),
    OverrideReason.LANGUAGE: _l("language"),
    OverrideReason.MODEL_MISSES_CONTEXT: _l(
        "the estimate misses something in your situation that the caseworker knows"
    ),
    OverrideReason.OTHER: _l("another reason, which the caseworker explains"),
}

# Why the track before a caseworker's decision was what it was, (staff, citizen).
_BECAUSE: tuple[dict[RouteReason, Any], dict[RouteReason, Any]] = (
    {
        RouteReason.MODEL: _l("because the citizen answered that they want support"),
        RouteReason.ASKED_FOR_PERSON: _l(
            "because the citizen asked to talk to a person"
        ),
        RouteReason.OBJECTED: _l("because the citizen objected to profiling"),
        RouteReason.OVERRIDE: _l("because a caseworker chose it earlier"),
    },
    {
        RouteReason.MODEL: _l("because you answered that you would like support"),
        RouteReason.ASKED_FOR_PERSON: _l("because you asked to talk to a person"),
        RouteReason.OBJECTED: _l("because you objected to profiling"),
        RouteReason.OVERRIDE: _l("because a caseworker chose it earlier"),
    },
)

TRIGGERS: dict[str, Any] = {
    "screening": _l("You answered the questions about your situation"),
    "cv": _l("Your CV changed"),
    "preferences": _l("Your wishes and needs changed"),
    "joblog": _l("Your job-search log changed"),
    "asked_for_person": _l("You asked to talk to a person"),
    "objection": _l("You objected to profiling, or withdrew your objection"),
    "override": _l("A caseworker changed your track"),
    "nightly": _l("The regular review"),
    "demo": _l("The demo data was made"),
}


def chance(probability: float) -> str:
    """An estimate as "about 97 in 100" (never a long number)."""
    num = round(float(probability) * 100)
    if num < 1:
        return _("fewer than 1 in 100")
    if num > 99:
        return _("more than 99 in 100")
    return _("about %(num)s in 100", num=num)


def chance_sentence(probability: float, voice: Voice) -> str:
    """The estimate in a plain sentence."""
    if voice is Voice.CITIZEN:
        return _(
            "The model estimates that %(chance)s jobseekers in a situation like yours "
            "are still unemployed after 26 weeks.",
            chance=chance(probability),
        )
    return _(
        "By the model's estimate, %(chance)s jobseekers in a similar situation are "
        "still unemployed after 26 weeks.",
        chance=chance(probability),
    )


def track_words(track: Track, voice: Voice) -> str:
    """The track as a name (staff) or as part of a sentence (citizen)."""
    labels = CITIZEN_TRACKS if voice is Voice.CITIZEN else TRACK_LABELS
    return str(label_of(labels, track))


def override_reason_words(code: OverrideReason, voice: Voice) -> str:
    labels = (
        CITIZEN_OVERRIDE_REASONS if voice is Voice.CITIZEN else OVERRIDE_REASON_LABELS
    )
    return str(label_of(labels, code))


def trigger_words(trigger: str) -> str:
    return str(TRIGGERS.get(trigger, _("Another change")))


def _date(decision_at: Any, lang: str | None) -> str:
    return format_day(decision_at, lang or current_lang())


def how_decided(decision: Decision, voice: Voice, lang: str | None = None) -> str:
    """How the track was decided, truthfully: by whom, and on what."""
    if decision.override is not None or decision.route is RouteReason.OVERRIDE:
        return _by_caseworker(decision, voice, lang)
    if decision.route is RouteReason.OBJECTED:
        if voice is Voice.CITIZEN:
            return _(
                "You have objected to profiling. We therefore use no algorithm to "
                "assess you: a caseworker looks at your situation and decides with you."
            )
        return _("Objected to profiling: not scored, a person assesses")
    if decision.route is RouteReason.ASKED_FOR_PERSON:
        if voice is Voice.CITIZEN:
            return _(
                "You asked to talk to a person, so a caseworker will help you. That "
                "always comes first, whatever the calculation says."
            )
        return _("Asked to talk to a person")
    return _by_screening(decision, voice)


def _by_caseworker(decision: Decision, voice: Voice, lang: str | None) -> str:
    override = decision.override
    when = _date(override.at if override else decision.at, lang)
    track = track_words(decision.track, voice)
    if voice is Voice.CITIZEN:
        said = _(
            "A caseworker decided your track on %(date)s: %(track)s.",
            date=when,
            track=track,
        )
        if override is not None:
            said += " " + _(
                "The reason: %(reason)s.",
                reason=override_reason_words(override.reason_code, voice),
            )
        return said
    said = _("A caseworker chose %(track)s on %(date)s.", track=track, date=when)
    if override is not None:
        said += " " + _(
            "Reason: %(reason)s.",
            reason=override_reason_words(override.reason_code, voice),
        )
    return said


def _by_screening(decision: Decision, voice: Voice) -> str:
    """Decided by the screening: the citizen's own wish, or the model's estimate."""
    citizen = voice is Voice.CITIZEN
    wish = decision.wish
    if decision.track is Track.SELF_SERVICE:
        if citizen:
            return _(
                "The model's estimate points to finding work yourself, with "
                "Jobunivers. You can always ask to talk to a person."
            )
        return _("The estimate suggests self-service")
    if wish == "yes":
        if citizen:
            return _(
                "You answered that you would like support from a person at the job "
                "centre, so a caseworker will help you."
            )
        return _("Wants support (own answer)")
    if wish == "maybe":
        if citizen:
            return _(
                "The model's estimate points to help from a caseworker. You answered "
                "“maybe” to wanting support, so a lower estimate is enough."
            )
        return _("The estimate, with “maybe” to support (a lower limit)")
    if wish == "no":
        if citizen:
            return _(
                "The model's estimate points to help from a caseworker, although you "
                "answered that you can manage on your own."
            )
        return _("The estimate suggests support")
    if citizen:
        return _(
            "Your own wish for support and the model's estimate together point to "
            "help from a caseworker."
        )
    return _("The screening (own wish or the estimate)")


def suggestion(decision: Decision, voice: Voice) -> str | None:
    """Beside a caseworker's decision: what was suggested before it (None otherwise)."""
    if not decision.by_caseworker:
        return None
    before = decision.suggested
    from_track = (
        before.track
        if before is not None
        else (decision.override.from_track if decision.override else None)
    )
    if from_track is None:
        return None
    track = track_words(from_track, voice)
    citizen = voice is Voice.CITIZEN
    route = before.route if before is not None else RouteReason.MODEL
    estimate = decision.estimate
    if route is RouteReason.MODEL and (before is None or before.wish != "yes"):
        if estimate is None:
            return _("Before the caseworker's decision: %(track)s.", track=track)
        if citizen:
            return (
                _("The model suggested: %(track)s.", track=track)
                + " "
                + chance_sentence(estimate.probability or 0, voice)
            )
        return _(
            "The model suggested: %(track)s (%(chance)s still unemployed after 26 "
            "weeks).",
            track=track,
            chance=chance(estimate.probability or 0),
        )
    because = _BECAUSE[citizen][route]
    said = _(
        "Before the caseworker's decision: %(track)s, %(because)s.",
        track=track,
        because=because,
    )
    if estimate is not None:
        said += " " + chance_sentence(estimate.probability or 0, voice)
    return said


def one_line(decision: Decision, lang: str | None = None) -> str:
    """A past assessment in one line: when, the track, and how it was decided (in the
    short words of the caseworker's screens, which read as a record)."""
    line = _(
        "%(date)s: %(track)s. %(how)s",
        date=_date(decision.at, lang),
        track=track_words(decision.track, Voice.STAFF),
        how=how_decided(decision, Voice.STAFF, lang),
    )
    if decision.probability is not None and not decision.by_caseworker:
        line += " " + _("(estimate: %(chance)s)", chance=chance(decision.probability))
    return line


def queue_reason_words(
    queue_reason: RouteReason,
    current: Decision | None = None,
) -> str:
    """Why a citizen waits in the caseworkers' queue, in a caseworker's words: what the
    current assessment says, when there is one (a case is kept when the track changes
    under it), else why the case was queued."""
    if current is not None and current.by_caseworker:
        if current.track is Track.SUPPORT:
            return _("A caseworker chose support")
        return _("A caseworker chose self-service")
    if queue_reason is RouteReason.ASKED_FOR_PERSON:
        return _("Asked to talk to a person")
    if queue_reason is RouteReason.OBJECTED:
        return _("Objected to profiling: not scored, a person assesses")
    if queue_reason is RouteReason.OVERRIDE:
        return _("A caseworker chose support")
    if current is None:
        return _("The screening (own wish or the estimate)")
    words = how_decided(current, Voice.STAFF)
    if current.probability is not None and current.wish != "yes":
        words += " " + _("(estimate: %(chance)s)", chance=chance(current.probability))
    return words
