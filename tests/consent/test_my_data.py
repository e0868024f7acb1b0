"""'Mine data': every datum held about the citizen, generated from the registry."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from app.audit import SYSTEM, Actor, change_fields, log_access
from app.consent.services.my_data import collect_my_data, count_own_history
from app.models import HoursPreference
from tests.data import give_cv
from tests.pages import csrf_token, my_data_page

pytestmark = pytest.mark.usefixtures("taxonomy")


def _text(soup) -> str:
    return re.sub(r"\s+", " ", soup.get_text())


def _row(page, label: str):
    """The datum whose label starts with `label`."""
    for dt in page.select(".my-data-item > dt"):
        if _text(dt).strip().startswith(label):
            return dt.find_parent(class_="my-data-item")
    raise AssertionError(f"no datum {label!r}")


def _about(page, label: str) -> str:
    """What is said of a datum: beside it, and what its category says of most data."""
    item = _row(page, label)
    return _text(item) + " " + _text(item.find_parent("section").select_one("dl"))


def _link(item):
    return item.select_one(".my-data-action a")


def test_shows_own_name_address_cv_and_preferences(
    db, get_page, make_citizen, login
) -> None:
    citizen = make_citizen(
        first_name="Karen",
        last_name="Bech",
        street="Vestergade 3",
        postcode="8000",
        city="Aarhus C",
        birth_date=date(1984, 3, 14),
    )
    give_cv(
        db,
        citizen,
        skills=["nursing-care"],
        desired=["sygeplejerske"],
        max_distance_km=25,
        hours=HoursPreference.PART_TIME,
    )
    login(citizen.user)
    page = my_data_page(get_page)
    assert page.h1.get_text(strip=True) == "Mine data"
    text = _text(page)
    for expected in ("Karen", "Bech", "Vestergade 3", "8000", "Aarhus C"):
        assert expected in text
    assert "14. marts 1984" in text
    assert "Sygepleje" in _text(_row(page, "Kompetence"))
    assert "Sygeplejerske" in _text(_row(page, "Du ønsker at arbejde som"))
    assert "25 km" in _text(_row(page, "Hvor langt du vil rejse"))
    assert "Deltid" in _text(_row(page, "Arbejdstid"))
    for heading in ("Hvem du er", "Hvor du bor", "Dit CV og dine kompetencer"):
        assert page.find("h2", string=heading)


def test_never_shows_another_citizens_data(db, get_page, make_citizen, login) -> None:
    other = make_citizen(first_name="Ole", last_name="Fremmed", street="Anden Vej 9")
    give_cv(db, other, skills=["administer-medication"])
    mine = make_citizen(first_name="Karen", last_name="Bech")
    login(mine.user)
    text = _text(my_data_page(get_page))
    assert "Karen" in text
    for foreign in ("Ole", "Fremmed", "Anden Vej 9", "Medicinhåndtering"):
        assert foreign not in text


def test_control_data_is_marked_in_words(db, get_page, make_citizen, login) -> None:
    citizen = make_citizen(unemployed_since=date(2026, 1, 5))
    give_cv(db, citizen, max_distance_km=30)
    login(citizen.user)
    page = my_data_page(get_page)
    control = _row(page, "Ledig siden")
    assert "my-data-control" in control["class"]
    assert "Kontrol" in _text(control.dt)
    assert "Kontrol af, om du står til rådighed" in _about(page, "Ledig siden")
    assert "Kontrol" not in _text(_row(page, "Fornavn"))
    assert "Hjælp til at finde arbejde" in _about(page, "Fornavn")
    assert "står til rådighed" in _text(page.find(class_="my-data-intro"))
    # What most data of a category share is said once; the others say their own.
    assert "Reglerne om rådighed" in _about(page, "Ledig siden")
    distance = _row(page, "Hvor langt du vil rejse")
    assert "Kontrol" in _text(distance.dt)
    assert "Reglerne om rådighed" in _text(distance)
    assert "Lov om en aktiv" in _about(page, "Åben for andre brancher")
    assert "Lov om en aktiv" not in _text(_row(page, "Åben for andre brancher"))
    address = page.find("h2", string="Hvor du bor").find_parent("section")
    basis = _text(address.find("dl", class_="my-data-about"))
    assert "Lov om en aktiv beskæftigelsesindsats" in basis
    assert "Mens du er tilmeldt jobcentret" in basis


def test_a_citizen_with_only_the_basics_gets_sensible_text(
    db, get_page, make_citizen, login
) -> None:
    citizen = make_citizen()
    login(citizen.user)
    page = my_data_page(get_page)
    text = _text(page)
    assert "Du har ikke tilføjet kompetencer eller stillinger endnu." in text
    assert "Du har ikke angivet jobønsker endnu." in text
    assert "Ikke registreret" in _text(_row(page, "Telefon"))
    # Register data gets "ask for a correction"; what you told us links to its page.
    ask = _link(_row(page, "Fornavn"))
    assert ask["href"].startswith("/mine-data/rettelser/ny?")
    assert "felt=first_name" in ask["href"]
    assert _link(_row(page, "Telefon"))["href"] == "/kom-i-gang/1"
    assert page.find("a", href="/mine-data/samtykker") is not None
    assert page.find("a", href="/mine-data/hvem-har-set") is not None


def test_last_changed_comes_from_the_change_history(
    db, get_page, make_citizen, login
) -> None:
    citizen = make_citizen(phone="11223344")
    records = change_fields(
        db,
        citizen,
        {"phone": "55667788"},
        actor=SYSTEM,
        reason="test",
        citizen_id=citizen.id,
    )
    records[0].at = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)
    db.flush()
    login(citizen.user)
    page = my_data_page(get_page)
    phone = _row(page, "Telefon")
    assert "55667788" in _text(phone)
    assert "Senest ændret 3. februar 2026" in _text(phone)
    assert "Senest ændret" not in _text(_row(page, "Efternavn"))


def test_counts_of_reads_and_changes(db, make_citizen, make_caseworker) -> None:
    citizen = make_citizen()
    caseworker = make_caseworker()
    log_access(db, Actor.of(caseworker), citizen.id, "profile", "test")
    change_fields(
        db,
        citizen,
        {"city": "Odense C"},
        actor=SYSTEM,
        reason="test",
        citizen_id=citizen.id,
    )
    db.flush()
    counts = count_own_history(db, citizen.user_id)
    assert (counts.changes, counts.reads) == (1, 1)
    data = collect_my_data(db, citizen.user_id, "da")
    assert data is not None and data.counts == counts
    assert data.has_control_data


def test_in_english(db, client, get_page, make_citizen, login) -> None:
    citizen = make_citizen()
    give_cv(db, citizen, skills=["nursing-care"])
    login(citizen.user)
    client.post(
        "/sprog", data={"csrf_token": csrf_token(client), "lang": "en", "next": "/"}
    )
    page = my_data_page(get_page)
    assert page.h1.get_text(strip=True) == "My data"
    assert "Nursing care" in _text(_row(page, "Competence"))
    assert "Checking your availability for work" in _text(page)


def test_every_registered_table_about_me_is_shown(
    db, get_page, make_citizen, login
) -> None:
    from app.consent.services.consents import give_consent
    from app.consent.services.corrections import submit_correction
    from app.models import ConsentPurpose

    citizen = make_citizen()
    actor = Actor(user_id=citizen.user_id, role="citizen", organisation="")
    give_consent(db, citizen.id, ConsentPurpose.SHARE_CV, actor=actor)
    submit_correction(
        db, citizen.id, "citizen", citizen.id, "city", "Nakskov", "Jeg er flyttet"
    )
    login(citizen.user)
    page = my_data_page(get_page)
    consents = page.find("h2", string="Dine samtykker og indsigelser")
    section = _text(consents.find_parent("section"))
    assert "Del mit CV med arbejdsgivere" in section
    # What you told us about consent is changed on the consent page.
    link = _link(_row(page, "Hvad du gav samtykke til"))
    assert link["href"] == "/mine-data/samtykker"
    assert "Nakskov" in _text(_row(page, "Den oplysning, du foreslog"))


def test_coded_values_are_shown_in_words(
    db, get_page, make_citizen, login, post_form
) -> None:
    from app.models.jobsearch import JobLogEntry, LogKind, LogStatus

    citizen = make_citizen()
    db.add(
        JobLogEntry(
            citizen_id=citizen.id,
            kind=LogKind.APPLICATION,
            title="Lagermedarbejder",
            on_date=date(2026, 11, 2),
            status=LogStatus.INTERVIEW,
            created_at=datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
        )
    )
    db.flush()
    login(citizen.user)
    post_form("/sprog", {"lang": "en", "next": "/mine-data"})
    page = my_data_page(get_page)
    assert "Application I have sent" in _text(_row(page, "Kind of job-search entry"))
    assert "Invited to an interview" in _text(_row(page, "Status of the application"))


def test_cv_rows_are_shown_in_words_not_codes(
    db, get_page, make_citizen, login
) -> None:
    from app.audit import record_created
    from app.models import (
        Education,
        EducationLevel,
        LanguageLevel,
        LanguageSkill,
        WorkExperience,
    )

    citizen = make_citizen()
    for row in (
        WorkExperience(
            citizen_id=citizen.id,
            title_as_written="Lagerarbejder",
            employer="Nordlager A/S",
            hide_employer=True,
            started_on=date(2019, 3, 1),
            ended_on=date(2024, 6, 30),
        ),
        LanguageSkill(citizen_id=citizen.id, language="en", level=LanguageLevel.GOOD),
        Education(
            citizen_id=citizen.id,
            level=EducationLevel.VOCATIONAL,
            title="Lagerfaglig uddannelse",
        ),
    ):
        record_created(db, row, actor=SYSTEM, reason="test", citizen_id=citizen.id)
    login(citizen.user)
    text = _text(my_data_page(get_page))
    assert "Lagerarbejder" in text
    assert "Nordlager A/S (skjult for arbejdsgivere)" in text
    assert "engelsk" in text.lower()
    assert "Lagerfaglig uddannelse" in text
    assert "vocational" not in text and "good" not in text
