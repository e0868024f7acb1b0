"""Segmentation's labels: what the citizen can do, the model's inputs on the model card,
and the groups and measures of the fairness audit (the reasons and the decision in
words are in app.segmentation.wording)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

# Only what the citizen can change themself: (advice, endpoint of the page to do it).
ADVICE: dict[str, tuple[Any, str]] = {
    "applications_4w": (
        _l("Apply for jobs and write your applications in your job-search log."),
        "jobsearch.joblog",
    ),
    "desired_occupations": (
        _l("Add more occupations you would like to work in."),
        "onboarding.wishes",
    ),
    "matching_postings": (
        _l(
            "Widen your search: more occupations, or a longer distance you "
            "are willing to travel."
        ),
        "onboarding.wishes",
    ),
}


FEATURE_LABELS: dict[str, Any] = {
    "weeks_unemployed": _l("Weeks unemployed in this period"),
    "earlier_spells": _l("Number of earlier periods of unemployment"),
    "earlier_weeks": _l("Length of earlier periods of unemployment"),
    "education": _l("Highest completed education"),
    "applications_4w": _l("Entries in the job-search log in the last 4 weeks"),
    "desired_occupations": _l("Number of occupations wanted"),
    "matching_postings": _l("Job postings nearby in the occupations wanted"),
    "expected_time_to_job": _l("Own expectation of the time to a job"),
    "health_limits": _l("Health limits (own answer)"),
    "danish_difficulty": _l("Difficulty with Danish (own answer)"),
    "childcare_limits": _l("Childcare limits (own answer)"),
    "limited_transport": _l("Limited transport (own answer)"),
    "low_it_confidence": _l("Low confidence with IT (own answer)"),
    "low_search_confidence": _l("Low confidence in job search (own answer)"),
}


ATTRIBUTE_LABELS: dict[str, Any] = {
    "gender": _l("Gender"),
    "age_band": _l("Age"),
    "origin": _l("Origin"),
}


GROUP_LABELS: dict[str, Any] = {
    "female": _l("Women"),
    "male": _l("Men"),
    "under_30": _l("Under 30"),
    "30_49": _l("30 to 49"),
    "50_plus": _l("50 and over"),
    "under_35": _l("Under 35"),
    "35_54": _l("35 to 54"),
    "over_54": _l("55 and over"),
    "danish": _l("Danish origin"),
    "western": _l("Western origin"),
    "non_western": _l("Non-Western origin"),
    "black": _l("Black"),
    "hispanic": _l("Hispanic"),
    "other": _l("Other"),
}


MEASURE_LABELS: dict[str, Any] = {
    "flag_rate": _l("Referred to a caseworker"),
    "false_positive": _l("Referred, but found work within 26 weeks"),
    "false_negative": _l("Not referred, but unemployed over 26 weeks"),
}
