"""How long the worker takes to send 100,000 reminders through the console sender.

Builds a migrated SQLite database of its own (or uses --db URL, e.g. a PostgreSQL
database), queues 100,000 reminder e-mails in the outbox, and times the `send_outbox`
job's work (claim a batch and commit, send each message, mark the batch sent and
commit) with the console sender writing to /dev/null. Target: under 60 s on the
development machine.

    .venv/bin/python benchmarks/bench_notifications.py [--count 100000] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app.db import make_engine  # noqa: E402
from app.dialogue import outbox  # noqa: E402
from app.dialogue.senders import ConsoleSender  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.models import (  # noqa: E402
    Citizen,
    Municipality,
    OutboxChannel,
    OutboxMessage,
    OutboxStatus,
    Role,
    User,
)

BODY = (
    "Du har møde med jobcentret 9. december 2026 kl. 10.00: Jobcenter København, "
    "Gyldenløvesgade 15. Kan du ikke komme, så skriv til jobcentret."
)


def fill(session: Session, count: int) -> None:
    municipality_id = session.scalars(
        select(Municipality.id).where(Municipality.code == 101)
    ).one()
    user = User(
        role=Role.CITIZEN,
        display_name="Syntetisk borger",
        mitid_subject="bench-notifications",
        municipality_id=municipality_id,
    )
    session.add(user)
    session.flush()
    citizen = Citizen(
        user_id=user.id,
        municipality_id=municipality_id,
        first_name="Syntetisk",
        last_name="Borger",
        synthetic=True,
    )
    session.add(citizen)
    session.flush()
    now = datetime.now(UTC)
    for start in range(0, count, 10_000):
        session.execute(
            insert(OutboxMessage),
            [
                {
                    "citizen_id": citizen.id,
                    "channel": OutboxChannel.EMAIL,
                    "recipient": f"borger{n}@example.invalid",
                    "subject": "Påmindelse: møde med jobcentret",
                    "body": BODY,
                    "dedupe_key": f"bench:{n}",
                    "status": OutboxStatus.PENDING,
                    "created_at": now,
                    "attempts": 0,
                }
                for n in range(start, min(count, start + 10_000))
            ],
        )
    session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", help="a database URL (default: a new SQLite file)")
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        print(f"Preparing {args.count:,} reminders in {url.split('://')[0]} ...")
        upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session:
            fill(session, args.count)
        with open(os.devnull, "w", encoding="utf-8") as devnull:
            sender = ConsoleSender(devnull)
            senders = {OutboxChannel.EMAIL: sender, OutboxChannel.SMS: sender}
            with Session(engine) as session:
                started = time.perf_counter()
                run = outbox.send_pending(
                    session, senders, checkpoint=session.commit, batch=args.batch
                )
                seconds = time.perf_counter() - started
        with Session(engine) as session:
            left = session.scalar(
                select(func.count(OutboxMessage.id)).where(
                    OutboxMessage.status != OutboxStatus.SENT
                )
            )
        engine.dispose()
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print(
        f"Sent {run.sent:,} reminders in {run.batches:,} batches of {args.batch:,} "
        f"in {seconds:.1f} s ({run.sent / seconds:,.0f} per second); "
        f"{left:,} not sent. Target: < 60 s."
    )


if __name__ == "__main__":
    main()
