"""A fake Crossref + DataCite + doi.org + HAL on 127.0.0.1, answering in the registries' real shapes.

Each registry gets its own port (so per-host budgets and circuit breakers behave as they do in
real life) but all share one FakeRegistry state. The shapes follow the recordings described in
../shared/registry-samples/SOURCES.md: Crossref's `{"status":"ok","message-type":...}` envelope
with `\\/`-escaped slashes and a plain-text 404, doi.org's `/ra` array (always HTTP 200) and its
302 content-negotiation redirect, DataCite's JSON:API document and string-status 404, and HAL's
Solr `response.docs`.

It can be told to misbehave per registry: be slow, answer 429 (with or without Retry-After),
500/503, 403, HTML, truncated JSON, or hang; drop the connection, stall or drip mid-body, serve
the right JSON with a wrong content type, serve an oversized body (declared or streamed), or
redirect elsewhere; and to enforce polite-pool rate limits.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

SERVICES = ("crossref", "datacite", "doiorg", "hal")
ENV_NAMES = {
    "crossref": "BIBLIO_CROSSREF_URL",
    "datacite": "BIBLIO_DATACITE_URL",
    "doiorg": "BIBLIO_DOIORG_URL",
    "hal": "BIBLIO_HAL_URL",
}
HANG_S = 3.0
#: Size of the "oversized" bodies: over the tests' 1 MB client limit, under the 10 MB default.
OVERSIZED_BYTES = 2 * 1024 * 1024


# -- record builders: our own fixtures, in the registries' shapes ---------------------------------


def date_parts(*parts: int | None) -> dict[str, Any]:
    return {"date-parts": [list(parts)]}


def crossref_item(
    doi: str,
    title: str,
    authors: list[tuple[str, str]],
    year: int | None,
    *,
    container: str = "",
    volume: str = "",
    issue: str = "",
    page: str = "",
    type_: str = "journal-article",
    updated_by: list[dict[str, Any]] | None = None,
    update_to: list[dict[str, Any]] | None = None,
    published_print: int | None = None,
    subtitle: str = "",
) -> dict[str, Any]:
    """A Crossref work item as /works/{doi} and list queries return it."""
    item: dict[str, Any] = {
        "indexed": {"date-parts": [[2026, 1, 5]], "date-time": "2026-01-05T10:00:00Z", "timestamp": 1767607200000},
        "reference-count": 0,
        "publisher": "Fake Publisher",
        "DOI": doi.lower(),
        "type": type_,
        "created": {"date-parts": [[year or 2000, 1, 1]], "date-time": "2000-01-01T00:00:00Z", "timestamp": 0},
        "source": "Crossref",
        "is-referenced-by-count": 3,
        "title": [title] if title else [],
        "subtitle": [subtitle] if subtitle else [],
        "prefix": doi.split("/")[0],
        "author": [
            {"given": given, "family": family, "sequence": "first" if i == 0 else "additional", "affiliation": []}
            for i, (family, given) in enumerate(authors)
        ],
        "member": "9999",
        "container-title": [container] if container else [],
        "original-title": [],
        "short-title": [],
        "issued": date_parts(year),
        "references-count": 0,
        "URL": f"https://doi.org/{doi.lower()}",
        "relation": {},
        "score": 1.0,
    }
    if volume:
        item["volume"] = volume
    if issue:
        item["issue"] = issue
    if page:
        item["page"] = page
    if published_print:
        item["published-print"] = date_parts(published_print)
    if updated_by:
        item["updated-by"] = updated_by
    if update_to:
        item["update-to"] = update_to
    return item


def update(doi: str, type_: str, source: str = "publisher", year: int = 2020) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "DOI": doi,
        "type": type_,
        "label": type_.replace("_", " ").capitalize(),
        "source": source,
        "updated": {"date-parts": [[year, 6, 1]], "date-time": f"{year}-06-01T00:00:00Z", "timestamp": 0},
    }
    if source == "retraction-watch":
        entry["record-id"] = "12345"
    return entry


def datacite_doc(
    doi: str, title: str, creators: list[tuple[str, str]], year: int, kind: str = "Dataset"
) -> dict[str, Any]:
    """A DataCite /dois/{doi} JSON:API document."""
    prefix, _, suffix = doi.lower().partition("/")
    return {
        "data": {
            "id": doi.lower(),
            "type": "dois",
            "attributes": {
                "doi": doi.lower(),
                "prefix": prefix,
                "suffix": suffix,
                "identifiers": [],
                "creators": [
                    {
                        "name": f"{family}, {given}",
                        "nameType": "Personal",
                        "givenName": given,
                        "familyName": family,
                        "affiliation": [],
                        "nameIdentifiers": [],
                    }
                    for family, given in creators
                ],
                "titles": [{"title": title}],
                "publisher": "Zenodo",
                "container": {},
                "publicationYear": year,
                "types": {"ris": "DATA", "bibtex": "misc", "citeproc": "dataset", "resourceTypeGeneral": kind},
                "url": f"https://zenodo.org/{suffix}",
                "state": "findable",
                "dates": [{"date": str(year), "dateType": "Issued"}],
                "relatedIdentifiers": [],
            },
            "relationships": {"client": {"data": {"id": "fake.client", "type": "clients"}}},
        },
        "included": [{"id": "fake.client", "type": "clients", "attributes": {"name": "Fake"}}],
    }


def csl_item(doi: str, title: str, authors: list[tuple[str, str]], year: int, container: str = "") -> dict[str, Any]:
    """CSL-JSON as agencies serve it through doi.org content negotiation (upper-case DOI, like DataCite's)."""
    item: dict[str, Any] = {
        "type": "article-journal",
        "id": f"https://doi.org/{doi}",
        "author": [{"family": f, "given": g} for f, g in authors],
        "issued": date_parts(year),
        "DOI": doi.upper(),
        "publisher": "Fake Agency Press",
        "title": title,
    }
    if container:
        item["container-title"] = container
    return item


def hal_doc(
    hal_id: str, title: str, authors: list[tuple[str, str]], year: int, doc_type: str = "THESE"
) -> dict[str, Any]:
    """A HAL search doc with the fields biblio asks for (multi-valued fields are arrays)."""
    return {
        "halId_s": hal_id,
        "title_s": [title],
        "authLastName_s": [f for f, _ in authors],
        "authFirstName_s": [g for _, g in authors],
        "producedDateY_i": year,
        "docType_s": doc_type,
    }


# -- the server ---------------------------------------------------------------------------------


@dataclass
class Pool:
    """A polite-pool budget the fake enforces: 429 when a client starts too many too fast."""

    name: str
    limit: int
    interval_s: float
    concurrency: int
    starts: deque[float] = field(default_factory=deque)
    in_flight: int = 0


@dataclass
class FakeRegistry:
    works: dict[str, dict[str, Any]] = field(default_factory=dict)
    datacite: dict[str, dict[str, Any]] = field(default_factory=dict)
    csl: dict[str, dict[str, Any]] = field(default_factory=dict)
    agencies: dict[str, str] = field(default_factory=dict)  # prefix -> "Crossref" | "DataCite" | "mEDRA" ...
    hal: dict[str, dict[str, Any]] = field(default_factory=dict)
    latency_s: float = 0.0
    enforce_limits: bool = False
    #: Send Crossref's x-rate-limit-* headers (off by default so tests are not paced at 3 req/s).
    announce_limits: bool = False
    #: service -> queue of misbehaviours for its next requests; "always:<mode>" entries repeat.
    faults: dict[str, deque[str]] = field(default_factory=dict)
    log: list[tuple[str, str]] = field(default_factory=list)
    violations: int = 0
    urls: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    pools: dict[str, Pool] = field(default_factory=dict)

    def add_work(self, item: dict[str, Any]) -> None:
        self.works[item["DOI"].lower()] = item
        self.agencies.setdefault(item["prefix"], "Crossref")

    def add_datacite(self, doc: dict[str, Any]) -> None:
        doi = doc["data"]["id"]
        self.datacite[doi] = doc
        self.agencies.setdefault(doi.split("/")[0], "DataCite")

    def add_csl(self, item: dict[str, Any], agency: str = "mEDRA") -> None:
        doi = item["DOI"].lower()
        self.csl[doi] = item
        self.agencies.setdefault(doi.split("/")[0], agency)

    def fail(self, service: str, mode: str, times: int = 1) -> None:
        """Misbehave on the next `times` requests to `service` (times=0: on every request)."""
        with self.lock:
            queue = self.faults.setdefault(service, deque())
            queue.extend([f"always:{mode}"] if times == 0 else [mode] * times)

    def heal(self) -> None:
        with self.lock:
            self.faults.clear()

    def requests_to(self, service: str) -> int:
        return sum(1 for s, _ in self.log if s == service)

    def _fault(self, service: str) -> str | None:
        with self.lock:
            queue = self.faults.get(service)
            if not queue:
                return None
            mode = queue[0]
            if mode.startswith("always:"):
                return mode.removeprefix("always:")
            return queue.popleft()

    def _pool(self, service: str, kind: str) -> Pool:
        key = f"{service}-{kind}"
        with self.lock:
            if key not in self.pools:
                limit, concurrency = (3, 3) if kind == "list" else (10, 3)
                self.pools[key] = Pool(f"polite-{kind}", limit, 1.0, concurrency)
            return self.pools[key]

    @contextmanager
    def admit(self, service: str, kind: str) -> Iterator[bool]:
        """Count a request against its pool; yields False when it breaks the published limits."""
        pool = self._pool(service, kind)
        now = time.monotonic()
        with self.lock:
            while pool.starts and pool.starts[0] <= now - pool.interval_s:
                pool.starts.popleft()
            ok = not self.enforce_limits or (len(pool.starts) < pool.limit and pool.in_flight < pool.concurrency)
            pool.starts.append(now)
            pool.in_flight += 1
            if not ok:
                self.violations += 1
        try:
            yield ok
        finally:
            with self.lock:
                pool.in_flight -= 1

    def rate_headers(self, service: str, kind: str) -> dict[str, str]:
        if service != "crossref" or not (self.announce_limits or self.enforce_limits):
            return {}
        pool = self._pool(service, kind)
        return {
            "x-api-pool": pool.name,
            "x-rate-limit-limit": str(pool.limit),
            "x-rate-limit-interval": f"{pool.interval_s:g}s",
            "x-concurrency-limit": str(pool.concurrency),
        }


def _score(query: str, title: str) -> float:
    words = set(re.findall(r"\w+", query.lower()))
    title_words = set(re.findall(r"\w+", title.lower()))
    return 10.0 * len(words & title_words) / max(1, len(title_words)) + len(words & title_words)


class Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:
        fake, service = self.server.fake, self.server.service
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        kind = "list" if service == "crossref" and url.path.rstrip("/").endswith("/works") else "single"
        with fake.lock:
            fake.log.append((service, self.path))
        with fake.admit(service, kind) as ok:
            if fake.latency_s:
                time.sleep(fake.latency_s)
            if not ok:
                return self._send(429, "Too Many Requests", "text/plain", fake.rate_headers(service, kind))
            fault = fake._fault(service)
            if fault and self._misbehave(fault):
                return None
            handler = getattr(self, f"_{service}")
            status, body, ctype, headers = handler(fake, unquote(url.path), query)
            headers = {**fake.rate_headers(service, kind), **headers}
            if fault == "wrong-type" and status == 200:
                ctype = "text/html; charset=utf-8"  # the right JSON, labelled as a web page
            return self._send(status, body, ctype, headers)

    def _misbehave(self, mode: str) -> bool:
        if mode == "hang":
            time.sleep(HANG_S)
            self._send(503, "late", "text/plain")
        elif mode == "429":
            self._send(429, "Too Many Requests", "text/plain")
        elif mode.startswith("429-retry-after"):
            self._send(429, "Too Many Requests", "text/plain", {"Retry-After": mode.rsplit(":", 1)[-1]})
        elif mode in ("500", "503", "403"):
            self._send(int(mode), f"<html><body>{mode}</body></html>", "text/html")
        elif mode == "html":
            self._send(200, "<!DOCTYPE html><html><body>Please log in</body></html>", "text/html;charset=utf-8")
        elif mode == "truncated":
            self._send(
                200, '{"status":"ok","message-type":"work-list","message":{"items":[{"DOI":"10.', "application/json"
            )
        elif mode == "drop":  # read the request, then close the connection without a word
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif mode in ("stall", "drip"):
            self._partial(slow=mode == "drip")
        elif mode == "oversized":  # declared too big up front
            self._send(200, b" " * OVERSIZED_BYTES + b"{}", "application/json")
        elif mode == "oversized-stream":  # no Content-Length: only counting the bytes catches it
            self._stream_oversized()
        elif mode.startswith("redirect:"):
            target = mode.removeprefix("redirect:")
            self._send(302, f'<a href="{target}">moved</a>', "text/html", {"Location": target})
        else:
            return False
        return True

    def _partial(self, slow: bool) -> None:
        """Headers and the start of a JSON body, then a stall (or one byte every 50 ms, forever)."""
        start = b'{"status":"ok","message-type":"work-list","message":{"items":['
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(start) + 100_000))
            self.end_headers()
            self.wfile.write(start)
            self.wfile.flush()
            deadline = time.monotonic() + HANG_S
            while time.monotonic() < deadline:
                time.sleep(0.05)
                if slow:
                    self.wfile.write(b" ")
                    self.wfile.flush()
        except OSError:  # the client gave up
            pass
        self.close_connection = True

    def _stream_oversized(self) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(OVERSIZED_BYTES // 65536 + 1):
                self.wfile.write(b" " * 65536)
            self.wfile.write(b"{}")
        except OSError:
            pass
        self.close_connection = True

    def _send(self, status: int, body: Any, ctype: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode() if isinstance(body, str) else body
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
            pass

    # -- registries -----------------------------------------------------------------------------

    @staticmethod
    def _crossref_json(message_type: str, message: Any) -> str:
        envelope = {"status": "ok", "message-type": message_type, "message-version": "1.0.0", "message": message}
        return json.dumps(envelope).replace("/", "\\/")  # Crossref escapes slashes on the wire

    def _crossref(self, fake: FakeRegistry, path: str, query: dict[str, str]) -> tuple[int, Any, str, dict[str, str]]:
        if path.rstrip("/").endswith("/works"):
            rows = int(query.get("rows", "20"))
            if "filter" in query:
                dois = [p.removeprefix("doi:").lower() for p in query["filter"].split(",") if p.startswith("doi:")]
                items = [fake.works[d] for d in dois if d in fake.works][:rows]
            elif "query.bibliographic" in query:
                text = query["query.bibliographic"]
                scored = sorted(
                    ({**item, "score": _score(text, " ".join(item["title"]))} for item in fake.works.values()),
                    key=lambda i: -i["score"],
                )
                items = [i for i in scored if i["score"] > 0][:rows]
            else:
                items = list(fake.works.values())[:rows]
            message = {
                "facets": {},
                "total-results": len(items),
                "items": items,
                "items-per-page": rows,
                "query": {"start-index": 0, "search-terms": query.get("query.bibliographic")},
            }
            return 200, self._crossref_json("work-list", message), "application/json", {}
        doi = path.split("/works/", 1)[-1].lower()
        if doi in fake.works:
            return 200, self._crossref_json("work", fake.works[doi]), "application/json", {}
        return 404, "Resource not found.", "text/plain", {}

    def _datacite(self, fake: FakeRegistry, path: str, query: dict[str, str]) -> tuple[int, Any, str, dict[str, str]]:
        doi = path.split("/dois/", 1)[-1].lower()
        ctype = "application/json; charset=utf-8"
        if doi in fake.datacite:
            return 200, json.dumps(fake.datacite[doi]), ctype, {}
        errors = {"errors": [{"status": "404", "title": "The resource you are looking for doesn't exist."}]}
        return 404, json.dumps(errors), ctype, {}

    def _doiorg(self, fake: FakeRegistry, path: str, query: dict[str, str]) -> tuple[int, Any, str, dict[str, str]]:
        ctype = "application/json;charset=UTF-8"
        if path.startswith("/ra/"):
            value = path.removeprefix("/ra/")
            agency = fake.agencies.get(value.split("/")[0])
            entry = {"DOI": value, "RA": agency} if agency else {"DOI": value, "status": "DOI does not exist"}
            return 200, json.dumps([entry], indent=2), ctype, {}
        if path.startswith("/cn/"):  # the agency's content-negotiation service the redirect points at
            doi = path.removeprefix("/cn/").lower()
            if doi in fake.csl:
                return 200, json.dumps(fake.csl[doi], indent=2), "application/vnd.citationstyles.csl+json", {}
            return 404, "<html><body>Not found</body></html>", "text/html", {}
        doi = path.lstrip("/").lower()
        if doi in fake.csl or doi in fake.works or doi in fake.datacite:
            target = f"{fake.urls['doiorg']}/cn/{quote(doi, safe='')}"
            page = f'<html><head><title>Handle Redirect</title></head>\n<body><a href="{target}">{target}</a></body></html>'
            return 302, page, "text/html;charset=utf-8", {"Location": target}
        return 404, "<!DOCTYPE html><html><title>Error: DOI Not Found</title></html>", "text/html;charset=utf-8", {}

    def _hal(self, fake: FakeRegistry, path: str, query: dict[str, str]) -> tuple[int, Any, str, dict[str, str]]:
        m = re.search(r'halId_s:"?([\w-]+)"?', query.get("q", ""))
        docs = [fake.hal[m.group(1)]] if m and m.group(1) in fake.hal else []
        body = {
            "responseHeader": {"status": 0, "QTime": 1, "params": query},
            "response": {"numFound": len(docs), "start": 0, "numFoundExact": True, "docs": docs},
        }
        return 200, json.dumps(body), "application/json; charset=UTF-8", {}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeRegistry
    service: str


@contextmanager
def running(fake: FakeRegistry) -> Iterator[FakeRegistry]:
    """Serve `fake` on four loopback ports (one per registry) until the block ends."""
    servers = []
    for service in SERVICES:
        server = _Server(("127.0.0.1", 0), Handler)
        server.fake, server.service = fake, service
        fake.urls[service] = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
        servers.append(server)
    try:
        yield fake
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
