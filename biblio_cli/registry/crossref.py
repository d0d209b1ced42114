"""Crossref REST API: batch DOI lookups, single works, and bibliographic search.

Each function is a short fetch plus a pure parse from records.py.
"""

from __future__ import annotations

from urllib.parse import quote

from biblio_cli.registry.http import HttpClient
from biblio_cli.registry.records import RegistryRecord, parse_crossref_list, parse_crossref_work

DEFAULT_URL = "https://api.crossref.org"
#: DOIs per `filter=doi:...` query; the URL stays well under common 8 KB limits.
BATCH_SIZE = 100
MAX_BATCH_URL_CHARS = 6000
#: Fields a search needs; `select` keeps result pages small.
SEARCH_SELECT = "DOI,title,author,issued,published-print,published-online,container-title,volume,issue,page,type,score"


def batches(dois: list[str], size: int = BATCH_SIZE) -> list[list[str]]:
    """Split DOIs into filter batches bounded by count and by URL length."""
    result: list[list[str]] = []
    current: list[str] = []
    length = 0
    for doi in dois:
        cost = len(quote(doi, safe="")) + 12
        if current and (len(current) >= size or length + cost > MAX_BATCH_URL_CHARS):
            result.append(current)
            current, length = [], 0
        current.append(doi)
        length += cost
    if current:
        result.append(current)
    return result


def fetch_batch(client: HttpClient, base: str, dois: list[str]) -> dict[str, RegistryRecord]:
    """Records for the DOIs Crossref knows; DOIs it does not know are simply absent."""
    params = {"filter": ",".join(f"doi:{d}" for d in dois), "rows": str(len(dois))}
    result = client.get_json(f"{base}/works", params, kind="list")
    if result.status != 200:
        return {}
    return {record.doi: record for record in parse_crossref_list(result.body)}


def fetch_work(client: HttpClient, base: str, doi: str) -> RegistryRecord | None:
    """One work by DOI; None when Crossref answers 404."""
    result = client.get_json(f"{base}/works/{quote(doi, safe='/()')}")
    return parse_crossref_work(result.body) if result.status == 200 else None


def search(client: HttpClient, base: str, query: str, rows: int = 5) -> tuple[RegistryRecord, ...]:
    """Candidates for a reference's text, best first by Crossref's relevance score."""
    params = {"query.bibliographic": query, "rows": str(rows), "select": SEARCH_SELECT}
    result = client.get_json(f"{base}/works", params, kind="list")
    return parse_crossref_list(result.body) if result.status == 200 else ()
