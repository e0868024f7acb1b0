"""The CVR check digit and the k-threshold of anonymous profiles (pure functions)."""

from __future__ import annotations

from app.employers.anonymity import FIELDS, LADDER, Features, K, generalise, shown
from app.employers.cvr import valid_cvr, with_check_digit


def test_cvr_numbers_pass_only_with_the_mod_11_check_digit() -> None:
    assert valid_cvr("10150817")
    assert valid_cvr("DK 10 15 08 17")
    assert not valid_cvr("10150818")  # the check digit is wrong
    assert not valid_cvr("1015081")  # seven digits
    assert not valid_cvr("01508170")  # starts with 0
    assert not valid_cvr("１０１５０８１７")  # full-width digits
    made = with_check_digit(3_571_000)
    assert made is not None and valid_cvr(made)


def _cook(**overrides) -> Features:
    values = {
        "occupations": frozenset({"occ:kok"}),
        "in_offer_occupation": True,
        "skills": frozenset({"skill:cooking"}),
        "experience_years": 4,
        "education": "vocational",
        "languages": frozenset({"da"}),
        "licences": frozenset({"B"}),
        "distance_km": 3.0,
    }
    values.update(overrides)
    return Features(**values)


def _signature(values: dict) -> tuple:
    return tuple(values[name] for name in FIELDS)


def test_every_shown_profile_is_shared_by_at_least_k_of_the_pool() -> None:
    pool = [
        _cook(experience_years=years, distance_km=km)
        for years in (0, 1, 2, 4, 7, 12)
        for km in (2.0, 9.0, 20.0)
    ]
    pool.append(_cook(languages=frozenset({"da", "ar", "so"}), licences=frozenset()))
    found = generalise(pool, pool)
    for profile in found:
        if profile is None:
            continue
        level = LADDER[profile.level]
        same = sum(
            1 for f in pool if _signature(shown(f, level)) == _signature(profile.values)
        )
        assert same >= K
        assert profile.group_size == same


def test_a_profile_only_it_has_is_coarsened_or_hidden() -> None:
    alike = [_cook() for _ in range(5)]
    unusual = _cook(languages=frozenset({"is"}))  # the only Icelandic speaker
    pool = [*alike, unusual]
    exact, coarse = generalise([alike[0], unusual], pool)
    assert exact is not None and exact.level == 0
    assert coarse is not None and coarse.level > 0
    assert coarse.values["languages"] is None  # the rare language is not shown


def test_fewer_than_k_citizens_are_never_shown() -> None:
    pool = [_cook() for _ in range(K - 1)]
    assert generalise(pool, pool) == [None] * (K - 1)
