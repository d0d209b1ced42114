"""Fixtures for registry tests: a fake registry on loopback, fast settings, no real network.

The root conftest already makes non-loopback connections fail; here DNS lookups of real
registry hosts fail too, so a mistaken default URL is caught before any packet leaves.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from biblio_cli.registry.http import HttpSettings, Limits
from biblio_cli.registry.resolve import Endpoints, Resolver, ResolveSettings
from registry.fake_registry import ENV_NAMES, FakeRegistry, running

#: Tiny timeouts and backoffs: failure paths take milliseconds, not the production seconds.
FAST_HTTP = HttpSettings(
    mailto="tests@example.org",
    connect_timeout_s=0.5,
    read_timeout_s=0.3,
    max_retries=2,
    backoff_base_s=0.001,
    backoff_max_s=0.01,
    retry_after_max_s=0.5,
    total_timeout_s=1.0,
    max_body_bytes=1024 * 1024,
    single_limits=Limits(1000, 1.0, 8),
    list_limits=Limits(1000, 1.0, 8),
)


@pytest.fixture(autouse=True)
def _no_dns(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1"):
            raise RuntimeError(f"test tried to resolve a network host: {host!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    yield


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeRegistry]:
    """A running fake registry; the BIBLIO_*_URL variables point at it."""
    with running(FakeRegistry()) as registry:
        for service, name in ENV_NAMES.items():
            monkeypatch.setenv(name, registry.urls[service])
        monkeypatch.setenv("BIBLIO_MAILTO", "tests@example.org")
        yield registry


@pytest.fixture
def settings(fake: FakeRegistry, tmp_path: Path) -> ResolveSettings:
    return ResolveSettings(endpoints=Endpoints.from_env(), http=FAST_HTTP, cache_dir=tmp_path / "cache")


@pytest.fixture
def resolver(settings: ResolveSettings) -> Iterator[Resolver]:
    with Resolver(settings) as r:
        yield r
