"""Changing the CV ("Mit CV"): education, work history, skills, personal competences,
languages, driving licences, certificates and visibility.

Use cases take plain values and the acting user; every write goes through app.audit
(the change history), flushes, and ends with the `profile_changed` signal (trigger
"cv"). A row id that is not the citizen's own is unknown (`LookupError`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signals
from app.audit import (
    Actor,
    change_fields,
    record_created,
    record_deleted,
    save_fields,
)
from app.consent.services.consents import give_consent, withdraw_consent
from app.cv.labels import DRIVING_LICENCES, LANGUAGES, PERSONAL_COMPETENCES
from app.cv.queries import ROW_MODELS, entry_for, share_cv_in_force
from app.ml.normalise import Suggestion
from app.models import (
    CitizenSkill,
    ConsentPurpose,
    CvSettings,
    DrivingLicence,
    LanguageLevel,
    LanguageSkill,
    Occupation,
    PersonalCompetence,
    Skill,
)
from app.taxonomy.services import suggest

TRIGGER = "cv"


def occupation_id_for(session: Session, uri: str) -> int:
    """The id of an occupation by URI; LookupError when the taxonomy has no such URI."""
    found = session.scalar(select(Occupation.id).where(Occupation.uri == uri))
    if found is None:
        raise LookupError(f"no occupation {uri}")
    return found


@dataclass(frozen=True)
class OccupationChoice:
    """The concept a text was normalised to, or suggestions to choose from."""

    uri: str | None
    suggestions: tuple[Suggestion, ...] = ()


NO_OCCUPATION = "none"


def normalise_occupation(
    session: Session, chosen_uri: str, typed: str, title: str, lang: str
) -> OccupationChoice:
    """The occupation for a job: the one chosen in the autocomplete, else one whose name
    is exactly what was typed (the occupation field, else the job title), else a few
    suggestions for the citizen to choose from. `NO_OCCUPATION` means "none fits"."""
    if chosen_uri == NO_OCCUPATION:
        return OccupationChoice(None)
    if chosen_uri and session.scalar(
        select(Occupation.id).where(Occupation.uri == chosen_uri)
    ):
        return OccupationChoice(chosen_uri)
    return _by_name(session, "occupation", typed or title, lang, limit=5)


def find_skill(session: Session, typed: str, lang: str) -> OccupationChoice:
    """A skill whose name is exactly what was typed, else suggestions to choose from
    (the skill form without JavaScript)."""
    return _by_name(session, "skill", typed, lang, limit=6)


def _by_name(
    session: Session, kind: str, text: str, lang: str, limit: int
) -> OccupationChoice:
    found = tuple(suggest(session, text, kind, lang, limit=limit)) if text else ()
    wanted = text.casefold()
    for suggestion in found:
        if wanted in (suggestion.label.casefold(), suggestion.matched_label.casefold()):
            return OccupationChoice(suggestion.uri)
    return OccupationChoice(None, found)


def _resolve(session: Session, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    if kind == "work" and "occupation_uri" in values:
        uri = values.pop("occupation_uri")
        values["occupation_id"] = occupation_id_for(session, uri) if uri else None
    return values


def add_entry(
    session: Session,
    citizen_id: int,
    kind: str,
    values: dict[str, Any],
    *,
    actor: Actor,
) -> Any:
    """Add an education, a job or a certificate to the CV."""
    model = ROW_MODELS[kind]
    row = model(citizen_id=citizen_id, **_resolve(session, kind, values))
    record_created(
        session, row, actor=actor, reason="Added to the CV", citizen_id=citizen_id
    )
    _changed(session, citizen_id)
    return row


def update_entry(
    session: Session,
    citizen_id: int,
    kind: str,
    row_id: int,
    values: dict[str, Any],
    *,
    actor: Actor,
) -> Any:
    """Change one of the citizen's own CV rows, keeping the old values in the history."""
    row = entry_for(session, citizen_id, kind, row_id)
    changes = change_fields(
        session,
        row,
        _resolve(session, kind, values),
        actor=actor,
        reason="Changed in the CV",
        citizen_id=citizen_id,
    )
    if changes:
        _changed(session, citizen_id)
    return row


def remove_entry(
    session: Session, citizen_id: int, kind: str, row_id: int, *, actor: Actor
) -> None:
    """Remove one of the citizen's own CV rows; its values stay in the history."""
    row = entry_for(session, citizen_id, kind, row_id)
    record_deleted(
        session, row, actor=actor, reason="Removed from the CV", citizen_id=citizen_id
    )
    session.flush()
    _changed(session, citizen_id)


# --- skills and languages ----------------------------------------------------------


def add_skill(session: Session, citizen_id: int, uri: str, *, actor: Actor) -> bool:
    """Add a taxonomy skill by URI (LookupError if unknown); False if already there."""
    skill_id = session.scalar(select(Skill.id).where(Skill.uri == uri))
    if skill_id is None:
        raise LookupError(f"no skill {uri}")
    exists = session.scalar(
        select(CitizenSkill.id).where(
            CitizenSkill.citizen_id == citizen_id, CitizenSkill.skill_id == skill_id
        )
    )
    if exists is not None:
        return False
    record_created(
        session,
        CitizenSkill(citizen_id=citizen_id, skill_id=skill_id),
        actor=actor,
        reason="Added to the CV",
        citizen_id=citizen_id,
    )
    _changed(session, citizen_id)
    return True


