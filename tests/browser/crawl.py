"""The sweep's crawl: the pages a role reaches by following links from its start page.

It reads each page's HTML through the tab's own cookies (Playwright's request context,
no rendering) and follows every same-origin link in it, breadth first. Links that lead
away or only download a file, and the address of anything that is not a page, are not
followed; log-out and the language switch are forms, which the crawl never submits.
Addresses that differ only by an id or a query are one page (their route's rule is the
key), and a role's crawl stops at MAX_PAGES, so the sweep stays bounded as the site
grows.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map

MAX_PAGES = 120

# Routes crawled at every address rather than once: the categories of "Mine data",
# whose pages hold the links to where each datum is changed.
EVERY_ADDRESS = {"/mine-data/kategori/<string:category>"}
# Endpoints never followed: files rather than pages, and addresses that leave the site.
NOT_PAGES = {
    "static": "a file",
    "portal.favicon": "an image",
    "portal.healthz": "JSON for the load balancer",
    "consent.export_as_csv": "a download",
    "consent.export_as_json": "a download",
    "auth.mitid_start": "leaves for the MitID broker",
    "auth.mitid_callback": "the MitID broker's return address",
}


@dataclass(frozen=True)
class CrawledPage:
    """The first address found for a route, and the comboboxes its HTML holds."""

    key: str
    path: str
    comboboxes: tuple[str, ...]


@dataclass
class Crawl:
    pages: list[CrawledPage] = field(default_factory=list)
    # Links that answered with an error, each with the page that holds it.
    broken: list[str] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {page.key for page in self.pages}


def crawl(request: Any, base_url: str, start: str, url_map: Map) -> Crawl:
    """Follow links breadth first from `start` with the cookies of `request` (a
    Playwright APIRequestContext): each route once, at most MAX_PAGES pages."""
    origin = urlsplit(base_url).netloc
    routes = url_map.bind(origin)
    found = Crawl()
    seen: set[str] = set()
    queue: deque[tuple[str, str]] = deque([(start, "the start page")])
    while queue and len(found.pages) < MAX_PAGES:
        path, linked_from = queue.popleft()
        try:
            rule, _ = routes.match(urlsplit(path).path, "GET", return_rule=True)
        except HTTPException as error:
            # An address that is no route (404) or takes no GET (405) is a broken link.
            found.broken.append(f"{path} (linked from {linked_from}): {error.code}")
            continue
        key = path if rule.rule in EVERY_ADDRESS else rule.rule
        if key in seen or rule.endpoint in NOT_PAGES:
            continue
        seen.add(key)
        response = request.get(base_url + path, max_redirects=0)
        if response.status in (301, 302, 303, 307, 308):
            target = urljoin(base_url + path, response.headers["location"])
            if urlsplit(target).netloc == origin:
                queue.append((_local(target), f"a redirect from {path}"))
            continue
        if response.status != 200:
            found.broken.append(
                f"{path} (linked from {linked_from}): status {response.status}"
            )
            continue
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        soup = BeautifulSoup(response.text(), "html.parser")
        boxes = tuple(box["id"] for box in soup.select("input[role=combobox][id]"))
        found.pages.append(CrawledPage(rule.rule, path, boxes))
        for anchor in soup.select("a[href]"):
            link, _fragment = urldefrag(urljoin(base_url + path, anchor["href"]))
            parts = urlsplit(link)
            if parts.scheme in ("http", "https") and parts.netloc == origin:
                queue.append((_local(link), path))
    return found


def _local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
