"""Words for the shared domain's coded values, in one place for pages and exports alike.

This is the vocabulary of the presentation layer: every enum stored about a person has
its words here, so nothing shows a code such as "upper_secondary" or "queued". Each dict
is keyed by the enum member (a StrEnum, so its stored string finds it too). Areas use
these for their forms and pages; `enum_label` serves code that meets a value of any of
them (those of the dialogue, the employers' area and the marketplace are written in
app/area_labels.py, the advisor's in app/advisor/labels.py, and registered here). Words
for an area's own codes stored as plain strings (languages, competences, driving
licences, industries) are in that area's labels module, and
app/consent/services/formatting.py turns any registered column's value into words with
all of them, for "Mine data" and the three exports.
"""

from __future__ import annotations

import enum
from typing import Any

from flask_babel import lazy_gettext as _l

from app.advisor.labels import DEVIATION_LABELS, TARGET_GROUP_LABELS
from app.area_labels import (
    ATTENDANCE_LABELS,
    AUTHOR_LABELS,
    EMPLOYER_STATUS_LABELS,
    ENROLMENT_STATE_LABELS,
    INVITATION_KIND_LABELS,
    INVITATION_STATE_LABELS,
    MEETING_KIND_LABELS,
    MEETING_MODE_LABELS,
    OFFER_KIND_LABELS,
    OFFERING_FORMAT_LABELS,
    OFFERING_KIND_LABELS,
    OFFERING_STATE_LABELS,
    OUTBOX_CHANNEL_LABELS,
    OUTBOX_STATUS_LABELS,
    OUTCOME_SOURCE_LABELS,
    PAYMENT_LABELS,
    PROVIDER_STATE_LABELS,
    REVIEW_STATE_LABELS,
)
from app.models import (
    AccessPurpose,
    AccessWhat,
    CaseStatus,
    Channel,
    Confidence,
    ConsentPurpose,
    ContactStatus,
    CorrectionStatus,
    DeviationReason,
    EducationLevel,
    ExpectedTime,
    Gender,
    HoursPreference,
    LanguageLevel,
    Limits,
    LogKind,
    LogStatus,
    OccupationLink,
    Origin,
    OverrideReason,
    PlanKind,
    PlanStatus,
    RemoteWork,
    Role,
    RouteReason,
    SupportWish,
    TargetGroup,
    Track,
    Transport,
)

