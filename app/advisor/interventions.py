"""The intervention types, as data: who each is for, the marketplace offering kind that
delivers it, and the Danish evidence grade with its source.

`offering_kind` is the seam to the marketplace: at merge, an intervention type links to
the published offerings of that kind (course, mentoring, job_search_tool, upskilling,
health, language); the job centre's own instruments (company internship, wage subsidy,
sickness benefit follow-up) have no offering kind.

Evidence grades are entered from jobeffekter.dk (STAR's evidence base, which grades the
direction and strength of the Danish evidence per intervention type, "få studier" when
thin) only with their source; none has been entered yet, so every type shows "no grade
entered" rather than a guess.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.models import TargetGroup

ALL_GROUPS = tuple(TargetGroup)


class EvidenceGrade(enum.StrEnum):
    """jobeffekter.dk's scale: direction and strength of the Danish evidence."""

    STRONG_POSITIVE = "strong_positive"
    MODERATE_POSITIVE = "moderate_positive"
    WEAK_POSITIVE = "weak_positive"
    NO_EFFECT = "no_effect"
    MIXED = "mixed"
    NEGATIVE = "negative"
    FEW_STUDIES = "few_studies"


@dataclass(frozen=True)
class InterventionType:
    code: str
    target_groups: tuple[TargetGroup, ...]
    offering_kind: str | None = None  # the marketplace's Offering kind
    evidence_grade: EvidenceGrade | None = None  # None: no grade entered
    evidence_source: str | None = None  # where the grade was read, with its date


NO_INTERVENTION = "none"

INTERVENTION_TYPES: tuple[InterventionType, ...] = (
    InterventionType(
        "company_internship", ALL_GROUPS, evidence_source=None
    ),  # virksomhedspraktik
    InterventionType(
        "wage_subsidy", (TargetGroup.JOB_READY, TargetGroup.ACTIVITY_READY)
    ),  # løntilskud
    InterventionType("guidance_upskilling", ALL_GROUPS, offering_kind="upskilling"),
    InterventionType("mentor", ALL_GROUPS, offering_kind="mentoring"),
    InterventionType("sickness_followup", (TargetGroup.SICK_LISTED,)),
    InterventionType("course", ALL_GROUPS, offering_kind="course"),
    InterventionType("job_search_tool", ALL_GROUPS, offering_kind="job_search_tool"),
    InterventionType("health", ALL_GROUPS, offering_kind="health"),
    InterventionType("language", ALL_GROUPS, offering_kind="language"),
)

BY_CODE = {item.code: item for item in INTERVENTION_TYPES}


def eligible(group: TargetGroup) -> list[InterventionType]:
    """The intervention types the rules allow for a target group."""
    return [item for item in INTERVENTION_TYPES if group in item.target_groups]
