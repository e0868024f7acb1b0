"""Times are stored in UTC and read in Danish time everywhere: the same instant shows
the same clock time to the citizen and the caseworker, summer and winter, and English
pages write dates the British way (app/i18n.py)."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.i18n import (
    format_ago,
    format_day,
    format_iso,
    format_month,
    format_stored,
    format_when,
)
from app.models import (
    ChangeRecord,
    CorrectionRequest,
    CorrectionStatus,
    ProfilingObjection,
    RouteReason,
    Track,
)
from tests.pages import csrf_token, text_of

# 03.16 in Copenhagen on a winter day (UTC+1) and on a summer day (UTC+2).
WINTER = datetime(2026, 12, 7, 2, 16, tzinfo=UTC)
SUMMER = datetime(2026, 7, 7, 1, 16, tzinfo=UTC)
INSTANTS = [
    pytest.param(
        WINTER, "7. december 2026 kl. 03.16", "7 December 2026, 03:16", id="winter"
    ),
    pytest.param(SUMMER, "7. juli 2026 kl. 03.16", "7 July 2026, 03:16", id="summer"),
]


def _utc_clock(instant: datetime) -> re.Pattern[str]:
    """The instant's UTC clock time as any page might write it (02.16, 02:16)."""
    return re.compile(rf"\b{instant:%H}[.:]{instant:%M}\b")


# --- the helpers ----------------------------------------------------------------------


@pytest.mark.parametrize(("instant", "danish", "english"), INSTANTS)
def test_a_stored_time_reads_in_danish_time(
    app, instant: datetime, danish: str, english: str
) -> None:
    naive = instant.replace(tzinfo=None)  # as SQLite hands it back
    with app.app_context():
        for value in (instant, naive):
            assert format_when(value, "da") == danish
            assert format_when(value, "en") == english


def test_english_is_british_not_american(app) -> None:
    with app.app_context():
        assert format_day(date(2026, 12, 7), "en") == "7 December 2026"
        assert format_day(date(2026, 12, 7), "en", "short") == "07/12/2026"
        assert format_when(WINTER, "en", "short") == "07/12/2026 03:16"
        assert format_month(date(2026, 12, 7), "en") == "December 2026"
        assert "AM" not in format_when(datetime(2026, 12, 7, 13, 5, tzinfo=UTC), "en")
        assert format_when(datetime(2026, 12, 7, 13, 5, tzinfo=UTC), "en").endswith(
            "14:05"
        )


def test_danish_formats(app) -> None:
    with app.app_context():
        assert format_day(date(2026, 12, 7), "da", "medium") == "7. dec. 2026"
        assert format_day(date(2026, 12, 7), "da", "short") == "07.12.2026"
        assert format_when(WINTER, "da", "short") == "07.12.2026 03.16"
        assert format_month(date(2026, 5, 1), "da") == "maj 2026"
        assert format_month(date(2026, 12, 1), "da", abbreviated=True) == "dec. 2026"


def test_a_time_late_in_the_utc_evening_is_the_next_danish_day(app) -> None:
    late = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)  # 00.30 on 7 December in Denmark
    with app.app_context():
        assert format_day(late, "da") == "7. december 2026"
        assert format_month(datetime(2026, 11, 30, 23, 30), "en") == "December 2026"


def test_machine_readable_times_carry_the_danish_offset(app) -> None:
    assert format_iso(WINTER) == "2026-12-07T03:16:00+01:00"
    assert format_iso(SUMMER.replace(tzinfo=None)) == "2026-07-07T03:16:00+02:00"
    assert format_iso(date(2026, 7, 7)) == "2026-07-07"


def test_how_long_ago_in_danish_days(app) -> None:
    today = date(2026, 12, 7)
    with app.app_context():
        assert format_ago(date(2026, 12, 4), "da", today) == "for 3 dage siden"
        assert format_ago(date(2026, 12, 4), "en", today) == "3 days ago"
        assert format_ago(date(2026, 12, 7), "da", today) == "i dag"
        assert format_ago(date(2026, 12, 6), "en", today) == "yesterday"
        # 23.30 UTC on the 6th is already the 7th in Denmark: today, not yesterday.
        late = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
        assert format_ago(late, "da", today) == "i dag"


def test_values_kept_as_text_read_as_days_and_times(app) -> None:
    with app.app_context():
        assert format_stored("2026-12-07T02:16:00+00:00", "da") == (
            "7. december 2026 kl. 03.16"
        )
        assert format_stored("2026-07-07T01:16:00", "en") == "7 July 2026, 03:16"
        assert format_stored("2026-12-07", "da", "short") == "07.12.2026"
        assert format_stored("2026-12-07T02:16:00.5+00:00", style="iso") == (
            "2026-12-07T03:16:00+01:00"
        )
        # Text that only looks like a date (a phone number, a postcode) is left alone.
        for text in ("20261207", "2300", "Sørensen", "2026-12-07 kl. 3"):
            assert format_stored(text, "da") == text


# --- the pages ------------------------------------------------------------------------


def _switch_to_english(client) -> None:
    client.post(
        "/sprog", data={"csrf_token": csrf_token(client), "lang": "en", "next": "/"}
    )


