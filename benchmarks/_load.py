"""bench_pages.py's load: a browser-like HTTP client, clients asking in parallel, the
load average while they do, and gunicorn started and measured."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
STAFF_PASSWORD = "demo-adgangskode-2026"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')

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

    def add(self, other: Result) -> None:
        """Count another stretch of the same load in this result."""
        self.latencies.extend(other.latencies)
        self.errors += other.errors
        self.seconds += other.seconds

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
        # Production's Redis (limits, jobs, kept pages shared by the workers).
        "REDIS_URL": os.environ.get(
            "JOBUNIVERS_BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"
        ),
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
