"""Segmentation in words, in ONE place: the reasons (from the person's stored values
and the direction of each feature), the screening answers, and the decision with the
model's estimate beside it. Every page and export that shows an assessment uses these.
"""

from __future__ import annotations

from app.segmentation.wording.decision import (
    chance,
    chance_sentence,
    how_decided,
    one_line,
    override_reason_words,
    queue_reason_words,
    suggestion,
    track_words,
    trigger_words,
)
from app.segmentation.wording.reasons import (
    ReasonText,
    Voice,
    input_lines,
    reason_text,
    reason_texts,
)

__all__ = [
    "ReasonText",
    "Voice",
    "chance",
    "chance_sentence",
    "how_decided",
    "input_lines",
    "one_line",
    "queue_reason_words",
    "override_reason_words",
    "reason_text",
    "reason_texts",
    "suggestion",
    "track_words",
    "trigger_words",
]
