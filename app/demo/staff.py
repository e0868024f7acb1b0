"""SYNTHETIC demo staff and providers: caseworkers and an administrator for every
municipality, and approved providers with one log-in each.

The providers' CVR numbers are fictitious and every staff address is under
demo.jobunivers.dk. The staff's names come from the load's shared Random (app.demo.people)
in a fixed order, so the same seed gives the same staff.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.data import demo_names
from app.data.municipalities import MUNICIPALITIES
from app.demo.people import (
    DEFAULT_OTHER_ORIGIN_SHARE,
    DEMO_DOMAIN,
    People,
    UserIds,
    slugify,
)
from app.demo.sizes import SMALL_CITIZEN_MUNICIPALITIES
from app.models import Caseworker, Provider, ProviderState, Role, User

DEMO_PASSWORD = "demo-adgangskode-2026"
SMALL_PROVIDERS = 4
# National size: one caseworker per this many citizens (at least two per municipality).
NATIONAL_CITIZENS_PER_CASEWORKER = 500


def staff_email(local_part: str, municipality_name: str) -> str:
    """A demo staff address, e.g. jobkonsulent1@koebenhavn.demo.jobunivers.dk."""
    return f"{local_part}@{slugify(municipality_name)}.{DEMO_DOMAIN}"


def provider_email(provider_slug: str) -> str:
    """A demo provider's address, e.g. kontakt@jobvejen.demo.jobunivers.dk."""
    return f"kontakt@{provider_slug}.{DEMO_DOMAIN}"


def _fictitious_cvr(rng: Random) -> str:
    # Real CVR numbers pass a modulus-11 check; ours deliberately fail it, so a demo
    # firm can never be mistaken for (or collide with) a registered company.
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        if sum(d * w for d, w in zip(digits, weights, strict=True)) % 11:
            return "".join(map(str, digits))


class StaffLoader:
    """Inserts the demo providers and staff, all sharing one password hash."""

    def __init__(
        self,
        session: Session,
        people: People,
        user_ids: UserIds,
        password_hash: str,
        report: Callable[[str], None],
    ) -> None:
        self.session = session
        self.people = people
        self.user_ids = user_ids
        self.password_hash = password_hash
        self.report = report

    def create_providers(self, size: str) -> list[tuple[Provider, str]]:
        """The approved providers (four at the small size) and their log-ins."""
        count = SMALL_PROVIDERS if size == "small" else len(demo_names.PROVIDER_NAMES)
        created = []
        for name, slug in demo_names.PROVIDER_NAMES[:count]:
            provider = Provider(
                name=name,
                cvr=_fictitious_cvr(self.people.rng),
                state=ProviderState.APPROVED,
                synthetic=True,
            )
            self.session.add(provider)
            created.append((provider, slug))
        self.session.flush()
        users = [
            self._staff_user(provider_email(slug), None, Role.PROVIDER, provider.id)
            for provider, slug in created
        ]
        self.session.execute(insert(User.__table__), users)
        self.report(f"Providers: {len(created)} approved, one log-in each.")
        return created

    def create_staff(
        self, size: str, counts: dict[int, int], municipality_ids: dict[int, int]
    ) -> tuple[int, int]:
        """Caseworkers and an administrator for every municipality; returns both counts."""
        users: list[dict[str, Any]] = []
        caseworkers: list[dict[str, Any]] = []
        admins = 0
        for code, name, _region in MUNICIPALITIES:
            municipality_id = municipality_ids[code]
            if size == "small":
                number = 2
            else:
                number = max(2, round(counts[code] / NATIONAL_CITIZENS_PER_CASEWORKER))
            for index in range(number):
                title = "Jobkonsulent" if index % 2 == 0 else "Sagsbehandler"
                email = staff_email(f"{title.lower()}{index // 2 + 1}", name)
                user = self._staff_user(email, municipality_id, Role.CASEWORKER, None)
                users.append(user)
                caseworkers.append({"user_id": user["id"], "job_title": title})
            users.append(
                self._staff_user(
                    staff_email("admin", name), municipality_id, Role.ADMIN, None
                )
            )
            admins += 1
        self.session.execute(insert(User.__table__), users)
        self.session.execute(insert(Caseworker.__table__), caseworkers)
        self.report(
            f"Staff: {len(caseworkers)} caseworkers and {admins} administrators."
        )
        return len(caseworkers), admins

    def _staff_user(
        self,
        email: str,
        municipality_id: int | None,
        role: Role,
        provider_id: int | None,
    ) -> dict[str, Any]:
        rng = self.people.rng
        sex = rng.choice("FM")
        birth_year = self.people.reference_date.year - rng.randint(25, 63)
        first, last = self.people.person(sex, birth_year, DEFAULT_OTHER_ORIGIN_SHARE)
        return {
            "id": self.user_ids.take(),
            "role": role,
            "email": email,
            "password_hash": self.password_hash,
            "mitid_subject": None,
            "display_name": f"{first} {last}",
            "municipality_id": municipality_id,
            "provider_id": provider_id,
            "active": True,
            "locale": "da",
        }


def login_lines(providers: list[tuple[Provider, str]]) -> list[str]:
    """The staff and provider log-ins to try, for the load's report."""
    names_by_code = {code: name for code, name, _ in MUNICIPALITIES}
    lines = [f"Staff log-ins (password for all: {DEMO_PASSWORD}):"]
    for code in SMALL_CITIZEN_MUNICIPALITIES:
        name = names_by_code[code]
        for local_part in ("jobkonsulent1", "sagsbehandler1", "admin"):
            lines.append(f"  {staff_email(local_part, name)}")
    for provider, slug in providers:
        lines.append(f"  {provider_email(slug)}  ({provider.name})")
    lines.append(
        "  and jobkonsulent1@, sagsbehandler1@ and admin@<municipality>."
        f"{DEMO_DOMAIN} for every municipality."
    )
    return lines
