"""RIS for reference managers (Zotero, EndNote, Mendeley): one tagged line per field, ER closes."""

from __future__ import annotations

from collections.abc import Sequence

from biblio_cli.export.fields import Extra, derive, page_range
from biblio_cli.model import Person, Reference

RIS_TYPES = {
    "article-journal": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "thesis": "THES",
    "report": "RPRT",
    "webpage": "ELEC",
    "misc": "GEN",
}


def _name(person: Person) -> str:
    if person.is_group or not person.given:
        return person.full_family
    return f"{person.full_family}, {person.given}"


def ris_lines(ref: Reference, key: str, extra: Extra) -> list[tuple[str, str]]:
    """(tag, value) pairs in RIS order, TY first, ER last."""
    kind = "EDBOOK" if extra.edited else RIS_TYPES.get(ref.type, "GEN")
    tags: list[tuple[str, str]] = [("TY", kind), ("ID", key)]
    tags += [("AU", _name(p)) for p in extra.authors]
    tags += [("ED" if kind == "EDBOOK" else "A2", _name(p)) for p in ref.editors]
    if ref.title:
        tags.append(("TI", ref.title))
    if ref.container:
        tags.append(("JO" if kind == "JOUR" else "T2", ref.container))
    if ref.year is not None:
        tags.append(("PY", str(ref.year)))
    if extra.genre:
        tags.append(("M3", extra.genre))
    for tag, value in (("VL", ref.volume), ("IS", ref.issue)):
        if value:
            tags.append((tag, value))
    if ref.pages:
        first, last = page_range(ref.pages)
        tags.append(("SP", first))
        if last:
            tags.append(("EP", last))
    if extra.publisher:
        tags.append(("PB", extra.publisher))
    if extra.place:
        tags.append(("CY", extra.place))
    if ref.doi:
        tags.append(("DO", ref.doi))
    if ref.url:
        tags.append(("UR", ref.url))
    if extra.language != "und":
        tags.append(("LA", extra.language))
    if ref.year_label == "in press":
        tags.append(("N1", "in press"))
    if extra.note:
        tags.append(("N1", extra.note))
    tags.append(("ER", ""))
    return tags


def render_ris(refs: Sequence[Reference], keys: Sequence[str], document_language: str = "und") -> str:
    """RIS records separated by blank lines; 'TAG  - value' lines, LF endings."""
    records = []
    for ref, key in zip(refs, keys, strict=False):
        lines = ris_lines(ref, key, derive(ref, document_language))
        records.append("".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines))
    return "\n".join(records)
