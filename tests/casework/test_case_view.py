"""The case view: scoping, exactly one access-log row per opening, notes, the plan,
the override with its reason, and closing."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.models import (
    AccessLog,
    AccessPurpose,
    Assessment,
    Case,
    CaseNote,
    CaseStatus,
    ChangeRecord,
    PlanItem,
    PlanKind,
    PlanStatus,
    RouteReason,
    ScreeningAnswers,
    Track,
    TrackOverride,
)
from app.models.profile import (
    Confidence,
    ExpectedTime,
    LanguageLevel,
    Limits,
    SupportWish,
    Transport,
)
from tests.casework.test_queue import make_caseworker_in
from tests.factories import caseworker_id


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def _access_rows(db, citizen_id: int) -> int:
    return db.scalar(select(func.count()).where(AccessLog.citizen_id == citizen_id))


@pytest.fixture
def held(caseworker, make_citizen, make_case):
    """A Copenhagen citizen whose case the logged-in caseworker holds."""
    citizen = make_citizen(
        first_name="Ali", last_name="Hassan", phone="+45 00 11 22 33"
    )
    make_case(citizen, claimed_by=caseworker)
    return citizen


def test_case_view_shows_the_citizen_and_logs_one_read(
    db, get_page, caseworker, held, make_citizen
):
    db.add(
        ScreeningAnswers(
            citizen_id=held.id,
            answered_at=datetime.now(UTC),
            expected_time_to_job=ExpectedTime.LONGER,
            health_limits=Limits.SOME,
            danish_level=LanguageLevel.GOOD,
            english_level=LanguageLevel.BASIC,
            childcare_limits=Limits.NONE,
            transport=Transport.PUBLIC,
            it_confidence=Confidence.LOW,
            search_confidence=Confidence.SOME,
            wants_support=SupportWish.YES,
            needs_in_own_words="Jeg vil gerne have hjælp til mit CV",
        )
    )
    db.flush()
    before = _access_rows(db, held.id)
    soup = get_page(f"/sagsbehandler/borger/{held.id}")
    assert _access_rows(db, held.id) == before + 1
    entry = db.scalars(select(AccessLog).where(AccessLog.citizen_id == held.id)).all()[
        -1
    ]
    assert entry.actor_user_id == caseworker.id
    assert entry.purpose is AccessPurpose.CASE_WORK
    text = _text(soup)
    assert soup.h1.get_text(strip=True) == "Ali Hassan"
    assert "+45 00 11 22 33" in text
    assert "Støtte fra en sagsbehandler" in text
    assert "Efter modellens skøn er cirka 62 af 100 jobsøgende" in text
    assert "Et skøn fra modellen" in text
    assert "segmentation-test-1" in text
    assert "Tid som ledig i denne periode: 40 uger (hæver skønnet)" in text
    assert "Forventer job inden for Længere" in text
    assert "Jeg vil gerne have hjælp til mit CV" in text
    assert "Du har sagen" in text


def test_another_municipality_gets_404_and_no_log(
    db, get_page, caseworker, make_citizen, make_case
):
    other = make_citizen(751)
    make_case(other)
    get_page(f"/sagsbehandler/borger/{other.id}", status=404)
    get_page("/sagsbehandler/borger/999999999", status=404)
    assert _access_rows(db, other.id) == 0


def test_reading_without_the_claim_shows_no_actions(
    db, get_page, caseworker, make_citizen, make_case
):
    colleague = make_caseworker_in(db, caseworker)
    citizen = make_citizen()
    make_case(citizen, claimed_by=colleague)
    soup = get_page(f"/sagsbehandler/borger/{citizen.id}")
    assert "Kollega Jensen har sagen" in _text(soup)
    assert soup.select_one("textarea") is None


def test_add_note(db, post_form, get_page, held, caseworker):
    response = post_form(
        f"/sagsbehandler/borger/{held.id}/notat", {"note": "  Samtale holdt.  "}
    )
    assert response.status_code == 302
    note = db.scalars(select(CaseNote).where(CaseNote.citizen_id == held.id)).one()
    assert note.text == "Samtale holdt."
    assert note.caseworker_id == caseworker_id(db, caseworker)
    assert db.scalar(
        select(func.count()).where(
            ChangeRecord.table_name == "case_note", ChangeRecord.row_id == note.id
        )
    )
    assert "Samtale holdt." in _text(get_page(f"/sagsbehandler/borger/{held.id}"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Skriv notatet."),
        ("x" * 2001, "Brug højst 2000 tegn."),
        ("Hej\x00med dig", "Fjern de særlige"),
        ("Omvendt \u202e tekst", "Fjern de særlige"),
    ],
)
def test_bad_note_saves_nothing(db, client, post_form, held, text, message):
    response = post_form(f"/sagsbehandler/borger/{held.id}/notat", {"note": text})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert 'href="#note"' in html  # the error summary links to the field
    assert db.scalar(select(func.count()).where(CaseNote.citizen_id == held.id)) == 0


def test_note_without_csrf_is_refused(db, client, held):
    response = client.post(f"/sagsbehandler/borger/{held.id}/notat", data={"note": "x"})
    assert response.status_code == 400
    assert db.scalar(select(func.count()).where(CaseNote.citizen_id == held.id)) == 0


def test_acting_needs_the_claim(db, post_form, caseworker, make_citizen, make_case):
    citizen = make_citizen()
    made = make_case(citizen)  # waiting, not claimed
    response = post_form(
        f"/sagsbehandler/borger/{citizen.id}/notat",
        {"note": "Hej"},
        follow_redirects=True,
    )
    assert "Tag sagen, før du handler på den." in response.get_data(as_text=True)
    post_form(
        f"/sagsbehandler/borger/{citizen.id}/plan", {"kind": "goal", "text": "Job"}
    )
    post_form(
        f"/sagsbehandler/borger/{citizen.id}/skift-spor",
        {"to_track": "self_service", "reason_code": "citizen_wish", "note": "Ønske"},
    )
    assert db.scalar(select(func.count()).where(CaseNote.citizen_id == citizen.id)) == 0
    assert db.scalar(select(func.count()).where(PlanItem.citizen_id == citizen.id)) == 0
    assert (
        db.scalar(select(func.count()).where(TrackOverride.citizen_id == citizen.id))
        == 0
    )
    db.refresh(made)
    assert made.status is CaseStatus.QUEUED


def test_plan_agreed_with_the_citizen(db, post_form, get_page, held):
    due = (date.today() + timedelta(days=30)).strftime("%d.%m.%Y")
    response = post_form(
        f"/sagsbehandler/borger/{held.id}/plan",
        {"kind": "activity", "text": "Søg 5 job i lager", "due_on": due},
    )
    assert response.status_code == 302
    item = db.scalars(select(PlanItem).where(PlanItem.citizen_id == held.id)).one()
    assert item.author_role == "caseworker" and item.agreed_at is not None
    assert item.due_on == date.today() + timedelta(days=30)
    own = PlanItem(
        citizen_id=held.id,
        kind=PlanKind.GOAL,
        text="Blive truckfører",
        status=PlanStatus.OPEN,
        author_role="citizen",
        created_at=datetime.now(UTC),
    )
    db.add(own)
    db.flush()
    soup = get_page(f"/sagsbehandler/borger/{held.id}")
    assert "ikke aftalt endnu" in _text(soup)
    response = post_form(f"/sagsbehandler/borger/{held.id}/plan/{own.id}/aftalt")
    assert response.status_code == 302
    db.refresh(own)
    assert own.agreed_at is not None
    # Agreeing twice, or someone else's item, is not possible.
    again = post_form(f"/sagsbehandler/borger/{held.id}/plan/{own.id}/aftalt")
    assert again.status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "goal", "text": ""}, "Skriv, hvad der er aftalt."),
        ({"kind": "nonsense", "text": "x"}, "Vælg mål eller aktivitet."),
        ({"kind": "goal", "text": "x", "due_on": "31.02.2027"}, "dd.mm.åååå"),
        ({"kind": "goal", "text": "x", "due_on": "01.01.2099"}, "højst to år frem"),
    ],
)
def test_bad_plan_item_saves_nothing(db, post_form, held, data, message):
    response = post_form(f"/sagsbehandler/borger/{held.id}/plan", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).where(PlanItem.citizen_id == held.id)) == 0


def test_override_to_self_service_is_recorded(
    db, post_form, get_page, held, caseworker
):
    before = db.scalars(
        select(Assessment).where(Assessment.citizen_id == held.id)
    ).one()
    get_page(f"/sagsbehandler/borger/{held.id}/skift-spor")
    response = post_form(
        f"/sagsbehandler/borger/{held.id}/skift-spor",
        {
            "to_track": "self_service",
            "reason_code": "citizen_wish",
            "note": "Har fået tilbud om job; ønsker at klare sig selv.",
        },
    )
    assert response.status_code == 302
    override = db.scalars(
        select(TrackOverride).where(TrackOverride.citizen_id == held.id)
    ).one()
    assert override.from_track is Track.SUPPORT
    assert override.to_track is Track.SELF_SERVICE
    assert override.reason_code.value == "citizen_wish"
    assert override.assessment_id == before.id
    db.refresh(before)
    assert before.current is False
    now = db.scalars(
        select(Assessment).where(
            Assessment.citizen_id == held.id, Assessment.current.is_(True)
        )
    ).one()
    assert now.route_reason is RouteReason.OVERRIDE
    assert now.track is Track.SELF_SERVICE
    assert now.model_version == before.model_version
    assert now.probability == before.probability
    assert now.next_review_on is not None and now.next_review_on > date.today()
    case_file = db.scalars(select(Case).where(Case.citizen_id == held.id)).one()
    db.refresh(case_file)
    assert case_file.status is CaseStatus.CLOSED
    for table in ("track_override", "assessment"):
        assert db.scalar(
            select(func.count()).where(
                ChangeRecord.table_name == table, ChangeRecord.citizen_id == held.id
            )
        )
    text = _text(get_page(f"/sagsbehandler/borger/{held.id}"))
    assert "Har fået tilbud om job" in text and "Borgerens eget ønske" in text


def test_override_to_support_keeps_the_case(
    db, post_form, caseworker, make_citizen, make_case, make_assessment
):
    citizen = make_citizen()
    make_assessment(citizen, track=Track.SELF_SERVICE, probability=0.2)
    made = make_case(citizen, assess=False, claimed_by=caseworker)
    response = post_form(
        f"/sagsbehandler/borger/{citizen.id}/skift-spor",
        {"to_track": "support", "reason_code": "health", "note": "Sygdom nævnt."},
    )
    assert response.status_code == 302
    db.refresh(made)
    assert made.status is CaseStatus.CLAIMED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"to_track": "self_service", "reason_code": "", "note": "x"},
            "Vælg begrundelsen",
        ),
        (
            {"to_track": "self_service", "reason_code": "health", "note": ""},
            "Skriv, hvorfor",
        ),
        (
            {"to_track": "support", "reason_code": "health", "note": "x"},
            "allerede i det spor",
        ),
        (
            {"to_track": "evil", "reason_code": "health", "note": "x"},
            "Vælg sporet.",
        ),
        (
            {"to_track": "self_service", "reason_code": "health", "note": "x" * 1001},
            "Brug højst 1000 tegn.",
        ),
    ],
)
def test_bad_override_saves_nothing(db, post_form, held, data, message):
    response = post_form(f"/sagsbehandler/borger/{held.id}/skift-spor", data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert (
        db.scalar(select(func.count()).where(TrackOverride.citizen_id == held.id)) == 0
    )


def test_close_asks_first_then_closes_with_a_note(db, post_form, get_page, held):
    soup = get_page(f"/sagsbehandler/borger/{held.id}/luk")
    assert "Vil du lukke sagen" in _text(soup)
    case_file = db.scalars(select(Case).where(Case.citizen_id == held.id)).one()
    assert (
        post_form(f"/sagsbehandler/borger/{held.id}/luk", {"note": ""}).status_code
        == 400
    )
    db.refresh(case_file)
    assert case_file.status is CaseStatus.CLAIMED
    response = post_form(f"/sagsbehandler/borger/{held.id}/luk", {"note": "I job."})
    assert response.status_code == 302
    db.refresh(case_file)
    assert case_file.status is CaseStatus.CLOSED
    note = db.scalars(select(CaseNote).where(CaseNote.citizen_id == held.id)).one()
    assert note.text == "I job."
