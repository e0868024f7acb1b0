"""A caseworker's override is the decision everywhere: the case view, the queue, Din
vej, Mine data and the three exports say the decided track and the caseworker's reason,
and show the model's estimate only as what was suggested before."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sqlalchemy.orm import Session

from app.i18n import format_day as day
from app.models import Citizen, Track
from app.models.profile import SupportWish
from tests.factories import caseworker_id
from tests.pages import my_data_page
from tests.segmentation.test_my_track import _screen

pytestmark = pytest.mark.usefixtures("taxonomy")

NOTE = "Har fået et vikariat fra næste uge."
# The model's suggestion for the screened citizen (see _screen): about 91 in 100.
SUGGESTED = "Modellen foreslog: hjælp fra en sagsbehandler."
CHANCE = "Modellen skønner, at cirka 91 af 100 jobsøgende"
CITIZEN_DECIDED = (
    "En sagsbehandler besluttede din vej den {date}: at du finder arbejde selv med "
    "Jobunivers. Begrundelsen: sagsbehandleren fik nye oplysninger i samtalen med dig."
)


@pytest.fixture
def overridden(
    db: Session,
    make_citizen: Callable[..., Citizen],
    make_caseworker: Callable[..., Any],
    login: Callable[..., None],
    post_form: Callable[..., Any],
) -> Citizen:
    """A citizen the model sent to a caseworker, moved to self-service in the UI."""
    citizen = make_citizen(first_name="Jacob", last_name="Hansen")
    _screen(db, citizen)
    login(make_caseworker(101))
    assert post_form(f"/sagsbehandler/borger/{citizen.id}/tag").status_code == 302
    response = post_form(
        f"/sagsbehandler/borger/{citizen.id}/skift-spor",
        {"to_track": "self_service", "reason_code": "more_information", "note": NOTE},
    )
    assert response.status_code == 302
    return citizen


def text_of(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def _today() -> str:
    return day(datetime.now(UTC), "da")


def test_the_case_view_shows_the_decision_and_the_suggestion_beside_it(
    overridden: Citizen, get_page: Callable[..., BeautifulSoup]
) -> None:
    page = get_page(f"/sagsbehandler/borger/{overridden.id}")
    box = text_of(page.find(id="track-heading").parent)
    assert "Spor Selvbetjening" in box
    assert (
        f"Sådan blev det besluttet En sagsbehandler valgte Selvbetjening den {_today()}."
        " Begrundelse: Nye oplysninger fra samtalen." in box
    )
    assert NOTE in box
    assert (
        "Foreslået før beslutningen Modellen foreslog: Støtte fra en sagsbehandler "
        "(cirka 91 af 100 stadig ledige efter 26 uger)." in box
    )
    assert "Kun et forslag" in box
    # The model's reasons are labelled as the estimate's, after the decision.
    assert box.index("Det talte mest i modellens skøn") > box.index("Modellen foreslog")
    assert "valgte støtte" not in box and "%" not in box


def test_din_vej_says_the_decision_and_the_model_only_as_a_suggestion(
    overridden: Citizen,
    login: Callable[..., None],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    login(overridden.user)
    text = text_of(get_page("/din-vej"))
    assert "Du søger selv job med Jobunivers" in text
    assert "Du får hjælp af en sagsbehandler" not in text
    assert CITIZEN_DECIDED.format(date=_today()) in text
    assert NOTE in text
    assert SUGGESTED in text and CHANCE in text
    assert "Det er sagsbehandlerens beslutning, der gælder" in text
    # Reasons pointing to a caseworker come only after, as the model's.
    assert text.index("peger det mod hjælp") > text.index(SUGGESTED)
    assert "Det kan du selv gøre" not in text
    assert "%" not in text
    assert "Sagsbehandlerens beslutning gælder til" in text


def test_mine_data_shows_the_decision_and_the_suggestion(
    overridden: Citizen,
    login: Callable[..., None],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    login(overridden.user)
    page = my_data_page(get_page)
    section = text_of(page.select_one("section[aria-labelledby=my-data-track]"))
    assert "Din vej Selvbetjening" in section
    assert CITIZEN_DECIDED.format(date=_today()) in section
    assert NOTE in section
    assert SUGGESTED in section and CHANCE in section
    assert "{'" not in section and "0.9" not in section


def _current_override(rows: list[dict[str, Any]]) -> dict[str, Any]:
    (row,) = [r for r in rows if r["route_reason"] == "override"]
    return row


def test_the_json_export_keeps_the_values_and_says_the_decision(
    overridden: Citizen, client: Any, login: Callable[..., None]
) -> None:
    login(overridden.user)
    document = json.loads(client.get("/mine-data/eksport/json").get_data(as_text=True))
    assessments = document["tables"]["assessment"]
    row = _current_override(assessments["rows"])
    assert row["track"] == Track.SELF_SERVICE.value
    assert 0.9 < row["probability"] < 0.92  # the machine value is kept
    labelled = assessments["labelled_rows"][assessments["rows"].index(row)]
    words = {column: cell["label"] for column, cell in labelled.items()}
    assert words["track"] == "Selvbetjening"
    assert words["route_reason"].startswith(
        CITIZEN_DECIDED.format(date=_today()).split(":")[0]
    )
    assert NOTE in words["route_reason"]
    assert words["probability"].startswith(SUGGESTED)
    assert CHANCE in words["probability"]
    (override,) = document["tables"]["track_override"]["rows"]
    assert override["reason_code"] == "more_information"
    (labelled,) = document["tables"]["track_override"]["labelled_rows"]
    assert labelled["to_track"]["label"] == "Selvbetjening"


def test_the_csv_and_the_printable_export_say_the_decision(
    overridden: Citizen,
    client: Any,
    login: Callable[..., None],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    login(overridden.user)
    raw = client.get("/mine-data/eksport/csv").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    # The assessments' rows are those with the field "Din vej" (the track).
    kinds = {row[1] for row in rows[1:] if row[3] == "Din vej"}
    assert len(kinds) == 1, kinds
    (kind,) = kinds
    last = max((row[2] for row in rows[1:] if row[1] == kind), key=int)
    values = {row[3]: row[4] for row in rows[1:] if (row[1], row[2]) == (kind, last)}
    assert values["Din vej"] == "Selvbetjening"
    assert (
        CITIZEN_DECIDED.format(date=_today()) in values["Sådan blev din vej besluttet"]
    )
    chance = values["Beregnet sandsynlighed for at være ledig i mere end 26 uger"]
    assert chance.startswith(SUGGESTED) and CHANCE in chance
    text = text_of(get_page("/mine-data/eksport/udskrift"))
    assert CITIZEN_DECIDED.format(date=_today()) in text
    assert SUGGESTED in text and NOTE in text


def test_an_override_to_support_is_shown_as_the_caseworkers_choice_in_the_queue(
    db: Session,
    make_citizen: Callable[..., Citizen],
    make_caseworker: Callable[..., Any],
    make_case: Callable[..., Any],
    make_assessment: Callable[..., Any],
    login: Callable[..., None],
    post_form: Callable[..., Any],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    worker = make_caseworker(101)
    citizen = make_citizen(first_name="Sara", last_name="Holm")
    make_case(citizen, assess=False, claimed_by=worker)
    make_assessment(citizen, track=Track.SELF_SERVICE, probability=0.2)
    login(worker)
    post_form(
        f"/sagsbehandler/borger/{citizen.id}/skift-spor",
        {"to_track": "support", "reason_code": "health", "note": "Sygdom nævnt."},
    )
    assert caseworker_id(db, worker)
    row = text_of(get_page("/sagsbehandler/koe?show=mine").select_one("tbody tr"))
    assert "En sagsbehandler valgte støtte" in row
    # The model's reasons for self-service are not shown as reasons for support.
    assert "skønnet" not in row
    page = get_page(f"/sagsbehandler/borger/{citizen.id}")
    box = text_of(page.find(id="track-heading").parent)
    assert "Spor Støtte fra en sagsbehandler" in box
    assert "Begrundelse: Helbred." in box
    assert "Modellen foreslog: Selvbetjening (cirka 20 af 100" in box


def test_a_suggestion_made_by_the_citizens_own_wish_is_said_as_such(
    db: Session,
    make_citizen: Callable[..., Citizen],
    make_caseworker: Callable[..., Any],
    login: Callable[..., None],
    post_form: Callable[..., Any],
    get_page: Callable[..., BeautifulSoup],
) -> None:
    citizen = make_citizen()
    _screen(db, citizen, wants_support=SupportWish.YES)
    login(make_caseworker(101))
    post_form(f"/sagsbehandler/borger/{citizen.id}/tag")
    post_form(
        f"/sagsbehandler/borger/{citizen.id}/skift-spor",
        {"to_track": "self_service", "reason_code": "citizen_wish", "note": NOTE},
    )
    login(citizen.user)
    text = text_of(get_page("/din-vej"))
    assert "Begrundelsen: du selv ønskede det." in text
    assert (
        "Før sagsbehandlerens beslutning: hjælp fra en sagsbehandler, fordi du har "
        "svaret, at du gerne vil have støtte."
    ) in text
    assert "Modellen foreslog" not in text
