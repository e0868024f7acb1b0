"""The authorization matrix's routes of Mit CV: every route is the citizen's own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.models import Role
from tests.route_cases import RouteCase, World


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


def cv_cases() -> list[RouteCase]:
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
