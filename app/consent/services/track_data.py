"""The citizen's track in "Mine data" and in the exports, in words: the decision as the
decision, the model's estimate beside it only as what was suggested, the reasons and
the data used as sentences. All the words come from app.segmentation.wording, as on
"Din vej"."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.consent.registry import PersonalField, entry_for
from app.i18n import current_lang, format_day
from app.labels import TRACK_LABELS, label_of
from app.models import TrackOverride
from app.segmentation import wording
from app.segmentation.track import Decision, decision_history

CITIZEN = wording.Voice.CITIZEN
# Tables whose rows are shown through this module rather than column by column.
TABLES = frozenset({"assessment", "track_override"})

# (registry entry, label, value, when, row id): one line of "Mine data".
Item = tuple[PersonalField, Any, str, datetime | None, int | None]


def _decided(decision: Decision, lang: str) -> str:
    said = wording.how_decided(decision, CITIZEN, lang)
    if decision.override is not None and decision.override.note:
        said += " " + _("The caseworker wrote: “%(note)s”", note=decision.override.note)
    return said


def _estimate(decision: Decision) -> str | None:
    """The model's estimate: beside a caseworker's decision only as a suggestion."""
    if decision.by_caseworker:
        return wording.suggestion(decision, CITIZEN)
    if decision.probability is None:
        return None
    return wording.chance_sentence(decision.probability, CITIZEN)


def _reasons(decision: Decision) -> list[wording.ReasonText]:
    source = decision.estimate
    if source is None:
        return []
    return wording.reason_texts(source.reasons, source.inputs, CITIZEN)


def numbered(texts: list[str]) -> str:
    """Sentences as one numbered paragraph: "(1) ... (2) ..."."""
    return " ".join(f"({number}) {text}" for number, text in enumerate(texts, 1))


def track_items(session: Session, citizen_id: int, lang: str) -> list[Item]:
    """The current decision and what it rests on, then each earlier assessment."""
    history = decision_history(session, citizen_id)
    current = next((d for d in history if d.current), None)
    items: list[Item] = []
    if current is not None:
        items.extend(_current_items(current, lang))
    for decision in history:
        if decision is not current:
            items.append(
                (
                    entry_for("assessment", "computed_at"),
                    _l("Earlier assessment"),
                    _earlier(decision, lang),
                    decision.at,
                    decision.assessment_id,
                )
            )
    return items


def _current_items(d: Decision, lang: str) -> Iterator[Item]:
    override = d.override

    def item(table: str, column: str, label: Any, value: str | None) -> Item | None:
        if not value:
            return None
        entry = entry_for(table, column)
        row = override.id if override and table == "track_override" else d.assessment_id
        return (entry, label or entry.label, value, d.at, row)

    source = d.estimate
    decided_in = "track_override" if override else "assessment"
    found = (
        item(
            decided_in,
            "to_track" if override else "track",
            entry_for("assessment", "track").label,
            str(label_of(TRACK_LABELS, d.track)),
        ),
        item(
            decided_in,
            "reason_code" if override else "route_reason",
            _l("How your track was decided"),
            wording.how_decided(d, CITIZEN, lang),
        ),
        item("track_override", "note", None, override.note if override else None),
        item(
            "assessment",
            "probability",
            _l("What was suggested before the caseworker decided")
            if d.by_caseworker
            else None,
            _estimate(d),
        ),
        item(
            "assessment",
            "reasons",
            _l(
                "What counted most in the model's estimate, compared with the average jobseeker"
            ),
            numbered([f"{r.fact} {r.short_pull}" for r in _reasons(d)]),
        ),
        item(
            "assessment",
            "inputs",
            None,
            "; ".join(wording.input_lines(source.inputs)) if source else None,
        ),
        item(
            "assessment",
            "model_version",
            None,
            source.model_version if source else None,
        ),
        item("assessment", "trigger", None, wording.trigger_words(d.trigger)),
        item(
            "assessment",
            "next_review_on",
            None,
            format_day(d.next_review_on, lang) if d.next_review_on else None,
        ),
    )
    return (i for i in found if i is not None)


def _earlier(decision: Decision, lang: str) -> str:
    line = wording.one_line(decision, lang)
    if decision.override is not None and decision.override.note:
        line += " " + _("The caseworker wrote: “%(note)s”", note=decision.override.note)
    return line


# --- the exports -----------------------------------------------------------------------


def export_words(
    session: Session, citizen_id: int, table: str, lang: str | None = None
) -> list[dict[str, Any]] | None:
    """Words for each exported row of an assessment table, in the rows' order (by id);
    None for any other table."""
    if table not in TABLES:
        return None
    lang = lang or current_lang()
    if table == "track_override":
        return [
            {
                "from_track": str(label_of(TRACK_LABELS, o.from_track)),
                "to_track": str(label_of(TRACK_LABELS, o.to_track)),
                "reason_code": wording.override_reason_words(o.reason_code, CITIZEN),
            }
            for o in session.scalars(
                select(TrackOverride)
                .where(TrackOverride.citizen_id == citizen_id)
                .order_by(TrackOverride.id)
            )
        ]
    history = sorted(
        decision_history(session, citizen_id), key=lambda d: d.assessment_id
    )
    return [_row_words(d, lang) for d in history]


def _row_words(d: Decision, lang: str) -> dict[str, Any]:
    source = d.estimate
    words: dict[str, Any] = {
        "track": str(label_of(TRACK_LABELS, d.track)),
        "route_reason": _decided(d, lang),
        "probability": _estimate(d),
        "reasons": [r.text for r in _reasons(d)],
        "inputs": wording.input_lines(source.inputs) if source else [],
        "trigger": wording.trigger_words(d.trigger),
    }
    return {k: v for k, v in words.items() if v is not None}


def in_words(words: dict[str, Any] | None, column: str) -> str | None:
    """One column's words as one text (a list reads as its sentences in a row; an
    empty one as a dash, so the stored value is never shown instead)."""
    if not words or column not in words:
        return None
    value = words[column]
    if isinstance(value, list):
        return numbered(value) if value else "—"
    return str(value)


def stored_words(column: str, value: Any) -> str:
    """An assessment's reasons, inputs or trigger in words, as stored or as the change
    history kept them (as text); never the stored structure or code itself."""
    if column == "trigger":
        return wording.trigger_words(str(value)) if value else "—"
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)  # literals only: lists, dicts, numbers
        except (ValueError, SyntaxError):
            return "—"
    if column == "reasons" and isinstance(value, list):
        texts = [r.text for r in wording.reason_texts(value, {}, CITIZEN)]
    elif column == "inputs" and isinstance(value, dict):
        texts = wording.input_lines(value)
    else:
        texts = []
    return numbered(texts) if texts else "—"