def set_language(
    session: Session,
    citizen_id: int,
    code: str,
    level: LanguageLevel,
    *,
    actor: Actor,
) -> LanguageSkill:
    """Add a language with its level, or change the level of one already in the CV."""
    if code not in LANGUAGES:
        raise LookupError(f"no language {code}")
    row = session.scalar(
        select(LanguageSkill).where(
            LanguageSkill.citizen_id == citizen_id, LanguageSkill.language == code
        )
    )
    if row is None:
        row = LanguageSkill(citizen_id=citizen_id, language=code, level=level)
        record_created(
            session, row, actor=actor, reason="Added to the CV", citizen_id=citizen_id
        )
    elif not change_fields(
        session,
        row,
        {"level": level},
        actor=actor,
        reason="Changed in the CV",
        citizen_id=citizen_id,
    ):
        return row
    _changed(session, citizen_id)
    return row


def set_personal_competences(
    session: Session,
    citizen_id: int,
    codes: Iterable[str],
    free_text: str | None,
    *,
    actor: Actor,
) -> bool:
    """Keep exactly these codes and this free text; True if anything changed."""
    wanted = set(codes)
    unknown = wanted - set(PERSONAL_COMPETENCES)
    if unknown:
        raise LookupError(f"unknown competences {sorted(unknown)}")
    rows = list(
        session.scalars(
            select(PersonalCompetence).where(
                PersonalCompetence.citizen_id == citizen_id
            )
        )
    )
    have = {row.code: row for row in rows if row.code is not None}
    changed = _sync_choices(
        session,
        have,
        [code for code in PERSONAL_COMPETENCES if code in wanted],
        lambda code: PersonalCompetence(citizen_id=citizen_id, code=code),
        actor=actor,
        citizen_id=citizen_id,
    )
    text_row = next((row for row in rows if row.code is None), None)
    changed |= _set_free_text(session, citizen_id, text_row, free_text, actor)
    if changed:
        session.flush()
        _changed(session, citizen_id)
    return changed


def _set_free_text(
    session: Session,
    citizen_id: int,
    row: PersonalCompetence | None,
    free_text: str | None,
    actor: Actor,
) -> bool:
    """The competences in the citizen's own words: add, change or remove the row."""
    if row is not None and not free_text:
        record_deleted(
            session,
            row,
            actor=actor,
            reason="Removed from the CV",
            citizen_id=citizen_id,
        )
        return True
    if row is None and free_text:
        record_created(
            session,
            PersonalCompetence(citizen_id=citizen_id, free_text=free_text),
            actor=actor,
            reason="Added to the CV",
            citizen_id=citizen_id,
        )
        return True
    if row is None:
        return False
    return bool(
        change_fields(
            session,
            row,
            {"free_text": free_text},
            actor=actor,
            reason="Changed in the CV",
            citizen_id=citizen_id,
        )
    )


def set_driving_licences(
    session: Session, citizen_id: int, categories: Iterable[str], *, actor: Actor
) -> bool:
    """Keep exactly these licence categories; True if anything changed."""
    wanted = set(categories)
    unknown = wanted - set(DRIVING_LICENCES)
    if unknown:
        raise LookupError(f"unknown licence categories {sorted(unknown)}")
    have = {
        row.category: row
        for row in session.scalars(
            select(DrivingLicence).where(DrivingLicence.citizen_id == citizen_id)
        )
    }
    changed = _sync_choices(
        session,
        have,
        [category for category in DRIVING_LICENCES if category in wanted],
        lambda category: DrivingLicence(citizen_id=citizen_id, category=category),
        actor=actor,
        citizen_id=citizen_id,
    )
    if changed:
        session.flush()
        _changed(session, citizen_id)
    return changed


# --- visibility ----------------------------------------------------------------------


def set_visibility(
    session: Session,
    citizen_id: int,
    *,
    hide_contact_details: bool,
    searchable: bool | None,
    actor: Actor,
) -> None:
    """Hide or show the contact details; give or withdraw the share-CV consent."""
    save_fields(
        session,
        CvSettings,
        {"citizen_id": citizen_id},
        {"hide_contact_details": hide_contact_details},
        actor=actor,
        reason="Chose who sees the CV",
        citizen_id=citizen_id,
    )
    if searchable is not None and searchable != share_cv_in_force(session, citizen_id):
        change = give_consent if searchable else withdraw_consent
        change(session, citizen_id, ConsentPurpose.SHARE_CV, actor=actor)
    _changed(session, citizen_id)


def _changed(session: Session, citizen_id: int) -> None:
    """After a change: flush, and tell the areas that follow the citizen's profile."""
    session.flush()
    signals.profile_changed.send(session, citizen_id=citizen_id, trigger=TRIGGER)


def _sync_choices(
    session: Session,
    have: dict[str, Any],
    wanted: list[str],
    make_row: Callable[[str], Any],
    *,
    actor: Actor,
    citizen_id: int,
) -> bool:
    """Make the rows (one per code, in `have`) match the codes wanted; True if changed."""
    changed = False
    for code, row in have.items():
        if code not in wanted:
            record_deleted(
                session,
                row,
                actor=actor,
                reason="Removed from the CV",
                citizen_id=citizen_id,
            )
            changed = True
    for code in wanted:
        if code not in have:
            record_created(
                session,
                make_row(code),
                actor=actor,
                reason="Added to the CV",
                citizen_id=citizen_id,
            )
            changed = True
    return changed
