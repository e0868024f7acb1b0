"""The authorization matrix's routes of Mine data and the caseworkers' corrections."""

from __future__ import annotations

from typing import Any

from app.models import Role
from tests.route_cases import RouteCase, World


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


def consent_cases() -> list[RouteCase]:
    """Mine data: the citizen's own pages; caseworkers decide corrections."""
    citizen = frozenset({Role.CITIZEN})
    caseworker = frozenset({Role.CASEWORKER})
    return [
        # One category of the citizen's own data (nothing in the URL names a citizen).
        RouteCase(
            "consent.my_data_category",
            allowed=citizen,
            url=lambda _world: "/mine-data/kategori/identity",
        ),
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
