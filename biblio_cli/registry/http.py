"""The one HTTP seam: a polite requests.Session with timeouts, retries, rate limits and a circuit breaker.

Registries publish their limits in response headers (Crossref: `x-rate-limit-limit`,
`x-rate-limit-interval`, `x-concurrency-limit`); we start from safe defaults and follow what
they say, with separate budgets for single-record lookups and list queries (Crossref's
polite pool gives them different limits). Anything that is not an answer (timeouts, 429/5xx
after retries, a 200 whose body is not JSON, 403) raises RegistryUnavailable, so callers can
never mistake an outage for "not found".
"""

from __future__ import annotations

import ipaddress
import json
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from biblio_cli import __version__
from biblio_cli.errors import BiblioError, UsageError

PROJECT_URL = "https://github.com/biblio-cli/biblio"
#: Statuses that are answers (the caller interprets them); everything else is a failure.
ANSWER_STATUSES = frozenset({200, 400, 404, 410})
#: Statuses worth retrying: rate limited or the server is struggling.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Redirects followed (doi.org content negotiation sends us to the agency); each hop is checked.
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
#: Bodies are read in chunks of this size, so a size limit and a deadline can stop them early.
CHUNK_BYTES = 64 * 1024


class BadAnswer(Exception):
    """A response that is not an answer: too big, too slow, or not JSON (retried, then unavailable)."""

    def __init__(self, message: str, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class RegistryUnavailable(BiblioError):
    """A registry could not give an answer (down, rate limiting us, blocked us, or talking nonsense)."""

    def __init__(self, host: str, reason: str) -> None:
        super().__init__(f"{host}: {reason}")
        self.host = host
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Limits:
    """A request budget: at most `requests` per `interval_s`, and `concurrency` in flight."""

    requests: int
    interval_s: float
    concurrency: int


#: Safe defaults before a registry tells us its limits (Crossref's polite pool, 2026).
DEFAULT_SINGLE_LIMITS = Limits(10, 1.0, 3)
DEFAULT_LIST_LIMITS = Limits(3, 1.0, 3)


@dataclass(frozen=True, slots=True)
class HttpSettings:
    """Network behaviour; tests shrink the timeouts and backoffs instead of sleeping."""

    mailto: str = ""
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 20.0
    max_retries: int = 4
    #: Retries after a timeout (a stalled or dripping server costs a whole deadline per attempt);
    #: a request that still times out opens the circuit breaker for its host at once.
    timeout_retries: int = 1
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    #: Longest Retry-After we are willing to honour before giving up on the request.
    retry_after_max_s: float = 60.0
    #: Consecutive failed requests (after their retries) before we stop calling a host.
    breaker_threshold: int = 3
    single_limits: Limits = DEFAULT_SINGLE_LIMITS
    list_limits: Limits = DEFAULT_LIST_LIMITS
    #: Spacing safety factor so clock jitter never pushes us over a published rate.
    rate_margin: float = 1.05
    #: Largest body we read; a bigger one is a failure (a registry record is a few KB).
    max_body_bytes: int = 10 * 1024 * 1024
    #: Whole-request deadline (connect, headers and body): a server dripping bytes cannot stall us.
    total_timeout_s: float = 30.0
    extra_headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: Any) -> HttpSettings:
        """Settings with the contact address from BIBLIO_MAILTO (never hard-coded)."""
        overrides.setdefault("mailto", os.environ.get("BIBLIO_MAILTO", ""))
        return cls(**overrides)


def user_agent(mailto: str) -> str:
    """`biblio/<version> (<project url>; mailto:<address>)`, the form Crossref asks for."""
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"biblio/{__version__} ({PROJECT_URL}{contact})"


def check_url(url: str) -> bool:
    """True for https URLs, and plain http only on loopback hosts: the only URLs we ever request."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return bool(host) and (parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host)))


def check_base_url(url: str, name: str) -> str:
    """Accept https anywhere and plain http only on loopback hosts (a local fake registry)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url.rstrip("/")
    if parts.scheme == "http" and _is_loopback(host):
        return url.rstrip("/")
    raise UsageError(f"{name}: {url!r} must be an https URL (plain http is allowed only for loopback hosts)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$")


def parse_interval_s(text: str) -> float | None:
    """'1s' -> 1.0, '500ms' -> 0.5, '1m' -> 60.0; None when unreadable."""
    m = _INTERVAL.match(text or "")
    if not m:
        return None
    value = float(m.group(1))
    return value * {"ms": 0.001, "s": 1.0, "m": 60.0, None: 1.0}[m.group(2)]


