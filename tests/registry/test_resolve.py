"""Orchestration against the fake registry: routing, caching, outages, and the online rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from biblio_cli.model import DocumentResult
from biblio_cli.pipeline import check_text
from biblio_cli.registry.resolve import Resolver, ResolveSettings
from registry.fake_registry import FakeRegistry
from registry.scenario import DOCUMENT, LISTED_DOIS, populate


def findings(result: DocumentResult, *rules: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in result.findings if not rules or f.rule in rules]


ONLINE = (
    "doi-not-found",
    "metadata-mismatch",
    "missing-doi",
    "retracted",
    "registry-unavailable",
    "corrected-work",
    "detail-mismatch",
)


def test_dois_are_batched_then_routed_by_agency(fake: FakeRegistry, resolver: Resolver) -> None:
    populate(fake)
    lookups = resolver.resolve_dois(["https://doi.org/10.1111/GOOD.1", *LISTED_DOIS, "not a doi"])
    status = {doi: (lookup.status, lookup.agency) for doi, lookup in lookups.items()}
    assert status == {
        "10.1111/good.1": ("found", "crossref"),
        "10.1111/retracted.1": ("found", "crossref"),
        "10.5281/zenodo.123": ("found", "datacite"),
        "10.1111/missing.404": ("not-found", "crossref"),
        "10.1111/mismatch.1": ("found", "crossref"),
        "10.1392/medra.1": ("found", "medra"),
        "10.1111/corrected.1": ("found", "crossref"),
        "10.99999/ghost.1": ("not-found", ""),
    }
    crossref_calls = [path for service, path in fake.log if service == "crossref"]
    assert len(crossref_calls) == 1 and "filter=doi" in crossref_calls[0]
    ra_calls = sorted(path for service, path in fake.log if service == "doiorg" and path.startswith("/ra/"))
    assert ra_calls == ["/ra/10.1111", "/ra/10.1392", "/ra/10.5281", "/ra/10.99999"]  # once per prefix


def test_online_check_reports_every_case(fake: FakeRegistry, resolver: Resolver) -> None:
    populate(fake)
    result = check_text(DOCUMENT, online=resolver.resolve_references)
    assert findings(result, *ONLINE) == [
        ("retracted", 9),
        ("missing-doi", 10),
        ("doi-not-found", 13),
        ("metadata-mismatch", 14),
        ("detail-mismatch", 14),
        ("corrected-work", 17),
        ("doi-not-found", 19),
    ]
    missing = next(f for f in result.findings if f.rule == "missing-doi")
    assert missing.suggestion == "add https://doi.org/10.1111/search.1"
    # Leroy (line 16) matches two duplicate records equally well: no suggestion.
    assert not [f for f in result.findings if f.line == 16 and f.rule in ONLINE]


def test_second_run_comes_from_the_cache(fake: FakeRegistry, settings: ResolveSettings) -> None:
    populate(fake)
    with Resolver(settings) as first:
        cold = check_text(DOCUMENT, online=first.resolve_references)
    sent = len(fake.log)
    with Resolver(settings) as second:
        warm = check_text(DOCUMENT, online=second.resolve_references)
    assert len(fake.log) == sent
    assert warm.findings == cold.findings
    with Resolver(replace(settings, offline=True)) as offline:
        assert check_text(DOCUMENT, online=offline.resolve_references).findings == cold.findings
    with Resolver(replace(settings, refresh=True)) as refresh:
        check_text(DOCUMENT, online=refresh.resolve_references)
    assert len(fake.log) > sent


def test_offline_with_an_empty_cache_touches_nothing(fake: FakeRegistry, settings: ResolveSettings) -> None:
    populate(fake)
    with Resolver(replace(settings, offline=True)) as resolver:
        result = check_text(DOCUMENT, online=resolver.resolve_references)
    assert fake.log == []
    assert findings(result, *ONLINE) == []


@pytest.mark.parametrize("mode", ["503", "hang", "html", "truncated", "403", "429"])
def test_an_outage_changes_no_local_finding(fake: FakeRegistry, resolver: Resolver, mode: str) -> None:
    populate(fake)
    offline = check_text(DOCUMENT)
    fake.fail("crossref", mode, times=0)
    result = check_text(DOCUMENT, online=resolver.resolve_references)
    local = [f for f in result.findings if f.rule not in ONLINE]
    assert local == list(offline.findings)
    online = findings(result, *ONLINE)
    assert ("registry-unavailable", 8) in online
    assert sum(1 for rule, _ in online if rule == "registry-unavailable") == 1
    # Crossref DOIs are unverified, never "not found"; other agencies still answer.
    assert ("doi-not-found", 13) not in online
    assert ("doi-not-found", 19) in online  # doi.org says prefix 10.99999 does not exist
    lookups = resolver.resolve_references(result.references).lookups
    assert lookups["10.1111/good.1"].status == "unavailable"
    assert lookups["10.5281/zenodo.123"].status == "found"


def test_failures_are_never_cached(fake: FakeRegistry, settings: ResolveSettings) -> None:
    populate(fake)
    fake.fail("crossref", "503", times=0)
    with Resolver(settings) as resolver:
        assert resolver.resolve_dois(["10.1111/good.1"])["10.1111/good.1"].status == "unavailable"
    fake.heal()
    with Resolver(settings) as resolver:
        assert resolver.resolve_dois(["10.1111/good.1"])["10.1111/good.1"].status == "found"


def test_outage_mid_run(fake: FakeRegistry, settings: ResolveSettings) -> None:
    """The batch answers, then doi.org goes down: non-Crossref DOIs are unavailable, the rest still found."""
    populate(fake)
    fake.fail("doiorg", "503", times=0)
    with Resolver(settings) as resolver:
        lookups = resolver.resolve_dois(LISTED_DOIS)
        messages = resolver.unavailable_messages()
    assert lookups["10.1111/good.1"].status == "found"
    assert lookups["10.5281/zenodo.123"].status == "unavailable"
    assert lookups["10.99999/ghost.1"].status == "unavailable"
    assert len(messages) == 1 and "HTTP 503" in messages[0]


def test_many_dois_in_concurrent_batches(fake: FakeRegistry, settings: ResolveSettings) -> None:
    from registry.fake_registry import crossref_item

    for n in range(250):
        fake.add_work(crossref_item(f"10.2222/w.{n}", f"Work {n}", [("A", "B")], 2000))
    with Resolver(replace(settings, batch_size=100)) as resolver:
        lookups = resolver.resolve_dois([f"10.2222/w.{n}" for n in range(260)])
    assert sum(1 for lookup in lookups.values() if lookup.status == "found") == 250
    assert sum(1 for lookup in lookups.values() if lookup.status == "not-found") == 10
    assert fake.requests_to("crossref") == 3


def test_progress_is_reported(fake: FakeRegistry, settings: ResolveSettings) -> None:
    populate(fake)
    ticks: list[int] = []
    with Resolver(settings, progress=ticks.append) as resolver:
        result = check_text(DOCUMENT, online=resolver.resolve_references)
        planned = resolver.planned_lookups(result.references)
    assert planned <= sum(ticks) <= planned + 2  # the two not-found DOIs are also searched for
    assert all(n > 0 for n in ticks)
