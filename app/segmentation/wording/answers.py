"""The screening answers behind the model's features, in words: a sentence to the
citizen for each answer they can give, and the answer's own words (as the question
offered it) for a caseworker. Part of app.segmentation.wording."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

_LIMITS_WORK = {
    "none": _l("You answered that your health does not limit the work you can do."),
    "some": _l("You answered that your health limits the work you can do a little."),
    "considerable": _l(
        "You answered that your health limits the work you can do a lot."
    ),
}
_CHILDCARE = {
    "none": _l(
        "You answered that looking after children does not limit when or how much "
        "you can work."
    ),
    "some": _l(
        "You answered that looking after children limits when or how much you can "
        "work a little."
    ),
    "considerable": _l(
        "You answered that looking after children limits when or how much you can "
        "work a lot."
    ),
}

# Per feature, per stored answer: what the citizen told us, said back to them.
CITIZEN_ANSWERS: dict[str, dict[str, Any]] = {
    "expected_time_to_job": {
        "1m": _l("You answered that you expect to find a job within a month."),
        "3m": _l("You answered that you expect to find a job within three months."),
        "6m": _l("You answered that you expect to find a job within six months."),
        "longer": _l(
            "You answered that you expect it to take longer than six months to find "
            "a job."
        ),
        "unknown": _l(
            "You answered that you do not know how soon you will find a job."
        ),
    },
    "health_limits": _LIMITS_WORK,
    "danish_difficulty": {
        "native": _l("You answered that Danish is your first language."),
        "fluent": _l("You answered that you speak and write Danish very well."),
        "good": _l("You answered that you speak and write Danish well."),
        "basic": _l("You answered that you speak and write a little Danish."),
        "none": _l("You answered that you do not speak or write Danish."),
    },
    "childcare_limits": _CHILDCARE,
    "limited_transport": {
        "car": _l("You answered that you usually get to work by car."),
        "public": _l("You answered that you usually get to work by bus or train."),
        "bike": _l("You answered that you usually get to work by bike or on foot."),
        "limited": _l("You answered that it is hard for you to get around."),
        "not_limited": _l(
            "You answered that you get to work by car, by bus or train, or by bike or "
            "on foot."
        ),
    },
    "low_it_confidence": {
        "high": _l(
            "You answered that you are sure at using a computer or phone for e-mail "
            "and forms."
        ),
        "some": _l(
            "You answered that you are fairly sure at using a computer or phone for "
            "e-mail and forms."
        ),
        "low": _l(
            "You answered that you are not sure at using a computer or phone for "
            "e-mail and forms."
        ),
    },
    "low_search_confidence": {
        "high": _l("You answered that you are sure at finding and applying for jobs."),
        "some": _l(
            "You answered that you are fairly sure at finding and applying for jobs."
        ),
        "low": _l(
            "You answered that you are not sure at finding and applying for jobs."
        ),
    },
}

# The answers in the words the screening question offered them.
_NO_SOME_LOT = {
    "none": _l("No"),
    "some": _l("Yes, a little"),
    "considerable": _l("Yes, a lot"),
}
_SURE = {"high": _l("Sure"), "some": _l("Fairly sure"), "low": _l("Not sure")}
STAFF_ANSWERS: dict[str, dict[str, Any]] = {
    "expected_time_to_job": {
        "1m": _l("Within a month"),
        "3m": _l("Within three months"),
        "6m": _l("Within six months"),
        "longer": _l("It will take longer"),
        "unknown": _l("I don't know"),
    },
    "health_limits": _NO_SOME_LOT,
    "danish_difficulty": {
        "native": _l("It is my first language"),
        "fluent": _l("Very well"),
        "good": _l("Well"),
        "basic": _l("A little"),
        "none": _l("Not at all"),
    },
    "childcare_limits": _NO_SOME_LOT,
    "limited_transport": {
        "car": _l("By car"),
        "public": _l("By bus or train"),
        "bike": _l("By bike or on foot"),
        "limited": _l("It is hard for me to get around"),
        "not_limited": _l("Can get around"),
    },
    "low_it_confidence": _SURE,
    "low_search_confidence": _SURE,
    "wants_support": {
        "no": _l("No, I can manage on my own"),
        "maybe": _l("Maybe"),
        "yes": _l("Yes, I would like to talk to a person"),
    },
}

# What each feature is, in a caseworker's words (and the citizen's, where the value
# cannot be told).
STAFF_LABELS: dict[str, Any] = {
    "weeks_unemployed": _l("Time unemployed in this period"),
    "earlier_spells": _l("Earlier periods of unemployment"),
    "earlier_weeks": _l("Earlier periods of unemployment in all"),
    "education": _l("Highest completed education"),
    "applications_4w": _l("Job-search log, last 4 weeks"),
    "desired_occupations": _l("Jobs wanted"),
    "matching_postings": _l("Open job postings"),
    "expected_time_to_job": _l("Expects to find a job (own answer)"),
    "health_limits": _l("Health limits the work (own answer)"),
    "danish_difficulty": _l("Speaks and writes Danish (own answer)"),
    "childcare_limits": _l("Children limit the work (own answer)"),
    "limited_transport": _l("Gets to work (own answer)"),
    "low_it_confidence": _l("Sure with computer or phone (own answer)"),
    "low_search_confidence": _l("Sure at finding and applying for jobs (own answer)"),
    "wants_support": _l("Wants support from a person (own answer)"),
}
