"""The values the citizen's job pages are drawn from: a labelled match, a page of
matches, the alternatives (app.jobs.queries fills them)."""

from __future__ import annotations

from dataclasses import dataclass

from app.jobs.matching import MODEL_VERSION
from app.ml import matching as ml
from app.models import Posting
from app.pagination import Page

# --- values handed to the pages ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Labelled:
    """A taxonomy concept by URI with its label in the reader's language."""

    uri: str
    label: str


@dataclass(frozen=True)
class JobMatch:
    """One posting for one citizen: the row, the score and the reasons, labelled."""

    posting: Posting
    score: float
    model_version: str
    reasons: ml.MatchReasons
    matched_essential: tuple[Labelled, ...]
    matched_optional: tuple[Labelled, ...]
    missing_essential: tuple[Labelled, ...]
    missing_optional: tuple[Labelled, ...]
    occupation: Labelled | None
    # "You have described yourself as ..., which the employer asks for." or None.
    personal_reason: str | None = None

    @property
    def essential_count(self) -> int:
        return len(self.matched_essential) + len(self.missing_essential)

    @property
    def distance_km(self) -> float | None:
        return self.reasons.distance_km

    @property
    def occupation_match(self) -> str | None:
        return self.reasons.occupation_match

    @property
    def hours_fit(self) -> bool:
        return self.reasons.hours_fit


@dataclass(frozen=True)
class MatchPage(Page):
    """One page of a citizen's matches, with what the page needs to explain itself."""

    empty_profile: bool = False
    located: bool = True
    max_distance_km: float | None = None
    hours: str = "any"
    occupation: Labelled | None = None
    unknown_occupation: bool = False
    capped: bool = False
    wider_distance_km: int | None = None
    missing_skills: tuple[Labelled, ...] = ()
    model_version: str = MODEL_VERSION


@dataclass(frozen=True)
class AlternativeOccupation:
    """An occupation in another field, the skills that carry over and those to learn."""

    occupation: Labelled
    score: float
    transferable_skills: tuple[Labelled, ...]
    skills_to_learn: tuple[Labelled, ...]
    postings_nearby: int
    model_version: str = MODEL_VERSION


@dataclass(frozen=True)
class Alternatives:
    """The citizen's alternatives and the facts the page explains them with."""

    items: tuple[AlternativeOccupation, ...]
    empty_profile: bool
    has_skills: bool
    open_to_other_industries: bool
    located: bool
    max_distance_km: float | None
    model_version: str = MODEL_VERSION
