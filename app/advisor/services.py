"""Decision support's rules: the citizen's estimate (never for one who objects to
profiling), the target group, and the decision agreed with the citizen.

The estimate is read from the precomputed tables (app.advisor.model_store); this module
adapts the citizen's data to the estimator's profile and flushes, never commits.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.advisor import model_store
from app.advisor.interventions import BY_CODE, NO_INTERVENTION, eligible
from app.audit import Actor, change_fields, now, record_created
from app.casework.services.claims import held_case
from app.consent.services.consents import objection_in_force
from app.marketplace.services.catalogue import kinds_with_places
from app.ml.effects import ArmEffect, Leaf
from app.ml.segmentation import EDUCATION_LEVEL
from app.models import (
    CitizenTargetGroup,
    DeviationReason,
    InterventionDecision,
    TargetGroup,
)
from app.segmentation import facts as segmentation_facts

_HEALTH = {"none": 0.0, "some": 1.0, "considerable": 2.0}
_DANISH = {"native": 0.0, "fluent": 0.0, "good": 1.0, "basic": 2.0, "none": 2.0}


class State(enum.StrEnum):
    READY = "ready"
    OBJECTED = "objected"  # objects to profiling: nothing is estimated
    NO_GROUP = "no_group"  # the target group is not set yet
    NO_TABLES = "no_tables"  # no estimates have been fitted


@dataclass(frozen=True)
class Option:
    """One intervention for the citizen's group: its effects and evidence."""

    code: str
    weeks: ArmEffect
    employed: ArmEffect | None
    evidence_grade: str | None
    evidence_source: str | None
    offering_kind: str | None
    # Published marketplace offerings of that kind with a free place (None: no kind).
    places: int | None = None


@dataclass(frozen=True)
class Suggestions:
    state: State
    target_group: CitizenTargetGroup | None = None
    leaf: Leaf | None = None
    options: tuple[Option, ...] = ()
    clear_best: bool = False
    tables_version: str | None = None
    decisions: tuple[InterventionDecision, ...] = field(default=())
    leaf_count: int = 0

    @property
    def top(self) -> str | None:
        """The suggestion: the top option when it stands apart, else none."""
        return self.options[0].code if self.clear_best and self.options else None


def target_group_of(session: Session, citizen_id: int) -> CitizenTargetGroup | None:
    return session.scalars(
        select(CitizenTargetGroup).where(CitizenTargetGroup.citizen_id == citizen_id)
    ).first()


def effect_profile(
    session: Session, citizen_id: int, group: CitizenTargetGroup, today: date
) -> dict[str, float]:
    """The estimator's view of the citizen (no gender, origin or age)."""
    fact = segmentation_facts.gather(session, 0, 0, today, only=citizen_id)[citizen_id]
    since = fact.current_spell_start or fact.unemployed_since or today
    answers = fact.screening
    return {
        "weeks_unemployed": max(0, (today - since).days) / 7,
        "earlier_spells": float(fact.earlier_spells),
        # Unknown education counts as vocational, the most common level.
        "education_level": EDUCATION_LEVEL.get(fact.education or "", 2.0),
        "health_limits": _HEALTH.get(answers.health_limits, 0.0) if answers else 0.0,
        "danish_needs": _DANISH.get(answers.danish_level, 0.0) if answers else 0.0,
        "activity_ready": float(group.group is TargetGroup.ACTIVITY_READY),
        "sick_listed": float(group.group is TargetGroup.SICK_LISTED),
        "expected_absence_weeks": float(group.expected_absence_weeks or 0)
        if group.group is TargetGroup.SICK_LISTED
        else 0.0,
    }


def decisions_of(session: Session, citizen_id: int) -> tuple[InterventionDecision, ...]:
    return tuple(
        session.scalars(
            select(InterventionDecision)
            .where(InterventionDecision.citizen_id == citizen_id)
            .order_by(InterventionDecision.at.desc(), InterventionDecision.id.desc())
        )
    )


