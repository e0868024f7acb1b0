"""Words of "Mine data" and the exports: who acted (by role), why a correction was
refused, and the consent area's own codes (export formats, keys in the change history,
the reasons the portal writes there, the queue priority in a sentence); the statuses of
corrections in the caseworker's words.

Words for coded values of the shared domain are in app.labels; the tables' names are
declared with the registry (app.consent.registry.TABLE_LABELS)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.models import CorrectionStatus

ACTOR_ROLE_LABELS: dict[str, Any] = {
    "caseworker": _l("Caseworker at the job centre"),
    "provider": _l("Provider"),
    "admin": _l("Administrator"),
    "employer": _l("A company looking for candidates"),
    "system": _l("The system"),
    "citizen": _l("You"),
}

CORRECTION_ERRORS: dict[str, Any] = {
    "empty": _l("Write the value you think is correct."),
    "choice": _l("Choose one of the values shown."),
    "boolean": _l("Write yes or no."),
    "date": _l("Enter a real date, for example 23.11.2026."),
    "number": _l("Write a whole number."),
    "postcode": _l("Write a postcode of four digits, for example 8000."),
    "length": _l("The value is too long for this field."),
    "reason": _l("Write why the value is wrong, so the job centre can check it."),
    "not correctable": _l("This data cannot be corrected by request."),
}

# The link beside a datum on "Mine data", by where it leads (change_links.py).
LINK_WORDS: dict[str, Any] = {
    "change": _l("Change"),
    "correct": _l("Ask for a correction"),
    "ask": _l("Ask the job centre to change it"),
}

# Who wrote an item in the citizen's plan (plan_item.author_role).
PLAN_AUTHOR_LABELS: dict[str, Any] = {
    "citizen": _l("You yourself"),
    "caseworker": _l("Your caseworker"),
}

# Staff names are withheld from the citizen; a key to a member of staff reads so.
STAFF = _l("A member of staff")

CONSENT_GIVEN_LABELS: dict[bool, Any] = {True: _l("Given"), False: _l("Withdrawn")}

EXPORT_FORMAT_LABELS: dict[str, Any] = {
    "json": _l("A JSON file"),
    "csv": _l("A CSV file for a spreadsheet"),
    "print": _l("A page to print"),
}

# Keys and markers that appear in the change history when a row is added or deleted.
TECHNICAL_FIELD_LABELS: dict[str, Any] = {
    "citizen_id": _l("Whom it is about"),
    "user_id": _l("Your account"),
    "actor_user_id": _l("Who did it"),
    "caseworker_id": _l("The caseworker"),
    "claimed_by_id": _l("The caseworker who has your case"),
    "set_by_id": _l("The caseworker who set it"),
    "tables_version": _l("Version of the estimates"),
    "group_number": _l("Group in the estimates"),
    "follows_suggestion": _l("Whether it was the suggestion"),
    "decided_by_user_id": _l("The caseworker who decided"),
    "handled_by_user_id": _l("The caseworker who handled it"),
    "municipality_id": _l("The job centre"),
    "provider_id": _l("The provider"),
    "assessment_id": _l("The assessment it concerns"),
    "row_id": _l("Which entry it concerns"),
    "created_at": _l("When it was written"),
    "started_at": _l("When you began"),
    "completed_at": _l("When you finished"),
    "current_step": _l("Step in the guide"),
    "current": _l("Whether it is the newest"),
    "version": _l("Version of the entry"),
    "synthetic": _l("Whether it is made-up demo data"),
    "alert_id": _l("The job alert that found it"),
    "last_posting_id": _l("How far the job alert has looked"),
    "unsubscribe_token": _l("The secret in the link that stops the job alert"),
    "postings_version": _l("Which postings were ranked"),
    "model_version": _l("Version of the model"),
    "profile_key": _l("A fingerprint of the CV and wishes ranked for"),
    "total": _l("How many jobs matched"),
    "computed_at": _l("When it was computed"),
    "thread_id": _l("The conversation it belongs to"),
    "author_user_id": _l("The caseworker who wrote"),
    "message_id": _l("The message it belongs to"),
    "storage_key": _l("Where the file is kept"),
    "sha256": _l("A check that the file is unchanged"),
    "booked_by_user_id": _l("Who booked the meeting"),
    "withdrawn": _l("Whether the job centre withdrew the time"),
    "key": _l("Which reminder it is"),
    "dedupe_key": _l("Which message it is"),
    "claimed_by": _l("The process that sent it"),
    "attempts": _l("How many times sending was tried"),
    "slot_id": _l("The meeting it is about"),
    "employer_id": _l("The company"),
    "offer_id": _l("The company's offer"),
    "sent_by_user_id": _l("The company's employee who wrote"),
}

# The reasons the portal itself writes in the change history, in the citizen's words
# (the history keeps the text it was written with; these are looked up by it).
CHANGE_REASONS: dict[str, Any] = {
    "the citizen's own answer in the first-log-in guide": _l(
        "You answered in the guide for getting started"
    ),
    "the citizen's own answers about their situation": _l(
        "You answered the questions about your situation"
    ),
    "the citizen's own wishes and needs": _l("You changed your wishes and needs"),
    "the conversation with the job centre began": _l(
        "Your conversation with the job centre began"
    ),
    "the citizen wrote to the job centre": _l("You wrote to the job centre"),
    "a reminder stayed unread": _l(
        "You did not read a reminder, so the job centre will contact you"
    ),
    "the citizen chose how to be notified": _l("You chose how to get reminders"),
    "the citizen answered about a meeting": _l("You answered about a meeting"),
    "a caseworker did the task": _l("A caseworker did the task"),
    "a caseworker offered a time": _l("A caseworker offered a meeting time"),
    "the citizen booked a meeting": _l("You booked a meeting"),
    "a caseworker booked the meeting for the citizen": _l(
        "A caseworker booked the meeting for you"
    ),
    "the citizen cancelled the meeting": _l("You cancelled the meeting"),
    "the caseworker recorded whether the citizen came": _l(
        "The caseworker noted whether you came to the meeting"
    ),
    "the job centre wrote to the citizen": _l("The job centre wrote to you"),
    "a file was attached to a message": _l("A file was sent with a message"),
    "Added to the CV": _l("Added to your CV"),
    "Changed in the CV": _l("Changed in your CV"),
    "Removed from the CV": _l("Removed from your CV"),
    "Chose who sees the CV": _l("You chose who sees your CV"),
    "added to the job-search log": _l("Added to your job-search log"),
    "changed in the job-search log": _l("Changed in your job-search log"),
    "deleted from the job-search log": _l("Deleted from your job-search log"),
    "the citizen added to their plan": _l("You added it to your plan"),
    "the citizen changed their plan": _l("You changed your plan"),
    "the citizen marked a plan item done": _l("You marked it as done in your plan"),
    "reopened": _l("You marked it as not done in your plan"),
    "the citizen deleted from their plan": _l("You deleted it from your plan"),
    "agreed with the citizen in their plan": _l("Agreed with you in your plan"),
    "the caseworker and the citizen agreed the plan item": _l(
        "You and your caseworker agreed the item in your plan"
    ),
    "the citizen asked to talk to a person": _l("You asked to talk to a person"),
    "the citizen changed their request to talk to a person": _l(
        "You changed your request to talk to a person"
    ),
    "the citizen cancelled their request to talk to a person": _l(
        "You cancelled your request to talk to a person"
    ),
    "the citizen changed their contact language": _l(
        "You changed the language we use with you"
    ),
    "case note": _l("Your caseworker wrote a note"),
    "a caseworker took the case": _l("A caseworker took your case"),
    "the caseworker released the case to the queue": _l(
        "The caseworker put your case back in the queue"
    ),
    "the caseworker overrode the track": _l("Your caseworker chose your track"),
    "replaced by the caseworker's override": _l(
        "Replaced by your caseworker's choice of track"
    ),
    "consent given": _l("You gave your consent"),
    "consent withdrawn": _l("You withdrew your consent"),
    "objection to profiling": _l("You objected to profiling"),
    "objection to profiling withdrawn": _l("You withdrew your objection to profiling"),
    "correction requested": _l("You asked for a correction"),
    "correction request withdrawn": _l("You withdrew a request for a correction"),
    "correction request decided": _l("Your request for a correction was decided"),
}


def change_reason(text: str) -> Any:
    """The words for a reason in the change history (a caseworker's own text as is)."""
    if text in CHANGE_REASONS:
        return CHANGE_REASONS[text]
    if text.startswith("segmentation ("):
        return _l("Your track was assessed again")
    if text.startswith("correction request ") and " approved: " in text:
        return _l(
            "Your request for a correction was approved: %(reason)s",
            reason=text.split(" approved: ", 1)[1],
        )
    return text


def priority_words(priority: float, queue_reason: Any) -> Any:
    """What the queue priority means for the citizen (the number means nothing to them).

    The priority is the model's estimate, or 1.0 (the front of the queue) when a person
    must assess the citizen anyway (app/segmentation/screening.py)."""
    if priority >= 1 or (queue_reason is not None and str(queue_reason) != "model"):
        return _l(
            "Puts you among the first in the job centre's queue, because a person "
            "should talk to you."
        )
    return _l(
        "Orders the job centre's queue by the estimate of your need for help: the "
        "greater the need, the sooner a caseworker contacts you."
    )


# The statuses as a caseworker reads them (app.labels has the citizen's: "by you").
STAFF_CORRECTION_STATUS_LABELS: dict[CorrectionStatus, Any] = {
    CorrectionStatus.PENDING: _l("Waiting for a decision"),
    CorrectionStatus.APPROVED: _l("Approved: the data is corrected"),
    CorrectionStatus.REJECTED: _l("Rejected"),
    CorrectionStatus.WITHDRAWN: _l("Withdrawn by the citizen"),
}
