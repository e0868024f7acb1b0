"""Words for the shared domain's coded values, in one place for pages and exports alike.

Each dict is keyed by the enum member (a StrEnum, so its stored string finds it too).
Areas use these for their forms and pages; `enum_label` serves code that meets a value
of any of them, such as "Mine data" and the exports.
"""

from __future__ import annotations

import enum
from typing import Any

from flask_babel import lazy_gettext as _l

from app.models import (
    AccessPurpose,
    AccessWhat,
    Channel,
    ConsentPurpose,
    CorrectionStatus,
    EducationLevel,
    HoursPreference,
    LanguageLevel,
    LogKind,
    LogStatus,
    OverrideReason,
    PlanKind,
    Role,
    RouteReason,
    Track,
)

ROLE_LABELS: dict[Role, Any] = {
    Role.CITIZEN: _l("citizen"),
    Role.CASEWORKER: _l("caseworker"),
    Role.PROVIDER: _l("service provider"),
    Role.ADMIN: _l("administrator"),
}

EDUCATION_LEVEL_LABELS: dict[EducationLevel, Any] = {
    EducationLevel.PRIMARY: _l("Primary and lower secondary school"),
    EducationLevel.UPPER_SECONDARY: _l("Upper secondary (gymnasium, HF, HHX, HTX)"),
    EducationLevel.VOCATIONAL: _l("Vocational education and training"),
    EducationLevel.SHORT_CYCLE: _l("Short-cycle higher education"),
    EducationLevel.BACHELOR: _l("Bachelor or professional bachelor"),
    EducationLevel.MASTER: _l("Master's degree"),
    EducationLevel.DOCTORATE: _l("PhD"),
}

LANGUAGE_LEVEL_LABELS: dict[LanguageLevel, Any] = {
    LanguageLevel.BASIC: _l("Basic: simple everyday phrases"),
    LanguageLevel.GOOD: _l("Good: can talk about most things"),
    LanguageLevel.FLUENT: _l("Fluent: speaks and writes with ease"),
    LanguageLevel.NATIVE: _l("Native language"),
}

HOURS_LABELS: dict[HoursPreference, Any] = {
    HoursPreference.FULL_TIME: _l("Full time"),
    HoursPreference.PART_TIME: _l("Part time"),
    HoursPreference.ANY: _l("Full or part time"),
}

LOG_KIND_LABELS: dict[LogKind, Any] = {
    LogKind.APPLICATION: _l("Application I have sent"),
    LogKind.PLANNED: _l("Application I plan to send"),
    LogKind.ACTIVITY: _l("Other job-search activity"),
}

LOG_STATUS_LABELS: dict[LogStatus, Any] = {
    LogStatus.PLANNED: _l("Planned"),
    LogStatus.SENT: _l("Sent, waiting for an answer"),
    LogStatus.INTERVIEW: _l("Invited to an interview"),
    LogStatus.OFFER: _l("Offered the job"),
    LogStatus.REJECTED: _l("Not chosen"),
    LogStatus.NO_REPLY: _l("No answer"),
    LogStatus.DONE: _l("Done"),
}

PLAN_KIND_LABELS: dict[PlanKind, Any] = {
    PlanKind.GOAL: _l("A goal"),
    PlanKind.ACTIVITY: _l("An activity"),
}

CHANNEL_LABELS: dict[Channel, Any] = {
    Channel.DIGITAL: _l("A written message here in Jobunivers"),
    Channel.PHONE: _l("A phone call"),
    Channel.IN_PERSON: _l("A meeting at the job centre"),
}

TRACK_LABELS: dict[Track, Any] = {
    Track.SELF_SERVICE: _l("Self-service"),
    Track.SUPPORT: _l("Support from a caseworker"),
}

ROUTE_REASON_LABELS: dict[RouteReason, Any] = {
    RouteReason.MODEL: _l("The screening (own wish or the estimate)"),
    RouteReason.ASKED_FOR_PERSON: _l("Asked to talk to a person"),
    RouteReason.OBJECTED: _l("Objected to profiling"),
    RouteReason.OVERRIDE: _l("A caseworker chose support"),
}

