"""Resolve 1,000 DOIs against the fake registry under Crossref's polite-pool limits.

The fake enforces the limits (lists 3 req/s and 3 at once; single records 10 req/s and 3 at
once, answering 429 to anyone who exceeds them) and adds 100 ms of latency per request. We
measure a cold run (empty cache), a warm run (everything from the cache), and the naive
baseline that asks for one DOI per request.

Targets: cold < 10 s, warm < 0.5 s (the baseline needs > 100 s).

    python -m benchmarks.resolve_bench                 # full run, baseline included (~2 min)
    python -m benchmarks.resolve_bench --baseline 100  # baseline on 100 DOIs, extrapolated
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from registry.fake_registry import FakeRegistry, crossref_item, running

from biblio_cli.registry.http import HttpClient, HttpSettings
from biblio_cli.registry.resolve import Endpoints, Resolver, ResolveSettings

LATENCY_S = 0.1
TARGET_COLD_S = 10.0
TARGET_WARM_S = 0.5


def make_registry(count: int) -> tuple[FakeRegistry, list[str]]:
    fake = FakeRegistry(latency_s=LATENCY_S, enforce_limits=True)
    dois = [f"10.5555/bench.{n:05d}" for n in range(count)]
    for n, doi in enumerate(dois):
        fake.add_work(
            crossref_item(doi, f"Benchmark work number {n}", [("Author", "A.")], 2000 + n % 25, volume=str(n % 40))
        )
    return fake, dois


def run(count: int, baseline: int) -> int:
    fake, dois = make_registry(count)
    with running(fake), tempfile.TemporaryDirectory() as cache_dir:
        endpoints = Endpoints(fake.urls["crossref"], fake.urls["datacite"], fake.urls["doiorg"], fake.urls["hal"])
        settings = ResolveSettings(
            endpoints=endpoints, http=HttpSettings(mailto="bench@example.org"), cache_dir=Path(cache_dir)
        )

        with Resolver(settings) as resolver:
            started = time.perf_counter()
            cold = resolver.resolve_dois(dois)
            cold_s = time.perf_counter() - started
            cold_requests = resolver.client.request_count
        found = sum(1 for lookup in cold.values() if lookup.status == "found")
        violations_cold = fake.violations

        with Resolver(settings) as resolver:
            started = time.perf_counter()
            warm = resolver.resolve_dois(dois)
            warm_s = time.perf_counter() - started
            warm_requests = resolver.client.request_count
        assert all(lookup.cached for lookup in warm.values())

        client = HttpClient(HttpSettings(mailto="bench@example.org"))
        sample = dois[:baseline]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(lambda d: client.get_json(f"{endpoints.crossref}/works/{d}"), sample))
        base_s = time.perf_counter() - started
        base_requests = client.request_count
        client.close()

    scale = count / max(1, len(sample))
    print(f"DOIs: {count} (found {found}); latency {LATENCY_S * 1000:.0f} ms; limits lists 3/s x3, single 10/s x3")
    print(f"cold:     {cold_s:7.2f} s  {cold_requests:5d} requests  (target < {TARGET_COLD_S:g} s)")
    print(f"warm:     {warm_s:7.3f} s  {warm_requests:5d} requests  (target < {TARGET_WARM_S:g} s)")
    label = "baseline:" if scale == 1 else f"baseline ({len(sample)} DOIs, x{scale:g}):"
    print(f"{label} {base_s * scale:7.2f} s  {base_requests * scale:5.0f} requests  (one request per DOI)")
    print(f"rate-limit violations (429s served): {fake.violations} ({violations_cold} during the cold run)")
    ok = cold_s < TARGET_COLD_S and warm_s < TARGET_WARM_S and found == count
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="DOIs to resolve (default 1000)")
    parser.add_argument(
        "--baseline", type=int, default=None, help="DOIs for the one-per-request baseline (default: all)"
    )
    args = parser.parse_args()
    return run(args.count, args.baseline if args.baseline is not None else args.count)


if __name__ == "__main__":
    sys.exit(main())
