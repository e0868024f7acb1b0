"""Time a national-size demo load (120,000 citizens, 50,000 postings, CVs) into a fresh DB.

Always into a temporary SQLite file; also into PostgreSQL when JOBUNIVERS_BENCH_PG_URL
is set (a throw-away schema is created there and dropped afterwards, so the database's
own tables are not touched). Prints citizens, seconds and rows per second, and checks
that an ordinary insert still works afterwards (the id sequence was moved on).

    .venv/bin/python benchmarks/bench_demo_national.py [--size national] [--seed 2026]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

import app.models  # noqa: E402, F401  (registers every table on Base.metadata)
from app.db import Base, make_engine  # noqa: E402
from app.demo.generator import DemoSummary, load_demo  # noqa: E402
from app.models import (  # noqa: E402
    Caseworker,
    Citizen,
    CitizenOccupation,
    CitizenSkill,
    JobPreferences,
    Posting,
    PostingSkill,
    Provider,
    Role,
    User,
)


def run(label: str, engine: Engine, size: str, seed: int, verbose: bool) -> None:
    """Load the demo into engine's empty schema and print the figures."""
    Base.metadata.create_all(engine)
    started = time.perf_counter()

    def progress(message: str) -> None:
        if verbose or not message.startswith(("  ", "Staff log-ins")):
            print(f"  [{time.perf_counter() - started:6.1f}s] {message}")

    with Session(engine) as session:
        summary: DemoSummary = load_demo(
            session, size=size, seed=seed, progress=progress
        )
        seconds = time.perf_counter() - started
        rows = sum(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (
                User,
                Citizen,
                Caseworker,
                Provider,
                Posting,
                PostingSkill,
                CitizenSkill,
                CitizenOccupation,
                JobPreferences,
            )
        )
        # A plain ORM insert after the bulk load must get a fresh id.
        session.add(User(role=Role.ADMIN, display_name="Efter indlæsning", active=True))
        session.commit()
    print(
        f"{label}: {summary.citizens:,} citizens, {rows:,} rows in {seconds:.1f} s "
        f"= {summary.citizens / seconds:,.0f} citizens/s, {rows / seconds:,.0f} rows/s"
    )
    print(
        f"{label}: with {summary.postings:,} postings and "
        f"{summary.citizens_with_cv:,} CVs (taxonomy, postings and CVs included)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="national", choices=("small", "national"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--verbose", action="store_true", help="print the log-ins too")
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()} on {platform.machine()}, size={args.size}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        try:
            run("SQLite", engine, args.size, args.seed, args.verbose)
        finally:
            engine.dispose()

    pg_url = os.environ.get("JOBUNIVERS_BENCH_PG_URL")
    if not pg_url:
        print("PostgreSQL: skipped (set JOBUNIVERS_BENCH_PG_URL to include it)")
        return
    schema = f"bench_demo_{os.getpid()}"
    admin = make_engine(pg_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(pg_url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        run("PostgreSQL", engine, args.size, args.seed, args.verbose)
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