ROLE_LABELS: dict[Role, Any] = {
    Role.CITIZEN: _l("citizen"),
    Role.CASEWORKER: _l("caseworker"),
    Role.PROVIDER: _l("provider"),
    Role.ADMIN: _l("administrator"),
    Role.EMPLOYER: _l("employer"),
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
    LanguageLevel.NONE: _l("Not at all"),
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

REMOTE_WORK_LABELS: dict[RemoteWork, Any] = {
    RemoteWork.NO: _l("No, I want to work at the workplace"),
    RemoteWork.PARTLY: _l("Partly from home"),
    RemoteWork.FULLY: _l("Fully from home"),
    RemoteWork.NO_PREFERENCE: _l("It does not matter"),
}

OCCUPATION_LINK_LABELS: dict[OccupationLink, Any] = {
    OccupationLink.EXPERIENCE: _l("Experience: you have worked in it"),
    OccupationLink.DESIRED: _l("Wish: you want to work in it"),
}

# The screening's answers, in the words of the questions the citizen answered
# (app/onboarding/questions.py builds its choices from these).
EXPECTED_TIME_LABELS: dict[ExpectedTime, Any] = {
    ExpectedTime.WITHIN_1_MONTH: _l("Within a month"),
    ExpectedTime.WITHIN_3_MONTHS: _l("Within three months"),
    ExpectedTime.WITHIN_6_MONTHS: _l("Within six months"),
    ExpectedTime.LONGER: _l("It will take longer"),
    ExpectedTime.DONT_KNOW: _l("I don't know"),
}

LIMITS_LABELS: dict[Limits, Any] = {
    Limits.NONE: _l("No"),
    Limits.SOME: _l("Yes, a little"),
    Limits.CONSIDERABLE: _l("Yes, a lot"),
}

SCREENING_LANGUAGE_LABELS: dict[LanguageLevel, Any] = {
    LanguageLevel.NONE: _l("Not at all"),
    LanguageLevel.BASIC: _l("A little"),
    LanguageLevel.GOOD: _l("Well"),
    LanguageLevel.FLUENT: _l("Very well"),
    LanguageLevel.NATIVE: _l("It is my first language"),
}

TRANSPORT_LABELS: dict[Transport, Any] = {
    Transport.CAR: _l("By car"),
    Transport.PUBLIC: _l("By bus or train"),
    Transport.BIKE_OR_WALK: _l("By bike or on foot"),
    Transport.LIMITED: _l("It is hard for me to get around"),
}

CONFIDENCE_LABELS: dict[Confidence, Any] = {
    Confidence.HIGH: _l("Sure"),
    Confidence.SOME: _l("Fairly sure"),
    Confidence.LOW: _l("Not sure"),
}

SUPPORT_WISH_LABELS: dict[SupportWish, Any] = {
    SupportWish.NO: _l("No, I can manage on my own"),
    SupportWish.MAYBE: _l("Maybe"),
    SupportWish.YES: _l("Yes, I would like to talk to a person"),
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

PLAN_STATUS_LABELS: dict[PlanStatus, Any] = {
    PlanStatus.OPEN: _l("Not done yet"),
    PlanStatus.DONE: _l("Done"),
    PlanStatus.CANCELLED: _l("Cancelled"),
}

CONTACT_STATUS_LABELS: dict[ContactStatus, Any] = {
    ContactStatus.OPEN: _l("Waiting for the job centre to contact you"),
    ContactStatus.HANDLED: _l("Handled by the job centre"),
    ContactStatus.CANCELLED: _l("Cancelled by you"),
}

CASE_STATUS_LABELS: dict[CaseStatus, Any] = {
    CaseStatus.QUEUED: _l("Waiting for a caseworker"),
    CaseStatus.CLAIMED: _l("A caseworker is handling your case"),
    CaseStatus.CLOSED: _l("Closed: no caseworker is working on it now"),
}

GENDER_LABELS: dict[Gender, Any] = {
    Gender.FEMALE: _l("Woman"),
    Gender.MALE: _l("Man"),
}

ORIGIN_LABELS: dict[Origin, Any] = {
    Origin.DANISH: _l("Danish origin"),
    Origin.WESTERN: _l("Western origin"),
    Origin.NON_WESTERN: _l("Non-Western origin"),
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
    RouteReason.OVERRIDE: _l("Decided by a caseworker"),
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
        "Your case: contact details, your requests and objection, track, answers, "
        "CV, job search and plan"
    ),
    AccessWhat.QUEUE: _l(
        "The job centre's queue: your name, why you were flagged, how long you have "
        "waited and your language"
    ),
    AccessWhat.CORRECTION_REQUEST: _l("Your request to correct data"),
    AccessWhat.CORRECTION_REQUESTS: _l("The list of requests to correct data"),
    AccessWhat.ENROLMENT: _l("What you are enrolled in"),
    AccessWhat.MESSAGES: _l("Your messages with the job centre"),
    AccessWhat.ATTACHMENT: _l("A file you sent with a message"),
    AccessWhat.MEETINGS: _l("Your meetings with the job centre"),
    AccessWhat.ANONYMOUS_PROFILE: _l(
        "Your anonymous profile: competences, occupations, years of experience, "
        "education level, languages, driving licences and distance, without your name"
    ),
    AccessWhat.CONTACT_DETAILS: _l(
        "Your name and the contact details you chose to share, after you said yes"
    ),
}

ACCESS_PURPOSE_LABELS: dict[AccessPurpose, Any] = {
    AccessPurpose.CASE_WORK: _l("Case work: assessing and agreeing the help you need"),
    AccessPurpose.ALLOCATING_CASES: _l("Allocating cases: choosing whom to help next"),
    AccessPurpose.DECIDING_CORRECTION: _l("Deciding on your request to correct data"),
    AccessPurpose.DECIDING_CORRECTIONS: _l("Deciding on requests to correct data"),
    AccessPurpose.RUNNING_COURSE: _l("Running the course you are enrolled in"),
    AccessPurpose.RECRUITING: _l(
        "Recruiting: a company looking for candidates for a job, an internship or a "
        "coffee meeting"
    ),
}

# Decision support's codes, keyed by their enums (the words are app.advisor.labels').
TARGET_GROUP_ENUM_LABELS: dict[TargetGroup, Any] = {
    TargetGroup(code): label for code, label in TARGET_GROUP_LABELS.items()
}
DEVIATION_REASON_LABELS: dict[DeviationReason, Any] = {
    DeviationReason(code): label for code, label in DEVIATION_LABELS.items()
}

_BY_ENUM: dict[type[enum.Enum], dict[Any, Any]] = {
    type(next(iter(labels))): labels
    for labels in (
        EMPLOYER_STATUS_LABELS,
        OFFER_KIND_LABELS,
        MEETING_MODE_LABELS,
        INVITATION_KIND_LABELS,
        INVITATION_STATE_LABELS,
        ROLE_LABELS,
        EDUCATION_LEVEL_LABELS,
        LANGUAGE_LEVEL_LABELS,
        HOURS_LABELS,
        REMOTE_WORK_LABELS,
        OCCUPATION_LINK_LABELS,
        EXPECTED_TIME_LABELS,
        LIMITS_LABELS,
        TRANSPORT_LABELS,
        CONFIDENCE_LABELS,
        SUPPORT_WISH_LABELS,
        LOG_KIND_LABELS,
        LOG_STATUS_LABELS,
        PLAN_KIND_LABELS,
        PLAN_STATUS_LABELS,
        CONTACT_STATUS_LABELS,
        CASE_STATUS_LABELS,
        GENDER_LABELS,
        ORIGIN_LABELS,
        CHANNEL_LABELS,
        TRACK_LABELS,
        ROUTE_REASON_LABELS,
        OVERRIDE_REASON_LABELS,
        CONSENT_PURPOSE_LABELS,
        CORRECTION_STATUS_LABELS,
        ACCESS_WHAT_LABELS,
        ACCESS_PURPOSE_LABELS,
        AUTHOR_LABELS,
        MEETING_KIND_LABELS,
        ATTENDANCE_LABELS,
        OUTBOX_CHANNEL_LABELS,
        OUTBOX_STATUS_LABELS,
        PROVIDER_STATE_LABELS,
        OFFERING_KIND_LABELS,
        OFFERING_FORMAT_LABELS,
        PAYMENT_LABELS,
        OFFERING_STATE_LABELS,
        ENROLMENT_STATE_LABELS,
        REVIEW_STATE_LABELS,
        OUTCOME_SOURCE_LABELS,
        TARGET_GROUP_ENUM_LABELS,
        DEVIATION_REASON_LABELS,
    )
}


def enum_label(value: enum.Enum) -> Any:
    """Words for a stored coded value, or None when there are none for its kind."""
    labels = _BY_ENUM.get(type(value))
    return None if labels is None else labels.get(value)


def label_of(labels: dict[Any, Any], value: Any) -> Any:
    """The words for a member or its stored string; the value itself when unknown."""
    return labels.get(value, value)
