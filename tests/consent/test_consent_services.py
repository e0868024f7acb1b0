"""Consent and objection rules: the newest decision is in force, never cached."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.audit import Actor
from app.consent.services.consents import (
    ConsentError,
    consent_in_force,
    give_consent,
    object_to_profiling,
    objection_in_force,
    provider_may_see,
    withdraw_consent,
    withdraw_objection,
)
from app.models import ChangeRecord, ConsentEvent, ConsentPurpose, ProviderState


def _actor(citizen) -> Actor:
    return Actor(user_id=citizen.user_id, role="citizen", organisation="")


def test_the_newest_decision_is_in_force(db, make_citizen):
    citizen = make_citizen()
    actor = _actor(citizen)
    assert not consent_in_force(db, citizen.id, ConsentPurpose.SHARE_CV)
    first = give_consent(db, citizen.id, ConsentPurpose.SHARE_CV, actor=actor)
    assert consent_in_force(db, citizen.id, ConsentPurpose.SHARE_CV)
    second = withdraw_consent(db, citizen.id, ConsentPurpose.SHARE_CV, actor=actor)
    assert not consent_in_force(db, citizen.id, ConsentPurpose.SHARE_CV)
    assert first.receipt_code != second.receipt_code
    events = db.scalars(
        select(ConsentEvent).where(ConsentEvent.citizen_id == citizen.id)
    ).all()
    assert [e.given for e in events] == [True, False]
    recorded = db.scalars(
        select(ChangeRecord).where(
            ChangeRecord.table_name == "consent_event", ChangeRecord.field == "given"
        )
    ).all()
    assert {r.row_id for r in recorded} == {first.id, second.id}


def test_a_provider_sees_nothing_without_the_citizens_consent_to_it(
    db, make_citizen, make_provider
):
    citizen = make_citizen()
    chosen, other = make_provider(), make_provider()
    assert not provider_may_see(db, chosen.id, citizen.id)
    give_consent(
        db,
        citizen.id,
        ConsentPurpose.SHARE_WITH_PROVIDER,
        actor=_actor(citizen),
        provider_id=chosen.id,
    )
    assert provider_may_see(db, chosen.id, citizen.id)
    assert not provider_may_see(db, other.id, citizen.id)
    withdraw_consent(
        db,
        citizen.id,
        ConsentPurpose.SHARE_WITH_PROVIDER,
        actor=_actor(citizen),
        provider_id=chosen.id,
    )
    assert not provider_may_see(db, chosen.id, citizen.id)


def test_sharing_with_a_provider_needs_an_approved_provider(
    db, make_citizen, make_provider
):
    citizen = make_citizen()
    unapproved = make_provider(state=ProviderState.APPLIED)
    with pytest.raises(ConsentError):
        give_consent(
            db, citizen.id, ConsentPurpose.SHARE_WITH_PROVIDER, actor=_actor(citizen)
        )
    with pytest.raises(ConsentError):
        give_consent(
            db,
            citizen.id,
            ConsentPurpose.SHARE_WITH_PROVIDER,
            actor=_actor(citizen),
            provider_id=unapproved.id,
        )
    with pytest.raises(ConsentError):
        give_consent(
            db,
            citizen.id,
            ConsentPurpose.SHARE_CV,
            actor=_actor(citizen),
            provider_id=unapproved.id,
        )


def test_objection_can_be_made_withdrawn_and_made_again(db, make_citizen):
    citizen = make_citizen()
    actor = _actor(citizen)
    assert not objection_in_force(db, citizen.id)
    object_to_profiling(
        db, citizen.id, actor=actor, reason="Jeg vil tale med en person"
    )
    assert objection_in_force(db, citizen.id)
    withdraw_objection(db, citizen.id, actor=actor)
    assert not objection_in_force(db, citizen.id)
    object_to_profiling(db, citizen.id, actor=actor)
    assert objection_in_force(db, citizen.id)
    history = db.scalars(
        select(ChangeRecord.field).where(
            ChangeRecord.table_name == "profiling_objection"
        )
    ).all()
    assert history.count("withdrawn_at") == 2


def test_consenting_citizens_in_bulk_follow_the_newest_decision(db, make_citizen):
    from app.consent.services.consents import citizens_consenting

    yes, no, withdrawn = make_citizen(), make_citizen(), make_citizen()
    give_consent(db, yes.id, ConsentPurpose.MODEL_TRAINING, actor=_actor(yes))
    give_consent(db, no.id, ConsentPurpose.SHARE_CV, actor=_actor(no))
    give_consent(
        db, withdrawn.id, ConsentPurpose.MODEL_TRAINING, actor=_actor(withdrawn)
    )
    withdraw_consent(
        db, withdrawn.id, ConsentPurpose.MODEL_TRAINING, actor=_actor(withdrawn)
    )
    found = citizens_consenting(db, ConsentPurpose.MODEL_TRAINING)
    assert yes.id in found and no.id not in found and withdrawn.id not in found
    assert (
        citizens_consenting(db, ConsentPurpose.MODEL_TRAINING, [no.id, withdrawn.id])
        == set()
    )
