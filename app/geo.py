"""Real Danish postcodes with coordinates, mapped to municipalities (distances, addresses).

Each postcode goes to the municipality whose seat town is nearest (haversine), with a
short list of corrections where the nearest seat is known to be the wrong answer. The
tables (seat towns, coordinate fixes, corrections) are in app.data.geo_tables.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import cache

from app.data.geo_tables import COORDINATE_FIXES, CORRECTIONS, SEAT_TOWNS
from app.data.municipalities import MUNICIPALITIES


@dataclass(frozen=True)
class PostcodeInfo:
    """One Danish postcode: its four digits, town name and coordinates."""

    code: str
    city: str
    lat: float
    lon: float


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in kilometres between two points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@cache
def all_postcodes() -> tuple[PostcodeInfo, ...]:
    """Every Danish postcode in the register, in code order."""
    # Imported here: the register is only needed when demo data is generated.
    from countrystatecity_postal_codes import get_postcodes_of_country

    infos = []
    for row in get_postcodes_of_country("DK"):
        lat, lon = COORDINATE_FIXES.get(
            row.code, (float(row.latitude), float(row.longitude))
        )
        infos.append(
            PostcodeInfo(code=row.code, city=row.localityName, lat=lat, lon=lon)
        )
    return tuple(sorted(infos, key=lambda info: info.code))


@cache
def _by_code() -> dict[str, PostcodeInfo]:
    return {info.code: info for info in all_postcodes()}


@cache
def seat_of(municipality_code: int) -> PostcodeInfo:
    """The postcode of a municipality's seat town (the lowest, if it has several)."""
    town = SEAT_TOWNS[municipality_code]
    for info in all_postcodes():
        if info.city == town:
            return info
    raise LookupError(f"seat town {town!r} of {municipality_code} has no postcode")


@cache
def _assignment() -> dict[str, int]:
    seats = [(code, seat_of(code)) for code, _name, _region in MUNICIPALITIES]
    assigned: dict[str, int] = {}
    for info in all_postcodes():
        nearest, _seat = min(
            seats,
            key=lambda item: haversine_km(info.lat, info.lon, item[1].lat, item[1].lon),
        )
        assigned[info.code] = _corrected(info.code, nearest)
    return assigned


def _corrected(code: str, nearest: int) -> int:
    # Frederiksberg is an enclave inside København, so distances to two town halls
    # 3 km apart say little; the postcode ranges themselves follow the border well.
    number = int(code)
    if 1800 <= number <= 2000:
        return 147
    if number < 1800 or 2100 <= number <= 2450 or code in ("2500", "2700", "2720"):
        return 101
    return CORRECTIONS.get(code, nearest)


@cache
def _postcodes_by_municipality() -> dict[int, tuple[PostcodeInfo, ...]]:
    grouped: dict[int, list[PostcodeInfo]] = {code: [] for code, _, _ in MUNICIPALITIES}
    for postcode, municipality_code in _assignment().items():
        grouped[municipality_code].append(_by_code()[postcode])
    return {code: tuple(infos) for code, infos in grouped.items()}


def postcodes_for(municipality_code: int) -> list[PostcodeInfo]:
    """The postcodes assigned to a municipality, in code order."""
    return list(_postcodes_by_municipality()[municipality_code])


def postcode_info(code: str) -> PostcodeInfo | None:
    """The register entry for a four-digit postcode, or None if there is none."""
    return _by_code().get(code)


def municipality_of_postcode(code: str) -> int | None:
    """The code of the municipality a postcode is assigned to, or None if unknown."""
    return _assignment().get(code)


@cache
def towns_of(
    municipality_code: int, seat_weight: int
) -> tuple[tuple[tuple[PostcodeInfo, ...], ...], tuple[int, ...]]:
    """The municipality's towns (each with its postcodes) and cumulative weights for
    random.choices: each town counts once however many postcodes it has (central
    København has hundreds of one-street codes), the seat town seat_weight times."""
    by_town: dict[str, list[PostcodeInfo]] = {}
    for info in postcodes_for(municipality_code):
        by_town.setdefault(info.city, []).append(info)
    seat = seat_of(municipality_code).city
    towns = tuple(tuple(group) for group in by_town.values())
    weights = [seat_weight if group[0].city == seat else 1 for group in towns]
    return towns, tuple(itertools.accumulate(weights))