def suggestions_for(session: Session, citizen_id: int, today: date) -> Suggestions:
    """The ranked interventions for the citizen's group, or why there are none.

    A citizen who objects to profiling gets no estimate: their data are not read for it.
    """
    decisions = decisions_of(session, citizen_id)
    if objection_in_force(session, citizen_id):
        return Suggestions(State.OBJECTED, decisions=decisions)
    group = target_group_of(session, citizen_id)
    if group is None:
        return Suggestions(State.NO_GROUP, decisions=decisions)
    tables = model_store.load_tables()
    if tables is None:
        return Suggestions(State.NO_TABLES, group, decisions=decisions)
    leaf = tables.leaf_for(effect_profile(session, citizen_id, group, today))
    allowed = [item.code for item in eligible(group.group) if item.code in tables.arms]
    kinds = [BY_CODE[code].offering_kind for code in allowed]
    places = kinds_with_places(session, [kind for kind in kinds if kind])
    options = []
    for effect in leaf.ranked("weeks"):
        if effect.arm not in allowed:
            continue
        kind = BY_CODE[effect.arm]
        options.append(
            Option(
                effect.arm,
                effect,
                leaf.effect(effect.arm, "employed_6m"),
                kind.evidence_grade,
                kind.evidence_source,
                kind.offering_kind,
                places.get(kind.offering_kind) if kind.offering_kind else None,
            )
        )
    return Suggestions(
        State.READY,
        group,
        leaf,
        tuple(options),
        leaf.clear_best("weeks", allowed),
        tables.version,
        decisions,
        len(tables.leaves),
    )


# ---- the caseworker's actions -----------------------------------------------------------


class Outcome(enum.StrEnum):
    DONE = "done"
    NOT_HELD = "not_held"
    REASON_NEEDED = "reason_needed"
    UNKNOWN = "unknown"


def set_target_group(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    group: TargetGroup,
    expected_absence_weeks: int | None,
    actor: Actor,
) -> Outcome:
    """Set the citizen's target group (audited); the absence only for the sick-listed."""
    if held_case(session, municipality_id, caseworker_id, citizen_id) is None:
        return Outcome.NOT_HELD
    absence = expected_absence_weeks if group is TargetGroup.SICK_LISTED else None
    current = target_group_of(session, citizen_id)
    if current is None:
        record_created(
            session,
            CitizenTargetGroup(
                citizen_id=citizen_id,
                group=group,
                expected_absence_weeks=absence,
                set_by_id=caseworker_id,
                set_at=now(),
            ),
            actor=actor,
            reason="the caseworker set the target group",
            citizen_id=citizen_id,
        )
    else:
        change_fields(
            session,
            current,
            {
                "group": group,
                "expected_absence_weeks": absence,
                "set_by_id": caseworker_id,
                "set_at": now(),
            },
            actor=actor,
            reason="the caseworker changed the target group",
            citizen_id=citizen_id,
        )
    session.flush()
    return Outcome.DONE


def record_decision(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    agreed: str,
    reason_code: DeviationReason | None,
    note: str | None,
    actor: Actor,
    today: date,
) -> Outcome:
    """Record what was agreed with the citizen beside the suggestion shown (audited).

    When the agreed intervention differs from a clear top suggestion, a reason code and
    a note are required.
    """
    if agreed != NO_INTERVENTION and agreed not in BY_CODE:
        return Outcome.UNKNOWN
    if held_case(session, municipality_id, caseworker_id, citizen_id) is None:
        return Outcome.NOT_HELD
    shown = suggestions_for(session, citizen_id, today)
    follows = shown.top is not None and agreed == shown.top
    if shown.top is not None and not follows and (reason_code is None or not note):
        return Outcome.REASON_NEEDED
    record_created(
        session,
        InterventionDecision(
            citizen_id=citizen_id,
            caseworker_id=caseworker_id,
            municipality_id=municipality_id,
            at=now(),
            tables_version=shown.tables_version,
            group_number=shown.leaf.id + 1 if shown.leaf else None,
            suggested=shown.top,
            agreed=agreed,
            follows_suggestion=follows,
            reason_code=None if follows else reason_code,
            note=None if follows else (note or None),
        ),
        actor=actor,
        reason="the caseworker recorded the intervention agreed with the citizen",
        citizen_id=citizen_id,
    )
    session.flush()
    return Outcome.DONE


# ---- administrators' rates ------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRates:
    total: int
    with_suggestion: int
    followed: int
    no_clear_best: int
    reasons: tuple[tuple[str, int], ...]

    @property
    def followed_share(self) -> float | None:
        return self.followed / self.with_suggestion if self.with_suggestion else None


def decision_rates(session: Session, municipality_id: int) -> DecisionRates:
    """How often the agreed intervention followed the suggestion, and why not."""
    rows = session.execute(
        select(
            InterventionDecision.suggested,
            InterventionDecision.follows_suggestion,
            InterventionDecision.reason_code,
        ).where(InterventionDecision.municipality_id == municipality_id)
    ).all()
    with_suggestion = [r for r in rows if r.suggested is not None]
    reasons = Counter(
        r.reason_code.value
        for r in with_suggestion
        if not r.follows_suggestion and r.reason_code
    )
    return DecisionRates(
        total=len(rows),
        with_suggestion=len(with_suggestion),
        followed=sum(1 for r in with_suggestion if r.follows_suggestion),
        no_clear_best=len(rows) - len(with_suggestion),
        reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
