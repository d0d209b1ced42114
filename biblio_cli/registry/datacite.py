"""DataCite REST API: one DOI at a time (datasets, preprints, arXiv, Zenodo...)."""

from __future__ import annotations

from urllib.parse import quote

from biblio_cli.registry.http import HttpClient
from biblio_cli.registry.records import RegistryRecord, parse_datacite

DEFAULT_URL = "https://api.datacite.org"
ARXIV_PREFIX = "10.48550/arxiv."


def arxiv_doi(arxiv_id: str) -> str:
    """arXiv ids resolve through DataCite under the 10.48550 prefix ('2311.16162' -> '10.48550/arxiv.2311.16162')."""
    return ARXIV_PREFIX + arxiv_id.lower().removeprefix("arxiv:").split("v")[0]


def fetch_doi(client: HttpClient, base: str, doi: str) -> RegistryRecord | None:
    """The DataCite record, or None on 404."""
    result = client.get_json(f"{base}/dois/{quote(doi, safe='/()')}")
    return parse_datacite(result.body) if result.status == 200 else None
