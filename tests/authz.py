"""The authorization matrix registry: every route, who may use it, and whose objects.

Each issue that adds a route adds it here. `test_authorization.py` checks every route for
every role (and anonymous), and that no route in the app is missing from this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.models import Role

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class World:
    """The people a matrix test acts as and acts on: two of each, in two municipalities."""

    users: dict[str, Any]
    citizens: dict[str, Any]


@dataclass(frozen=True)
class RouteCase:
    endpoint: str
    method: str = "GET"
    # None: public. Otherwise the roles that may use the route.
    allowed: frozenset[Role] | None = None
    # Builds the URL from the world (for routes with parameters); default: url_for(endpoint).
    url: Callable[[World], str] | None = None
    data: dict[str, Any] = field(default_factory=dict)
    # For routes about one citizen/provider's object: a URL to an object the acting user of
    # that role must NOT reach (another citizen, provider or municipality): 403 or 404.
    foreign: dict[Role, Callable[[World], str]] = field(default_factory=dict)


def _cv_row(path: str, factory: Callable[[Any, int], Any], suffix: str = "") -> Any:
    """A URL to a CV row of another citizen (rows are made in the world's session)."""

    def build(world: World) -> str:
        from sqlalchemy.orm import object_session

        other = world.citizens["same_municipality"]
        session = object_session(other)
        assert session is not None
        row = factory(session, other.id)
        session.add(row)
        session.flush()
        return f"/mit-cv/{path}/{row.id}{suffix}"

    return build


def _cv_cases() -> list[RouteCase]:
    """Mit CV: every route is the citizen's own; row ids of others answer 404."""
    from datetime import date

    from app.models import (
        Certificate,
        CitizenSkill,
        Education,
        EducationLevel,
        LanguageLevel,
        LanguageSkill,
        WorkExperience,
    )

    citizen = frozenset({Role.CITIZEN})
    cases = [
        RouteCase(endpoint, allowed=citizen)
        for endpoint in (
            "cv.overview",
            "cv.skills",
            "cv.languages",
            "cv.competences",
            "cv.licences",
            "cv.visibility",
        )
    ]
    rows: dict[str, tuple[str, Callable[[Any, int], Any]]] = {
        "education": (
            "uddannelse",
            lambda _s, cid: Education(
                citizen_id=cid, level=EducationLevel.MASTER, title="Jura"
            ),
        ),
        "work": (
            "job",
            lambda _s, cid: WorkExperience(
                citizen_id=cid, title_as_written="Kok", started_on=date(2020, 1, 1)
            ),
        ),
        "certificate": (
            "certifikater",
            lambda _s, cid: Certificate(citizen_id=cid, name="Truckcertifikat"),
        ),
    }
    for kind, (path, factory) in rows.items():
        cases.append(RouteCase(f"cv.{kind}_add", allowed=citizen))
        for suffix, endpoint in (("", "edit"), ("/slet", "remove")):
            for method in ("GET", "POST"):
                cases.append(
                    RouteCase(
                        f"cv.{kind}_{endpoint}",
                        method=method,
                        allowed=citizen,
                        url=lambda world, p=path, s=suffix: f"/mit-cv/{p}/999999999{s}",
                        foreign={Role.CITIZEN: _cv_row(path, factory, suffix)},
                    )
                )

    def skill(session: Any, cid: int) -> Any:
        return CitizenSkill(citizen_id=cid, skill_id=_a_skill_id(session))

    for endpoint, path, factory in (
        ("cv.skill_remove", "faglige-kompetencer", skill),
        (
            "cv.language_remove",
            "sprog",
            lambda _s, cid: LanguageSkill(
                citizen_id=cid, language="en", level=LanguageLevel.GOOD
            ),
        ),
    ):
        for method in ("GET", "POST"):
            cases.append(
                RouteCase(
                    endpoint,
                    method=method,
                    allowed=citizen,
                    url=lambda world, p=path: f"/mit-cv/{p}/999999999/slet",
                    foreign={Role.CITIZEN: _cv_row(path, factory, "/slet")},
                )
            )
    return cases


def _a_skill_id(session: Any) -> int:
    from sqlalchemy import select

    from app.models import Skill, TaxonomySource

    found = session.scalar(select(Skill.id).limit(1))
    if found is not None:
        return found
    source = TaxonomySource(name="authz", version="1", languages="da")
    session.add(source)
    session.flush()
    skill = Skill(uri="authz:skill/1", source_id=source.id)
    session.add(skill)
    session.flush()
    return skill.id


def _jobsearch_row(model: str, path: str) -> Any:
    """A URL to a job-search log entry or plan item of another citizen."""

    def build(world: World) -> str:
        from datetime import UTC, date, datetime

        from sqlalchemy.orm import object_session

        from app.models.jobsearch import (
            JobLogEntry,
            LogKind,
            LogStatus,
            PlanItem,
            PlanKind,
        )

        other = world.citizens["same_municipality"]
        session = object_session(other)
        assert session is not None
        row: Any
        if model == "joblog":
            row = JobLogEntry(
                citizen_id=other.id,
                kind=LogKind.APPLICATION,
                title="Lagermedarbejder",
                on_date=date.today(),
                status=LogStatus.SENT,
                created_at=datetime.now(UTC),
            )
        else:
            row = PlanItem(
                citizen_id=other.id,
                kind=PlanKind.GOAL,
                text="Et mål",
                author_role="citizen",
                created_at=datetime.now(UTC),
            )
        session.add(row)
        session.flush()
        return path.format(id=row.id)

    return build


def _jobsearch_cases() -> list[RouteCase]:
    """Joblog, Min plan, asking for a person and the cards of Min side (helper A3)."""
    citizen = frozenset({Role.CITIZEN})
    cases = [
        RouteCase("jobsearch.joblog", allowed=citizen),
        RouteCase("jobsearch.joblog_new", allowed=citizen),
        RouteCase("jobsearch.joblog_new", method="POST", allowed=citizen),
        RouteCase("jobsearch.plan", allowed=citizen),
        RouteCase("jobsearch.plan_new", allowed=citizen),
        RouteCase("jobsearch.plan_new", method="POST", allowed=citizen),
        RouteCase("dialogue.contact"),
        RouteCase("dialogue.contact_send", method="POST", allowed=citizen),
        RouteCase("dialogue.contact_sent", allowed=citizen),
        RouteCase("dialogue.contact_cancel", allowed=citizen),
        RouteCase("dialogue.contact_cancel", method="POST", allowed=citizen),
        RouteCase(
            "portal.dashboard_card",
            allowed=citizen,
            url=lambda world: "/min-side/kort/joblog",
        ),
    ]
    rows = [
        ("joblog_edit", "joblog", "/joblog/{id}/ret", ("GET", "POST")),
        ("joblog_delete", "joblog", "/joblog/{id}/slet", ("GET", "POST")),
        ("plan_edit", "plan", "/min-plan/{id}/ret", ("GET", "POST")),
        ("plan_delete", "plan", "/min-plan/{id}/slet", ("GET", "POST")),
        ("plan_done", "plan", "/min-plan/{id}/udfoert", ("POST",)),
    ]
    for endpoint, model, path, methods in rows:
        for method in methods:
            cases.append(
                RouteCase(
                    f"jobsearch.{endpoint}",
                    method=method,
                    allowed=citizen,
                    url=lambda world, p=path: p.format(id=999999999),
                    foreign={Role.CITIZEN: _jobsearch_row(model, path)},
                )
            )
    return cases


def _consent_row(kind: str, path: str, municipality: str = "same_municipality") -> Any:
    """A URL to a consent receipt or correction request of another citizen."""

    def build(world: World) -> str:
        from datetime import UTC, datetime

        from sqlalchemy.orm import object_session

        from app.models import ConsentEvent, ConsentPurpose, CorrectionRequest

        other = world.citizens[municipality]
        session = object_session(other)
        assert session is not None
        row: Any
        if kind == "receipt":
            row = ConsentEvent(
                citizen_id=other.id,
                purpose=ConsentPurpose.SHARE_CV,
                given=True,
                at=datetime.now(UTC),
                receipt_code=f"authz-{other.id}",
            )
        else:
            row = CorrectionRequest(
                citizen_id=other.id,
                table_name="citizen",
                row_id=other.id,
                field="last_name",
                current_value=other.last_name,
                proposed_value="Andersen",
                reason="Jeg er blevet gift",
                created_at=datetime.now(UTC),
            )
        session.add(row)
        session.flush()
        return path.format(id=row.id, citizen=other.id)

    return build


def _consent_cases() -> list[RouteCase]:
    """Mine data (helper B): the citizen's own pages; caseworkers decide corrections."""
    citizen = frozenset({Role.CITIZEN})
    caseworker = frozenset({Role.CASEWORKER})
    return [
        RouteCase("consent.consents", allowed=citizen),
        RouteCase(
            "consent.consent_change",
            method="POST",
            allowed=citizen,
            data={"purpose": "share_cv", "action": "give"},
        ),
        RouteCase(
            "consent.consent_receipt",
            allowed=citizen,
            url=lambda world: "/mine-data/samtykker/kvitteringer/999999999",
            foreign={
                Role.CITIZEN: _consent_row(
                    "receipt", "/mine-data/samtykker/kvitteringer/{id}"
                )
            },
        ),
        RouteCase("consent.objection", allowed=citizen),
        RouteCase("consent.objection_withdraw", method="POST", allowed=citizen),
        RouteCase("consent.corrections", allowed=citizen),
        RouteCase(
            "consent.correction_new",
            allowed=citizen,
            url=lambda world: (
                "/mine-data/rettelser/ny?tabel=citizen&felt=last_name&raekke=999999999"
            ),
            foreign={
                Role.CITIZEN: lambda world: (
                    "/mine-data/rettelser/ny?tabel=citizen"
                    f"&felt=last_name&raekke={world.citizens['same_municipality'].id}"
                )
            },
        ),
        RouteCase(
            "consent.correction_withdraw",
            allowed=citizen,
            url=lambda world: "/mine-data/rettelser/999999999/tilbagekald",
            foreign={
                Role.CITIZEN: _consent_row(
                    "correction", "/mine-data/rettelser/{id}/tilbagekald"
                )
            },
        ),
        RouteCase("consent.access_log", allowed=citizen),
        RouteCase("consent.export", allowed=citizen),
        RouteCase("consent.export_as_json", allowed=citizen),
        RouteCase("consent.export_as_csv", allowed=citizen),
        RouteCase("consent.export_printable", allowed=citizen),
        RouteCase("consent.algorithms"),
        RouteCase(
            "consent.staff_corrections",
            allowed=caseworker,
            foreign={
                Role.CASEWORKER: _consent_row(
                    "correction",
                    "/sagsbehandler/rettelser?borger={citizen}",
                    "other_municipality",
                )
            },
        ),
        RouteCase(
            "consent.staff_correction",
            allowed=caseworker,
            url=lambda world: "/sagsbehandler/rettelser/999999999",
            foreign={
                Role.CASEWORKER: _consent_row(
                    "correction",
                    "/sagsbehandler/rettelser/{id}",
                    "other_municipality",
                )
            },
        ),
    ]


def _queued_case(world: World) -> int:
    """Put the other municipality's citizen in its queue (so only scoping can refuse)."""
    from datetime import UTC, datetime

    from sqlalchemy import select
    from sqlalchemy.orm import object_session

    from app.models import Case, CaseStatus, RouteReason

    other = world.citizens["other_municipality"]
    session = object_session(other)
    assert session is not None
    if session.scalar(select(Case.id).where(Case.citizen_id == other.id)) is None:
        session.add(
            Case(
                citizen_id=other.id,
                municipality_id=other.municipality_id,
                status=CaseStatus.QUEUED,
                queue_reason=RouteReason.ASKED_FOR_PERSON,
                priority=1.0,
                language="da",
                queued_at=datetime.now(UTC),
                version=0,
            )
        )
        session.flush()
    return other.id


def _case_cases() -> list[RouteCase]:
    """The caseworker's workspace (helper D): the queue and one citizen's case.

    Every case URL names a citizen: a caseworker of another municipality gets 404,
    also for a citizen who is waiting in that other queue.
    """
    caseworker = frozenset({Role.CASEWORKER})
    base = "/sagsbehandler/borger/{id}"
    routes: list[tuple[str, str, str, dict[str, Any]]] = [
        ("casework.case", "GET", "", {}),
        ("casework.claim", "POST", "/tag", {}),
        ("casework.release", "POST", "/frigiv", {}),
        ("casework.add_note", "POST", "/notat", {"note": "Hej"}),
        ("casework.add_plan_item", "POST", "/plan", {"kind": "goal", "text": "Job"}),
        ("casework.agree_plan_item", "POST", "/plan/999999999/aftalt", {}),
        ("casework.override", "GET", "/skift-spor", {}),
        (
            "casework.override",
            "POST",
            "/skift-spor",
            {"to_track": "self_service", "reason_code": "health", "note": "x"},
        ),
        ("casework.close", "GET", "/luk", {}),
        ("casework.close", "POST", "/luk", {"note": "Lukket"}),
    ]
    cases = [
        RouteCase("casework.queue", allowed=caseworker),
        RouteCase("casework.queue_counts", allowed=caseworker),
        RouteCase("casework.claim_next", method="POST", allowed=caseworker),
        RouteCase("casework.override_rates", allowed=frozenset({Role.ADMIN})),
    ]
    for endpoint, method, suffix, data in routes:
        cases.append(
            RouteCase(
                endpoint,
                method=method,
                allowed=caseworker,
                data=data,
                url=lambda world, s=suffix: (base + s).format(
                    id=world.citizens["same_municipality"].id
                ),
                foreign={
                    Role.CASEWORKER: lambda world, s=suffix: (base + s).format(
                        id=_queued_case(world)
                    )
                },
            )
        )
    return cases


def _onboarding_cases() -> list[RouteCase]:
    """The guide, the screening answers and the wishes page (helper A1): each shows and
    changes only the logged-in citizen's own data (nothing in the URL names a citizen;
    removing a desired occupation by id is limited to one's own, tested in
    tests/portal/test_preferences.py)."""
    citizen = frozenset({Role.CITIZEN})
    cases = [RouteCase("onboarding.start", allowed=citizen)]
    for method in ("GET", "POST"):
        for step in (1, 5):
            cases.append(
                RouteCase(
                    "onboarding.step",
                    method=method,
                    allowed=citizen,
                    url=lambda world, n=step: f"/kom-i-gang/{n}",
                )
            )
        cases.append(RouteCase("onboarding.situation", method=method, allowed=citizen))
        cases.append(RouteCase("onboarding.wishes", method=method, allowed=citizen))
    return cases


ROUTES: list[RouteCase] = [
    RouteCase("portal.index"),
    RouteCase("portal.accessibility"),
    RouteCase("portal.about_data"),
    RouteCase("portal.privacy"),
    RouteCase("portal.set_language", method="POST", data={"lang": "en", "next": "/"}),
    RouteCase("portal.dashboard", allowed=frozenset({Role.CITIZEN})),
    RouteCase("auth.login"),
    RouteCase("auth.staff_login"),
    RouteCase("auth.demo_mitid"),
    RouteCase("auth.mitid_start"),
    RouteCase("auth.mitid_callback"),
    RouteCase("auth.logout", method="POST"),
    RouteCase("consent.my_data", allowed=frozenset({Role.CITIZEN})),
    # Job matching: postings are public data, and each page shows only the logged-in
    # citizen's own matches (nothing in the URL names a citizen), so no `foreign`.
    RouteCase("jobs.for_you", allowed=frozenset({Role.CITIZEN})),
    RouteCase(
        "jobs.posting",
        allowed=frozenset({Role.CITIZEN}),
        url=lambda world: "/job/999999999",
    ),
    RouteCase("jobs.alternatives", allowed=frozenset({Role.CITIZEN})),
    RouteCase(
        "taxonomy.suggest_occupations",
        allowed=frozenset({Role.CITIZEN, Role.CASEWORKER}),
    ),
    RouteCase(
        "taxonomy.suggest_skills", allowed=frozenset({Role.CITIZEN, Role.CASEWORKER})
    ),
    *_cv_cases(),
    *_jobsearch_cases(),
    *_consent_cases(),
    *_onboarding_cases(),
    RouteCase("marketplace.provider_home", allowed=frozenset({Role.PROVIDER})),
    RouteCase("casework.home", allowed=frozenset({Role.CASEWORKER})),
    RouteCase("casework.admin_home", allowed=frozenset({Role.ADMIN})),
    *_case_cases(),
    # Segmentation (helper C): Din vej shows only the citizen's own track (no id in
    # the URL); the model card is public; the fairness audit is for administrators.
    RouteCase("segmentation.my_track", allowed=frozenset({Role.CITIZEN})),
    RouteCase("segmentation.model_card"),
    RouteCase("segmentation.fairness_audit", allowed=frozenset({Role.ADMIN})),
]
