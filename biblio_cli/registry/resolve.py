"""Orchestration: which registry to ask about which identifier, in what order, from cache or network.

DOIs go to Crossref first, in batches (most scholarly DOIs are Crossref's, and one list query
answers a hundred of them); DOIs Crossref does not know are routed by their prefix's agency
(doi.org /ra, cached per prefix) to DataCite or to doi.org content negotiation. HAL ids go to
HAL, arXiv ids to DataCite. References without a DOI are searched on Crossref and a DOI is
suggested only after validation (compare.best_candidate).

An unreachable registry never becomes "not found": the identifiers it would have answered are
marked `unavailable`, and the run carries one message per host.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from biblio_cli.errors import UsageError
from biblio_cli.model import Reference
from biblio_cli.normalize import is_valid_doi, normalize_doi
from biblio_cli.registry import crossref, datacite, doiorg, hal
from biblio_cli.registry.cache import FOUND, NOT_FOUND, Cache, CacheEntry
from biblio_cli.registry.compare import best_candidate, candidate_for_doi
from biblio_cli.registry.http import HttpClient, HttpSettings, RegistryUnavailable, check_base_url
from biblio_cli.registry.records import ParseError, RegistryRecord, record_from_json, record_to_json

#: Lookup statuses.
FOUND_STATUS = "found"
NOT_FOUND_STATUS = "not-found"
UNAVAILABLE = "unavailable"
UNCACHED = "uncached"  # --offline and not in the cache

#: Searches sent for references without a DOI: the reference text is cut to this many characters.
SEARCH_QUERY_MAX_CHARS = 400
SEARCH_ROWS = 5

T = TypeVar("T")
R = TypeVar("R")


#: Registry names, as config files and `Endpoints` spell them.
SERVICES = ("crossref", "datacite", "doiorg", "hal")


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Registry base URLs; the environment overrides them (a local fake registry in tests)."""

    crossref: str = crossref.DEFAULT_URL
    datacite: str = datacite.DEFAULT_URL
    doiorg: str = doiorg.DEFAULT_URL
    hal: str = hal.DEFAULT_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Endpoints:
        """Read BIBLIO_CROSSREF_URL, BIBLIO_DATACITE_URL, BIBLIO_DOIORG_URL, BIBLIO_HAL_URL (https, or http on loopback)."""
        env = os.environ if env is None else env
        values = {}
        for name, default in (
            ("crossref", crossref.DEFAULT_URL),
            ("datacite", datacite.DEFAULT_URL),
            ("doiorg", doiorg.DEFAULT_URL),
            ("hal", hal.DEFAULT_URL),
        ):
            variable = f"BIBLIO_{name.upper()}_URL"
            values[name] = check_base_url(env.get(variable) or default, variable)
        return cls(**values)

    def with_urls(self, urls: Mapping[str, str]) -> Endpoints:
        """These endpoints with some replaced (config values win over the environment), each checked."""
        unknown = sorted(set(urls) - set(SERVICES))
        if unknown:
            raise UsageError(f"unknown registry {', '.join(unknown)} (expected {', '.join(SERVICES)})")
        values = {name: check_base_url(url, f"{name} URL") for name, url in urls.items() if url}
        return replace(self, **values)


@dataclass(frozen=True, slots=True)
class ResolveSettings:
    """How to resolve: where, how politely, and whether the network or the cache may be used."""

    endpoints: Endpoints = field(default_factory=Endpoints.from_env)
    http: HttpSettings = field(default_factory=HttpSettings.from_env)
    cache_dir: Path | None = None
    offline: bool = False  # answer from the cache only
    refresh: bool = False  # ignore cached answers (still store new ones)
    search_missing: bool = True  # look for DOIs of references that have none
    batch_size: int = crossref.BATCH_SIZE
    workers: int = 8


@dataclass(frozen=True, slots=True)
class Lookup:
    """The outcome for one identifier ('10.1000/x' or 'hal:tel-01164360')."""

    key: str
    status: str  # found | not-found | unavailable | uncached
    record: RegistryRecord | None = None
    agency: str = ""
    cached: bool = False


@dataclass(frozen=True, slots=True)
class OnlineResult:
    """What the registries said about one set of references; read by the online rules."""

    lookups: Mapping[str, Lookup] = field(default_factory=dict)
    #: Reference id -> the work a validated search found (missing DOI, or a DOI that does not exist).
    suggestions: Mapping[str, RegistryRecord] = field(default_factory=dict)
    #: One message per registry host that could not answer.
    unavailable: tuple[str, ...] = ()
    offline: bool = False
    #: Things the user should know that are not findings (a damaged cache was rebuilt...).
    warnings: tuple[str, ...] = ()

    def lookup_for(self, ref: Reference) -> Lookup | None:
        key = reference_key(ref)
        return self.lookups.get(key) if key else None