def limits_from_headers(headers: Mapping[str, str], current: Limits) -> Limits:
    """Limits a response announces, falling back to `current` for anything missing or absurd."""
    lowered = {k.lower(): v for k, v in headers.items()}

    def number(*names: str) -> int | None:
        for name in names:
            try:
                value = int(lowered[name].strip())
            except (KeyError, ValueError):
                continue
            if value > 0:
                return value
        return None

    requests_ = number("x-rate-limit-limit", "x-ratelimit-limit")
    interval = parse_interval_s(lowered.get("x-rate-limit-interval", lowered.get("x-ratelimit-interval", "")))
    concurrency = number("x-concurrency-limit")
    return Limits(
        min(requests_, 1000) if requests_ else current.requests,
        interval if interval and interval > 0 else current.interval_s,
        min(concurrency, 50) if concurrency else current.concurrency,
    )


def retry_after_s(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Budget:
    """Rate and concurrency limiter for one (host, kind) pair, adjustable from response headers."""

    def __init__(self, limits: Limits, margin: float) -> None:
        self._limits = limits
        self._margin = margin
        self._cond = threading.Condition()
        self._in_flight = 0
        self._next_start = 0.0

    @property
    def limits(self) -> Limits:
        return self._limits

    def update(self, limits: Limits) -> None:
        with self._cond:
            self._limits = limits
            self._cond.notify_all()

    def acquire(self) -> None:
        """Block until a request may start: a concurrency slot is free and the rate allows it."""
        with self._cond:
            while self._in_flight >= self._limits.concurrency:
                self._cond.wait()
            self._in_flight += 1
            spacing = self._limits.interval_s / self._limits.requests * self._margin
            start = max(time.monotonic(), self._next_start)
            self._next_start = start + spacing
        delay = start - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def release(self) -> None:
        with self._cond:
            self._in_flight -= 1
            self._cond.notify()

    def pause(self, seconds: float) -> None:
        """Push every later start back (after a 429), so the whole pool backs off together."""
        with self._cond:
            self._next_start = max(self._next_start, time.monotonic() + seconds)


@dataclass(frozen=True, slots=True)
class HttpResult:
    """An answer: its status (200, 400, 404, 410) and its decoded JSON body (None if not JSON)."""

    status: int
    body: Any
    url: str


class HttpClient:
    """The one requests.Session, shared by every registry module; thread-safe."""

    def __init__(self, settings: HttpSettings | None = None, session: requests.Session | None = None) -> None:
        self.settings = settings or HttpSettings.from_env()
        self.session = session or requests.Session()
        self.session.headers.update(
            {
                "User-Agent": user_agent(self.settings.mailto),
                "Accept": "application/json",
                **self.settings.extra_headers,
            }
        )
        self._lock = threading.Lock()
        self._budgets: dict[tuple[str, str], Budget] = {}
        self._failures: dict[str, int] = {}
        self._open: dict[str, str] = {}
        #: Requests actually sent (retries included); the benchmark and tests read it.
        self.request_count = 0
        self._sleep: Callable[[float], None] = time.sleep

    def close(self) -> None:
        self.session.close()

    def broken_hosts(self) -> dict[str, str]:
        """Hosts we stopped calling, with the reason (for a single 'registry unavailable' message)."""
        with self._lock:
            return dict(self._open)

    def _budget(self, host: str, kind: str) -> Budget:
        with self._lock:
            key = (host, kind)
            if key not in self._budgets:
                limits = self.settings.list_limits if kind == "list" else self.settings.single_limits
                self._budgets[key] = Budget(limits, self.settings.rate_margin)
            return self._budgets[key]

    def _trip(self, host: str, reason: str) -> RegistryUnavailable:
        with self._lock:
            self._open.setdefault(host, reason)
        return RegistryUnavailable(host, reason)

    def _record(self, host: str, ok: bool) -> None:
        with self._lock:
            self._failures[host] = 0 if ok else self._failures.get(host, 0) + 1
            if self._failures[host] >= self.settings.breaker_threshold:
                self._open.setdefault(host, f"{self._failures[host]} requests failed in a row")

    def _backoff_s(self, attempt: int) -> float:
        """Full-jitter exponential backoff: uniform in [0, base * 2^attempt], capped."""
        ceiling = min(self.settings.backoff_max_s, self.settings.backoff_base_s * 2**attempt)
        return random.uniform(ceiling / 2, ceiling)

    def _fetch(self, url: str, params: Mapping[str, str] | None, accept: str) -> tuple[requests.Response, bytes]:
        """One request, following checked redirects, with the body read under a size limit and a deadline.

        TLS certificates are always verified (`verify=True`, whatever the session or the
        environment say), and a redirect is followed only to an https URL (or loopback http).
        """
        deadline = time.monotonic() + self.settings.total_timeout_s
        for _ in range(MAX_REDIRECTS + 1):
            response = self.session.get(
                url,
                params=params,
                headers={"Accept": accept},
                timeout=(self.settings.connect_timeout_s, self.settings.read_timeout_s),
                verify=True,
                stream=True,
                allow_redirects=False,
            )
            try:
                if response.status_code in REDIRECT_STATUSES and response.headers.get("Location"):
                    target = urljoin(response.url, response.headers["Location"].strip())
                    if not check_url(target):
                        raise BadAnswer(f"redirected to a URL that is not https ({target})")
                    url, params = target, None
                    continue
                return response, self._read_body(response, deadline)
            finally:
                response.close()
        raise BadAnswer(f"more than {MAX_REDIRECTS} redirects")

    def _read_body(self, response: requests.Response, deadline: float) -> bytes:
        limit = self.settings.max_body_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise BadAnswer(f"body of {int(declared)} bytes is over the {limit}-byte limit")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in _chunks(response):
                size += len(chunk)
                if size > limit:
                    raise BadAnswer(f"body over the {limit}-byte limit")
                if time.monotonic() > deadline:
                    raise BadAnswer(f"no complete answer within {self.settings.total_timeout_s:g} s", timed_out=True)
                chunks.append(chunk)
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise BadAnswer("timed out while reading the body", timed_out=True) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise BadAnswer(f"connection failed while reading the body ({type(exc).__name__})") from exc
        return b"".join(chunks)

    def get_json(
        self,
        url: str,
        params: Mapping[str, str] | None = None,
        *,
        kind: str = "single",
        accept: str = "application/json",
    ) -> HttpResult:
        """GET `url` and return an answer, or raise RegistryUnavailable once retries are spent."""
        host = urlsplit(url).netloc
        with self._lock:
            if host in self._open:
                raise RegistryUnavailable(host, self._open[host])
        budget = self._budget(host, kind)
        last = "no attempt made"
        timeouts = 0
        for attempt in range(self.settings.max_retries + 1):
            wait: float | None = None
            timed_out = False
            budget.acquire()
            try:
                with self._lock:
                    self.request_count += 1
                response, content = self._fetch(url, params, accept)
                budget.update(limits_from_headers(response.headers, budget.limits))
                status = response.status_code
                if status == 403:
                    raise self._trip(host, "access refused (HTTP 403); not calling it again this run")
                if status in ANSWER_STATUSES:
                    body = _decode(content)
                    if status == 200 and not _json_type(response.headers.get("Content-Type", "")):
                        last = f"HTTP 200 with content type {response.headers.get('Content-Type', '')!r}, not JSON"
                    elif status == 200 and body is None:
                        last = "HTTP 200 but the body is not JSON"
                    else:
                        self._record(host, True)
                        return HttpResult(status, body, response.url)
                elif status in RETRY_STATUSES:
                    last = f"HTTP {status}"
                    wait = retry_after_s(response.headers.get("Retry-After"))
                    if status == 429:
                        pause = wait if wait is not None else self._backoff_s(attempt)
                        budget.pause(min(pause, self.settings.retry_after_max_s))
                else:
                    last = f"unexpected HTTP {status}"
            except BadAnswer as exc:
                last, timed_out = str(exc), exc.timed_out
            except requests.Timeout:
                last, timed_out = "timed out", True
            except requests.RequestException as exc:
                last = f"connection failed ({type(exc).__name__})"
            finally:
                budget.release()
            timeouts += timed_out
            if attempt == self.settings.max_retries or timeouts > self.settings.timeout_retries:
                break
            if wait is not None and wait > self.settings.retry_after_max_s:
                # Waiting that long would stall the run: give up on this host for the run.
                raise self._trip(host, f"{last}; asked to wait {wait:.0f} s; not calling it again this run")
            self._sleep(wait if wait is not None else self._backoff_s(attempt))
        if timed_out:  # it did not answer in time, twice: do not make every later lookup wait too
            raise self._trip(host, f"{last}; not calling it again this run")
        self._record(host, False)
        raise RegistryUnavailable(host, last)


def _chunks(response: requests.Response) -> Iterator[bytes]:
    """The body as it arrives: with urllib3 2, one socket read per chunk, so a server that drips
    bytes is caught by the deadline between reads instead of filling a 64 KB chunk first."""
    raw = response.raw
    read1 = getattr(raw, "read1", None)
    if read1 is None:  # urllib3 1.x
        yield from response.iter_content(CHUNK_BYTES)
        return
    while chunk := read1(CHUNK_BYTES, decode_content=True):
        yield chunk


def _decode(content: bytes) -> Any:
    """The JSON body, or None when it is not JSON (HTML error pages, truncated bodies, plain text)."""
    try:
        return json.loads(content)  # JSON is UTF-8 by definition; ignore text/* charset guesses
    except ValueError:
        return None


def _json_type(content_type: str) -> bool:
    """A JSON media type (application/json, application/vnd.api+json, CSL-JSON), or none given at all."""
    media = content_type.split(";", 1)[0].strip().lower()
    return not media or media == "application/json" or media.endswith("+json")
