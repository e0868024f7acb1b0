"""Each citizen and caseworker page under load, as a share of /healthz in the same run.

Uses (or loads) the national demo in PostgreSQL, starts gunicorn with the README's
command (`gunicorn -c gunicorn.conf.py wsgi:app`), logs real demo citizens and
caseworkers in through the forms (one session per client), and for 1, 8 and 32
clients prints each page's throughput, its ratio to /healthz, p50/p95/max latency and
errors. Each page is asked in turns with /healthz, and its ratio is to the /healthz
of its own turns. Then the SQL statements one request of each page runs to draw the
page and to serve it kept (counted in this process through the same forms), the
workers' memory after the run and the load average during it. `--double-postings`
then copies the postings (50,000 -> 100,000) into a second database made from the
first and measures again; `--double-all` measures a database with the demo twice
over (240,000 citizens, 100,000 postings).

    .venv/bin/python benchmarks/bench_pages.py [--database-url URL] [--seconds 5]
        [--clients 1,8,32] [--workers 4] [--turns 4] [--double-postings]
        [--double-all]

Targets (issue 17): every page >= 0.5 of /healthz; p95 < 150 ms at 32 clients on an
otherwise idle 2-core machine; each worker < 250 MB after the run; no errors; no
request over 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from benchmarks._load import (  # noqa: E402
    CSRF,
    STAFF_PASSWORD,
    Client,
    LoadAverage,
    Result,
    run_load,
    start_gunicorn,
    worker_memory,
)
from benchmarks._national import (  # noqa: E402
    People,
    choose_people,
    double_postings,
    ensure_database,
)

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/jobunivers_bench"

CITIZEN_PAGES = [
    "/min-side",
    "/job-til-dig",
    "/mine-data",
    "/din-vej",
    "/mit-cv",
    "/joblog",
]
STAFF_PAGES = ["/sagsbehandler/koe", "/sagsbehandler/borger/{case}"]


# --- statements per request ---------------------------------------------------------


def statements_per_page(url: str, people: People) -> dict[str, tuple[int, int]]:
    """The SQL statements one warm request of each page runs (in this process): to
    draw it, and to serve it kept (app.page_cache)."""
    os.environ["DATABASE_URL"] = url
    from app import create_app

    app = create_app()
    engine = app.extensions["db_engine"]
    store = app.extensions["page_cache"]
    counts: dict[str, tuple[int, int]] = {}
    seen: list[str] = []

    def count(*args: Any, **_kwargs: Any) -> None:
        seen.append(args[2])

    def counted(client: Any, path: str) -> int:
        seen.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            client.get(path)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    def measure(client: Any, label: str, path: str) -> None:
        client.get(path)
        app.extensions.pop("page_cache")
        drawn = counted(client, path)
        app.extensions["page_cache"] = store
        client.get(path)
        counts[label] = (drawn, counted(client, path))

    def log_in(client: Any, path: str, fields: dict[str, Any]) -> None:
        page = client.get(path).get_data(as_text=True)
        token = CSRF.search(page)
        client.post(path, data={**fields, "csrf_token": token.group(1)})

    with app.test_client() as client:
        measure(client, "/healthz", "/healthz")
        log_in(client, "/log-ind/demo-mitid", {"user_id": people.citizens[0]})
        for page in CITIZEN_PAGES:
            measure(client, page, page)
    with app.test_client() as client:
        log_in(
            client,
            "/log-ind/medarbejder",
            {"email": people.staff[0], "password": STAFF_PASSWORD},
        )
        measure(client, STAFF_PAGES[0], STAFF_PAGES[0])
        measure(
            client,
            STAFF_PAGES[1],
            STAFF_PAGES[1].format(case=people.cases[0]),
        )
    engine.dispose()
    return counts


# --- the run ----------------------------------------------------------------------------


def bench(url: str, args: argparse.Namespace, title: str) -> None:
    levels = [int(n) for n in args.clients.split(",")]
    most = max(levels)
    people = choose_people(url, most)
    print(f"\n## {title}\n")
    print(
        f"{len(people.citizens)} citizens and {len(people.staff)} caseworkers of "
        f"København; {len(people.cases)} waiting cases"
    )
    counts = statements_per_page(url, people)
    server = start_gunicorn(url, args.port, args.workers)
    try:
        citizens = [Client(args.port) for _ in range(most)]
        for number, client in enumerate(citizens):
            client.log_in_citizen(people.citizens[number % len(people.citizens)])
        staff = [Client(args.port) for _ in range(most)]
        for number, client in enumerate(staff):
            client.log_in_staff(people.staff[number % len(people.staff)])
        anonymous = [Client(args.port) for _ in range(most)]
        plan: list[tuple[str, list[Client], Callable[[int], str]]] = [
            ("/healthz", anonymous, lambda _n: "/healthz"),
            *[(page, citizens, lambda _n, p=page: p) for page in CITIZEN_PAGES],
            (STAFF_PAGES[0], staff, lambda _n: STAFF_PAGES[0]),
            (
                "case view",
                staff,
                lambda n: STAFF_PAGES[1].format(
                    case=people.cases[n % len(people.cases)]
                ),
            ),
        ]
        # Warm every page once per client (first visits store matches, fill caches).
        for _page, clients, paths in plan:
            for number, client in enumerate(clients):
                client.request("GET", paths(number))
        # Each page is measured in turns with /healthz (`--turns` slices of each), so
        # its ratio compares the two under the same conditions even when the
        # machine's other load drifts; /healthz's row sums all its turns.
        results: dict[tuple[str, int], Result] = {}
        beside: dict[tuple[str, int], Result] = {}
        bare = plan[0]
        before = os.getloadavg()[0]
        with LoadAverage() as load:
            for level in levels:
                results[("/healthz", level)] = Result("/healthz", level, 0.0)
                for page, clients, paths in plan[1:]:
                    results[(page, level)] = Result(page, level, 0.0)
                    beside[(page, level)] = Result("/healthz", level, 0.0)
                    for _turn in range(args.turns):
                        for name, who, where, into in (
                            (bare[0], bare[1], bare[2], beside[(page, level)]),
                            (page, clients, paths, results[(page, level)]),
                        ):
                            into.add(
                                run_load(
                                    name, who[:level], where, args.seconds / args.turns
                                )
                            )
                    results[("/healthz", level)].add(beside[(page, level)])
        memory = worker_memory(server)
    finally:
        server.terminate()
        server.wait(timeout=60)
    report(results, beside, levels, counts, memory, before, load.samples, args)


def report(
    results: dict[tuple[str, int], Result],
    beside: dict[tuple[str, int], Result],
    levels: list[int],
    counts: dict[str, tuple[int, int]],
    memory: list[dict[str, int]],
    load_before: float,
    load: list[float],
    args: argparse.Namespace,
) -> None:
    pages = list(dict.fromkeys(page for page, _ in results))
    print(
        f"\n{args.workers} gunicorn workers, {args.seconds:g} s per page and level in "
        f"{args.turns} turns with as long of /healthz (the ratio's); "
        f"load average (1 min) {load_before:.1f} before, "
        f"{statistics.mean(load):.1f} mean / {max(load):.1f} max during the run\n"
    )
    head = " | ".join(f"{n} cl.: req/s, ratio, p50/p95 ms" for n in levels)
    print(f"| page | statements drawn / kept | {head} | max ms | errors |")
    print("|---|---:|" + "---|" * len(levels) + "---:|---:|")
    for page in pages:
        cells = []
        for level in levels:
            r = results[(page, level)]
            ratio = r.throughput / beside.get((page, level), r).throughput
            cells.append(
                f"{r.throughput:.0f}, {ratio:.2f}, "
                f"{r.percentile(0.5):.0f}/{r.percentile(0.95):.0f}"
            )
        worst = max(max(results[(page, n)].latencies, default=0) for n in levels)
        errors = sum(results[(page, n)].errors for n in levels)
        label = "/sagsbehandler/borger/<id>" if page == "case view" else page
        drawn, kept = counts[page if page != "case view" else STAFF_PAGES[1]]
        print(
            f"| {label} | {drawn} / {kept} | "
            + " | ".join(cells)
            + f" | {worst * 1000:.0f} | {errors} |"
        )
    print(
        "\nworkers after the run (MB): "
        + "; ".join(
            f"RSS {m['rss']}, PSS {m['pss']}, private {m['private']}" for m in memory
        )
    )
    missed = []
    top = max(levels)
    for page in pages:
        if page == "/healthz":
            continue
        for level in levels:
            r = results[(page, level)]
            ratio = r.throughput / beside.get((page, level), r).throughput
            if ratio < 0.5:
                missed.append(f"{page} at {level}: ratio {ratio:.2f} < 0.5")
        if results[(page, top)].percentile(0.95) >= 150:
            missed.append(
                f"{page} at {top}: p95 {results[(page, top)].percentile(0.95):.0f} ms"
            )
    for page in pages:
        for level in levels:
            r = results[(page, level)]
            if r.errors:
                missed.append(f"{page} at {level}: {r.errors} errors")
            if max(r.latencies, default=0) > 1:
                missed.append(f"{page} at {level}: a request took over 1 s")
    if any(m["pss"] >= 250 for m in memory):
        missed.append("a worker's PSS reached 250 MB")
    print("\ntargets missed:" if missed else "\nevery target met")
    for line in missed:
        print(f"  - {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("JOBUNIVERS_BENCH_PG_URL", DEFAULT_URL),
    )
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--turns", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=5158)
    parser.add_argument("--double-postings", action="store_true")
    parser.add_argument(
        "--double-all",
        action="store_true",
        help="then measure a second database with the demo twice over (240,000 "
        "citizens, 100,000 postings), loaded if it is empty (about 10 minutes)",
    )
    args = parser.parse_args()
    ensure_database(args.database_url)
    bench(args.database_url, args, "national demo (50,000 postings, 120,000 citizens)")
    if args.double_postings:
        name = args.database_url.rsplit("/", 1)[1] + "_double"
        copy = double_postings(args.database_url, name)
        bench(copy, args, "postings doubled (100,000 postings, 120,000 citizens)")
    if args.double_all:
        doubled = args.database_url + "_all_double"
        ensure_database(doubled, "double")
        bench(doubled, args, "all doubled (100,000 postings, 240,000 citizens)")


if __name__ == "__main__":
    main()