def reference_key(ref: Reference) -> str:
    """The identifier a reference is resolved by: its DOI, else its arXiv DOI, else 'hal:<id>'."""
    if ref.doi and is_valid_doi(ref.doi):
        return ref.doi
    ids = dict(ref.identifiers)
    if "arxiv" in ids:
        return datacite.arxiv_doi(ids["arxiv"])
    if "hal" in ids:
        return f"hal:{ids['hal']}"
    return ""


def search_query(ref: Reference) -> str:
    """The reference as written, minus identifiers and links (they only confuse the search)."""
    text = ref.text.replace(ref.raw_doi, " ") if ref.raw_doi else ref.text
    if ref.url:
        text = text.replace(ref.url, " ")
    return " ".join(text.split())[:SEARCH_QUERY_MAX_CHARS]


class Resolver:
    """Resolves identifiers with one HTTP client and one cache; reuse it across documents."""

    def __init__(
        self,
        settings: ResolveSettings | None = None,
        client: HttpClient | None = None,
        cache: Cache | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.settings = settings or ResolveSettings()
        self.client = client or HttpClient(self.settings.http)
        self.cache = cache or Cache(self.settings.cache_dir)
        self.progress = progress
        self._lock = threading.Lock()
        self._problems: dict[str, str] = {}

    def close(self) -> None:
        self.client.close()
        self.cache.close()

    def __enter__(self) -> Resolver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers -------------------------------------------------------------------------------

    def _tick(self, n: int = 1) -> None:
        if self.progress is not None and n:
            self.progress(n)

    def _note(self, exc: RegistryUnavailable) -> None:
        with self._lock:
            self._problems.setdefault(exc.host, exc.reason)

    def _map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[tuple[T, R | RegistryUnavailable]]:
        """Run `fn` over items concurrently; a RegistryUnavailable (or nonsense JSON) is returned, not raised."""

        def guarded(item: T) -> tuple[T, R | RegistryUnavailable]:
            try:
                return item, fn(item)
            except RegistryUnavailable as exc:
                self._note(exc)
                return item, exc
            except ParseError as exc:
                failure = RegistryUnavailable("registry", f"unexpected answer ({exc})")
                self._note(failure)
                return item, failure

        listed = list(items)
        if len(listed) <= 1:
            return [guarded(item) for item in listed]
        with ThreadPoolExecutor(max_workers=self.settings.workers) as pool:
            return list(pool.map(guarded, listed))

    def _cached(self, keys: list[str]) -> dict[str, CacheEntry]:
        return {} if self.settings.refresh else self.cache.get_many(keys)

    def unavailable_messages(self) -> tuple[str, ...]:
        with self._lock:
            problems = dict(self._problems)
        for host, reason in self.client.broken_hosts().items():
            problems.setdefault(host, reason)
        return tuple(f"{host}: {reason}" for host, reason in sorted(problems.items()))

    # -- DOIs ----------------------------------------------------------------------------------

    def resolve_dois(self, dois: Iterable[str]) -> dict[str, Lookup]:
        """Look up DOIs (normalised here); every input DOI gets a Lookup."""
        wanted = list(dict.fromkeys(d for d in (normalize_doi(x) for x in dois) if is_valid_doi(d)))
        results: dict[str, Lookup] = {}
        for key, entry in self._cached([f"doi:{d}" for d in wanted]).items():
            doi = key.removeprefix("doi:")
            results[doi] = _lookup_from_cache(doi, entry)
        self._tick(len(results))
        todo = [d for d in wanted if d not in results]
        if self.settings.offline:
            results.update({d: Lookup(d, UNCACHED) for d in todo})
            return results
        if not todo:
            return results

        base = self.settings.endpoints
        # arXiv DOIs are DataCite's by construction: no Crossref batch slot, no agency lookup.
        arxiv = [d for d in todo if datacite.is_arxiv_doi(d)]
        todo = [d for d in todo if not datacite.is_arxiv_doi(d)]
        found: dict[str, RegistryRecord] = {}
        crossref_failed: set[str] = set()
        chunks = crossref.batches(todo, self.settings.batch_size)
        for chunk, answer in self._map(lambda c: crossref.fetch_batch(self.client, base.crossref, c), chunks):
            if isinstance(answer, RegistryUnavailable):
                crossref_failed.update(chunk)
            else:
                found.update({doi: rec for doi, rec in answer.items() if doi in set(chunk)})
        new: dict[str, Lookup] = {d: Lookup(d, FOUND_STATUS, found[d], "crossref") for d in todo if d in found}
        self._tick(len(new))

        rest = [d for d in todo if d not in found]
        agencies = self._agencies({doiorg.prefix_of(d) for d in rest})
        datacite_dois, other_dois = list(arxiv), []
        for doi in rest:
            agency = agencies.get(doiorg.prefix_of(doi), UNAVAILABLE)
            if agency == "crossref":
                status = UNAVAILABLE if doi in crossref_failed else NOT_FOUND_STATUS
                new[doi] = Lookup(doi, status, agency="crossref")
            elif agency == UNAVAILABLE:
                new[doi] = Lookup(doi, UNAVAILABLE)
            elif agency == "":
                new[doi] = Lookup(doi, NOT_FOUND_STATUS)
            elif agency == "datacite":
                datacite_dois.append(doi)
            else:
                other_dois.append(doi)
        self._tick(len(rest) + len(arxiv) - len(datacite_dois) - len(other_dois))
        for doi, record in self._map(lambda d: datacite.fetch_doi(self.client, base.datacite, d), datacite_dois):
            new[doi] = _lookup_from_answer(doi, record, "datacite")
            self._tick()
        for doi, csl in self._map(lambda d: doiorg.fetch_csl(self.client, base.doiorg, d), other_dois):
            new[doi] = _lookup_from_answer(doi, csl, agencies.get(doiorg.prefix_of(doi), ""))
            self._tick()
        self._store(new)
        results.update(new)
        return results

    def _agencies(self, prefixes: set[str]) -> dict[str, str]:
        """Prefix -> agency ('' when doi.org knows no such prefix, UNAVAILABLE when it could not say)."""
        ordered = sorted(prefixes)
        agencies: dict[str, str] = {}
        for key, entry in self._cached([f"ra:{p}" for p in ordered]).items():
            agencies[key.removeprefix("ra:")] = str(entry.payload.get("agency", "")) if entry.status == FOUND else ""
        todo = [p for p in ordered if p not in agencies]
        base = self.settings.endpoints.doiorg
        store: list[tuple[str, str, Any]] = []
        for prefix, answer in self._map(lambda p: doiorg.fetch_agency(self.client, base, p), todo):
            if isinstance(answer, RegistryUnavailable):
                agencies[prefix] = UNAVAILABLE
            else:
                agencies[prefix] = answer or ""
                store.append((f"ra:{prefix}", FOUND if answer else NOT_FOUND, {"agency": answer or ""}))
        self.cache.put_many(store)
        return agencies

    def _store(self, lookups: Mapping[str, Lookup]) -> None:
        """Cache answers (found and not-found); transient failures are never stored."""
        rows: list[tuple[str, str, Any]] = []
        for key, lookup in lookups.items():
            cache_key = key if key.startswith("hal:") else f"doi:{key}"
            if lookup.status == FOUND_STATUS and lookup.record is not None:
                rows.append((cache_key, FOUND, {"agency": lookup.agency, "record": record_to_json(lookup.record)}))
            elif lookup.status == NOT_FOUND_STATUS:
                rows.append((cache_key, NOT_FOUND, {"agency": lookup.agency}))
        self.cache.put_many(rows)

    # -- HAL -----------------------------------------------------------------------------------

    def resolve_hal(self, hal_ids: Iterable[str]) -> dict[str, Lookup]:
        """Look up HAL ids; keys are 'hal:<id>'."""
        keys = list(dict.fromkeys(f"hal:{i}" for i in hal_ids))
        results = {key: _lookup_from_cache(key, entry) for key, entry in self._cached(keys).items()}
        self._tick(len(results))
        todo = [k for k in keys if k not in results]
        if self.settings.offline:
            results.update({k: Lookup(k, UNCACHED) for k in todo})
            return results
        base = self.settings.endpoints.hal
        new: dict[str, Lookup] = {}
        for key, answer in self._map(lambda k: hal.fetch_hal(self.client, base, k.removeprefix("hal:")), todo):
            new[key] = _lookup_from_answer(key, answer, "hal")
            self._tick()
        self._store(new)
        results.update(new)
        return results

    # -- search --------------------------------------------------------------------------------

    def find_dois(self, refs: Iterable[Reference]) -> dict[str, RegistryRecord]:
        """Reference id -> validated work found by a Crossref bibliographic search."""
        refs = [r for r in refs if r.title and (r.authors or r.year is not None)]
        queries = {r.id: search_query(r) for r in refs}
        keys = {rid: "search:" + hashlib.sha256(q.encode()).hexdigest()[:32] for rid, q in queries.items()}
        cached = self._cached(sorted(set(keys.values())))
        candidates: dict[str, tuple[RegistryRecord, ...]] = {}
        for key, entry in cached.items():
            try:
                candidates[key] = tuple(record_from_json(r) for r in entry.payload.get("records", []))
            except ParseError:
                continue
        self._tick(sum(1 for k in keys.values() if k in candidates))
        todo = sorted({(keys[r.id], queries[r.id]) for r in refs if keys[r.id] not in candidates})
        if not self.settings.offline and todo:
            base = self.settings.endpoints.crossref
            store: list[tuple[str, str, Any]] = []
            answers = self._map(lambda kq: crossref.search(self.client, base, kq[1], SEARCH_ROWS), todo)
            for (key, _), answer in answers:
                self._tick()
                if isinstance(answer, RegistryUnavailable):
                    continue
                candidates[key] = answer
                status = FOUND if answer else NOT_FOUND
                store.append((key, status, {"records": [record_to_json(r) for r in answer]}))
            self.cache.put_many(store)
        found: dict[str, RegistryRecord] = {}
        for ref in refs:
            listed = reference_key(ref)
            options = candidates.get(keys[ref.id], ())
            best = candidate_for_doi(ref, listed, options) if listed else best_candidate(ref, options)
            if best is not None:
                found[ref.id] = best
        return found

    # -- references ----------------------------------------------------------------------------

    def planned_lookups(self, refs: Iterable[Reference]) -> int:
        """About how many lookups resolve_references will make (for a progress bar's length)."""
        refs = list(refs)
        keyed = sum(1 for r in refs if reference_key(r))
        searched = (
            sum(1 for r in refs if not reference_key(r) and not r.doi and r.title)
            if self.settings.search_missing
            else 0
        )
        return keyed + searched

    def resolve_references(self, refs: Iterable[Reference]) -> OnlineResult:
        """Resolve every identifier of the references, and search for the DOIs that are missing."""
        refs = list(refs)
        keys = [reference_key(r) for r in refs]
        lookups = self.resolve_dois(k for k in keys if k and not k.startswith("hal:"))
        lookups.update(self.resolve_hal(k.removeprefix("hal:") for k in keys if k.startswith("hal:")))
        suggestions: dict[str, RegistryRecord] = {}
        if self.settings.search_missing:
            to_search = [
                r
                for r, k in zip(refs, keys, strict=True)
                if (not k and not r.doi) or (k and lookups.get(k, Lookup(k, "")).status == NOT_FOUND_STATUS)
            ]
            suggestions = self.find_dois(to_search)
        return OnlineResult(
            lookups, suggestions, self.unavailable_messages(), self.settings.offline, self.take_warnings()
        )

    def take_warnings(self) -> tuple[str, ...]:
        """Warnings (from the cache) not yet reported; each is returned once."""
        return self.cache.take_warnings()


def _lookup_from_cache(key: str, entry: CacheEntry) -> Lookup:
    payload = entry.payload if isinstance(entry.payload, dict) else {}
    agency = str(payload.get("agency", ""))
    if entry.status == FOUND:
        try:
            return Lookup(key, FOUND_STATUS, record_from_json(payload.get("record")), agency, cached=True)
        except ParseError:
            return Lookup(key, UNCACHED)
    return Lookup(key, NOT_FOUND_STATUS, agency=agency, cached=True)


def _lookup_from_answer(key: str, answer: RegistryRecord | RegistryUnavailable | None, agency: str) -> Lookup:
    if isinstance(answer, RegistryUnavailable):
        return Lookup(key, UNAVAILABLE, agency=agency)
    if answer is None:
        return Lookup(key, NOT_FOUND_STATUS, agency=agency)
    return Lookup(key, FOUND_STATUS, answer, agency)


def resolve_references(refs: Iterable[Reference], settings: ResolveSettings | None = None) -> OnlineResult:
    """One-shot convenience: resolve references with a fresh resolver, then release it."""
    with Resolver(settings) as resolver:
        return resolver.resolve_references(refs)
