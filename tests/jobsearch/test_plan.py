"""Min plan: the citizen's own goals, agreed items they cannot edit, done and delete."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.models import ChangeRecord
from app.models.jobsearch import PlanItem, PlanKind, PlanStatus
from tests.pages import csrf_token

# Every test here runs on the demo taxonomy.
pytestmark = pytest.mark.usefixtures("taxonomy")

TODAY = date.today()


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _item(db, citizen, **values) -> PlanItem:
    fields = {
        "citizen_id": citizen.id,
        "kind": PlanKind.GOAL,
        "text": "Søge tre job om ugen",
        "due_on": None,
        "status": PlanStatus.OPEN,
        "author_role": "citizen",
        "agreed_at": None,
        "created_at": datetime.now(UTC),
    }
    fields.update(values)
    item = PlanItem(**fields)
    db.add(item)
    db.flush()
    return item


def _count(db, citizen) -> int:
    db.expire_all()
    return db.scalar(
        select(func.count())
        .select_from(PlanItem)
        .where(PlanItem.citizen_id == citizen.id)
    )


def test_empty_plan_explains_what_will_appear(get_page, citizen) -> None:
    page = get_page("/min-plan")
    assert page.h1.get_text(strip=True) == "Min plan"
    assert "Din plan er tom" in _text(page)
    assert page.find("a", href="/min-plan/ny")


def test_add_own_goal_with_danish_date(db, client, post_form, citizen) -> None:
    due = TODAY + timedelta(days=14)
    response = post_form(
        "/min-plan/ny",
        {
            "kind": "goal",
            "text": "Blive truckfører",
            "due_on": due.strftime("%d.%m.%Y"),
        },
    )
    assert response.status_code == 302
    item = db.scalars(select(PlanItem).where(PlanItem.citizen_id == citizen.id)).one()
    assert (item.text, item.due_on, item.author_role) == (
        "Blive truckfører",
        due,
        "citizen",
    )
    assert db.scalar(
        select(func.count())
        .select_from(ChangeRecord)
        .where(ChangeRecord.table_name == "plan_item", ChangeRecord.row_id == item.id)
    )
    page = client.get("/min-plan").get_data(as_text=True)
    assert "Blive truckfører" in page and "Tilføjet til din plan." in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": ""}, "text", "Skriv målet"),
        ({"text": "x" * 501}, "text", "højst 500 tegn"),
        ({"text": "mål\x1b[31m"}, "text", "særlige eller usynlige tegn"),
        ({"kind": "boss"}, "kind", "Vælg mål eller aktivitet"),
        ({"due_on": "2026-13-40"}, "due_on", "Skriv en rigtig dato"),
        ({"due_on": "9" * 5000}, "due_on", "Skriv en rigtig dato"),
        (
            {"due_on": (TODAY + timedelta(days=3000)).isoformat()},
            "due_on",
            "to år ude i fremtiden",
        ),
    ],
)
def test_bad_input_saves_nothing(db, client, citizen, changes, field, message) -> None:
    data = {"kind": "goal", "text": "Et mål", "due_on": "", **changes}
    response = client.post(
        "/min-plan/ny", data={**data, "csrf_token": csrf_token(client)}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'href="#{field}"' in html and message in html
    assert _count(db, citizen) == 0


def test_caseworker_items_are_shown_as_such_and_locked(
    db, client, get_page, post_form, citizen
) -> None:
    agreed = _item(
        db,
        citizen,
        kind=PlanKind.ACTIVITY,
        text="Jobsøgningskursus",
        author_role="caseworker",
        agreed_at=datetime(2026, 11, 2, 10, tzinfo=UTC),
        due_on=date(2026, 12, 1),
    )
    page = get_page("/min-plan")
    text = _text(page)
    assert "Din sagsbehandler" in text
    assert "aftalt med jobcentret den 2. november 2026" in text
    assert "1. december 2026" in text
    assert "sammen med din sagsbehandler" in text
    assert not page.find("a", href=f"/min-plan/{agreed.id}/ret")
    assert client.get(f"/min-plan/{agreed.id}/ret").status_code == 403
    assert (
        post_form(
            f"/min-plan/{agreed.id}/ret", {"kind": "goal", "text": "Nej"}
        ).status_code
        == 403
    )
    assert post_form(f"/min-plan/{agreed.id}/slet").status_code == 403
    db.expire_all()
    assert db.get(PlanItem, agreed.id).text == "Jobsøgningskursus"
    # But the citizen can say they did it.
    assert post_form(f"/min-plan/{agreed.id}/udfoert", {"done": "1"}).status_code == 302
    db.expire_all()
    assert db.get(PlanItem, agreed.id).status is PlanStatus.DONE


def test_edit_and_delete_own_item(db, client, get_page, post_form, citizen) -> None:
    item_id = _item(db, citizen).id
    form = get_page(f"/min-plan/{item_id}/ret")
    assert form.find("textarea", id="text").get_text().strip() == "Søge tre job om ugen"
    assert (
        post_form(
            f"/min-plan/{item_id}/ret", {"kind": "activity", "text": "Søge fire job"}
        ).status_code
        == 302
    )
    db.expire_all()
    assert db.get(PlanItem, item_id).text == "Søge fire job"
    assert "Ja, slet det" in _text(get_page(f"/min-plan/{item_id}/slet"))
    assert post_form(f"/min-plan/{item_id}/slet").status_code == 302
    assert _count(db, citizen) == 0


def test_mark_done_and_undone(db, post_form, citizen) -> None:
    item_id = _item(db, citizen).id
    post_form(f"/min-plan/{item_id}/udfoert", {"done": "1"})
    db.expire_all()
    assert db.get(PlanItem, item_id).status is PlanStatus.DONE
    post_form(f"/min-plan/{item_id}/udfoert", {"done": "0"})
    db.expire_all()
    assert db.get(PlanItem, item_id).status is PlanStatus.OPEN


def test_someone_elses_item_is_not_found(
    db, client, post_form, make_citizen, citizen
) -> None:
    other = make_citizen(first_name="Ali", last_name="Hassan")
    item_id = _item(db, other, text="Andens mål").id
    assert client.get(f"/min-plan/{item_id}/ret").status_code == 404
    assert post_form(f"/min-plan/{item_id}/udfoert", {"done": "1"}).status_code == 404
    assert post_form(f"/min-plan/{item_id}/slet").status_code == 404
    db.expire_all()
    item = db.get(PlanItem, item_id)
    assert (item.text, item.status) == ("Andens mål", PlanStatus.OPEN)
