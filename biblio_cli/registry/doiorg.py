"""doi.org: which agency registered a prefix, and CSL-JSON content negotiation for the others.

The agency is a property of the prefix, so lookups go by prefix and are cached per prefix.
"""

from __future__ import annotations

from urllib.parse import quote

from biblio_cli.registry.http import HttpClient
from biblio_cli.registry.records import RegistryRecord, parse_csl, parse_doi_ra

DEFAULT_URL = "https://doi.org"
CSL_JSON = "application/vnd.citationstyles.csl+json"


def prefix_of(doi: str) -> str:
    return doi.split("/", 1)[0]


def fetch_agency(client: HttpClient, base: str, prefix: str) -> str | None:
    """'crossref', 'datacite', 'medra', 'jalc', 'op', ... or None when doi.org knows no such prefix."""
    result = client.get_json(f"{base}/ra/{quote(prefix, safe='')}")
    return parse_doi_ra(result.body) if result.status == 200 else None


def fetch_csl(client: HttpClient, base: str, doi: str) -> RegistryRecord | None:
    """Metadata through content negotiation (doi.org redirects to the agency); None on 404."""
    result = client.get_json(f"{base}/{quote(doi, safe='/()')}", accept=CSL_JSON)
    return parse_csl(result.body) if result.status == 200 else None