@pytest.fixture
def objected(db, make_citizen, make_assessment, make_case):
    """A citizen who objected at an instant; the objection's assessment has that time."""

    def make(instant: datetime):
        citizen = make_citizen(first_name="Omar", last_name="Ali")
        db.add(ProfilingObjection(citizen_id=citizen.id, objected_at=instant))
        assessment = make_assessment(
            citizen,
            computed_at=instant,
            probability=None,
            track=Track.SUPPORT,
            route_reason=RouteReason.OBJECTED,
        )
        make_case(citizen, assess=False, queue_reason=assessment.route_reason)
        return citizen

    return make


@pytest.mark.parametrize(("instant", "danish", "english"), INSTANTS)
def test_citizen_and_caseworker_see_the_objection_at_the_same_danish_time(
    client, get_page, login, make_caseworker, objected, instant, danish, english
) -> None:
    citizen = objected(instant)
    caseworker = make_caseworker(101)

    login(citizen.user)
    citizens_page = text_of(get_page("/mine-data/indsigelse"))
    login(caseworker)
    case_view = text_of(get_page(f"/sagsbehandler/borger/{citizen.id}"))
    for text in (citizens_page, case_view):
        assert danish in text
        assert not _utc_clock(instant).search(text), "a UTC time is shown"

    _switch_to_english(client)
    case_view = text_of(get_page(f"/sagsbehandler/borger/{citizen.id}"))
    login(citizen.user)
    _switch_to_english(client)
    citizens_page = text_of(get_page("/mine-data/indsigelse"))
    for text in (citizens_page, case_view):
        assert english in text
        assert not _utc_clock(instant).search(text), "a UTC time is shown"


@pytest.mark.parametrize(("instant", "danish", "english"), INSTANTS)
def test_a_correction_request_is_dated_alike_for_citizen_and_caseworker(
    db, client, get_page, login, make_citizen, make_caseworker, instant, danish, english
) -> None:
    citizen = make_citizen(last_name="Sørensen")
    request = CorrectionRequest(
        citizen_id=citizen.id,
        table_name="citizen",
        row_id=citizen.id,
        field="unemployed_since",
        current_value="2026-03-01",
        proposed_value="01.02.2026",
        reason="Jeg blev ledig i februar",
        status=CorrectionStatus.PENDING,
        created_at=instant,
    )
    db.add(request)
    db.flush()

    login(citizen.user)
    citizens_page = text_of(get_page("/mine-data/rettelser"))
    login(make_caseworker(101))
    staff_list = text_of(get_page("/sagsbehandler/rettelser"))
    staff_page = text_of(get_page(f"/sagsbehandler/rettelser/{request.id}"))
    for text in (citizens_page, staff_list, staff_page):
        assert danish in text
        assert not _utc_clock(instant).search(text), "a UTC time is shown"
    # The value when the citizen asked is kept as text; it reads as a day, not ISO.
    for text in (citizens_page, staff_page):
        assert "1. marts 2026" in text and "2026-03-01" not in text

    _switch_to_english(client)
    staff_page = text_of(get_page(f"/sagsbehandler/rettelser/{request.id}"))
    assert english in staff_page and "1 March 2026" in staff_page
    assert not re.search(r"(January|March|July|December) \d{1,2}\b", staff_page), (
        "US order"
    )


def test_english_pages_write_days_the_british_way(
    client, db, get_page, citizen, make_assessment
) -> None:
    make_assessment(citizen, computed_at=WINTER, next_review_on=date(2027, 1, 4))
    _switch_to_english(client)
    text = text_of(get_page("/din-vej"))
    assert "7 December 2026" in text and "4 January 2027" in text
    assert "December 7" not in text and "January 4" not in text


def test_the_exports_give_times_in_danish_time(db, client, get_page, citizen) -> None:
    db.add(ProfilingObjection(citizen_id=citizen.id, objected_at=WINTER))
    db.add(
        ChangeRecord(
            at=WINTER,
            table_name="profiling_objection",
            row_id=1,
            field="withdrawn_at",
            old_value=None,
            new_value="2026-12-07T02:16:00.231246+00:00",
            actor_role="citizen",
            citizen_id=citizen.id,
            reason="test",
        )
    )
    db.flush()
    document = client.get("/mine-data/eksport/json").get_data(as_text=True)
    objection = json.loads(document)["tables"]["profiling_objection"]["rows"][0]
    assert objection["objected_at"] == "2026-12-07T03:16:00+01:00"
    assert "+00:00" not in document, "a UTC time in the JSON export"
    spreadsheet = client.get("/mine-data/eksport/csv").data.decode("utf-8-sig")
    printed = text_of(get_page("/mine-data/eksport/udskrift"))
    assert "7. december 2026 kl. 03.16" in spreadsheet
    assert "7. december 2026 kl. 03.16" in printed
    for text in (spreadsheet, printed):
        # Each export says when it was made: at 02.16 Danish time that stamp reads
        # like WINTER's UTC clock, so it is left out of this check.
        made = datetime.now(ZoneInfo("Europe/Copenhagen"))
        for moment in (made, made - timedelta(minutes=1)):
            text = text.replace(f"{moment:%H.%M}", "")
        assert not _utc_clock(WINTER).search(text), "a UTC time in an export"


def test_templates_format_times_only_through_the_helpers() -> None:
    """Flask-Babel's own filters write English the American way, and strftime and
    isoformat know no Danish time: templates use format_day, format_when & co."""
    root = Path(__file__).resolve().parent.parent / "app"
    forbidden = re.compile(
        r"\b(dateformat|datetimeformat|timeformat)\b|strftime|isoformat"
    )
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if forbidden.search(line)
    ]
    assert found == [], "format times with the helpers in app/i18n.py"
