"""Fault injection: a full `biblio check --online` through a fake registry that misbehaves.

Every run must end within its time budget, report what it could not verify as unverified
(`registry-unavailable`, never `doi-not-found`), and give exactly the local findings of an
offline run. Transient faults (one bad answer, then good ones) must not change anything at all.
The CLI's production settings are shrunk to the tests' FAST_HTTP (0.3 s read timeout, 1 s
per-request deadline, 1 MB body limit, 2 retries).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from biblio_cli.cli import main
from biblio_cli.registry.http import HttpClient, HttpSettings, RegistryUnavailable
from registry.conftest import FAST_HTTP
from registry.fake_registry import SERVICES, FakeRegistry
from registry.scenario import DOCUMENT, populate

#: Online rules (codes N401-N407): everything else is a local finding.
ONLINE_RULES = frozenset(
    {
        "doi-not-found",
        "metadata-mismatch",
        "detail-mismatch",
        "missing-doi",
        "retracted",
        "corrected-work",
        "registry-unavailable",
    }
)
#: A whole `check --online` of the scenario document, however the registry misbehaves.
RUN_BUDGET_S = 15.0

PERSISTENT_FAULTS = [
    "drop",
    "stall",
    "drip",
    "hang",
    "429",
    "429-retry-after:1",
    "429-retry-after:3600",
    "500",
    "503",
    "html",
    "truncated",
    "wrong-type",
    "oversized",
    "oversized-stream",
]


@pytest.fixture(autouse=True)
def _fast_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HttpSettings, "from_env", classmethod(lambda cls, **overrides: FAST_HTTP))


@pytest.fixture
def paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BIBLIO_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "paper.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def check(paper: Path, *args: str) -> tuple[list[dict[str, Any]], float, str]:
    """Findings of `biblio check --format json`, the wall time, and stderr."""
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", str(paper), "--format", "json", *args])
    elapsed = time.monotonic() - started
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    [document] = json.loads(result.stdout)["documents"]
    return document["findings"], elapsed, result.stderr


def split(findings: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    local = [f for f in findings if f["rule"] not in ONLINE_RULES]
    online = [f for f in findings if f["rule"] in ONLINE_RULES]
    return local, online


def test_online_rule_codes_are_the_n4xx_ones() -> None:
    from biblio_cli.rules import RULES

    assert {r.id for r in RULES if r.code.startswith("N4")} == ONLINE_RULES


@pytest.mark.parametrize("mode", PERSISTENT_FAULTS)
def test_a_registry_that_keeps_failing(fake: FakeRegistry, paper: Path, mode: str) -> None:
    populate(fake)
    offline, _, _ = check(paper)
    for service in SERVICES:
        fake.fail(service, mode, times=0)
    findings, elapsed, _ = check(paper, "--online")
    assert elapsed < RUN_BUDGET_S, f"{mode}: took {elapsed:.1f} s"
    local, online = split(findings)
    assert local == offline  # the same local findings, in the same order, as without --online
    assert [f["rule"] for f in online] == ["registry-unavailable"]  # once, and never "doi-not-found"
    assert "not verified" in online[0]["message"]


@pytest.mark.parametrize("mode", ["drop", "stall", "429", "429-retry-after:0", "503", "html", "truncated"])
def test_a_transient_fault_changes_nothing(fake: FakeRegistry, paper: Path, mode: str, tmp_path: Path) -> None:
    populate(fake)
    healthy, _, _ = check(paper, "--online", "--cache-dir", str(tmp_path / "healthy"))
    for service in SERVICES:
        fake.fail(service, mode, times=1)
    findings, elapsed, _ = check(paper, "--online", "--cache-dir", str(tmp_path / "faulty"))
    assert elapsed < RUN_BUDGET_S
    assert findings == healthy  # retried, and answered in the end


@pytest.mark.parametrize("service", SERVICES)
def test_one_registry_down_mid_run(fake: FakeRegistry, paper: Path, service: str) -> None:
    """One registry fails after its first answer: only its identifiers become unverified."""
    populate(fake)
    offline, _, _ = check(paper)
    fake.fail(service, "503", times=0)
    with fake.lock:  # let one request through before the outage starts
        fake.faults[service].appendleft("ok")
    findings, elapsed, _ = check(paper, "--online")
    assert elapsed < RUN_BUDGET_S
    local, online = split(findings)
    assert local == offline
    # HAL is asked once (one HAL id in the document), so its outage starts after the run.
    assert [f["rule"] for f in online].count("registry-unavailable") == (0 if service == "hal" else 1)
    not_found = {f["line"] for f in online if f["rule"] == "doi-not-found"}
    assert not_found <= {13, 19}  # only DOIs a registry that answered says do not exist


def test_a_failed_run_is_not_remembered(fake: FakeRegistry, paper: Path) -> None:
    populate(fake)
    for service in SERVICES:
        fake.fail(service, "503", times=0)
    check(paper, "--online")
    fake.heal()
    findings, _, _ = check(paper, "--offline")
    assert not split(findings)[1]  # nothing was cached from the outage
    healthy, _, _ = check(paper, "--online")
    assert "registry-unavailable" not in {f["rule"] for f in healthy}
    assert {"doi-not-found", "retracted", "missing-doi"} <= {f["rule"] for f in healthy}


# -- the client on its own: each fault ends as RegistryUnavailable, in time ---------------------


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("drop", "connection failed"),
        ("stall", "timed out"),
        ("drip", "no complete answer within 1 s"),
        ("oversized", "over the 1048576-byte limit"),
        ("oversized-stream", "over the 1048576-byte limit"),
        ("wrong-type", "content type 'text/html; charset=utf-8', not JSON"),
        ("html", "not JSON"),
        ("truncated", "body is not JSON"),
        ("429-retry-after:3600", "asked to wait 3600 s"),
    ],
)
def test_client_reasons(fake: FakeRegistry, mode: str, reason: str) -> None:
    populate(fake)
    fake.fail("crossref", mode, times=0)
    client = HttpClient(FAST_HTTP)
    started = time.monotonic()
    with pytest.raises(RegistryUnavailable) as failure:
        client.get_json(f"{fake.urls['crossref']}/works/10.1111/good.1")
    assert reason in failure.value.reason
    if mode.startswith("429-retry-after"):
        attempts = 1  # told to wait longer than we would: no retry
    elif mode in ("stall", "drip"):
        attempts = FAST_HTTP.timeout_retries + 1  # each costs a whole deadline: retried once only
    else:
        attempts = FAST_HTTP.max_retries + 1
    assert fake.requests_to("crossref") == attempts
    assert time.monotonic() - started < attempts * (FAST_HTTP.total_timeout_s + 0.5)
    if attempts < FAST_HTTP.max_retries + 1:  # gave up early: the host is not called again this run
        assert list(client.broken_hosts()) == [fake.urls["crossref"].removeprefix("http://")]
        with pytest.raises(RegistryUnavailable):
            client.get_json(f"{fake.urls['crossref']}/works/10.1111/good.1")
        assert fake.requests_to("crossref") == attempts
    client.close()


def test_body_limit_default_is_ten_megabytes() -> None:
    assert HttpSettings().max_body_bytes == 10 * 1024 * 1024
    assert HttpSettings().total_timeout_s > HttpSettings().read_timeout_s
