"""Occupations and skills inferred for imported free-text postings, and duplicates found.

The importer (app.jobs.postings) calls `Inference.complete` for a posting that came
without taxonomy codes: the title is normalised to an occupation by the autocomplete's
own normaliser (app.taxonomy.services.label_index), and skills are extracted from the
title and description, each with its confidence. `Duplicates` recognises the same job
published by another source: same employer, same normalised title, same place, and
deadlines within a week of each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from babel.numbers import format_percent
from flask_babel import gettext
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.i18n import format_locale
from app.ml import extraction
from app.ml.normalise import LabelIndex, fold
from app.ml.semantic import HybridIndex, default_embedder
from app.models import Posting, PostingSkill, Skill
from app.taxonomy.services import label_index, load_taxonomy

# Two postings whose deadlines lie this close are one job published twice.
DUPLICATE_DEADLINE_DAYS = 7
# Words job sites add to a title that do not change the job.
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TITLE_NOISE = re.compile(r"\b(?:m k d|m k|k m|vi soeger|soeges|wanted|hiring)\b")


@dataclass(frozen=True)
class Completion:
    """What inference added to one posting."""

    occupation_id: int | None = None
    occupation_confidence: float | None = None
    # (skill id, confidence), best first
    skills: tuple[tuple[int, float], ...] = ()


class Inference:
    """Builds the normalisers once per import, and only if a posting needs them."""

    def __init__(
        self,
        session: Session,
        occupation_ids: dict[str, int],
        skill_ids: dict[str, int],
        embedding_cache: Path | None = None,
    ) -> None:
        self._session = session
        self._occupation_ids = occupation_ids
        self._skill_ids = skill_ids
        self._titles: LabelIndex | None = None
        self._skills: LabelIndex | HybridIndex | None = None
        # With a cache folder, skills are ranked by the hybrid normaliser (the
        # 'semantic' extra), which found far more of the right skills in job-ad
        # sentences (benchmarks/README.md); titles stay lexical, where it did not
        # prove itself.
        self._embedding_cache = embedding_cache

    def complete(
        self,
        values: dict[str, Any],
        need_occupation: bool,
        need_skills: bool,
        skill_words: Sequence[str] = (),
    ) -> Completion:
        """An occupation from the posting's title, skills from its title, description
        and the skill words a feed gave, as asked."""
        title, description = values["title"], values["description"]
        occupation_id = confidence = None
        if need_occupation:
            if self._titles is None:
                self._titles = label_index(self._session, "occupation")
            found = extraction.infer_occupation(self._titles, title)
            if found is not None and found.uri in self._occupation_ids:
                occupation_id = self._occupation_ids[found.uri]
                confidence = found.confidence
        skills: tuple[tuple[int, float], ...] = ()
        if need_skills:
            if self._skills is None:
                self._skills = label_index(self._session, "skill")
                embedder = default_embedder() if self._embedding_cache else None
                if embedder is not None:
                    self._skills = HybridIndex(
                        self._skills, embedder, self._embedding_cache
                    )
            texts = [title, description, "\n".join(skill_words)]
            skills = tuple(
                (self._skill_ids[found.uri], found.confidence)
                for found in extraction.extract_skills(self._skills, *texts)
                if found.uri in self._skill_ids
            )
        return Completion(occupation_id, confidence, skills)


def title_key(title: str) -> str:
    """A title without the words sites add to it, folded ("Lagermedarbejder (m/k)")."""
    folded = fold(_BRACKETS.sub(" ", title))
    return " ".join(_TITLE_NOISE.sub(" ", f" {folded} ").split())


@dataclass
class Duplicates:
    """Current postings of other sources, by employer, normalised title and postcode."""

    source: str
    _known: dict[tuple[str, str, str], list[tuple[date | None, str]]] = field(
        default_factory=dict
    )

    @classmethod
    def load(cls, session: Session, source: str, today: date) -> Duplicates:
        found = cls(source)
        rows = session.execute(
            select(
                Posting.employer,
                Posting.title,
                Posting.postcode,
                Posting.deadline,
                Posting.source,
            ).where(
                Posting.source != source,
                or_(Posting.deadline.is_(None), Posting.deadline >= today),
            )
        )
        for employer, title, postcode, deadline, other in rows:
            found.add(employer, title, postcode, deadline, other)
        return found

    @staticmethod
    def _key(employer: str, title: str, postcode: str) -> tuple[str, str, str]:
        return fold(employer), title_key(title), postcode

    def add(
        self,
        employer: str,
        title: str,
        postcode: str,
        deadline: date | None,
        source: str,
    ) -> None:
        key = self._key(employer, title, postcode)
        self._known.setdefault(key, []).append((deadline, source))

    def source_of(
        self, employer: str, title: str, postcode: str, deadline: date | None
    ) -> str | None:
        """The other source that already has this job, or None."""
        for other_deadline, other in self._known.get(
            self._key(employer, title, postcode), []
        ):
            if other == self.source:
                continue
            if deadline is None or other_deadline is None:
                return other
            if abs(deadline - other_deadline) <= timedelta(
                days=DUPLICATE_DEADLINE_DAYS
            ):
                return other
        return None


@dataclass(frozen=True)
class PostingSkillShown:
    """A posting's skill as its page shows it: the label and where it came from."""

    uri: str
    label: str
    required: bool
    # None for a skill the source gave; for an inferred one, e.g. "Found in the
    # posting's text (85 % certain)" in the reader's language.
    inferred: str | None


def posting_skills_shown(
    session: Session, posting_id: int, lang: str
) -> list[PostingSkillShown]:
    """The posting's skills with their origin, given ones first, for its page (so
    employers and citizens see which skills were inferred, and how surely)."""
    taxonomy = load_taxonomy(session)
    rows = session.execute(
        select(
            Skill.uri,
            PostingSkill.required,
            PostingSkill.origin,
            PostingSkill.confidence,
        )
        .join(Skill, Skill.id == PostingSkill.skill_id)
        .where(PostingSkill.posting_id == posting_id)
    ).all()
    shown = [
        PostingSkillShown(
            uri=uri,
            label=taxonomy.label(uri, lang),
            required=required,
            inferred=gettext(
                "Found in the posting's text (%(percent)s certain)",
                percent=format_percent(confidence or 0, locale=format_locale(lang)),
            )
            if origin == "extracted"
            else None,
        )
        for uri, required, origin, confidence in rows
    ]
    return sorted(
        shown, key=lambda s: (s.inferred is not None, not s.required, s.label)
    )
