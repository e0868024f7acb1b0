"""Each citizen and caseworker page under load, as a share of /healthz in the same run.

Uses (or loads) the national demo in PostgreSQL, starts gunicorn with the README's
command (`gunicorn -c gunicorn.conf.py wsgi:app`), logs real demo citizens and
caseworkers in through the forms (one session per client), and for 1, 8 and 32
clients prints each page's throughput, its ratio to /healthz, p50/p95/max latency and
errors; then the SQL statements one request of each page runs (counted in this
process through the same forms), the workers' memory after the run and the load
average during it. `--double-postings` then copies the postings (50,000 -> 100,000)
into a second database made from the first and measures again.

    .venv/bin/python benchmarks/bench_pages.py [--database-url URL] [--seconds 5]
        [--clients 1,8,32] [--workers 4] [--double-postings]

Targets (issue 17): every page >= 0.5 of /healthz; p95 < 150 ms at 32 clients on an
otherwise idle 2-core machine; each worker < 250 MB after the run; no errors; no
request over 1 s.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, event, text  # noqa: E402

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/jobunivers_bench"
STAFF_PASSWORD = "demo-adgangskode-2026"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')

CITIZEN_PAGES = [
    "/min-side",
    "/job-til-dig",
    "/mine-data",
    "/din-vej",
    "/mit-cv",
    "/joblog",
]
STAFF_PAGES = ["/sagsbehandler/koe", "/sagsbehandler/borger/{case}"]


# --- the database ------------------------------------------------------------------


def sqlalchemy_url(url: str) -> str:
    return "postgresql+psycopg://" + url.removeprefix("postgresql://")


def ensure_database(url: str) -> None:
    """Create the database if absent, migrate it, and load the national demo into an
    empty one (timed)."""
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
            [*flask, "demo", "load", "--size", "national"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        print(f"national demo loaded in {time.perf_counter() - started:.0f} s")


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


# --- an HTTP client with its own session -----------------------------------------------


class Client:
    """One browser: a keep-alive connection and a session cookie."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: dict[str, Any] | None = None
    ) -> tuple[int, str, dict[str, str]]:
        headers = {"Accept-Language": "da"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                payload = response.read().decode("utf-8", "replace")
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=30
                )
                if attempt == 2:
                    raise
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, payload, dict(response.headers)

    def form(self, path: str, fields: dict[str, Any]) -> int:
        _, page, _ = self.request("GET", path)
        token = CSRF.search(page)
        status, _, _ = self.request(
            "POST", path, {**fields, "csrf_token": token.group(1) if token else ""}
        )
        return status

    def log_in_citizen(self, user_id: int) -> None:
        status = self.form("/log-ind/demo-mitid", {"user_id": user_id})
        assert status in (302, 303), f"citizen log-in answered {status}"

    def log_in_staff(self, email: str) -> None:
        status = self.form(
            "/log-ind/medarbejder", {"email": email, "password": STAFF_PASSWORD}
        )
        assert status in (302, 303), f"staff log-in answered {status}"


# --- load -----------------------------------------------------------------------------


