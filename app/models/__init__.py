"""The shared domain model, one module per aggregate."""

from app.models.audit import AccessLog, ChangeRecord
from app.models.jobs import Hours, Posting, PostingSkill
from app.models.people import Caseworker, Citizen, Municipality, Provider, Role, User
from app.models.profile import (
    CitizenOccupation,
    CitizenSkill,
    HoursPreference,
    JobPreferences,
    OccupationLink,
)
from app.models.taxonomy import (
    ConceptLabel,
    ConceptType,
    IscoGroup,
    LabelKind,
    Occupation,
    OccupationSkill,
    Relation,
    Skill,
    SkillKind,
    TaxonomySource,
)

__all__ = [
    "AccessLog",
    "Caseworker",
    "ChangeRecord",
    "Citizen",
    "CitizenOccupation",
    "CitizenSkill",
    "ConceptLabel",
    "ConceptType",
    "Hours",
    "HoursPreference",
    "IscoGroup",
    "JobPreferences",
    "LabelKind",
    "Municipality",
    "Occupation",
    "OccupationLink",
    "OccupationSkill",
    "Posting",
    "PostingSkill",
    "Provider",
    "Relation",
    "Role",
    "Skill",
    "SkillKind",
    "TaxonomySource",
    "User",
]
