"""A provider sees only its own participants, their details only with consent (read
fresh), every such read logged for the citizen to see; a suspended provider sees
nothing."""

from __future__ import annotations

from sqlalchemy import select

from app.audit import Actor
from app.consent.services.consents import give_consent, withdraw_consent
from app.models import AccessLog, ConsentPurpose, ProviderState
from tests.marketplace.objects import add_enrolment, add_offering


def _text(page) -> str:
    return " ".join(page.get_text(" ").split())


def test_details_only_with_consent_and_each_read_is_logged(
    db, make_provider_user, make_citizen, get_page, login
) -> None:
    user = make_provider_user()
    offering = add_offering(db, user.provider_id, title="Mentorforløb")
    sharing = make_citizen(first_name="Aisha", last_name="Jensen", email="a@x.dk")
    private = make_citizen(first_name="Bo", last_name="Holm")
    for citizen in (sharing, private):
        add_enrolment(db, offering, citizen.id)
    actor = Actor(sharing.user_id, "citizen", "")
    share = ConsentPurpose.SHARE_WITH_PROVIDER
    give_consent(db, sharing.id, share, actor=actor, provider_id=user.provider_id)
    login(user)
    text = _text(get_page("/udbyder/deltagere"))
    assert "Aisha Jensen" in text and "Holm" not in text
    assert "har ikke givet samtykke" in text
    reads = db.scalars(
        select(AccessLog).where(AccessLog.actor_user_id == user.id)
    ).all()
    assert [read.citizen_id for read in reads] == [sharing.id]
    # The citizen sees the read under "Hvem har set mine data".
    login(sharing.user)
    assert user.provider.name in _text(get_page("/mine-data/hvem-har-set"))
    # Withdrawn: gone from the very next page.
    withdraw_consent(db, sharing.id, share, actor=actor, provider_id=user.provider_id)
    login(user)
    assert "Aisha" not in _text(get_page("/udbyder/deltagere"))


def test_another_providers_participant_and_offering_are_not_found(
    db, make_provider_user, make_citizen, get_page, login
) -> None:
    mine, theirs = make_provider_user(), make_provider_user()
    their_offering = add_offering(db, theirs.provider_id, title="Deres kursus")
    enrolment = add_enrolment(db, their_offering, make_citizen().id)
    login(mine)
    get_page(f"/udbyder/deltagere/{enrolment.id}", status=404)
    get_page(f"/udbyder/tilbud/{their_offering.id}/ret", status=404)
    assert "Deres kursus" not in _text(get_page("/udbyder"))


def test_a_suspended_provider_sees_nothing(
    db, make_provider_user, make_citizen, get_page, login
) -> None:
    user = make_provider_user()
    offering = add_offering(db, user.provider_id, title="Vores kursus")
    citizen = make_citizen(first_name="Aisha")
    enrolment = add_enrolment(db, offering, citizen.id)
    give_consent(
        db,
        citizen.id,
        ConsentPurpose.SHARE_WITH_PROVIDER,
        actor=Actor(citizen.user_id, "citizen", ""),
        provider_id=user.provider_id,
    )
    user.provider.state = ProviderState.SUSPENDED
    user.provider.state_reason = "Manglende indberetning"
    db.flush()
    login(user)
    text = _text(get_page("/udbyder"))
    assert "Suspenderet" in text and "Manglende indberetning" in text
    assert "Vores kursus" not in text
    get_page("/udbyder/deltagere", status=404)
    get_page(f"/udbyder/deltagere/{enrolment.id}", status=404)
    get_page("/udbyder/tilbud/nyt", status=404)
    # and citizens no longer find its offerings
    login(citizen.user)
    assert "Vores kursus" not in _text(get_page("/tilbud"))
    assert not db.scalars(
        select(AccessLog).where(AccessLog.actor_user_id == user.id)
    ).all()
