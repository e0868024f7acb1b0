"""bench_pages.py's database: the national demo in PostgreSQL, a copy with the postings
doubled, and the demo people the benchmark logs in as."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent


def sqlalchemy_url(url: str) -> str:
    return "postgresql+psycopg://" + url.removeprefix("postgresql://")


def ensure_database(url: str, size: str = "national") -> None:
    """Create the database if absent, migrate it, and load the demo of `size`
    ("national", or "double": twice as many citizens and postings) into an empty one
    (timed)."""
    name = url.rsplit("/", 1)[1]
    admin = create_engine(
        sqlalchemy_url(url.rsplit("/", 1)[0] + "/postgres"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        )
        if not exists:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    env = {**os.environ, "DATABASE_URL": url}
    flask = [str(ROOT / ".venv/bin/flask"), "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True)
    engine = create_engine(sqlalchemy_url(url))
    with engine.connect() as connection:
        citizens = connection.scalar(text("SELECT count(*) FROM citizen"))
    engine.dispose()
    if not citizens:
        started = time.perf_counter()
        subprocess.run(
            [*flask, "demo", "load", "--size", size],
            cwd=ROOT,
            env=env,
            check=True,
        )
        print(f"{size} demo loaded in {time.perf_counter() - started:.0f} s")


def double_postings(url: str, copy_name: str) -> str:
    """A copy of the database with every posting (and its skills) twice."""
    base, name = url.rsplit("/", 1)
    admin = create_engine(
        sqlalchemy_url(base + "/postgres"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{copy_name}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{copy_name}" TEMPLATE "{name}"')
    admin.dispose()
    copy_url = f"{base}/{copy_name}"
    engine = create_engine(sqlalchemy_url(copy_url))
    with engine.begin() as connection:
        columns = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = 'posting' AND column_name <> 'id' "
                    "ORDER BY ordinal_position"
                )
            )
        ]
        listed = ", ".join(columns)
        chosen = ", ".join(
            "external_id || '-2'" if c == "external_id" else c for c in columns
        )
        connection.exec_driver_sql(
            "CREATE TEMP TABLE pairs AS SELECT id AS old_id, "
            "nextval('posting_id_seq') AS new_id FROM posting"
        )
        connection.exec_driver_sql(
            f"INSERT INTO posting (id, {listed}) SELECT pairs.new_id, "
            f"{chosen.replace('external_id', 'p.external_id')} FROM posting p "
            "JOIN pairs ON pairs.old_id = p.id"
        )
        connection.exec_driver_sql(
            "INSERT INTO posting_skill (posting_id, skill_id, required, origin, "
            "confidence) SELECT pairs.new_id, s.skill_id, s.required, s.origin, "
            "s.confidence FROM posting_skill s JOIN pairs ON pairs.old_id = s.posting_id"
        )
        connection.exec_driver_sql(
            "UPDATE data_version SET version = version + 1 WHERE name = 'postings'"
        )
        connection.exec_driver_sql("ANALYZE")
        postings = connection.scalar(text("SELECT count(*) FROM posting"))
    engine.dispose()
    print(f"copy with doubled postings: {postings:,} postings")
    return copy_url


@dataclass
class People:
    citizens: list[int]  # user ids for the demo MitID form
    staff: list[str]  # caseworkers' e-mail addresses
    cases: list[int]  # citizen ids waiting in the caseworkers' queue


def choose_people(url: str, count: int) -> People:
    """Citizens of København with a CV, a finished guide and a job log; København's
    caseworkers and the citizens waiting in their queue. The same in every run."""
    engine = create_engine(sqlalchemy_url(url))
    with engine.connect() as connection:
        municipality = connection.scalar(
            text("SELECT id FROM municipality WHERE name = 'København'")
        )
        citizens = list(
            connection.scalars(
                text(
                    "SELECT c.user_id FROM citizen c "
                    "JOIN onboarding o ON o.citizen_id = c.id "
                    "WHERE c.municipality_id = :m AND o.completed_at IS NOT NULL "
                    "AND EXISTS (SELECT 1 FROM citizen_skill s WHERE s.citizen_id = c.id) "
                    "AND EXISTS (SELECT 1 FROM job_log_entry j "
                    "WHERE j.citizen_id = c.id) ORDER BY c.id LIMIT :n"
                ),
                {"m": municipality, "n": count},
            )
        )
        staff = list(
            connection.scalars(
                text(
                    "SELECT email FROM user_account WHERE role = 'caseworker' "
                    "AND municipality_id = :m ORDER BY id LIMIT :n"
                ),
                {"m": municipality, "n": count},
            )
        )
        cases = list(
            connection.scalars(
                text(
                    "SELECT citizen_id FROM case_file WHERE municipality_id = :m "
                    "AND status = 'queued' ORDER BY id LIMIT :n"
                ),
                {"m": municipality, "n": 4 * count},
            )
        )
    engine.dispose()
    return People(citizens, staff, cases)