@dataclass
class Result:
    page: str
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def run_load(
    page: str, clients: list[Client], paths: Callable[[int], str], seconds: float
) -> Result:
    """Every client asks for its page, one request after the other, for `seconds`."""
    result = Result(page, len(clients), seconds)
    lock = threading.Lock()
    start = threading.Barrier(len(clients) + 1)
    stop_at = [0.0]

    def work(number: int, client: Client) -> None:
        path = paths(number)
        start.wait()
        mine: list[float] = []
        errors = 0
        while time.perf_counter() < stop_at[0]:
            began = time.perf_counter()
            try:
                status, _, _ = client.request("GET", path)
            except OSError:
                status = 0
            mine.append(time.perf_counter() - began)
            errors += status != 200
        with lock:
            result.latencies.extend(mine)
            result.errors += errors

    threads = [
        threading.Thread(target=work, args=(n, c), daemon=True)
        for n, c in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    stop_at[0] = time.perf_counter() + seconds
    began = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    return result


class LoadAverage:
    """The 1-minute load average, sampled each second while the load runs."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(1.0):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self) -> LoadAverage:
        self._thread.start()
        return self

    def __exit__(self, *_exc: Any) -> None:
        self._stop.set()
        self._thread.join()


# --- the server ------------------------------------------------------------------------


def start_gunicorn(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "JOBUNIVERS_BIND": f"127.0.0.1:{port}",
        "JOBUNIVERS_WORKERS": str(workers),
    }
    log = open(f"/tmp/bench_pages_gunicorn_{port}.log", "wb")  # noqa: SIM115
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            status, _, _ = Client(port).request("GET", "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not become healthy in 5 minutes")


def worker_memory(server: subprocess.Popen[bytes]) -> list[dict[str, int]]:
    """Each worker's RSS, PSS (shared pages split between the processes that share
    them) and private memory, in MB."""
    children = subprocess.run(
        ["ps", "--ppid", str(server.pid), "-o", "pid="],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    found = []
    for pid in children:
        values: dict[str, int] = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in {"Rss", "Pss", "Private_Clean", "Private_Dirty"}:
                values[key] = int(rest.split()[0]) // 1024
        found.append(
            {
                "rss": values["Rss"],
                "pss": values["Pss"],
                "private": values["Private_Clean"] + values["Private_Dirty"],
            }
        )
    return found


# --- statements per request ---------------------------------------------------------


def statements_per_page(url: str, people: People) -> dict[str, int]:
    """The SQL statements one warm request of each page runs (in this process)."""
    os.environ["DATABASE_URL"] = url
    from app import create_app

    app = create_app()
    engine = app.extensions["db_engine"]
    counts: dict[str, int] = {}
    seen: list[str] = []

    def count(*args: Any, **_kwargs: Any) -> None:
        seen.append(args[2])

    def measure(client: Any, label: str, path: str) -> None:
        client.get(path)
        seen.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            client.get(path)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        counts[label] = len(seen)

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
        results: dict[tuple[str, int], Result] = {}
        before = os.getloadavg()[0]
        with LoadAverage() as load:
            for level in levels:
                for page, clients, paths in plan:
                    results[(page, level)] = run_load(
                        page, clients[:level], paths, args.seconds
                    )
        memory = worker_memory(server)
    finally:
        server.terminate()
        server.wait(timeout=60)
    report(results, levels, counts, memory, before, load.samples, args)


def report(
    results: dict[tuple[str, int], Result],
    levels: list[int],
    counts: dict[str, int],
    memory: list[dict[str, int]],
    load_before: float,
    load: list[float],
    args: argparse.Namespace,
) -> None:
    pages = list(dict.fromkeys(page for page, _ in results))
    print(
        f"\n{args.workers} gunicorn workers, {args.seconds:g} s per page and level; "
        f"load average (1 min) {load_before:.1f} before, "
        f"{statistics.mean(load):.1f} mean / {max(load):.1f} max during the run\n"
    )
    head = " | ".join(f"{n} cl.: req/s, ratio, p50/p95 ms" for n in levels)
    print(f"| page | statements | {head} | max ms | errors |")
    print("|---|---:|" + "---|" * len(levels) + "---:|---:|")
    for page in pages:
        cells = []
        for level in levels:
            r = results[(page, level)]
            ratio = r.throughput / results[("/healthz", level)].throughput
            cells.append(
                f"{r.throughput:.0f}, {ratio:.2f}, "
                f"{r.percentile(0.5):.0f}/{r.percentile(0.95):.0f}"
            )
        worst = max(max(results[(page, n)].latencies, default=0) for n in levels)
        errors = sum(results[(page, n)].errors for n in levels)
        label = "/sagsbehandler/borger/<id>" if page == "case view" else page
        statements = counts.get(label if page != "case view" else STAFF_PAGES[1], "")
        print(
            f"| {label} | {statements} | "
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
            ratio = r.throughput / results[("/healthz", level)].throughput
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
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=5158)
    parser.add_argument("--double-postings", action="store_true")
    args = parser.parse_args()
    ensure_database(args.database_url)
    bench(args.database_url, args, "national demo (50,000 postings, 120,000 citizens)")
    if args.double_postings:
        name = args.database_url.rsplit("/", 1)[1] + "_double"
        copy = double_postings(args.database_url, name)
        bench(copy, args, "postings doubled (100,000 postings, 120,000 citizens)")


if __name__ == "__main__":
    main()
