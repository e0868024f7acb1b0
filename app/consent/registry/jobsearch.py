"""Registry entries for the job search.

Tables: job_log_entry, plan_item, contact_request, saved_job, job_alert, job_notification,
match_list.

The job-search log is control data: the job centre uses it to check availability for
work (and to help, as the caseworker sees the search). The plan and the requests to talk
to a person are used only to help.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from app.consent.registry.base import (
    AVAILABILITY,
    HELP,
    HELP_AND_CONTROL,
    LAB,
    WHILE_REGISTERED,
    Category,
    PersonalField,
    Source,
    _technical,
)


def _joblog(column: str, label: Any) -> PersonalField:
    return PersonalField(
        "job_log_entry",
        column,
        label,
        Category.JOB_SEARCH,
        source=Source.SELF_DECLARED,
        purposes=HELP_AND_CONTROL,
        legal_basis=AVAILABILITY,
        retention=WHILE_REGISTERED,
    )


def _plan(column: str, label: Any, source: Source = Source.SELF_DECLARED) -> Any:
    return PersonalField(
        "plan_item",
        column,
        label,
        Category.PLAN,
        source=source,
        purposes=HELP,
        legal_basis=LAB,
        retention=WHILE_REGISTERED,
    )


def _contact(column: str, label: Any, source: Source = Source.SELF_DECLARED) -> Any:
    return PersonalField(
        "contact_request",
        column,
        label,
        Category.CONTACT,
        source=source,
        purposes=HELP,
        legal_basis=LAB,
        retention=WHILE_REGISTERED,
    )


def _jobs(
    table: str, column: str, label: Any, source: Source = Source.SELF_DECLARED
) -> Any:
    return PersonalField(
        table,
        column,
        label,
        Category.JOB_SEARCH,
        source=source,
        purposes=HELP,
        legal_basis=LAB,
        retention=WHILE_REGISTERED,
    )


TABLES: dict[str, Any] = {
    "saved_job": _l("Jobs you have saved"),
    "job_alert": _l("Your job alerts"),
    "job_notification": _l("New jobs your job alerts found"),
    "match_list": _l("When the jobs matching you were last worked out"),
    "job_log_entry": _l("Entries in your job-search log"),
    "plan_item": _l("Goals and activities in your plan"),
    "contact_request": _l("Requests to talk to a person"),
}

FIELDS: tuple[PersonalField, ...] = (
    # job_log_entry
    _technical("job_log_entry", "id", "primary key"),
    _technical("job_log_entry", "citizen_id", "links the row to you"),
    _joblog("kind", _l("Kind of job-search entry")),
    _joblog("employer", _l("Employer you applied to")),
    _joblog("title", _l("Job title or activity in your job-search log")),
    _joblog("on_date", _l("Date of the application or activity")),
    _joblog("status", _l("Status of the application")),
    _joblog("note", _l("Your note in the job-search log")),
    _technical("job_log_entry", "created_at", "when the entry was written"),
    # plan_item
    _technical("plan_item", "id", "primary key"),
    _technical("plan_item", "citizen_id", "links the row to you"),
    _plan("kind", _l("Goal or activity in your plan")),
    _plan("text", _l("What the goal or activity is")),
    _plan("due_on", _l("When the goal or activity is due")),
    _plan("status", _l("Whether the goal or activity is done")),
    _plan("author_role", _l("Who wrote the item in your plan"), Source.SYSTEM),
    _plan(
        "agreed_at",
        _l("When you agreed the item with the job centre"),
        Source.CASEWORKER,
    ),
    _technical("plan_item", "created_at", "when the item was written"),
    # contact_request
    _technical("contact_request", "id", "primary key"),
    _technical("contact_request", "citizen_id", "links the row to you"),
    _contact("created_at", _l("When you asked to talk to a person"), Source.SYSTEM),
    _contact("channel", _l("How you asked to be contacted")),
    _contact("message", _l("What you wanted to talk about")),
    _contact("status", _l("Whether your request has been handled"), Source.CASEWORKER),
    _contact("handled_at", _l("When your request was handled"), Source.CASEWORKER),
    _technical(
        "contact_request",
        "handled_by_user_id",
        "the caseworker who handled it (shown in the change history)",
    ),
    # saved_job
    _technical("saved_job", "id", "primary key"),
    _technical("saved_job", "citizen_id", "links the row to you"),
    _jobs("saved_job", "posting_id", _l("The job you saved")),
    _jobs("saved_job", "created_at", _l("When you saved the job"), Source.SYSTEM),
    # job_alert
    _technical("job_alert", "id", "primary key"),
    _technical("job_alert", "citizen_id", "links the row to you"),
    _jobs("job_alert", "name", _l("The name of your job alert")),
    _jobs("job_alert", "query", _l("What your job alert searches for")),
    _jobs("job_alert", "created_at", _l("When you made the job alert"), Source.SYSTEM),
    _technical("job_alert", "last_posting_id", "marks how far the alert has looked"),
    _technical("job_alert", "unsubscribe_token", "the secret of the alert's stop link"),
    _jobs(
        "job_alert", "last_run_at", _l("When the job alert last looked"), Source.SYSTEM
    ),
    # job_notification
    _technical("job_notification", "id", "primary key"),
    _technical("job_notification", "citizen_id", "links the row to you"),
    _technical("job_notification", "alert_id", "links the job to your job alert"),
    _jobs(
        "job_notification",
        "posting_id",
        _l("A new job your alert found"),
        Source.SYSTEM,
    ),
    _jobs(
        "job_notification",
        "created_at",
        _l("When your job alert found the job"),
        Source.SYSTEM,
    ),
    _jobs("job_notification", "seen_at", _l("When you saw the new job"), Source.SYSTEM),
    # match_list: when "Job til dig" last ranked the postings for you (the stored
    # matches hang from it, and are what "Job til dig" shows, from your CV and wishes).
    _technical("match_list", "citizen_id", "links the row to you"),
    _technical("match_list", "postings_version", "which postings were ranked"),
    _technical("match_list", "model_version", "which model ranked them"),
    _technical("match_list", "profile_key", "a fingerprint of the CV ranked for"),
    _technical("match_list", "total", "how many matches were found"),
    _technical("match_list", "computed_at", "when the matches were computed"),
)
