"""'Sådan bruger vi algoritmer': each algorithm in plain language, for the public page.

Keep these in step with app/ml: the lists of what each model uses mirror its inputs
(app/ml/matching.py CitizenProfile, app/ml/segmentation.py FEATURES).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from app.ml.matching import MODEL_VERSION as MATCHING_VERSION


@dataclass(frozen=True)
class Algorithm:
    slug: str
    name: Any
    what_it_does: Any
    uses: tuple[Any, ...]
    does_not_use: tuple[Any, ...]
    who_decides: Any
    object_or_complain: Any
    version: str | None = None
    status: Any = None
    # (endpoint, link text) of the same information without the algorithm, if there is one.
    without_it: tuple[str, Any] | None = None


OBJECT_TO_PROFILING = _l(
    "You can object to profiling under My data. Then no estimate is computed for you "
    "and a caseworker assesses your situation instead."
)
COMPLAIN = _l(
    "If you disagree with a decision, contact your job centre first. You can complain "
    "about decisions to Ankestyrelsen (the National Social Appeals Board), and about "
    "how we handle your data to Datatilsynet (the Danish Data Protection Agency)."
)

ALGORITHMS: tuple[Algorithm, ...] = (
    Algorithm(
        slug="jobmatch",
        name=_l("Job matching: jobs for you"),
        what_it_does=_l(
            "Sorts job postings so the ones that fit you best come first, and suggests "
            "occupations in other fields that use what you can already do. It only "
            "sorts and suggests: you choose which jobs to look at and apply for."
        ),
        uses=(
            _l("The competences in your CV"),
            _l("The occupations you have worked in and the ones you want"),
            _l("The working hours you want"),
            _l("How far you will travel, measured from your address"),
            _l("The job postings: their occupation, skills, hours and place"),
        ),
        does_not_use=(
            _l("Your gender, age, origin or health"),
            _l("Your answers about your situation"),
            _l("Your benefits or your case at the job centre"),
        ),
        who_decides=_l(
            "You do. The list only suggests; it does not affect your benefits or "
            "your obligations."
        ),
        object_or_complain=_l(
            "Jobs for you is sorted by how well the postings fit you. Every current "
            "posting is also in the job search, without this sorting: newest first, "
            "or by deadline or distance, as you choose. You can change what the "
            "sorting builds on: the distance, the working hours and the occupation, "
            "and what is in your CV."
        ),
        version=MATCHING_VERSION,
        without_it=(
            "jobs.search_jobs",
            _l("Search every current posting, without our sorting"),
        ),
    ),
    Algorithm(
        slug="segmentering",
        name=_l("Estimate of the risk of long-term unemployment"),
        what_it_does=_l(
            "Estimates the chance that you will still be unemployed after 26 weeks, "
            "so the job centre can offer more help early to those who need it. The "
            "estimate only suggests whether you manage well with self-service or "
            "should meet a caseworker; it never decides anything alone."
        ),
        uses=(
            _l(
                "How long you have been unemployed, and earlier periods of unemployment"
            ),
            _l("Your education"),
            _l("How many applications you have logged in the last four weeks"),
            _l(
                "How many occupations you want, and how many postings near you fit them"
            ),
            _l(
                "Your own answers about your situation: when you expect to find work, "
                "health, Danish, childcare, transport and confidence with IT and job "
                "search"
            ),
        ),
        does_not_use=(
            _l("Your gender or your origin"),
            _l("Your age"),
            _l(
                "These are used only, without your name, to check that the estimate "
                "treats groups fairly."
            ),
        ),
        who_decides=_l(
            "A caseworker decides which help you get. If you ask to talk to a person, "
            "or have objected to profiling, you always get a caseworker, whatever the "
            "estimate says. The caseworker can always overrule the estimate."
        ),
        object_or_complain=OBJECT_TO_PROFILING,
    ),
    Algorithm(
        slug="beslutningsstoette",
        name=_l("Decision support: which intervention may help"),
        what_it_does=_l(
            "Estimates, for people in a situation like yours, how much each kind of "
            "intervention (for example an internship in a company, a mentor or Danish "
            "lessons) shortens the time to work or education, and how uncertain that "
            "is. Your caseworker sees the estimates, and so do you on Din vej."
        ),
        uses=(
            _l(
                "How long you have been unemployed, and earlier periods of unemployment"
            ),
            _l("Your education"),
            _l("Your own answers about health and Danish"),
            _l("Your target group: job-ready, activity-ready or sick-listed"),
        ),
        does_not_use=(
            _l("Your gender, age or origin"),
            _l(
                "These are used only, without your name, to check that the suggestions "
                "help groups fairly."
            ),
        ),
        who_decides=_l(
            "You and your caseworker, together. The suggestions never decide alone; "
            "when the caseworker agrees another intervention with you, the reason is "
            "written down."
        ),
        object_or_complain=OBJECT_TO_PROFILING,
    ),
)
