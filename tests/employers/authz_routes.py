"""The authorization matrix's routes of the employers' area.

A company reaches only its own offers and invitations (another company's: 404); a
citizen answers and blocks only from their own invitations; an administrator decides
only on companies of their own municipality.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app.employers.cvr import with_check_digit
from app.models import (
    Employer,
    EmployerInvitation,
    EmployerOffer,
    EmployerStaff,
    EmployerStatus,
    Hours,
    InvitationKind,
    InvitationState,
    MeetingMode,
    Municipality,
    OfferKind,
    Posting,
    Role,
)
from tests.route_cases import RouteCase, World


def _session(world: World) -> Session:
    session = object_session(world.citizens["same_municipality"])
    assert session is not None
    return session


def _employer_of(world: World, key: Any) -> Employer:
    session = _session(world)
    return session.scalars(
        select(Employer)
        .join(EmployerStaff, EmployerStaff.employer_id == Employer.id)
        .where(EmployerStaff.user_id == world.users[key].id)
    ).one()


def _offer(world: World, key: Any = Role.EMPLOYER) -> EmployerOffer:
    session = _session(world)
    employer = _employer_of(world, key)
    found = session.scalars(
        select(EmployerOffer).where(EmployerOffer.employer_id == employer.id)
    ).first()
    if found is None:
        found = EmployerOffer(
            employer_id=employer.id,
            kind=OfferKind.COFFEE,
            title="Kaffemøde",
            description="",
            postcode="2200",
            contact_name="Lone",
            meeting_mode=MeetingMode.VIDEO,
            meeting_place="Videomøde, link sendes efter dit ja",
            time_windows=[],
            active=True,
            created_at=datetime.now(UTC),
        )
        session.add(found)
        session.flush()
    return found


def _invitation(
    world: World, employer_key: Any = Role.EMPLOYER, citizen: Any = None
) -> EmployerInvitation:
    """An open invitation from the company to the logged-in citizen (or another)."""
    session = _session(world)
    offer = _offer(world, employer_key)
    citizen = citizen or world.users[Role.CITIZEN].citizen
    found = session.scalars(
        select(EmployerInvitation).where(
            EmployerInvitation.offer_id == offer.id,
            EmployerInvitation.citizen_id == citizen.id,
        )
    ).first()
    if found is None:
        now = datetime.now(UTC)
        found = EmployerInvitation(
            employer_id=offer.employer_id,
            offer_id=offer.id,
            citizen_id=citizen.id,
            kind=InvitationKind.COFFEE,
            message="",
            sent_by_user_id=world.users[employer_key].id,
            sent_at=now,
            expires_at=now + timedelta(days=14),
            state=InvitationState.SENT,
            share_phone=False,
            share_email=False,
        )
        session.add(found)
        session.flush()
    return found


def _posting(world: World, key: Any = Role.EMPLOYER) -> int:
    """The id of a job the company posted itself (made on first use)."""
    session = _session(world)
    employer = _employer_of(world, key)
    source = f"employer:{employer.id}"
    found = session.scalar(select(Posting.id).where(Posting.source == source))
    if found is None:
        posting = Posting(
            source=source,
            external_id=f"authz-{employer.id}",
            employer=employer.name,
            title="Lagermedarbejder",
            description="Pak varer.",
            postcode="2200",
            city="København N",
            latitude=55.69,
            longitude=12.55,
            hours=Hours.FULL_TIME,
        )
        session.add(posting)
        session.flush()
        found = posting.id
    return found


def _pending_employer(world: World, code: int) -> int:
    session = _session(world)
    municipality_id = session.scalars(
        select(Municipality.id).where(Municipality.code == code)
    ).one()
    employer = Employer(
        name=f"Venter ApS {code}",
        cvr=with_check_digit(3_571_000 + code) or "10150817",
        municipality_id=municipality_id,
        postcode="2200",
        city="København",
        status=EmployerStatus.PENDING,
        created_at=datetime.now(UTC),
        synthetic=True,
    )
    existing = session.scalars(select(Employer).where(Employer.cvr == employer.cvr))
    found = existing.first()
    if found is not None:
        return found.id
    session.add(employer)
    session.flush()
    return employer.id


def employers_cases() -> list[RouteCase]:
    employer = frozenset({Role.EMPLOYER})
    citizen = frozenset({Role.CITIZEN})
    admin = frozenset({Role.ADMIN})
    offer_url = "/virksomhed/tilbud/{}"
    cases = [
        RouteCase("employers.home", allowed=employer),
        RouteCase("employers.register"),
        RouteCase("employers.register", method="POST"),
        RouteCase("employers.new_offer", allowed=employer),
        RouteCase("employers.new_offer", method="POST", allowed=employer),
        # MitID Erhverv: public (404 while it is not configured, as in the matrix).
        RouteCase("auth.mitid_erhverv_start"),
        RouteCase("auth.mitid_erhverv_callback"),
        RouteCase("employers.postings_page", allowed=employer),
        RouteCase("employers.postings_page", method="POST", allowed=employer),
        *(
            RouteCase(
                "employers.withdraw_posting",
                method=method,
                allowed=employer,
                url=lambda w: f"/virksomhed/opslag/{_posting(w)}/tilbagekald",
                foreign={
                    Role.EMPLOYER: lambda w: (
                        f"/virksomhed/opslag/{_posting(w, 'other_employer')}"
                        "/tilbagekald"
                    )
                },
            )
            for method in ("GET", "POST")
        ),
        RouteCase(
            "employers.offer",
            allowed=employer,
            url=lambda w: offer_url.format(_offer(w).id),
            foreign={
                Role.EMPLOYER: lambda w: offer_url.format(
                    _offer(w, "other_employer").id
                )
            },
        ),
        RouteCase(
            "employers.offer_candidates_json",
            allowed=employer,
            url=lambda w: offer_url.format(_offer(w).id) + "/kandidater-json",
            foreign={
                Role.EMPLOYER: lambda w: (
                    offer_url.format(_offer(w, "other_employer").id)
                    + "/kandidater-json"
                )
            },
        ),
    ]
    for method in ("GET", "POST"):
        cases.append(
            RouteCase(
                "employers.candidate",
                method=method,
                allowed=employer,
                url=lambda w: offer_url.format(_offer(w).id) + "/kandidat/abc123",
                foreign={
                    Role.EMPLOYER: lambda w: (
                        offer_url.format(_offer(w, "other_employer").id)
                        + "/kandidat/abc123"
                    )
                },
            )
        )
    cases += [
        RouteCase(
            "employers.invitation",
            allowed=employer,
            url=lambda w: f"/virksomhed/henvendelser/{_invitation(w).id}",
            foreign={
                Role.EMPLOYER: lambda w: (
                    f"/virksomhed/henvendelser/{_invitation(w, 'other_employer').id}"
                )
            },
        ),
        RouteCase("employers.invitations", allowed=citizen),
        RouteCase(
            "employers.answer",
            method="POST",
            allowed=citizen,
            data={"answer": "no"},
            url=lambda w: f"/virksomheder/{_invitation(w).id}/svar",
            foreign={
                Role.CITIZEN: lambda w: (
                    "/virksomheder/"
                    f"{_invitation(w, citizen=w.citizens['same_municipality']).id}/svar"
                )
            },
        ),
    ]
    for method in ("GET", "POST"):
        cases.append(
            RouteCase(
                "employers.block",
                method=method,
                allowed=citizen,
                url=lambda w: f"/virksomheder/blokering/{_invitation(w).employer_id}",
                # A company that never contacted the citizen cannot be blocked here.
                foreign={
                    Role.CITIZEN: lambda w: (
                        "/virksomheder/blokering/"
                        f"{_employer_of(w, 'other_employer').id}"
                    )
                },
            )
        )
    cases += [
        RouteCase(
            "employers.unblock",
            method="POST",
            allowed=citizen,
            url=lambda w: (
                f"/virksomheder/blokering/{_invitation(w).employer_id}/ophaev"
            ),
        ),
        RouteCase("employers.internships", allowed=citizen),
        RouteCase("employers.admin_queue", allowed=admin),
    ]
    for endpoint, segment in (
        ("employers.approve", "godkend"),
        ("employers.reject", "afvis"),
    ):
        cases.append(
            RouteCase(
                endpoint,
                method="POST",
                allowed=admin,
                url=lambda w, s=segment: (
                    f"/administration/virksomheder/{_pending_employer(w, 101)}/{s}"
                ),
                foreign={
                    Role.ADMIN: lambda w, s=segment: (
                        f"/administration/virksomheder/{_pending_employer(w, 751)}/{s}"
                    )
                },
            )
        )
    return cases
