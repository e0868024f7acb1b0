"""Time `flask screen`: re-screening every citizen of the national demo (120,000).

Loads the national demo into a scratch SQLite file (or reuses one given with --db), then
times rescreen_all: run 1 writes a new assessment for every citizen (the worst case, as
after a new model), later runs are ordinary nights (unchanged results are kept). Also
into PostgreSQL when JOBUNIVERS_BENCH_PG_URL is set (a throw-away schema, dropped
afterwards).
Target: 120,000 citizens in under 2 minutes.

    .venv/bin/python benchmarks/bench_screening.py [--db /tmp/national.sqlite3]
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
from app.demo.generator import is_loaded, load_demo  # noqa: E402
from app.models import Assessment, Case, Citizen  # noqa: E402
from app.segmentation import model_store, screening  # noqa: E402

TARGET_SECONDS = 120.0


def run(label: str, engine: Engine, runs: int) -> None:
    Base.metadata.create_all(engine)
    settings = model_store.Settings(
        model_path=str(Path(tempfile.gettempdir()) / "bench_segmentation.json")
    )
    with Session(engine) as session:
        if not is_loaded(session):
            started = time.perf_counter()
            load_demo(session, size="national")
            session.commit()
            print(
                f"{label}: national demo loaded in {time.perf_counter() - started:.0f} s"
            )
        citizens = session.scalar(select(func.count()).select_from(Citizen)) or 0
        model_store.load_model(settings)  # trained once, outside the timing
        for n in range(1, runs + 1):
            started = time.perf_counter()
            cpu_started = time.process_time()
            # Run 1 writes a new assessment for everyone (the worst case, as after a
            # new model); later runs are ordinary nights that keep unchanged results.
            summary = screening.rescreen_all(
                session,
                settings=settings,
                after_range=session.commit,
                skip_unchanged=n > 1,
            )
            session.commit()
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            print(
                f"{label} run {n}: {summary.citizens:,} citizens in {seconds:.1f} s "
                f"(CPU {cpu:.1f} s, load average {os.getloadavg()[0]:.1f}) "
                f"= {summary.citizens / seconds:,.0f} citizens/s "
                f"(target {TARGET_SECONDS:.0f} s: "
                f"{'met' if seconds < TARGET_SECONDS else 'MISSED'}); "
                f"{summary.assessed:,} assessed, {summary.unchanged:,} unchanged, "
                f"{summary.support:,} to a person, "
                f"{summary.without_answers:,} without answers, "
                f"{summary.queued:,} queued, {summary.closed:,} left the queue"
            )
        assessments = session.scalar(select(func.count()).select_from(Assessment))
        cases = session.scalar(select(func.count()).select_from(Case))
        print(
            f"{label}: {citizens:,} citizens, {assessments:,} assessments kept, "
            f"{cases:,} cases"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="a SQLite file to (re)use; default: a temp file")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs")
    if args.db:
        run("SQLite", make_engine(f"sqlite:///{args.db}"), args.runs)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run("SQLite", make_engine(f"sqlite:///{tmp}/bench.sqlite3"), args.runs)
    pg_url = os.environ.get("JOBUNIVERS_BENCH_PG_URL")
    if not pg_url:
        print("PostgreSQL: skipped (set JOBUNIVERS_BENCH_PG_URL to include it)")
        return
    schema = f"bench_screening_{os.getpid()}"
    admin = make_engine(pg_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(pg_url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        run("PostgreSQL", engine, args.runs)
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