OVERRIDE_REASON_LABELS: dict[OverrideReason, Any] = {
    OverrideReason.CITIZEN_WISH: _l("The citizen's own wish"),
    OverrideReason.MORE_INFORMATION: _l("New information from the conversation"),
    OverrideReason.HEALTH: _l("Health"),
    OverrideReason.LANGUAGE: _l("Language"),
    OverrideReason.MODEL_MISSES_CONTEXT: _l(
        "The estimate misses the citizen's situation"
    ),
    OverrideReason.OTHER: _l("Other reason"),
}

CONSENT_PURPOSE_LABELS: dict[ConsentPurpose, Any] = {
    ConsentPurpose.SHARE_CV: _l("Share my CV with employers"),
    ConsentPurpose.SHARE_WITH_PROVIDER: _l(
        "Share my enrolment details with a provider I choose"
    ),
    ConsentPurpose.PERSONALISE: _l("Use my activity in the portal to personalise"),
    ConsentPurpose.MODEL_TRAINING: _l("Use my data to train models"),
}

CORRECTION_STATUS_LABELS: dict[CorrectionStatus, Any] = {
    CorrectionStatus.PENDING: _l("Waiting for a decision"),
    CorrectionStatus.APPROVED: _l("Approved: the data is corrected"),
    CorrectionStatus.REJECTED: _l("Rejected"),
    CorrectionStatus.WITHDRAWN: _l("Withdrawn by you"),
}

ACCESS_WHAT_LABELS: dict[AccessWhat, Any] = {
    AccessWhat.CASE_VIEW: _l(
        "Your case: contact details, track, answers, CV, job search and plan"
    ),
    AccessWhat.QUEUE: _l(
        "The job centre's queue: your name, why you were flagged, how long you have "
        "waited and your language"
    ),
    AccessWhat.CORRECTION_REQUEST: _l("Your request to correct data"),
    AccessWhat.CORRECTION_REQUESTS: _l("The list of requests to correct data"),
    AccessWhat.ENROLMENT: _l("What you are enrolled in"),
}

ACCESS_PURPOSE_LABELS: dict[AccessPurpose, Any] = {
    AccessPurpose.CASE_WORK: _l("Case work: assessing and agreeing the help you need"),
    AccessPurpose.ALLOCATING_CASES: _l("Allocating cases: choosing whom to help next"),
    AccessPurpose.DECIDING_CORRECTION: _l("Deciding on your request to correct data"),
    AccessPurpose.DECIDING_CORRECTIONS: _l("Deciding on requests to correct data"),
    AccessPurpose.RUNNING_COURSE: _l("Running the course you are enrolled in"),
}

_BY_ENUM: dict[type[enum.Enum], dict[Any, Any]] = {
    type(next(iter(labels))): labels
    for labels in (
        ROLE_LABELS,
        EDUCATION_LEVEL_LABELS,
        LANGUAGE_LEVEL_LABELS,
        HOURS_LABELS,
        LOG_KIND_LABELS,
        LOG_STATUS_LABELS,
        PLAN_KIND_LABELS,
        CHANNEL_LABELS,
        TRACK_LABELS,
        ROUTE_REASON_LABELS,
        OVERRIDE_REASON_LABELS,
        CONSENT_PURPOSE_LABELS,
        CORRECTION_STATUS_LABELS,
        ACCESS_WHAT_LABELS,
        ACCESS_PURPOSE_LABELS,
    )
}


def enum_label(value: enum.Enum) -> Any:
    """Words for a stored coded value, or None when there are none for its kind."""
    labels = _BY_ENUM.get(type(value))
    return None if labels is None else labels.get(value)


def label_of(labels: dict[Any, Any], value: Any) -> Any:
    """The words for a member or its stored string; the value itself when unknown."""
    return labels.get(value, value)
