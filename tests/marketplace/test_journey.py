"""The marketplace from application to results: a provider applies and is approved,
publishes an offering after review, a citizen chooses it to and from, the provider
reports completion, and the results appear once enough participants finished."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.audit import Actor
from app.consent.services.consents import consent_in_force
from app.marketplace.services import (
    MarketplaceError,
    NotFound,
    enrolments,
    participants,
    providers,
)
from app.marketplace.services import offerings as offering_services
from app.marketplace.services.offerings import OfferingInput
from app.marketplace.services.results import recompute
from app.models import (
    ChangeRecord,
    ConsentPurpose,
    EnrolmentState,
    Municipality,
    OfferingFormat,
    OfferingKind,
    OfferingState,
    Outcome,
    OutcomeSource,
    Payment,
    ProviderState,
    Role,
)
from tests.marketplace.objects import add_enrolment, add_offering


def _text(page) -> str:
    return " ".join(page.get_text(" ").split())


def _input(**overrides) -> OfferingInput:
    values = {
        "title": "Jobsøgning på nettet",
        "kind": OfferingKind.JOB_SEARCH_TOOL,
        "format": OfferingFormat.ONLINE,
        "municipality_id": None,
        "postcode": None,
        "place": None,
        "duration_weeks": 3,
        "schedule": "Når det passer dig",
        "languages": "da,en",
        "accessibility": None,
        "target_groups": None,
        "capacity": 50,
        "waiting_weeks": 0,
        "payment": Payment.FREE,
        "description": "Øvelser i jobsøgning.",
    }
    values.update(overrides)
    return OfferingInput(**values)


def test_cvr_numbers_are_checked_by_their_check_digit() -> None:
    assert providers.valid_cvr("12345674")
    assert not providers.valid_cvr("12345678")
    assert not providers.valid_cvr("02345674")
    assert not providers.valid_cvr("1234567")


def test_from_application_to_a_finished_participant(
    db, make_admin, make_citizen, make_user, get_page, login, post_form
) -> None:
    admin = Actor.of(make_admin())
    applicant = Actor(None, "applicant", "")
    data = providers.ProviderInput(
        "Kursusværkstedet ApS", "12345674", "k@v.dk", None, "Kurser", "da", "Aarhus"
    )
    provider = providers.apply(db, data, applicant)
    with pytest.raises(MarketplaceError):
        providers.apply(db, data, applicant)  # the same CVR number again
    assert provider in providers.applications(db)
    with pytest.raises(MarketplaceError):
        providers.decide(db, provider.id, ProviderState.APPROVED, " ", admin)
    providers.decide(
        db, provider.id, ProviderState.APPROVED, "Erklæring modtaget", admin
    )
    staff_user = make_user(Role.PROVIDER, None, provider_id=provider.id)
    staff = Actor.of(staff_user)
    offering = offering_services.create(db, provider.id, _input(), staff)
    assert offering.state is OfferingState.DRAFT
    offering_services.submit(db, provider.id, offering.id, staff)
    assert offering in offering_services.review_queue(db)
    offering_services.review(db, offering.id, True, "", admin)
    assert offering.state is OfferingState.PUBLISHED

    citizen = make_citizen()
    login(citizen.user)
    assert "Jobsøgning på nettet" in _text(get_page("/tilbud"))
    response = post_form(f"/tilbud/{offering.id}/vaelg", {})
    assert response.status_code == 302
    enrolment = enrolments.open_enrolment(db, citizen.id, offering.id)
    assert enrolment is not None and enrolment.state is EnrolmentState.ACTIVE

    participants.report(db, provider.id, enrolment.id, 90, True, staff)
    assert enrolment.state is EnrolmentState.FINISHED
    text = _text(get_page("/mine-tilbud"))
    assert "Gennemført" in text and "Skriv en anmeldelse" in text
    assert "sanktion" not in text.lower()
    post_form(
        f"/mine-tilbud/{enrolment.id}/anmeldelse", {"rating": "4", "text": "Godt"}
    )
    assert "1 anmeldelse, gennemsnit 4 af 5" in _text(
        get_page(f"/tilbud/{offering.id}")
    )
    # Every state change and edit is in the change history.
    fields = set(
        db.scalars(
            select(ChangeRecord.field).where(
                ChangeRecord.table_name == "offering",
                ChangeRecord.row_id == offering.id,
            )
        )
    )
    assert {"state", "submitted_at", "published_at", "title"} <= fields
    states = db.scalars(
        select(ChangeRecord.new_value).where(
            ChangeRecord.table_name == "provider", ChangeRecord.field == "state"
        )
    ).all()
    assert states == ["applied", "approved"]


def test_a_changed_published_offering_is_reviewed_again(
    db, make_provider_user, make_admin, get_page, login, make_citizen
) -> None:
    user = make_provider_user()
    staff = Actor.of(user)
    offering = add_offering(db, user.provider_id, title="Kursus i lagerarbejde")
    offering_services.update(
        db,
        user.provider_id,
        offering.id,
        _input(title="Kursus i lager og logistik"),
        staff,
    )
    assert offering.state is OfferingState.SUBMITTED and offering.was_published
    login(make_citizen().user)
    assert "lager" not in _text(get_page("/tilbud")).lower()
    get_page(f"/tilbud/{offering.id}", status=404)


def test_a_request_goes_to_the_citizens_caseworker_who_answers_with_a_reason(
    db, make_provider_user, make_citizen, make_caseworker, get_page, login, post_form
) -> None:
    provider_user = make_provider_user()
    offering = add_offering(
        db,
        provider_user.provider_id,
        title="Personlig jobmentor",
        payment=Payment.JOB_CENTRE,
    )
    citizen = make_citizen(101)
    enrolment = enrolments.choose(db, citizen.id, offering.id, Actor.of(citizen.user))
    assert enrolment.state is EnrolmentState.REQUESTED
    stranger = Actor.of(make_caseworker(751))
    with pytest.raises(NotFound):
        enrolments.decide_request(
            db, stranger_municipality(db, 751), enrolment.id, True, "ok", stranger
        )
    caseworker = make_caseworker(101)
    login(caseworker)
    assert "Personlig jobmentor" in _text(
        get_page(f"/sagsbehandler/borger/{citizen.id}")
    )
    response = post_form(
        f"/sagsbehandler/tilbudsanmodninger/{enrolment.id}",
        {"decision": "decline", "reason": "Vi prøver først et gratis kursus"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith("/sagsbehandler/tilbudsanmodninger")
    db.refresh(enrolment)
    assert enrolment.state is EnrolmentState.DECLINED
    login(citizen.user)
    text = _text(get_page("/mine-tilbud"))
    assert "Din sagsbehandler sagde nej" in text
    assert "Vi prøver først et gratis kursus" in text


def stranger_municipality(db, code: int) -> int:
    return db.scalar(select(Municipality.id).where(Municipality.code == code))


def test_results_appear_only_when_enough_participants_finished(
    db, make_provider_user, make_citizen, get_page, login
) -> None:
    user = make_provider_user()
    rated = add_offering(db, user.provider_id, title="Mange deltagere")
    small = add_offering(db, user.provider_id, title="Få deltagere")
    at = datetime.now(UTC)
    for n in range(30):
        citizen = make_citizen()
        for offering, count in ((rated, 30), (small, 5)):
            if n >= count:
                continue
            enrolment = add_enrolment(
                db,
                offering,
                citizen.id,
                state=EnrolmentState.FINISHED,
                start_support_track=n % 3 == 0,
                start_months_unemployed=n % 12,
                start_age=25 + n,
            )
            for months in (3, 6):
                db.add(
                    Outcome(
                        enrolment_id=enrolment.id,
                        months=months,
                        in_work_or_education=(n % (2 if months == 6 else 3)) == 0,
                        source=OutcomeSource.SYNTHETIC_REGISTER,
                        recorded_at=at,
                    )
                )
    db.flush()
    recompute(db, min_n=20)
    login(make_citizen().user)
    text = _text(get_page(f"/tilbud/{rated.id}"))
    assert "af 30 deltagere" in text and "procentpoint (90 %-interval" in text
    text = _text(get_page(f"/tilbud/{small.id}"))
    assert "for få deltagere til at vise resultater (5 indtil videre)" in text.lower()
    catalogue = _text(get_page("/tilbud"))
    assert catalogue.index("Mange deltagere") < catalogue.index("Få deltagere")


def test_the_providers_csv_is_danish_and_in_words(
    db, make_admin, make_provider_user, client, login
) -> None:
    make_provider_user()
    login(make_admin())
    body = client.get("/administration/udbydere/eksport").get_data()
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Udbyder;CVR-nummer;Status")
    assert ";Godkendt;" in text and "approved" not in text


def test_the_catalogue_filters_and_says_when_nothing_matches(
    db, make_provider_user, make_citizen, get_page, login
) -> None:
    user = make_provider_user()
    add_offering(db, user.provider_id, title="Gratis onlinekursus")
    add_offering(
        db,
        user.provider_id,
        title="Mentor i Aarhus",
        kind=OfferingKind.MENTORING,
        format=OfferingFormat.IN_PERSON,
        payment=Payment.JOB_CENTRE,
        postcode="8000",
    )
    login(make_citizen().user)
    text = _text(get_page("/tilbud?free=y"))
    assert "Gratis onlinekursus" in text and "Mentor i Aarhus" not in text
    text = _text(get_page("/tilbud?kind=mentoring"))
    assert "Mentor i Aarhus" in text and "Gratis onlinekursus" not in text
    text = _text(get_page("/tilbud?distance=25"))  # the citizen lives in 2200
    assert "Gratis onlinekursus" in text and "Mentor i Aarhus" not in text
    text = _text(get_page("/tilbud?order=distance"))
    assert text.index("Gratis onlinekursus") < text.index("Mentor i Aarhus")
    assert "km fra dit hjem" in text
    text = _text(get_page("/tilbud?q=zzzz&kind=nonsense"))
    assert "Ingen tilbud passer til din søgning." in text


def test_choosing_can_share_details_and_a_hidden_review_disappears(
    db, make_provider_user, make_citizen, make_admin, get_page, login, post_form
) -> None:
    user = make_provider_user()
    offering = add_offering(db, user.provider_id, title="Kursus med deling")
    citizen = make_citizen()
    login(citizen.user)
    post_form(f"/tilbud/{offering.id}/vaelg", {"share": "y"})
    assert consent_in_force(
        db, citizen.id, ConsentPurpose.SHARE_WITH_PROVIDER, user.provider_id
    )
    enrolment = enrolments.open_enrolment(db, citizen.id, offering.id)
    post_form(f"/mine-tilbud/{enrolment.id}/fravaelg", {"reason": ""})
    db.refresh(enrolment)
    assert enrolment.state is EnrolmentState.LEFT and enrolment.reason is None
    post_form(f"/mine-tilbud/{enrolment.id}/anmeldelse", {"rating": "1", "text": "Uf"})
    again = post_form(
        f"/mine-tilbud/{enrolment.id}/anmeldelse", {"rating": "5", "text": "Igen"}
    )
    assert again.status_code == 302  # refused: one review per enrolment
    page = get_page(f"/tilbud/{offering.id}")
    assert "1 anmeldelse" in _text(page)
    review_id = int(page.select_one("a[href*='/anmeld']")["href"].split("/")[-2])
    post_form(f"/tilbud/anmeldelser/{review_id}/anmeld", {"reason": "Uvenlig"})
    login(make_admin())
    assert "Uvenlig" in _text(get_page("/administration/udbydere"))
    post_form(
        f"/administration/anmeldelser/{review_id}",
        {"decision": "hide", "reason": "Bryder reglerne"},
    )
    login(citizen.user)
    assert "Ingen anmeldelser endnu" in _text(get_page(f"/tilbud/{offering.id}"))
