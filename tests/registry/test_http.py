"""The HTTP seam against the fake registry: politeness, retries, failures that must not look like answers."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

import pytest
import requests

from biblio_cli.errors import UsageError
from biblio_cli.registry.http import (
    HttpClient,
    HttpSettings,
    Limits,
    RegistryUnavailable,
    check_base_url,
    limits_from_headers,
    parse_interval_s,
    retry_after_s,
    user_agent,
)
from registry.conftest import FAST_HTTP
from registry.fake_registry import FakeRegistry, crossref_item


@pytest.fixture
def client() -> HttpClient:
    return HttpClient(FAST_HTTP)


def work_url(fake: FakeRegistry, doi: str = "10.1111/a") -> str:
    fake.add_work(crossref_item(doi, "T", [("A", "B")], 2000))
    return f"{fake.urls['crossref']}/works/{doi}"


def test_user_agent_carries_mailto_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIBLIO_MAILTO", "someone@example.net")
    settings = HttpSettings.from_env()
    assert user_agent(settings.mailto).endswith("(https://github.com/biblio-cli/biblio; mailto:someone@example.net)")
    monkeypatch.delenv("BIBLIO_MAILTO")
    assert "mailto" not in user_agent(HttpSettings.from_env().mailto)


def test_user_agent_is_sent(fake: FakeRegistry) -> None:
    seen: dict[str, str | bytes] = {}

    class Spy(requests.Session):
        def get(self, url: str | bytes, **kwargs: Any) -> requests.Response:
            seen.update(self.headers)
            return super().get(url, **kwargs)

    HttpClient(FAST_HTTP, Spy()).get_json(work_url(fake))
    assert "mailto:tests@example.org" in seen["User-Agent"]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        pytest.param("https://api.crossref.org", True, id="https"),
        pytest.param("http://127.0.0.1:8080", True, id="loopback-v4"),
        pytest.param("http://[::1]:8080", True, id="loopback-v6"),
        pytest.param("http://localhost:8080", True, id="localhost"),
        pytest.param("http://api.crossref.org", False, id="plain-http-remote"),
        pytest.param("ftp://127.0.0.1", False, id="ftp"),
        pytest.param("api.crossref.org", False, id="no-scheme"),
    ],
)
def test_base_urls(url: str, ok: bool) -> None:
    if ok:
        assert check_base_url(url + "/", "X") == url
    else:
        with pytest.raises(UsageError):
            check_base_url(url, "X")


def test_limits_from_headers() -> None:
    start = Limits(10, 1.0, 3)
    headers = {"X-Rate-Limit-Limit": "3", "X-Rate-Limit-Interval": "1s", "X-Concurrency-Limit": "2"}
    assert limits_from_headers(headers, start) == Limits(3, 1.0, 2)
    assert limits_from_headers({"x-ratelimit-limit": "50", "x-ratelimit-interval": "1s"}, start) == Limits(50, 1.0, 3)
    assert limits_from_headers({"x-rate-limit-limit": "zero", "x-concurrency-limit": "-1"}, start) == start
    assert parse_interval_s("500ms") == 0.5
    assert parse_interval_s("nonsense") is None


def test_retry_after_forms() -> None:
    assert retry_after_s("3") == 3.0
    assert retry_after_s("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past: go now
    assert retry_after_s("soon") is None
    assert retry_after_s(None) is None


def test_success_and_404_are_answers(fake: FakeRegistry, client: HttpClient) -> None:
    assert client.get_json(work_url(fake)).status == 200
    missing = client.get_json(f"{fake.urls['crossref']}/works/10.1111/none")
    assert (missing.status, missing.body) == (404, None)  # the plain-text body is not JSON, and that is fine


@pytest.mark.parametrize("mode", ["429", "500", "503", "html", "truncated"])
def test_transient_failure_then_success(fake: FakeRegistry, client: HttpClient, mode: str) -> None:
    url = work_url(fake)
    fake.fail("crossref", mode, times=2)
    assert client.get_json(url).status == 200
    assert fake.requests_to("crossref") == 3


@pytest.mark.parametrize("mode", ["429", "503", "html", "truncated", "hang"])
def test_persistent_failure_is_unavailable_not_an_answer(fake: FakeRegistry, client: HttpClient, mode: str) -> None:
    url = work_url(fake)
    fake.fail("crossref", mode, times=0)
    started = time.monotonic()
    with pytest.raises(RegistryUnavailable):
        client.get_json(url)
    # A timeout costs a whole read timeout per attempt: retried fewer times, then the host is dropped.
    attempts = FAST_HTTP.timeout_retries + 1 if mode == "hang" else FAST_HTTP.max_retries + 1
    assert fake.requests_to("crossref") == attempts
    assert time.monotonic() - started < 5


def test_retry_after_is_honoured(fake: FakeRegistry, client: HttpClient) -> None:
    url = work_url(fake)
    fake.fail("crossref", "429-retry-after:0", times=1)
    assert client.get_json(url).status == 200
    fake.fail("crossref", "429-retry-after:3600", times=1)  # longer than we may wait: give up at once
    with pytest.raises(RegistryUnavailable, match="wait 3600"):
        client.get_json(url)


def test_403_opens_the_breaker_at_once(fake: FakeRegistry, client: HttpClient) -> None:
    url = work_url(fake)
    fake.fail("crossref", "403", times=1)
    with pytest.raises(RegistryUnavailable, match="403"):
        client.get_json(url)
    with pytest.raises(RegistryUnavailable):
        client.get_json(url)
    assert fake.requests_to("crossref") == 1
    assert list(client.broken_hosts()) == [fake.urls["crossref"].removeprefix("http://")]
    assert client.get_json(f"{fake.urls['datacite']}/dois/10.5281/x").status == 404  # other hosts still work


def test_repeated_failures_open_the_breaker(fake: FakeRegistry) -> None:
    client = HttpClient(replace(FAST_HTTP, max_retries=0, breaker_threshold=2))
    url = work_url(fake)
    fake.fail("crossref", "503", times=0)
    for _ in range(4):
        with pytest.raises(RegistryUnavailable):
            client.get_json(url)
    assert fake.requests_to("crossref") == 2


def test_rate_limit_headers_pace_requests(fake: FakeRegistry) -> None:
    fake.announce_limits = True
    client = HttpClient(replace(FAST_HTTP, list_limits=Limits(1000, 1.0, 8)))
    url = f"{fake.urls['crossref']}/works"
    client.get_json(url, {"rows": "1"}, kind="list")  # learns "3 per 1s"
    started = time.monotonic()
    for _ in range(3):
        client.get_json(url, {"rows": "1"}, kind="list")
    assert time.monotonic() - started >= 0.6  # 3 per second -> ~0.35 s apart after the first
