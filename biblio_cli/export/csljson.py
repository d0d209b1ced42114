"""Reference -> CSL-JSON item, the interchange format of Zotero, pandoc and citeproc.

Output is valid against the CSL-JSON schema (csl-data.json); tests check it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from biblio_cli.export.fields import Extra, derive
from biblio_cli.model import Person, Reference

#: Our reference types -> CSL item types ("misc" has no CSL twin: "document").
CSL_TYPES = {
    "article-journal": "article-journal",
    "book": "book",
    "chapter": "chapter",
    "thesis": "thesis",
    "report": "report",
    "webpage": "webpage",
    "misc": "document",
}


def csl_name(person: Person) -> dict[str, str]:
    """CSL name object; group authors become a literal, particles 'non-dropping-particle'."""
    if person.is_group or (not person.given and not person.particle and " " in person.family):
        return {"literal": person.family}
    name: dict[str, str] = {"family": person.family}
    if person.given:
        name["given"] = person.given
    if person.particle:
        name["non-dropping-particle"] = person.particle
    return name


def csl_item(ref: Reference, key: str, extra: Extra) -> dict[str, Any]:
    """One CSL-JSON item; keys in a fixed order so the output is byte-stable."""
    item: dict[str, Any] = {"id": key, "type": "book" if extra.edited else CSL_TYPES.get(ref.type, "document")}
    if extra.authors:
        item["author"] = [csl_name(p) for p in extra.authors]
    if ref.editors:
        item["editor"] = [csl_name(p) for p in ref.editors]
    if ref.year is not None:
        item["issued"] = {"date-parts": [[ref.year]]}
    elif ref.year_label == "in press":
        item["status"] = "in press"
    if ref.title:
        item["title"] = ref.title
    if ref.container:
        item["container-title"] = ref.container
    if extra.genre:
        item["genre"] = extra.genre
    for field, value in (("volume", ref.volume), ("issue", ref.issue), ("page", ref.pages)):
        if value:
            item[field] = value
    if extra.publisher:
        item["publisher"] = extra.publisher
    if extra.place:
        item["publisher-place"] = extra.place
    if ref.doi:
        item["DOI"] = ref.doi
    if ref.url:
        item["URL"] = ref.url
    if extra.language != "und":
        item["language"] = extra.language
    if extra.note:
        item["note"] = extra.note
    return item


def render_csljson(refs: Sequence[Reference], keys: Sequence[str], document_language: str = "und") -> str:
    """A CSL-JSON array, pretty-printed with a trailing newline, UTF-8 kept as is."""
    items = [csl_item(ref, key, derive(ref, document_language)) for ref, key in zip(refs, keys, strict=False)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
