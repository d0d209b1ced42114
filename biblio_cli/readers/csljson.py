"""Read CSL-JSON (Zotero, pandoc, citeproc) into References."""

from __future__ import annotations

import json
import re
from typing import Any

from biblio_cli.errors import InputError
from biblio_cli.model import Person, Reference

_TYPES = {
    "article-journal": "article-journal",
    "article-magazine": "article-journal",
    "article-newspaper": "article-journal",
    "article": "article-journal",
    "book": "book",
    "chapter": "chapter",
    "paper-conference": "chapter",
    "entry-encyclopedia": "chapter",
    "thesis": "thesis",
    "report": "report",
    "webpage": "webpage",
    "post-weblog": "webpage",
}
_YEAR = re.compile(r"\d{4}")
#: Years outside this range are treated as missing (they would not survive a round trip anyway).
_YEAR_RANGE = range(-9999, 10000)


def _clean(text: str) -> str:
    """The text with lone surrogates (from escapes such as "\\ud800") replaced, so it can be written as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _person(name: Any) -> Person:
    if not isinstance(name, dict):
        return Person(_clean(str(name)), is_group=True)
    if "literal" in name:
        return Person(_clean(str(name["literal"])), is_group=True)
    particle = " ".join(str(name[k]) for k in ("dropping-particle", "non-dropping-particle") if name.get(k))
    return Person(_clean(str(name.get("family", ""))), _clean(str(name.get("given", ""))), _clean(particle))


def _people(names: Any) -> tuple[Person, ...]:
    """An author or editor list; a lone name object or string counts as a list of one, anything else as none."""
    if isinstance(names, (dict, str)):
        names = [names]
    if not isinstance(names, list):
        return ()
    return tuple(_person(n) for n in names if n is not None)


def _year(issued: Any) -> int | None:
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            year = int(parts[0][0])
        except (TypeError, ValueError, OverflowError):
            return None
        return year if year in _YEAR_RANGE else None
    m = _YEAR.search(str(issued.get("raw", "") or issued.get("literal", "")))
    return int(m.group(0)) if m else None


def _str(item: dict[str, Any], key: str) -> str:
    value = item.get(key, "")
    return _clean(str(value).strip()) if value is not None else ""


def _year_label(item: dict[str, Any]) -> str:
    """'in press' from the status; 'n.d.' for an undated item, which is not an unparsed one."""
    if _str(item, "status").lower() == "in press":
        return "in press"
    return "" if _year(item.get("issued")) is not None else "n.d."


def read_csljson(text: str, name: str = "<csl-json>") -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    """References from a CSL-JSON array (or {"items": [...]}); non-object items become noted entries."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply to be a CSL-JSON file") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(f"{name}: unreadable JSON ({exc})") from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError(f"{name}: expected a CSL-JSON array of items")
    refs: list[Reference] = []
    warnings: list[str] = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            warnings.append(f"{name}: item {i} is not an object")
            shown = _clean(json.dumps(item, ensure_ascii=False))
            refs.append(Reference(f"item{i}", i, shown, problems=("not an object",)))
            continue
        identifiers = [(k, _str(item, v)) for k, v in (("genre", "genre"), ("language", "language")) if _str(item, v)]
        place, publisher = _str(item, "publisher-place"), _str(item, "publisher")
        refs.append(
            Reference(
                id=_str(item, "id") or f"item{i}",
                line=i,
                text=_clean(json.dumps(item, ensure_ascii=False, sort_keys=True)),
                authors=_people(item.get("author")),
                editors=_people(item.get("editor")),
                year=_year(item.get("issued")),
                year_label=_year_label(item),
                title=_str(item, "title"),
                container=_str(item, "container-title"),
                volume=_str(item, "volume"),
                issue=_str(item, "issue"),
                pages=_str(item, "page").replace("\u2013", "-"),
                publisher=f"{place} : {publisher}" if place and publisher else publisher,
                doi=_str(item, "DOI"),
                url=_str(item, "URL"),
                identifiers=tuple(identifiers),
                type=_TYPES.get(_str(item, "type"), "misc"),
            )
        )
    return tuple(refs), tuple(warnings)
