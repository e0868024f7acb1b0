"""The named signals: who sends them, who listens, and that they run in the sender's
transaction."""

from __future__ import annotations

from typing import Any

from flask import Flask

from app import signals
from app.audit import SYSTEM
from app.consent.services.consents import (
    give_consent,
    object_to_profiling,
    withdraw_consent,
    withdraw_objection,
)
from app.models import (
    Assessment,
    ChangeRecord,
    Channel,
    ConsentPurpose,
    RouteReason,
    Track,
)
from app.onboarding.services import save_contact_preferences


def _receiver_modules(signal: Any) -> set[str]:
    """The modules of the receivers a signal sent by anyone reaches."""
    return {receiver.__module__ for receiver in signal.receivers_for(object())}


def test_segmentation_listens_to_profile_and_objection_changes(app: Flask) -> None:
    assert "app.segmentation" in _receiver_modules(signals.profile_changed)
    assert "app.segmentation" in _receiver_modules(signals.objection_changed)


def test_kept_pages_listen_to_logged_reads_and_bulk_writes(app: Flask) -> None:
    assert "app.page_cache" in _receiver_modules(signals.access_logged)
    assert "app.page_cache.versions" in _receiver_modules(signals.bulk_written)


def test_an_objection_reaches_segmentation_in_the_same_transaction(
    db, app: Flask, make_citizen
) -> None:
    citizen = make_citizen()
    with app.app_context():
        object_to_profiling(db, citizen.id, actor=SYSTEM, reason="Jeg vil tale med en")
    current = db.query(Assessment).filter_by(citizen_id=citizen.id, current=True).one()
    assert (current.track, current.route_reason) == (
        Track.SUPPORT,
        RouteReason.OBJECTED,
    )
    assert current.probability is None, "an objecting citizen is never scored"
    sent = []
    with signals.objection_changed.connected_to(
        lambda _session, **data: sent.append(data["citizen_id"])
    ):
        withdraw_objection(db, citizen.id, actor=SYSTEM)
    assert sent == [citizen.id]


def test_giving_and_withdrawing_a_consent_is_announced(db, make_citizen) -> None:
    citizen = make_citizen()
    sent = []

    def record(_session: Any, **data: Any) -> None:
        sent.append((data["citizen_id"], data["purpose"], data["given"]))

    with signals.consent_changed.connected_to(record):
        give_consent(db, citizen.id, ConsentPurpose.SHARE_CV, actor=SYSTEM)
        withdraw_consent(db, citizen.id, ConsentPurpose.SHARE_CV, actor=SYSTEM)
    assert sent == [
        (citizen.id, ConsentPurpose.SHARE_CV, True),
        (citizen.id, ConsentPurpose.SHARE_CV, False),
    ]


def test_the_queue_follows_the_contact_language_at_once(
    db, app: Flask, make_citizen, make_case
) -> None:
    """The case keeps a copy of the contact language for the queue; it changes with it."""
    assert "app.segmentation" in _receiver_modules(signals.contact_changed)
    citizen = make_citizen()
    case = make_case(citizen)
    with app.app_context():
        save_contact_preferences(
            db,
            citizen.id,
            channel=Channel.PHONE,
            language="ar",
            interpreter=True,
            actor=SYSTEM,
        )
    assert case.language == "ar"
    change = db.query(ChangeRecord).filter_by(table_name="case_file").one()
    assert (change.field, change.old_value, change.new_value) == (
        "language",
        "da",
        "ar",
    )
