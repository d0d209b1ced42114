"""Read RIS (EndNote, Zotero, Mendeley exports) into References."""

from __future__ import annotations

import re

from biblio_cli.model import Reference
from biblio_cli.readers.person_names import parse_name

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_YEAR = re.compile(r"\d{4}")
_TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "MGZN": "article-journal",
    "NEWS": "article-journal",
    "EJOUR": "article-journal",
    "BOOK": "book",
    "EDBOOK": "book",
    "EBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "THES": "thesis",
    "RPRT": "report",
    "ELEC": "webpage",
    "WEB": "webpage",
}


def _reference(tags: list[tuple[str, str]], line: int, raw: str) -> Reference:
    values: dict[str, list[str]] = {}
    for tag, value in tags:
        values.setdefault(tag, []).append(value.strip())

    def first(*names: str) -> str:
        return next((values[n][0] for n in names if values.get(n)), "")

    kind = first("TY")
    authors = tuple(parse_name(v, group="," not in v and " " in v) for v in values.get("AU", []) + values.get("A1", []))
    editors = tuple(parse_name(v, group="," not in v and " " in v) for v in values.get("ED", []) + values.get("A2", []))
    year = _YEAR.search(first("PY", "Y1", "DA"))
    start, end = first("SP"), first("EP")
    place, publisher = first("CY"), first("PB")
    identifiers = [(k, first(t)) for k, t in (("genre", "M3"), ("language", "LA")) if first(t)]
    return Reference(
        id=first("ID") or f"ris{line}",
        line=line,
        text=raw,
        authors=authors,
        editors=editors,
        year=int(year.group(0)) if year else None,
        year_label="in press"
        if "in press" in " ".join(values.get("N1", [])).lower()
        else ("" if year else "n.d."),  # an undated record is not an unparsed one
        title=first("TI", "T1"),
        container=first("JO", "JF", "T2", "BT", "JA"),
        volume=first("VL"),
        issue=first("IS"),
        pages=f"{start}-{end}" if start and end else start,
        publisher=f"{place} : {publisher}" if place and publisher else publisher,
        doi=first("DO"),
        url=first("UR"),
        identifiers=tuple(identifiers),
        type=_TYPES.get(kind, "misc"),
    )


def read_ris(text: str, name: str = "<ris>") -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    """References from RIS text; stray lines are reported, unterminated records kept."""
    refs: list[Reference] = []
    warnings: list[str] = []
    tags: list[tuple[str, str]] = []
    raw: list[str] = []
    start = 0
    for n, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        m = _TAG.match(line.rstrip())
        if not m:
            if line.strip() and tags:  # continuation of a long value
                tags[-1] = (tags[-1][0], tags[-1][1] + " " + line.strip())
                raw.append(line)
            elif line.strip():
                warnings.append(f"{name}:{n}: not a RIS line, skipped: {line.strip()[:40]}")
            continue
        tag, value = m.group(1), m.group(2) or ""
        if tag == "TY":
            if tags:
                warnings.append(f"{name}:{start}: record not closed by ER")
                refs.append(_reference(tags, start, "\n".join(raw)))
            tags, raw, start = [], [], n
        if tag == "ER":
            if tags:
                refs.append(_reference(tags, start, "\n".join(raw)))
            tags, raw = [], []
            continue
        tags.append((tag, value))
        raw.append(line)
    if tags:
        warnings.append(f"{name}:{start}: record not closed by ER")
        refs.append(_reference(tags, start, "\n".join(raw)))
    return tuple(refs), tuple(warnings)
