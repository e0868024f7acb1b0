"""The synthetic demo data: deterministic, Danish-looking, plainly synthetic, usable."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import geo
from app.auth.passwords import verify_password
from app.data import demo_names as names
from app.data.municipalities import MUNICIPALITIES
from app.demo import generator
from app.demo.generator import (
    DEMO_PASSWORD,
    REFERENCE_DATE,
    DemoAlreadyLoadedError,
    citizen_counts,
    ensure_municipalities,
    is_loaded,
    load_demo,
)
from app.models import (
    Caseworker,
    ChangeRecord,
    Citizen,
    Municipality,
    Provider,
    Role,
    User,
)

STREET = re.compile(r"^[^\d,]+ \d{1,3}[A-C]?(, (st|\d)\. (th|tv|mf)\.)?$")
PHONE = re.compile(r"^\+45 00( \d\d){3}$")
SUBJECT = re.compile(
    r"^demo-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
)


def _age_on_reference_date(citizen: Citizen) -> int:
    born = citizen.birth_date
    assert born is not None
    had_birthday = (REFERENCE_DATE.month, REFERENCE_DATE.day) >= (born.month, born.day)
    return REFERENCE_DATE.year - born.year - (0 if had_birthday else 1)


def _municipality_codes_with(session: Session, role: Role) -> set[int]:
    rows = session.scalars(
        select(Municipality.code)
        .join(User, User.municipality_id == Municipality.id)
        .where(User.role == role)
        .distinct()
    )
    return set(rows)


def _fake_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    # argon2 costs about a second here; tests that never log in do not need it.
    monkeypatch.setattr(generator, "hash_password", lambda password: "not-a-hash")


def test_all_98_municipalities_with_unique_codes(small_demo: Session) -> None:
    codes = small_demo.scalars(select(Municipality.code)).all()
    assert len(codes) == 98
    assert len(set(codes)) == 98
    assert set(codes) == {code for code, _, _ in MUNICIPALITIES}


def test_ensure_municipalities_is_idempotent_and_corrects_names(
    make_demo_session: Callable[[], Session],
) -> None:
    session = make_demo_session()
    assert ensure_municipalities(session) == 98
    copenhagen = session.scalars(
        select(Municipality).where(Municipality.code == 101)
    ).one()
    copenhagen.name = "Kjøbenhavn"
    assert ensure_municipalities(session) == 98
    assert session.scalar(select(func.count()).select_from(Municipality)) == 98
    assert copenhagen.name == "København"


def test_every_role_is_present_in_at_least_two_municipalities(
    small_demo: Session,
) -> None:
    for role in (Role.CITIZEN, Role.CASEWORKER, Role.ADMIN):
        assert len(_municipality_codes_with(small_demo, role)) >= 2, role
    assert {101, 751, 461} <= _municipality_codes_with(small_demo, Role.CITIZEN)
    # Providers are organisations, not municipal staff: those with a log-in have one
    # each; the marketplace adds providers without a log-in (12 to 20 in all).
    assert 12 <= len(small_demo.scalars(select(Provider)).all()) <= 20
    providers = small_demo.scalars(
        select(Provider).where(Provider.id.in_(select(User.provider_id)))
    ).all()
    assert len(providers) >= 2
    for provider in providers:
        assert provider.approved
        assert re.fullmatch(r"[1-9]\d{7}", provider.cvr)
        users = small_demo.scalars(
            select(User).where(User.provider_id == provider.id)
        ).all()
        assert [user.role for user in users] == [Role.PROVIDER]


def test_small_size_has_the_promised_shape(small_demo: Session) -> None:
    per_municipality = Counter(small_demo.scalars(select(Citizen.municipality_id)))
    assert sorted(per_municipality.values()) == [40, 40, 40, 40]
    titles = Counter(small_demo.scalars(select(Caseworker.job_title)))
    assert titles == {"Jobkonsulent": 98, "Sagsbehandler": 98}
    admins = small_demo.scalar(select(func.count()).where(User.role == Role.ADMIN))
    assert admins == 98


def test_everything_is_marked_synthetic(small_demo: Session) -> None:
    citizens = small_demo.scalars(select(Citizen)).all()
    assert citizens
    assert all(citizen.synthetic for citizen in citizens)
    assert all(provider.synthetic for provider in small_demo.scalars(select(Provider)))
    for citizen in citizens:
        assert citizen.email is not None
        assert citizen.email.endswith("@borger.demo.jobunivers.dk")
        assert citizen.phone is not None
        assert PHONE.fullmatch(citizen.phone), citizen.phone
    for user in small_demo.scalars(select(User).where(User.role != Role.CITIZEN)):
        assert user.email is not None
        assert user.email.endswith(".demo.jobunivers.dk")
    assert generator.__doc__ is not None
    assert "SYNTHETIC" in generator.__doc__


def test_citizens_look_danish_and_live_where_they_are_registered(
    small_demo: Session,
) -> None:
    rows = small_demo.execute(
        select(Citizen, Municipality.code).join(Municipality)
    ).all()
    for citizen, municipality_code in rows:
        assert citizen.postcode is not None
        assert re.fullmatch(r"\d{4}", citizen.postcode)
        assert geo.municipality_of_postcode(citizen.postcode) == municipality_code
        info = geo.postcode_info(citizen.postcode)
        assert info is not None
        assert citizen.city == info.city
        assert citizen.street is not None
        assert STREET.fullmatch(citizen.street), citizen.street

    citizens = [citizen for citizen, _ in rows]
    danish_surnames = {name for name, _ in names.DANISH_LAST_NAMES}
    danish = [c for c in citizens if c.last_name.split()[-1] in danish_surnames]
    # Mostly Danish names, and a realistic share of names of other origins.
    assert 0.55 <= len(danish) / len(citizens) <= 0.9
    surnames = Counter(c.last_name.split()[-1] for c in danish)
    assert surnames["Jensen"] + surnames["Nielsen"] + surnames["Hansen"] >= 10


def test_ages_dates_and_subjects_are_plausible(small_demo: Session) -> None:
    citizens = small_demo.scalars(select(Citizen)).all()
    ages = [_age_on_reference_date(citizen) for citizen in citizens]
    assert min(ages) >= 18
    assert max(ages) <= 67
    assert len(set(ages)) >= 25
    for citizen in citizens:
        assert citizen.unemployed_since is not None
        assert (
            REFERENCE_DATE - timedelta(days=730)
            <= citizen.unemployed_since
            < REFERENCE_DATE
        )
    subjects = small_demo.scalars(
        select(User.mitid_subject).where(User.role == Role.CITIZEN)
    ).all()
    assert len(set(subjects)) == len(citizens)
    assert all(SUBJECT.fullmatch(subject or "") for subject in subjects)


STAFF_LOGINS = {
    "jobkonsulent1@koebenhavn.demo.jobunivers.dk": (Role.CASEWORKER, 101),
    "sagsbehandler1@odense.demo.jobunivers.dk": (Role.CASEWORKER, 461),
    "admin@aarhus.demo.jobunivers.dk": (Role.ADMIN, 751),
    "admin@hoeje-taastrup.demo.jobunivers.dk": (Role.ADMIN, 169),
    "kontakt@jobvejen.demo.jobunivers.dk": (Role.PROVIDER, None),
}


def test_staff_credentials_work(small_demo: Session) -> None:
    users = small_demo.scalars(select(User).where(User.email.in_(STAFF_LOGINS))).all()
    assert len(users) == len(STAFF_LOGINS)
    for user in users:
        role, municipality_code = STAFF_LOGINS[user.email or ""]
        assert user.role is role
        assert user.active
        if municipality_code is None:
            assert user.municipality_id is None
        else:
            assert user.municipality is not None
            assert user.municipality.code == municipality_code
    # Every demo staff account shares one argon2id hash of the demo password.
    hashes = {user.password_hash for user in users}
    assert len(hashes) == 1
    (stored,) = hashes
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, DEMO_PASSWORD)


def test_same_seed_gives_identical_data(
    make_demo_session: Callable[[], Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_hash(monkeypatch)
    first, second, other = make_demo_session(), make_demo_session(), make_demo_session()
    load_demo(first, seed=7)
    load_demo(second, seed=7)
    load_demo(other, seed=8)

    def citizen_rows(session: Session) -> list[tuple[object, ...]]:
        return [tuple(row) for row in session.execute(select(Citizen.__table__))]

    def user_rows(session: Session) -> list[tuple[object, ...]]:
        table = User.__table__
        columns = [c for c in table.c if c.name != "created_at"]
        return [tuple(row) for row in session.execute(select(*columns))]

    assert citizen_rows(first) == citizen_rows(second)
    assert user_rows(first) == user_rows(second)
    assert citizen_rows(first) != citizen_rows(other)


def test_loading_twice_raises_and_duplicates_nothing(
    make_demo_session: Callable[[], Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_hash(monkeypatch)
    session = make_demo_session()
    assert not is_loaded(session)
    summary = load_demo(session)
    assert is_loaded(session)
    with pytest.raises(DemoAlreadyLoadedError):
        load_demo(session)
    assert session.scalar(select(func.count()).select_from(Citizen)) == summary.citizens
    assert summary == generator.DemoSummary(
        municipalities=98,
        citizens=160,
        caseworkers=196,
        providers=4,
        admins=98,
        size="small",
    )


def test_loading_writes_no_change_records(small_demo: Session) -> None:
    assert small_demo.scalar(select(func.count()).select_from(ChangeRecord)) == 0


def test_an_unknown_size_is_refused(make_demo_session: Callable[[], Session]) -> None:
    with pytest.raises(ValueError, match="huge"):
        load_demo(make_demo_session(), size="huge")


def test_progress_reports_the_staff_log_ins(
    make_demo_session: Callable[[], Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_hash(monkeypatch)
    messages: list[str] = []
    load_demo(make_demo_session(), progress=messages.append)
    output = "\n".join(messages)
    assert DEMO_PASSWORD in output
    assert "jobkonsulent1@koebenhavn.demo.jobunivers.dk" in output
    assert "admin@aarhus.demo.jobunivers.dk" in output
    assert "kontakt@jobvejen.demo.jobunivers.dk" in output


def test_national_size_spreads_citizens_by_population() -> None:
    counts = citizen_counts("national")
    assert sum(counts.values()) >= 120_000
    assert set(counts) == {code for code, _, _ in MUNICIPALITIES}
    assert all(count > 0 for count in counts.values())
    assert max(counts, key=counts.__getitem__) == 101
    assert counts[751] > counts[461] > counts[147] > counts[825]


def test_big_cities_get_their_own_postcodes() -> None:
    copenhagen = {int(info.code) for info in geo.postcodes_for(101)}
    assert all(
        1000 <= code <= 2450 or code in (2500, 2700, 2720) for code in copenhagen
    )
    assert {2100, 2200, 2300, 2400, 2450, 1550} <= copenhagen
    assert {int(info.code) for info in geo.postcodes_for(147)} >= {1800, 2000}
    for municipality_code, first, last in ((751, 8000, 8270), (461, 5000, 5270)):
        in_range = [
            info.code for info in geo.all_postcodes() if first <= int(info.code) <= last
        ]
        assert len(in_range) >= 9
        for code in in_range:
            assert geo.municipality_of_postcode(code) == municipality_code, code


def test_every_postcode_belongs_to_exactly_one_municipality() -> None:
    assigned = [
        info.code for code, _, _ in MUNICIPALITIES for info in geo.postcodes_for(code)
    ]
    assert len(assigned) == len(set(assigned)) == len(geo.all_postcodes())
    for code, _, _ in MUNICIPALITIES:
        seat = geo.seat_of(code)
        assert geo.municipality_of_postcode(seat.code) == code
    assert geo.postcode_info("0000") is None
    assert geo.postcode_info("2800") == geo.seat_of(173)
    assert geo.seat_of(173).city == "Kongens Lyngby"


def test_loads_into_the_migrated_database(
    db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real schema (PostgreSQL in CI): explicit ids, then the sequence moves on."""
    _fake_hash(monkeypatch)
    summary = load_demo(db)
    assert summary.citizens == 160
    assert summary.municipalities == 98
    highest = db.scalar(select(func.max(User.id)))
    assert highest is not None
    late = User(role=Role.ADMIN, display_name="Oprettet efter demo", active=True)
    db.add(late)
    db.flush()
    assert late.id > highest
