"""Decision support on the case view, on Din vej, the model card and the rates:
ranked suggestions in words, the agreement recorded with a reason and audited, and no
estimate at all for a citizen who objects to profiling."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app.advisor import model_store, services
from app.models import (
    ChangeRecord,
    CitizenTargetGroup,
    InterventionDecision,
    OfferingKind,
    ProfilingObjection,
    TargetGroup,
)
from tests.factories import caseworker_id
from tests.marketplace.objects import add_enrolment, add_offering


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


@pytest.fixture
def held(db, caseworker, make_citizen, make_case):
    citizen = make_citizen(first_name="Ali", last_name="Hassan")
    make_case(citizen, claimed_by=caseworker)
    return citizen


def _group(db, citizen, caseworker, group=TargetGroup.JOB_READY, absence=None):
    db.add(
        CitizenTargetGroup(
            citizen_id=citizen.id,
            group=group,
            expected_absence_weeks=absence,
            set_by_id=caseworker_id(db, caseworker),
            set_at=datetime.now(UTC),
        )
    )
    db.flush()


def test_caseworker_sees_ranked_suggestions_in_words(
    db, get_page, caseworker, held, effect_tables
):
    _group(db, held, caseworker)
    soup = get_page(f"/sagsbehandler/borger/{held.id}")
    panel = soup.find("section", class_="advice-panel")
    text = _text(panel)
    assert "Det kan hjælpe" in text
    options = [_text(li.find("h3")) for li in panel.select("li.advice-option")]
    # Ranked by estimated weeks saved; sickness follow-up is not for the job-ready.
    assert options[0].startswith("Virksomhedspraktik")
    assert "forslag" in options[0]
    assert not any("Opfølgning på sygedagpenge" in o for o in options)
    assert (
        "Cirka 3 uger hurtigere i job eller uddannelse, usikkerhed 1,4 til 5,1 uger hurtigere"
        in text
    )
    assert "120 personer i denne gruppe" in text
    assert "Ingen dansk evidensvurdering indtastet" in text
    assert "Ingen klar bedste mulighed" not in text


def test_overlapping_intervals_say_no_clear_best(
    db, get_page, caseworker, held, effect_tables
):
    _group(db, held, caseworker, TargetGroup.SICK_LISTED, 12)
    text = _text(
        get_page(f"/sagsbehandler/borger/{held.id}").find(
            "section", class_="advice-panel"
        )
    )
    assert "Ingen klar bedste mulighed" in text
    assert "(forslag)" not in text


def test_choosing_another_than_the_suggestion_needs_a_reason_and_is_audited(
    db, client, post_form, caseworker, held, effect_tables
):
    _group(db, held, caseworker)
    url = f"/sagsbehandler/borger/{held.id}/indsats"
    response = post_form(url, {"agreed": "mentor"})
    assert response.status_code == 400
    assert "Vælg hvorfor" in response.get_data(as_text=True)
    assert db.scalars(select(InterventionDecision)).first() is None

    response = post_form(
        url,
        {
            "agreed": "mentor",
            "decision_reason": "citizen_choice",
            "decision_note": "Ønsker mentor først",
        },
    )
    assert response.status_code == 302
    decision = db.scalars(select(InterventionDecision)).one()
    assert decision.suggested == "company_internship"
    assert decision.agreed == "mentor"
    assert not decision.follows_suggestion
    assert decision.reason_code.value == "citizen_choice"
    assert decision.tables_version == "dr2-test0001"
    audited = db.scalars(
        select(ChangeRecord).where(
            ChangeRecord.table_name == "intervention_decision",
            ChangeRecord.row_id == decision.id,
        )
    ).all()
    assert {r.field for r in audited} >= {"agreed", "reason_code", "note"}

    response = post_form(url, {"agreed": "company_internship"})
    assert response.status_code == 302
    latest = db.scalars(
        select(InterventionDecision).order_by(InterventionDecision.id.desc())
    ).first()
    assert latest.follows_suggestion and latest.reason_code is None


def test_only_the_caseworker_holding_the_case_records(
    db, post_form, caseworker, make_citizen, make_case, make_caseworker, effect_tables
):
    citizen = make_citizen()
    make_case(citizen, claimed_by=make_caseworker(101, email="anden@kk.dk"))
    _group(db, citizen, caseworker)
    response = post_form(
        f"/sagsbehandler/borger/{citizen.id}/indsats", {"agreed": "company_internship"}
    )
    assert response.status_code == 302
    assert db.scalars(select(InterventionDecision)).first() is None


def test_target_group_is_set_and_sick_listed_needs_the_absence(
    db, post_form, caseworker, held
):
    url = f"/sagsbehandler/borger/{held.id}/maalgruppe"
    response = post_form(url, {"group": "sick_listed"})
    assert response.status_code == 400
    assert "forventede fravær" in response.get_data(as_text=True)
    assert (
        post_form(
            url, {"group": "sick_listed", "expected_absence_weeks": "8"}
        ).status_code
        == 302
    )
    row = db.scalars(select(CitizenTargetGroup)).one()
    assert row.group is TargetGroup.SICK_LISTED and row.expected_absence_weeks == 8
    assert (
        post_form(
            url, {"group": "job_ready", "expected_absence_weeks": "8"}
        ).status_code
        == 302
    )
    db.refresh(row)
    assert row.group is TargetGroup.JOB_READY and row.expected_absence_weeks is None


def test_an_objecting_citizen_gets_no_estimate(
    db, caseworker, held, effect_tables, monkeypatch, get_page
):
    _group(db, held, caseworker)
    db.add(ProfilingObjection(citizen_id=held.id, objected_at=datetime.now(UTC)))
    db.flush()

    def refuse(*args, **kwargs):
        raise AssertionError("an estimate was computed for an objecting citizen")

    monkeypatch.setattr(model_store, "load_tables", refuse)
    monkeypatch.setattr(services, "effect_profile", refuse)
    result = services.suggestions_for(db, held.id, date.today())
    assert result.state is services.State.OBJECTED and not result.options
    text = _text(
        get_page(f"/sagsbehandler/borger/{held.id}").find(
            "section", class_="advice-panel"
        )
    )
    assert "gør indsigelse mod profilering" in text


def test_citizen_sees_suggestions_why_how_sure_and_that_they_choose(
    db, client, login, make_citizen, make_case, make_caseworker, effect_tables, get_page
):
    citizen = make_citizen()
    worker = make_caseworker(101, email="cw@kk.dk")
    make_case(citizen, claimed_by=worker)
    _group(db, citizen, worker)
    login(citizen.user)
    text = _text(get_page("/din-vej"))
    assert "Indsatser der kan hjælpe dig" in text
    assert "Virksomhedspraktik" in text
    assert "Du vælger" in text
    assert "Gør indsigelse mod profilering" in text


def test_model_card_and_admin_rates(
    db, client, login, make_admin, get_page, effect_tables
):
    text = _text(get_page("/algoritmer/indsatser"))
    assert "Gruppe 2" in text and "Sygemeldt" in text
    assert "Køn" in text
    login(make_admin(101))
    text = _text(get_page("/administration/indsatsforslag"))
    assert "Der er endnu ikke registreret nogen aftaler" in text


def test_suggestions_point_to_marketplace_services_with_a_free_place(
    db,
    client,
    login,
    make_citizen,
    make_case,
    make_caseworker,
    make_provider,
    effect_tables,
    get_page,
):
    citizen = make_citizen()
    worker = make_caseworker(101, email="cw@kk.dk")
    make_case(citizen, claimed_by=worker)
    _group(db, citizen, worker)
    provider = make_provider()
    full = add_offering(db, provider.id, kind=OfferingKind.MENTORING, capacity=1)
    add_enrolment(db, full, make_citizen(first_name="Anden").id)
    add_offering(db, provider.id, kind=OfferingKind.MENTORING, capacity=5)
    login(citizen.user)
    mentor = next(
        li
        for li in get_page("/din-vej").select("li.advice-option")
        if _text(li.find("h3")).startswith("Mentor")
    )
    link = mentor.find("a", href=re.compile(r"^/tilbud\?kind=mentoring$"))
    assert link is not None
    assert (
        _text(link) == "1 tilbud af denne slags på markedspladsen har en ledig plads."
    )
    # The caseworker reads the same count (the catalogue is the citizen's own page).
    login(worker)
    panel = get_page(f"/sagsbehandler/borger/{citizen.id}").find(
        "section", class_="advice-panel"
    )
    assert "1 tilbud af denne slags på markedspladsen har en ledig plads." in _text(
        panel
    )
    assert panel.find("a", href=re.compile(r"^/tilbud")) is None
