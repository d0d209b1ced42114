"""HAL (the French open archive): records by HAL id ('tel-01164360', 'halshs-00641283')."""

from __future__ import annotations

from biblio_cli.registry.http import HttpClient
from biblio_cli.registry.records import HAL_FIELDS, RegistryRecord, parse_hal

DEFAULT_URL = "https://api.archives-ouvertes.fr"


def fetch_hal(client: HttpClient, base: str, hal_id: str) -> RegistryRecord | None:
    """The record with this HAL id, or None when HAL has none."""
    params = {"q": f'halId_s:"{hal_id}"', "fl": HAL_FIELDS, "wt": "json", "rows": "1"}
    result = client.get_json(f"{base}/search/", params)
    records = parse_hal(result.body) if result.status == 200 else ()
    return records[0] if records else None
