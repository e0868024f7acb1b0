"""Time the full ESCO import (app.taxonomy.importer.import_esco) into a fresh database.

Always into a temporary SQLite file; also into PostgreSQL when JOBUNIVERS_BENCH_PG_URL
is set (a throw-away schema is created there and dropped afterwards). Imports twice: the
second run must change nothing. Prints seconds, peak resident memory and the counts.
The ESCO files come from ../shared/data/esco, or the folder in JOBUNIVERS_ESCO_DIR.

    .venv/bin/python benchmarks/bench_esco_import.py [--verbose]

Targets: under 2 minutes and under 1 GB peak memory per database.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

import app.models  # noqa: E402, F401  (registers every table on Base.metadata)
from app.db import Base, make_engine  # noqa: E402
from app.models import ConceptLabel, Occupation, OccupationSkill, Skill  # noqa: E402
from app.taxonomy.importer import import_esco  # noqa: E402
from app.taxonomy.services import load_taxonomy, suggest  # noqa: E402

ESCO_DIR = Path(
    os.environ.get("JOBUNIVERS_ESCO_DIR", ROOT.parent / "shared" / "data" / "esco")
)
TARGET_SECONDS = 120
TARGET_MB = 1024


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def esco_paths() -> list[Path]:
    """The two official zips and the Danish files, when present."""
    return sorted(
        path for path in ESCO_DIR.iterdir() if path.suffix.lower() in {".zip", ".csv"}
    )


def run(label: str, engine: Engine, verbose: bool) -> None:
    """Import twice into engine's empty schema and print the figures."""
    Base.metadata.create_all(engine)
    started = time.perf_counter()

    def progress(message: str) -> None:
        if verbose:
            print(f"  {message}")

    with Session(engine) as session:
        report = import_esco(session, esco_paths(), progress=progress)
        session.commit()
        first = time.perf_counter() - started
        print(f"{label}: first import {first:.1f} s, peak RSS {peak_rss_mb():,.0f} MB")
        print(report.summary())
        again = time.perf_counter()
        second = import_esco(session, esco_paths())
        session.commit()
        print(
            f"{label}: second import {time.perf_counter() - again:.1f} s, "
            f"peak RSS {peak_rss_mb():,.0f} MB; new/removed rows: "
            f"{second.occupations.new + second.skills.new + second.relations.new}"
            f"/{second.relations.removed + sum(c.removed for c in second.labels.values())}"
        )
        counts = {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Occupation, Skill, OccupationSkill, ConceptLabel)
        }
        print(f"{label}: rows in the database {counts}")
        built = time.perf_counter()
        taxonomy = load_taxonomy(session)
        print(
            f"{label}: load_taxonomy {time.perf_counter() - built:.1f} s "
            f"({len(taxonomy.occupations):,} occupations, {len(taxonomy.skills):,} "
            f"skills, version {taxonomy.version})"
        )
        searched = time.perf_counter()
        found = suggest(session, "sygeplejerske", "occupation", "da", limit=3)
        print(
            f"{label}: first suggest (builds the index) "
            f"{time.perf_counter() - searched:.1f} s: {[s.label for s in found]}"
        )
        print(f"{label}: peak RSS at the end {peak_rss_mb():,.0f} MB")
        if first > TARGET_SECONDS or peak_rss_mb() > TARGET_MB:
            print(f"{label}: MISSED the target ({TARGET_SECONDS} s, {TARGET_MB} MB)")


def run_in(database: str, verbose: bool) -> None:
    """Import into one database; called in a child process so peak RSS is its own."""
    if database == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
            try:
                run("SQLite", engine, verbose)
            finally:
                engine.dispose()
        return
    pg_url = os.environ["JOBUNIVERS_BENCH_PG_URL"]
    schema = f"bench_esco_{uuid.uuid4().hex[:8]}"
    admin = make_engine(pg_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(pg_url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        run("PostgreSQL", engine, verbose)
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print progress lines")
    parser.add_argument(
        "--database", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if not ESCO_DIR.is_dir() or not esco_paths():
        print(
            f"ESCO data not found at {ESCO_DIR} (set JOBUNIVERS_ESCO_DIR); "
            "nothing to benchmark."
        )
        return
    if args.database:
        run_in(args.database, args.verbose)
        return
    print(f"Python {platform.python_version()} on {platform.machine()}, {ESCO_DIR}")
    databases = ["sqlite"]
    if os.environ.get("JOBUNIVERS_BENCH_PG_URL"):
        databases.append("postgresql")
    else:
        print("PostgreSQL: skipped (set JOBUNIVERS_BENCH_PG_URL to include it)")
    for database in databases:
        command = [sys.executable, __file__, "--database", database]
        subprocess.run(command + (["--verbose"] if args.verbose else []), check=True)


if __name__ == "__main__":
    main()
