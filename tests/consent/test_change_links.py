"""Every link beside a datum on "Mine data" leads to where that datum can be changed:
the form that holds it, the request to correct it, or the request to talk to a person."""

from __future__ import annotations

from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from sqlalchemy import select

from app.models import Case, Citizen, ContactPreferences, ContactRequest, PlanItem
from tests.consent.test_export_words import _demo_citizens
from tests.pages import my_data_page

# The form control that holds a datum, where it is not named as its column.
CONTROLS = {
    ("job_preferences", "max_distance_km"): "distance",
    ("citizen_industry", "industry"): "industries",
    ("citizen_occupation", "occupation_id"): "occupation",
    ("citizen_skill", "skill_id"): "skill",
    ("work_experience", "title_as_written"): "title",
    ("personal_competence", "code"): "codes",
    ("driving_licence", "category"): "categories",
    ("plan_item", "status"): "done",
    ("consent_event", "purpose"): "action",
    ("consent_event", "provider_id"): "action",
    ("consent_event", "given"): "action",
    ("user_account", "locale"): "lang",
}


def _links(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    """(table.column, kind, href) of each link beside a datum."""
    return [
        (a["data-field"], a["data-kind"], a["href"])
        for a in page.select(".my-data-item .my-data-action a")
    ]


def _posted_controls(page: BeautifulSoup, fragment: str) -> set[str]:
    """The names of the controls of the page's POST forms (or of the fragment's)."""
    root = page.find(id=fragment) if fragment else page.find(id="main-content")
    assert root is not None, fragment
    forms = root.select("form[method=post]") + [
        form for form in [root.find_parent("form")] if form is not None
    ]
    return {
        control.get("name")
        for form in forms
        for control in form.select("input, select, textarea, button")
    }


def _check(get_page, field: str, kind: str, href: str) -> None:
    table, column = field.split(".")
    url = urlsplit(href)
    target = get_page(url.path + (f"?{url.query}" if url.query else ""))
    controls = _posted_controls(target, url.fragment)
    if kind == "correct":
        assert {"value", "reason"} <= controls, (field, href)
        assert f"felt={column}" in href
    elif kind == "ask":
        assert "message" in controls, (field, href)
    elif table == "profiling_objection":
        assert "reason" in controls or "csrf_token" in controls, (field, href)
    elif table == "correction_request":
        assert target.select("a[href*='/tilbagekald']"), (field, href)
    else:
        expected = CONTROLS.get((table, column), column)
        assert expected in controls, (field, href, sorted(c for c in controls if c))


def test_every_link_beside_a_datum_leads_to_where_it_changes(
    small_demo, login, get_page
) -> None:
    db = small_demo
    citizens = _demo_citizens(db)
    # And one with an open request to talk to a person, and one with a plan of their own.
    for model in (ContactRequest, PlanItem):
        found = db.scalar(select(model.citizen_id).limit(1))
        citizens.append(db.get(Citizen, found))
    seen: dict[tuple[str, str], set[str]] = {}
    for citizen in citizens:
        login(citizen.user)
        for field, kind, href in _links(my_data_page(get_page)):
            if (field, kind) in seen and href in seen[(field, kind)]:
                continue
            seen.setdefault((field, kind), set()).add(href)
            _check(get_page, field, kind, href)
    fields = {field for field, _kind in seen}
    # The datum the issue names: the contact language, and its copy on the case.
    for field in (
        "contact_preferences.language",
        "case_file.language",
        "user_account.locale",
        "citizen.first_name",
        "screening_answers.danish_level",
        "job_preferences.max_distance_km",
        "citizen_skill.skill_id",
        "plan_item.status",
    ):
        assert field in fields, field
    kinds = {kind for _field, kind in seen}
    assert kinds == {"change", "correct", "ask"}


def test_the_language_of_the_case_changes_where_the_link_leads(
    small_demo, login, get_page, post_form
) -> None:
    """The "Ret" link of the case's language leads to the form that changes it."""
    db = small_demo
    case = db.scalars(select(Case).order_by(Case.id)).first()
    citizen = db.get(Citizen, case.citizen_id)
    login(citizen.user)
    page = my_data_page(get_page)
    [href] = [h for f, _k, h in _links(page) if f == "case_file.language"]
    form = get_page(href).select_one("#main-content form[method=post]")
    answers = {
        control["name"]: control.get("value")
        for control in form.select("input[checked], input[type=hidden]")
    }
    answers["language"] = "en"
    response = post_form(form["action"], answers)
    assert response.status_code == 302
    preferences = db.scalar(
        select(ContactPreferences).where(ContactPreferences.citizen_id == citizen.id)
    )
    assert preferences.language == "en"
    db.refresh(case)
    assert case.language == "en"
    item = next(
        i
        for i in my_data_page(get_page).select(".my-data-item")
        if i.select_one(".my-data-action a[data-field='case_file.language']")
    )
    assert "Engelsk" in item.select_one(".my-data-value").get_text()
