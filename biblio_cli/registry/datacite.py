"""DataCite REST API: one DOI at a time (datasets, preprints, arXiv, Zenodo...)."""

from __future__ import annotations

import re
from urllib.parse import quote

from biblio_cli.registry.http import HttpClient
from biblio_cli.registry.records import RegistryRecord, parse_datacite

DEFAULT_URL = "https://api.datacite.org"
ARXIV_PREFIX = "10.48550/arxiv."


_VERSION = re.compile(r"v\d+$")


def arxiv_doi(arxiv_id: str) -> str:
    """arXiv ids resolve through DataCite under the 10.48550 prefix ('2311.16162v2' -> '10.48550/arxiv.2311.16162').

    The version is dropped (the DOI names the work, every version); old-style ids keep their
    archive ('solv-int/9901001' -> '10.48550/arxiv.solv-int/9901001').
    """
    return ARXIV_PREFIX + _VERSION.sub("", arxiv_id.strip().lower().removeprefix("arxiv:").strip())


def is_arxiv_doi(doi: str) -> bool:
    return doi.lower().startswith(ARXIV_PREFIX)


def fetch_doi(client: HttpClient, base: str, doi: str) -> RegistryRecord | None:
    """The DataCite record, or None on 404."""
    result = client.get_json(f"{base}/dois/{quote(doi, safe='/()')}")
    return parse_datacite(result.body) if result.status == 200 else None
