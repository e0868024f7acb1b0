"""The case view: everything a caseworker needs about one citizen, on one page.

Reading is open to every caseworker of the citizen's municipality; each opening is
recorded once in the access log, with its purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, log_access
from app.casework.services.queue import case_waiting_since
from app.consent.services.consents import objection_state
from app.consent.services.corrections import label_of as correction_label
from app.dialogue.queries import DialogueSummary
from app.dialogue.queries import summary as dialogue_summary
from app.employers.queries import accepted_for_case
from app.models import (
    AccessPurpose,
    AccessWhat,
    Case,
    CaseNote,
    CaseStatus,
    Caseworker,
    Channel,
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    ContactPreferences,
    ContactRequest,
    ContactStatus,
    CorrectionRequest,
    CorrectionStatus,
    Education,
    JobLogEntry,
    Occupation,
    PlanItem,
    PlanStatus,
    ScreeningAnswers,
    Track,
    TrackOverride,
    User,
    WorkExperience,
)
from app.segmentation.track import Decision, current_decision
from app.taxonomy.services import label_for

RECENT_LOG_ENTRIES = 10
UNKNOWN_AUTHOR = "?"


@dataclass(frozen=True)
class NoteRow:
    at: datetime
    author: str
    text: str


@dataclass(frozen=True)
class OverrideRow:
    at: datetime
    author: str
    from_track: Track
    to_track: Track
    reason_code: str
    note: str


@dataclass(frozen=True)
class CvSummary:
    occupations: list[str]
    skills: int
    educations: list[Education]
    experience: list[WorkExperience]

    @property
    def empty(self) -> bool:
        return not (
            self.occupations or self.skills or self.educations or self.experience
        )


@dataclass(frozen=True)
class PersonRequest:
    """An open request to talk to a person: how, in the citizen's words, and when."""

    at: datetime
    channel: Channel
    message: str | None


@dataclass(frozen=True)
class OpenCorrection:
    """An open request to correct data: which, to what, why, and when."""

    id: int
    at: datetime
    label: Any
    proposed: str
    reason: str


@dataclass(frozen=True)
class Objection:
    """The citizen's objection to profiling, in force since `at`."""

    at: datetime
    reason: str | None


@dataclass(frozen=True)
class CaseView:
    citizen: Citizen
    case: Case | None
    held_by_me: bool
    claimed_by_name: str | None
    decision: Decision | None
    screening: ScreeningAnswers | None
    contact: ContactPreferences | None
    cv: CvSummary
    job_log: list[JobLogEntry]
    plan: list[PlanItem]
    notes: list[NoteRow]
    overrides: list[OverrideRow]
    person_requests: list[PersonRequest]
    corrections: list[OpenCorrection]
    objection: Objection | None
    waiting_since: datetime | None
    # Messages and meetings (app.dialogue.queries).
    dialogue: DialogueSummary | None = None
    # The citizen's yeses to companies (a no never reaches the job centre).
    company_meetings: tuple[Any, ...] = ()

    @property
    def open_corrections(self) -> int:
        return len(self.corrections)


def _author_names(session: Session, caseworker_ids: set[int]) -> dict[int, str]:
    if not caseworker_ids:
        return {}
    rows = session.execute(
        select(Caseworker.id, User.display_name)
        .join(User, User.id == Caseworker.user_id)
        .where(Caseworker.id.in_(caseworker_ids))
    )
    return dict(rows.tuples().all())


def _cv_summary(session: Session, citizen_id: int, lang: str) -> CvSummary:
    uris = session.scalars(
        select(Occupation.uri)
        .join(CitizenOccupation, CitizenOccupation.occupation_id == Occupation.id)
        .where(CitizenOccupation.citizen_id == citizen_id)
        .order_by(CitizenOccupation.id)
    ).all()
    labels = list(dict.fromkeys(label_for(session, uri, lang) for uri in uris))
    skills = session.scalar(
        select(func.count()).where(CitizenSkill.citizen_id == citizen_id)
    )
    educations = session.scalars(
        select(Education)
        .where(Education.citizen_id == citizen_id)
        .order_by(Education.end_year.desc(), Education.id)
    ).all()
    experience = session.scalars(
        select(WorkExperience)
        .where(WorkExperience.citizen_id == citizen_id)
        .order_by(WorkExperience.started_on.desc(), WorkExperience.id)
    ).all()
    return CvSummary(labels, int(skills or 0), list(educations), list(experience))


