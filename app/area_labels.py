"""Words for the coded values of the dialogue, the employers' area and the marketplace
(the same presentation layer as app.labels, which registers these with the rest so
`enum_label` and the exports find them; kept apart so neither file grows too long).
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.models import (
    Attendance,
    Author,
    EmployerStatus,
    EnrolmentState,
    InvitationKind,
    InvitationState,
    MeetingKind,
    MeetingMode,
    OfferingFormat,
    OfferingKind,
    OfferingState,
    OfferKind,
    OutboxChannel,
    OutboxStatus,
    OutcomeSource,
    Payment,
    ProviderState,
    ReviewState,
)

AUTHOR_LABELS: dict[Author, Any] = {
    Author.CITIZEN: _l("You"),
    Author.JOB_CENTRE: _l("The job centre"),
}

MEETING_KIND_LABELS: dict[MeetingKind, Any] = {
    MeetingKind.IN_PERSON: _l("At the job centre"),
    MeetingKind.PHONE: _l("By phone"),
    MeetingKind.VIDEO: _l("By video"),
}

ATTENDANCE_LABELS: dict[Attendance, Any] = {
    Attendance.ATTENDED: _l("You came"),
    Attendance.NO_SHOW: _l("You did not come"),
}

OUTBOX_CHANNEL_LABELS: dict[OutboxChannel, Any] = {
    OutboxChannel.EMAIL: _l("E-mail"),
    OutboxChannel.SMS: _l("Text message"),
}

OUTBOX_STATUS_LABELS: dict[OutboxStatus, Any] = {
    OutboxStatus.PENDING: _l("Waiting to be sent"),
    OutboxStatus.SENDING: _l("Being sent"),
    OutboxStatus.SENT: _l("Sent"),
    OutboxStatus.FAILED: _l("Could not be sent"),
}


EMPLOYER_STATUS_LABELS: dict[EmployerStatus, Any] = {
    EmployerStatus.PENDING: _l("Awaiting approval"),
    EmployerStatus.APPROVED: _l("Approved"),
    EmployerStatus.REJECTED: _l("Not approved"),
}

OFFER_KIND_LABELS: dict[OfferKind, Any] = {
    OfferKind.INTERNSHIP: _l("Work placement (virksomhedspraktik)"),
    OfferKind.WAGE_SUBSIDY: _l("Job with wage subsidy (løntilskud)"),
    OfferKind.COFFEE: _l("Coffee meeting, 20 minutes"),
}

MEETING_MODE_LABELS: dict[MeetingMode, Any] = {
    MeetingMode.PLACE: _l("At the company"),
    MeetingMode.VIDEO: _l("By video"),
}

INVITATION_KIND_LABELS: dict[InvitationKind, Any] = {
    InvitationKind.CONTACT: _l("A request to get in touch"),
    InvitationKind.COFFEE: _l("An invitation to a coffee meeting"),
    InvitationKind.INTERNSHIP: _l("An offer of a work placement or wage-subsidy job"),
}

INVITATION_STATE_LABELS: dict[InvitationState, Any] = {
    InvitationState.SENT: _l("Waiting for an answer"),
    InvitationState.ACCEPTED: _l("Yes"),
    InvitationState.DECLINED: _l("No"),
    InvitationState.EXPIRED: _l("Expired without an answer"),
}

PROVIDER_STATE_LABELS: dict[ProviderState, Any] = {
    ProviderState.APPLIED: _l("Applied, waiting for approval"),
    ProviderState.APPROVED: _l("Approved"),
    ProviderState.SUSPENDED: _l("Suspended"),
    ProviderState.ENDED: _l("Agreement ended"),
}

OFFERING_KIND_LABELS: dict[OfferingKind, Any] = {
    OfferingKind.COURSE: _l("Course"),
    OfferingKind.MENTORING: _l("Mentoring"),
    OfferingKind.JOB_SEARCH_TOOL: _l("Job-search tool"),
    OfferingKind.UPSKILLING: _l("Upskilling"),
    OfferingKind.HEALTH: _l("Health and well-being"),
    OfferingKind.LANGUAGE: _l("Language"),
}

OFFERING_FORMAT_LABELS: dict[OfferingFormat, Any] = {
    OfferingFormat.ONLINE: _l("Online"),
    OfferingFormat.IN_PERSON: _l("In person"),
    OfferingFormat.BLENDED: _l("Online and in person"),
}

PAYMENT_LABELS: dict[Payment, Any] = {
    Payment.FREE: _l("Free for you"),
    Payment.JOB_CENTRE: _l("Paid by the job centre if your caseworker agrees"),
}

OFFERING_STATE_LABELS: dict[OfferingState, Any] = {
    OfferingState.DRAFT: _l("Draft"),
    OfferingState.SUBMITTED: _l("Waiting for review"),
    OfferingState.PUBLISHED: _l("Published"),
    OfferingState.UNPUBLISHED: _l("Not published"),
}

ENROLMENT_STATE_LABELS: dict[EnrolmentState, Any] = {
    EnrolmentState.REQUESTED: _l("Waiting for your caseworker"),
    EnrolmentState.ACTIVE: _l("Taking part"),
    EnrolmentState.DECLINED: _l("Your caseworker said no"),
    EnrolmentState.LEFT: _l("You chose it off"),
    EnrolmentState.FINISHED: _l("Finished"),
}

REVIEW_STATE_LABELS: dict[ReviewState, Any] = {
    ReviewState.SHOWN: _l("Shown"),
    ReviewState.REPORTED: _l("Reported, waiting for a decision"),
    ReviewState.HIDDEN: _l("Hidden"),
}

OUTCOME_SOURCE_LABELS: dict[OutcomeSource, Any] = {
    OutcomeSource.JOB_LOG: _l("Your job-search log"),
    OutcomeSource.DEREGISTRATION: _l("Why you stopped being registered"),
    OutcomeSource.SYNTHETIC_REGISTER: _l("Synthetic register data (demo)"),
}
