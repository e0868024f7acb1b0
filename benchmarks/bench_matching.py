"""Time job matching at national scale: 50,000 postings, 200 citizens.

Prints the index build time, median and p95 latency of a top-20 query, and the
speed-up over the plain loop (`naive_rank`) on a subset of the citizens.

Uses the ESCO taxonomy from the shared data for realism when it is there
(`../shared/data` from the repository root, or $JOBUNIVERS_SHARED_DATA), and a
synthetic taxonomy otherwise. Everything is generated from fixed seeds.

    .venv/bin/python benchmarks/bench_matching.py [--postings 50000] [--citizens 200]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _shared import shared_data  # noqa: E402  (benchmarks/ is the script's folder)

from app.ml.esco_csv import load_taxonomy  # noqa: E402
from app.ml.matching import CitizenProfile, Posting  # noqa: E402
from app.ml.naive_matching import naive_rank  # noqa: E402
from app.ml.taxonomy import OccupationSkills, Taxonomy, make_concept  # noqa: E402
from app.ml.vectorised_matching import MatchIndex, rank_jobs_for  # noqa: E402

# Danish towns (lat, lon, weight ~ population share) to scatter postings and citizens.
TOWNS = [
    (55.676, 12.568, 30),  # København
    (56.157, 10.211, 12),  # Aarhus
    (55.404, 10.402, 8),  # Odense
    (57.048, 9.919, 8),  # Aalborg
    (55.476, 8.459, 4),  # Esbjerg
    (55.709, 9.536, 4),  # Vejle
    (56.460, 10.036, 3),  # Randers
    (55.490, 9.472, 3),  # Kolding
    (56.138, 8.967, 3),  # Herning
    (55.641, 12.080, 3),  # Roskilde
    (55.231, 11.767, 2),  # Næstved
    (55.056, 14.918, 1),  # Rønne
]


def esco_taxonomy(data: Path) -> Taxonomy | None:
    esco = data / "esco"
    sources = [
        esco / "esco-v1.1.1-classification-en-csv.zip",
        esco / "esco-v1.1.1-relations-csv.zip",
        esco / "occupations_da.csv",
    ]
    if not all(p.exists() for p in sources):
        return None
    return load_taxonomy(sources)


def synthetic_taxonomy(seed: int = 7) -> Taxonomy:
    """3,000 occupations and 13,900 skills shaped roughly like ESCO."""
    rng = random.Random(seed)
    skills = [
        make_concept(f"s{i}", "skill", {"en": [f"skill {i}"]}) for i in range(13_900)
    ]
    occupations = []
    relations = []
    for i in range(3_000):
        group = "".join(str(rng.randint(1, top)) for top in (9, 4, 6, 9))
        occupations.append(
            make_concept(
                f"o{i}",
                "occupation",
                {"en": [f"occupation {i}", f"job {i}"], "da": [f"erhverv {i}"]},
                isco_group=group,
            )
        )
        # Skills cluster by ISCO unit group, as in ESCO.
        local = random.Random(group)
        pool = local.sample(range(13_900), 60)
        essential = {f"s{s}" for s in rng.sample(pool, 20)}
        optional = {f"s{s}" for s in rng.sample(pool, 20)} - essential
        relations.append(
            OccupationSkills(f"o{i}", frozenset(essential), frozenset(optional))
        )
    return Taxonomy.from_iterables(occupations, skills, relations, "synthetic")


def place(rng: random.Random) -> tuple[float, float]:
    lat, lon, _ = rng.choices(TOWNS, weights=[t[2] for t in TOWNS])[0]
    return lat + rng.gauss(0, 0.15), lon + rng.gauss(0, 0.25)


def make_postings(taxonomy: Taxonomy, n: int, seed: int = 42) -> list[Posting]:
    rng = random.Random(seed)
    occupations = sorted(u for u, r in taxonomy.relations.items() if r.essential)
    postings = []
    for pid in range(n):
        occ = rng.choice(occupations)
        rel = taxonomy.skills_for(occ)
        essential = sorted(rel.essential)
        optional = sorted(rel.optional)
        concept = taxonomy.occupations[occ]
        lang = rng.choice(concept.languages)
        title = rng.choice(concept.labels[lang][:3])
        lat, lon = place(rng)
        postings.append(
            Posting(
                id=pid,
                title=title,
                # One in ten is not coded to an occupation: only its title helps.
                occupation_uri=None if rng.random() < 0.1 else occ,
                essential_skills=frozenset(
                    rng.sample(
                        essential, max(1, int(len(essential) * rng.uniform(0.5, 1)))
                    )
                ),
                optional_skills=frozenset(
                    rng.sample(optional, int(len(optional) * rng.uniform(0, 0.6)))
                ),
                lat=lat,
                lon=lon,
                hours=rng.choices(["full", "part", "any"], weights=[6, 2, 2])[0],
            )
        )
    return postings


def make_citizens(taxonomy: Taxonomy, n: int, seed: int = 4242) -> list[CitizenProfile]:
    rng = random.Random(seed)
    occupations = sorted(u for u, r in taxonomy.relations.items() if r.essential)
    all_skills = sorted(taxonomy.skills)
    citizens = []
    for _ in range(n):
        history = rng.sample(occupations, rng.randint(0, 2))
        desired = rng.sample(occupations, rng.randint(1, 2))
        skills: set[str] = set(rng.sample(all_skills, 3))
        for occ in history + desired:
            essential = sorted(taxonomy.skills_for(occ).essential)
            skills |= set(rng.sample(essential, len(essential) // 2))
        lat, lon = place(rng)
        citizens.append(
            CitizenProfile(
                skills=frozenset(skills),
                desired_occupations=tuple(desired),
                occupation_history=tuple(history),
                lat=lat,
                lon=lon,
                max_distance_km=rng.choice([15.0, 30.0, 50.0, 100.0]),
                hours=rng.choice(["full", "part", "any"]),
                open_to_other_industries=rng.random() < 0.8,
            )
        )
    return citizens


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=50_000)
    parser.add_argument("--citizens", type=int, default=200)
    parser.add_argument("--naive-citizens", type=int, default=20)
    args = parser.parse_args()

    data = shared_data()
    taxonomy = esco_taxonomy(data) if data else None
    source = f"ESCO {taxonomy.version}" if taxonomy else "synthetic"
    if taxonomy is None:
        print("Shared ESCO data not found; using a synthetic taxonomy.")
        taxonomy = synthetic_taxonomy()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(
        f"taxonomy: {source}, {len(taxonomy.occupations)} occupations, "
        f"{len(taxonomy.skills)} skills"
    )

    postings = make_postings(taxonomy, args.postings)
    citizens = make_citizens(taxonomy, args.citizens)

    start = time.perf_counter()
    index = MatchIndex.build(postings, taxonomy)
    build_s = time.perf_counter() - start
    print(
        f"index build: {build_s:.2f} s for {len(postings):,} postings (target < 30 s)"
    )

    rank_jobs_for(citizens[0], index)  # warm-up (imports, caches)
    latencies = []
    cpu_ms = []
    results = []
    for citizen in citizens:
        start, start_cpu = time.perf_counter(), time.process_time()
        results.append(rank_jobs_for(citizen, index, limit=20))
        latencies.append((time.perf_counter() - start) * 1000)
        cpu_ms.append((time.process_time() - start_cpu) * 1000)
    per_citizen_ms = latencies[:]
    per_citizen_cpu = cpu_ms[:]
    # Wall time suffers when other processes share the cores; CPU time of this
    # process shows the work itself.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    for name, values in (("wall", latencies), ("cpu", cpu_ms)):
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(
            f"top-20 {name} time over {len(citizens)} citizens: median "
            f"{statistics.median(values):.1f} ms, p95 {p95:.1f} ms, "
            f"max {values[-1]:.1f} ms (target p95 < 20 ms)"
        )
    print(f"load average during the run: {load:.1f}")

    subset = citizens[: args.naive_citizens]
    naive_wall = []
    naive_cpu = []
    agree = 0
    for citizen, fast in zip(subset, results, strict=False):
        start, start_cpu = time.perf_counter(), time.process_time()
        slow = naive_rank(citizen, postings, taxonomy, limit=20)
        naive_wall.append((time.perf_counter() - start) * 1000)
        naive_cpu.append((time.process_time() - start_cpu) * 1000)
        agree += [m.posting_id for m in slow] == [m.posting_id for m in fast]
    for name, slow_ms, fast_ms in (
        ("wall", naive_wall, per_citizen_ms[: len(subset)]),
        ("cpu", naive_cpu, per_citizen_cpu[: len(subset)]),
    ):
        mean_naive, mean_fast = statistics.mean(slow_ms), statistics.mean(fast_ms)
        print(
            f"naive loop on {len(subset)} citizens ({name}): mean {mean_naive:.0f} ms; "
            f"vectorised mean {mean_fast:.1f} ms on the same citizens; "
            f"speed-up {mean_naive / mean_fast:.0f}x (target >= 50x)"
        )
    print(f"identical top-20 (vectorised vs loop): {agree}/{len(subset)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