def case_view(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    lang: str,
    actor: Actor,
    reply_working_days: int = 2,
) -> CaseView | None:
    """Everything a caseworker needs about one citizen of their municipality, else None.

    Each opening is recorded once in the access log, with its purpose.
    """
    citizen = session.get(Citizen, citizen_id)
    if citizen is None or citizen.municipality_id != municipality_id:
        return None
    log_access(
        session, actor, citizen_id, AccessWhat.CASE_VIEW, AccessPurpose.CASE_WORK
    )
    case_file = session.scalars(
        select(Case).where(Case.citizen_id == citizen_id)
    ).first()
    notes, overrides, claimed_by_name = _history(session, citizen_id, case_file)
    return CaseView(
        citizen=citizen,
        case=case_file,
        held_by_me=bool(
            case_file
            and case_file.status is CaseStatus.CLAIMED
            and case_file.claimed_by_id == caseworker_id
        ),
        claimed_by_name=claimed_by_name,
        notes=notes,
        overrides=overrides,
        waiting_since=(
            case_waiting_since(session, case_file.id)
            if case_file is not None and case_file.status is not CaseStatus.CLOSED
            else None
        ),
        **_citizen_data(session, citizen_id, lang),
        **_open_requests(session, citizen_id),
        dialogue=dialogue_summary(
            session, citizen_id, reply_working_days, timedelta(0), for_staff=True
        ),
        company_meetings=tuple(accepted_for_case(session, citizen_id)),
    )


def _open_requests(session: Session, citizen_id: int) -> dict[str, Any]:
    """What the citizen has asked for and not yet had answered, oldest first."""
    person_requests = session.scalars(
        select(ContactRequest)
        .where(
            ContactRequest.citizen_id == citizen_id,
            ContactRequest.status == ContactStatus.OPEN,
        )
        .order_by(ContactRequest.created_at, ContactRequest.id)
    ).all()
    corrections = session.scalars(
        select(CorrectionRequest)
        .where(
            CorrectionRequest.citizen_id == citizen_id,
            CorrectionRequest.status == CorrectionStatus.PENDING,
        )
        .order_by(CorrectionRequest.created_at, CorrectionRequest.id)
    ).all()
    objection = objection_state(session, citizen_id)
    return {
        "person_requests": [
            PersonRequest(r.created_at, r.channel, r.message) for r in person_requests
        ],
        "corrections": [
            OpenCorrection(
                c.id, c.created_at, correction_label(c), c.proposed_value, c.reason
            )
            for c in corrections
        ],
        "objection": (
            Objection(objection.objected_at, objection.reason)
            if objection.in_force and objection.objected_at is not None
            else None
        ),
    }


def _citizen_data(session: Session, citizen_id: int, lang: str) -> dict[str, Any]:
    """The track, answers, contact wishes, CV, job search, plan and corrections."""
    return {
        "decision": current_decision(session, citizen_id),
        "screening": session.scalars(
            select(ScreeningAnswers).where(ScreeningAnswers.citizen_id == citizen_id)
        ).first(),
        "contact": session.scalars(
            select(ContactPreferences).where(
                ContactPreferences.citizen_id == citizen_id
            )
        ).first(),
        "cv": _cv_summary(session, citizen_id, lang),
        "job_log": list(
            session.scalars(
                select(JobLogEntry)
                .where(JobLogEntry.citizen_id == citizen_id)
                .order_by(JobLogEntry.on_date.desc(), JobLogEntry.id.desc())
                .limit(RECENT_LOG_ENTRIES)
            )
        ),
        "plan": _plan(session, citizen_id),
    }


def _history(
    session: Session, citizen_id: int, case_file: Case | None
) -> tuple[list[NoteRow], list[OverrideRow], str | None]:
    """The notes and overrides, newest first, with their authors; who holds the case."""
    notes = session.scalars(
        select(CaseNote)
        .where(CaseNote.citizen_id == citizen_id)
        .order_by(CaseNote.at.desc(), CaseNote.id.desc())
    ).all()
    overrides = session.scalars(
        select(TrackOverride)
        .where(TrackOverride.citizen_id == citizen_id)
        .order_by(TrackOverride.at.desc(), TrackOverride.id.desc())
    ).all()
    holder = case_file.claimed_by_id if case_file else None
    names = _author_names(
        session,
        {n.caseworker_id for n in notes}
        | {o.caseworker_id for o in overrides}
        | ({holder} if holder else set()),
    )
    return (
        [
            NoteRow(n.at, names.get(n.caseworker_id, UNKNOWN_AUTHOR), n.text)
            for n in notes
        ],
        [
            OverrideRow(
                o.at,
                names.get(o.caseworker_id, UNKNOWN_AUTHOR),
                o.from_track,
                o.to_track,
                o.reason_code.value,
                o.note,
            )
            for o in overrides
        ],
        names.get(holder) if holder else None,
    )


def _plan(session: Session, citizen_id: int) -> list[PlanItem]:
    """Open items first, by due date, then the rest."""
    return list(
        session.scalars(
            select(PlanItem)
            .where(PlanItem.citizen_id == citizen_id)
            .order_by(
                PlanItem.status != PlanStatus.OPEN,
                PlanItem.due_on.is_(None),
                PlanItem.due_on,
                PlanItem.id,
            )
        )
    )
