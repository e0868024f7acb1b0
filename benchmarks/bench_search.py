"""Time the public job search on 50,000 current postings, on SQLite and PostgreSQL.

Migrates a fresh database (the migration makes the full-text index: FTS5 with triggers on
SQLite, a GIN index on PostgreSQL), inserts the postings in batches (the time includes
keeping the index), then runs a fixed mix of searches (words, words and filters, the empty
search, distance order, a word that finds nothing, page 50) through
app.jobs.search.search_postings, in-process, and prints the median and p95 latency per
database against the target of 50 ms. Everything is generated from a fixed seed.

    .venv/bin/python benchmarks/bench_search.py [--postings 50000] [--repeat 5]
        [--postgresql postgresql://postgres@127.0.0.1:5432/jobunivers_bench_search]

PostgreSQL is timed when --postgresql (or $BENCH_POSTGRESQL_URL) names a database the
script may drop and create; SQLite always, in a temporary file.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, make_url, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app import geo  # noqa: E402
from app.data import demo_postings  # noqa: E402
from app.db import make_engine  # noqa: E402
from app.jobs.search import JobSearch, search_postings  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.models import Hours, Posting  # noqa: E402

TARGET_MS = 50
TITLES = [
    "Sygeplejerske",
    "Sygeplejersker til akutmodtagelsen",
    "Social- og sundhedshjælper",
    "Social- og sundhedsassistent",
    "Pædagog",
    "Pædagogmedhjælper",
    "Lagermedarbejder",
    "Lagerarbejdere til nathold",
    "Chauffør",
    "Buschauffører",
    "Kok",
    "Kokke til kantinen",
    "Tjener",
    "Rengøringsassistent",
    "Butiksmedarbejder",
    "Salgsassistent",
    "Tømrer",
    "Elektriker",
    "Murer",
    "Maskinoperatør",
    "Bogholder",
    "Kontorassistent",
    "Softwareudvikler",
    "IT-supporter",
    "Gartner",
    "Landmand",
    "Slagter",
    "Bager",
    "Frisør",
    "Vagt",
    "Nurse",
    "Warehouse worker",
    "Software developer",
    "Chef",
    "Cleaner",
]
QUERIES = [
    JobSearch(),
    JobSearch(text="sygeplejerske"),
    JobSearch(text="sygeplejersker", municipality_code=101),
    JobSearch(text="lager", hours=Hours.PART_TIME),
    JobSearch(text="pædagog", postcode="8000", distance_km=25, sort="distance"),
    JobSearch(text="chauffør", sort="deadline"),
    JobSearch(text="kok kantine"),
    JobSearch(text="software developer"),
    JobSearch(text="nurses"),
    JobSearch(municipality_code=751, hours=Hours.FULL_TIME),
    JobSearch(postcode="2200", distance_km=10, sort="distance"),
    JobSearch(posted_within_days=3),
    JobSearch(deadline_within_days=7, sort="deadline"),
    JobSearch(text="tømrer", industry="construction"),
    JobSearch(text="xylofonstemmer"),
    JobSearch(text="erfaring gode kolleger", postcode="5000", distance_km=50),
]


def _vocabulary() -> list[str]:
    """Words from the demo postings' texts, for descriptions that read like Danish ads."""
    source = Path(demo_postings.__file__).read_text(encoding="utf-8")
    words = re.findall(r"[a-zæøå]{3,}", source.lower())
    return sorted(set(words))


def _rows(count: int, today: date) -> list[dict[str, object]]:
    rng = random.Random(20261207)
    words = _vocabulary()
    places = [p for p in geo.all_postcodes() if p.lat and p.lon]
    rows = []
    for n in range(count):
        place = rng.choice(places)
        posted = today - timedelta(days=rng.randint(0, 30))
        rows.append(
            {
                "source": "bench",
                "external_id": f"bench-{n}",
                "employer": f"{rng.choice(words).title()} {rng.choice(['ApS', 'A/S'])}",
                "title": rng.choice(TITLES),
                "description": " ".join(rng.choices(words, k=rng.randint(60, 160))),
                "postcode": place.code,
                "city": place.city,
                "latitude": place.lat,
                "longitude": place.lon,
                "hours": Hours.PART_TIME if rng.random() < 0.25 else Hours.FULL_TIME,
                "deadline": today + timedelta(days=rng.randint(1, 60)),
                "posted_on": posted,
                "synthetic": True,
                "created_at": datetime(
                    posted.year, posted.month, posted.day, 8, tzinfo=UTC
                ),
            }
        )
    return rows


def _fresh_postgresql(url: str) -> None:
    name = make_url(url).database
    admin = make_engine(
        url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def run(url: str, label: str, postings: int, repeat: int) -> tuple[float, float]:
    upgrade(url)
    engine = make_engine(url)
    today = date.today()
    rows = _rows(postings, today)
    started = time.perf_counter()
    with engine.begin() as connection:
        for i in range(0, len(rows), 2000):
            connection.execute(insert(Posting.__table__), rows[i : i + 2000])
    if engine.dialect.name == "postgresql":
        # What autovacuum does after a bulk insert on its own (PostgreSQL 13 and newer
        # vacuum insert-only tables too): statistics, and the visibility map that lets
        # the counts read only the index.
        with engine.connect().execution_options(
            isolation_level="AUTOCOMMIT"
        ) as connection:
            connection.execute(text("VACUUM ANALYZE posting"))
    load = time.perf_counter() - started
    timings: list[float] = []
    slowest: dict[str, float] = {}
    cpu: list[float] = []
    with Session(engine) as session:
        for search in QUERIES:  # warm the caches once
            search_postings(session, search, today=today)
        for _ in range(repeat):
            for search in QUERIES:
                for page in (1, 50) if not search.text else (1,):
                    t0, c0 = time.perf_counter(), time.process_time()
                    search_postings(session, search, page=page, today=today)
                    took = (time.perf_counter() - t0) * 1000
                    cpu.append((time.process_time() - c0) * 1000)
                    timings.append(took)
                    key = f"{_describe(search)} page {page}"
                    slowest[key] = max(slowest.get(key, 0.0), took)
    engine.dispose()
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    cpu.sort()
    cpu_p95 = cpu[int(0.95 * (len(cpu) - 1))]
    verdict = "meets" if p95 < TARGET_MS else "MISSES"
    print(
        f"{label:<10} {postings:,} postings inserted and indexed in {load:.1f} s; "
        f"{len(timings)} searches: median {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings[-1]:.1f} ms ({verdict} the {TARGET_MS} ms target); "
        f"this process's CPU p95 {cpu_p95:.1f} ms; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    worst = sorted(slowest.items(), key=lambda item: -item[1])[:3]
    print("           slowest: " + "; ".join(f"{k} {v:.0f} ms" for k, v in worst))
    return p50, p95


def _describe(search: JobSearch) -> str:
    shown = {k: v for k, v in vars(search).items() if v not in (None, "", "newest")}
    return ", ".join(f"{k}={v}" for k, v in shown.items()) or "empty search"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--postgresql", default=os.environ.get("BENCH_POSTGRESQL_URL", "")
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/bench.sqlite3", "SQLite", args.postings, args.repeat)
    if args.postgresql:
        _fresh_postgresql(args.postgresql)
        run(args.postgresql, "PostgreSQL", args.postings, args.repeat)
    else:
        print("PostgreSQL not timed: give --postgresql URL (a database to replace).")


if __name__ == "__main__":
    main()
