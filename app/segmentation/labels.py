"""Segmentation in words: the reasons in the citizen's own terms, what they can do, the
model's inputs, and the groups and measures of the fairness audit."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

# Each feature in the citizen's own terms: (when it raises the estimate, when it lowers).
REASON_SENTENCES: dict[str, tuple[Any, Any]] = {
    "weeks_unemployed": (
        _l("You have been unemployed for a while."),
        _l("You have not been unemployed for long."),
    ),
    "earlier_spells": (
        _l("You have been unemployed before."),
        _l("You have rarely been unemployed before."),
    ),
    "earlier_weeks": (
        _l("Your earlier periods without work were long."),
        _l("Your earlier periods without work were short."),
    ),
    "education": (
        _l("Your education opens fewer jobs than most."),
        _l("Your education opens many jobs."),
    ),
    "applications_4w": (
        _l("You have logged few applications in the last 4 weeks."),
        _l("You have been active in your job search in the last 4 weeks."),
    ),
    "desired_occupations": (
        _l("You are looking for work in few occupations."),
        _l("You are looking for work in several occupations."),
    ),
    "matching_postings": (
        _l("There are few job postings near you in the occupations you want."),
        _l("There are many job postings near you in the occupations you want."),
    ),
    "expected_time_to_job": (
        _l("You expect it to take a while before you find a job."),
        _l("You expect to find a job soon."),
    ),
    "health_limits": (
        _l("You told us that your health limits the work you can do."),
        _l("You told us that your health does not limit your work."),
    ),
    "danish_difficulty": (
        _l("You told us that Danish is hard for you."),
        _l("You speak Danish well."),
    ),
    "childcare_limits": (
        _l("You told us that childcare limits when you can work."),
        _l("Childcare does not limit when you can work."),
    ),
    "limited_transport": (
        _l("You told us that getting to work is hard for you."),
        _l("You can get to work without trouble."),
    ),
    "low_it_confidence": (
        _l("You are not confident using a computer or phone for job search."),
        _l("You are confident using a computer or phone."),
    ),
    "low_search_confidence": (
        _l("You are not confident looking for jobs on your own."),
        _l("You are confident looking for jobs on your own."),
    ),
}


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


OVERRIDE_REASONS: dict[str, Any] = {
    "citizen_wish": _l("you asked for it"),
    "more_information": _l("the caseworker needs to know more about your situation"),
    "health": _l("your health"),
    "language": _l("language"),
    "missing_context": _l(
        "the caseworker knows something about your situation that the "
        "calculation does not"
    ),
    "other": _l("another reason, explained below"),
}
