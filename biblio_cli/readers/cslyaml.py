"""Read CSL-YAML (pandoc's `references:` files) into References, through the CSL-JSON reader.

YAML writes dates in forms JSON does not (`issued: 2020`, `issued: 2020-05-01`,
`issued: [{year: 2020}]`); they are turned into CSL-JSON dates first, so one reader
holds the CSL mapping.
"""

from __future__ import annotations

import json
from typing import Any

from biblio_cli.errors import InputError
from biblio_cli.model import Reference
from biblio_cli.readers.csljson import read_csljson

_DATE_FIELDS = ("issued", "accessed", "original-date", "event-date", "submitted")


def _date(value: Any) -> Any:
    """A YAML date value as a CSL-JSON date object."""
    if isinstance(value, int):
        return {"date-parts": [[value]]}
    if isinstance(value, list) and value and all(isinstance(part, dict) for part in value):
        parts = [[p[k] for k in ("year", "month", "day") if k in p] for p in value]
        return {"date-parts": [p for p in parts if p]}
    if isinstance(value, dict):
        return value
    return {"raw": str(value)}


def _item(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    return {key: _date(value) if key in _DATE_FIELDS else value for key, value in item.items()}


def read_cslyaml(text: str, name: str = "<csl-yaml>") -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    """References from a CSL-YAML list, or from a mapping with a `references:` list (pandoc's form)."""
    import yaml  # pyyaml: imported only when a YAML bibliography is read

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise InputError(f"{name}: not valid YAML{where}") from None
    if isinstance(data, dict) and "references" in data:
        data = data["references"]
    if not isinstance(data, list):
        raise InputError(f"{name}: expected a CSL-YAML list of references (or a 'references:' list)")
    return read_csljson(json.dumps([_item(item) for item in data], default=str, ensure_ascii=False), name)
