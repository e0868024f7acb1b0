"""Labels of decision support: intervention types, target groups, evidence grades,
reasons for choosing another intervention, and the estimator's inputs."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

INTERVENTION_LABELS: dict[str, Any] = {
    "none": _l("No intervention now"),
    "company_internship": _l("Internship in a company (virksomhedspraktik)"),
    "wage_subsidy": _l("Job with wage subsidy (løntilskud)"),
    "guidance_upskilling": _l("Guidance and upskilling"),
    "mentor": _l("Mentor"),
    "sickness_followup": _l("Sickness benefit follow-up"),
    "course": _l("Course"),
    "job_search_tool": _l("Job-search tool"),
    "health": _l("Health and well-being"),
    "language": _l("Danish language"),
}

INTERVENTION_HINTS: dict[str, Any] = {
    "company_internship": _l("Trying work in a company for a few weeks, on benefits."),
    "wage_subsidy": _l("A job where the employer gets a subsidy towards the wage."),
    "guidance_upskilling": _l("Guidance and short education that build skills."),
    "mentor": _l("A person who supports you regularly, at work or in daily life."),
    "sickness_followup": _l(
        "Planned contact and a plan back to work while sick-listed."
    ),
    "course": _l("A course, for example job search or a certificate."),
    "job_search_tool": _l("A digital tool for finding and applying for jobs."),
    "health": _l("Help with health and well-being, for example stress or pain."),
    "language": _l("Danish lessons aimed at work."),
}

TARGET_GROUP_LABELS: dict[str, Any] = {
    "job_ready": _l("Job-ready"),
    "activity_ready": _l("Activity-ready"),
    "sick_listed": _l("Sick-listed"),
}

EVIDENCE_LABELS: dict[str, Any] = {
    "strong_positive": _l("Strong Danish evidence of a positive effect"),
    "moderate_positive": _l("Moderate Danish evidence of a positive effect"),
    "weak_positive": _l("Weak Danish evidence of a positive effect"),
    "no_effect": _l("Danish evidence of no effect"),
    "mixed": _l("Mixed Danish evidence"),
    "negative": _l("Danish evidence of a negative effect"),
    "few_studies": _l("Few Danish studies"),
}
NO_GRADE = _l("No Danish evidence grade entered")

DEVIATION_LABELS: dict[str, Any] = {
    "citizen_choice": _l("The citizen chose another"),
    "not_available": _l("Not available in time or place"),
    "health": _l("Health"),
    "already_tried": _l("Tried before without result"),
    "missing_context": _l("The estimate does not know something important"),
    "other": _l("Other"),
}

FEATURE_LABELS: dict[str, Any] = {
    "weeks_unemployed": _l("Weeks unemployed in this period"),
    "earlier_spells": _l("Number of earlier periods of unemployment"),
    "education_level": _l("Highest completed education"),
    "health_limits": _l("Health limits (own answer)"),
    "danish_needs": _l("Difficulty with Danish (own answer)"),
    "activity_ready": _l("Activity-ready"),
    "sick_listed": _l("Sick-listed"),
    "expected_absence_weeks": _l("Expected absence in weeks (sick-listed)"),
}
