"""biblatex for biber: UTF-8, date, journaltitle, location, institution, langid, @report/@thesis/@online.

Entries lacking a field biber's data model requires (a report without institution...) are written
as @misc, so `biber --tool --validate-datamodel` stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from biblio_cli.export.bibtex import format_entry, name_field, pages_field, protect_title, verbatim
from biblio_cli.export.fields import LANGID, Extra, derive
from biblio_cli.model import Reference


def _utf8(text: str) -> str:
    """biblatex takes UTF-8; only LaTeX specials are escaped."""
    return re.sub(r"([&%$#_{}])", r"\\\1", text).replace("~", "{\\textasciitilde}").replace("^", "{\\textasciicircum}")


def biblatex_type(ref: Reference, extra: Extra) -> str:
    """The biblatex entry type, degraded to @misc when a required field is missing."""
    if extra.edited:
        return "collection"
    kind = ref.type
    if kind == "article-journal" and ref.container:
        return "article"
    if kind == "book":
        return "book"
    if kind == "chapter" and ref.container:
        return "incollection"
    if kind in ("report", "thesis") and extra.institution:
        return "report" if kind == "report" else "thesis"
    if kind == "webpage" and ref.url:
        return "online"
    return "misc"


def biblatex_fields(ref: Reference, extra: Extra) -> tuple[str, list[tuple[str, str]]]:
    """Entry type and encoded (field, value) pairs."""
    entry_type = biblatex_type(ref, extra)
    fields: list[tuple[str, str]] = []
    if extra.authors:
        fields.append(("author", name_field(extra.authors, encode=False)))
    if ref.editors and entry_type in ("collection", "incollection", "book"):
        fields.append(("editor", name_field(ref.editors, encode=False)))
    if ref.title:
        fields.append(("title", protect_title(ref.title, encode=False)))
    if entry_type == "article":
        fields.append(("journaltitle", _utf8(ref.container)))
    elif entry_type == "incollection":
        fields.append(("booktitle", protect_title(ref.container, encode=False)))
    elif ref.container:
        fields.append(("howpublished", _utf8(ref.container)))
    if entry_type in ("report", "thesis"):
        fields.append(("institution", _utf8(extra.institution)))
        default = "techreport" if entry_type == "report" else "phdthesis"
        fields.append(("type", _utf8(extra.genre[:1].upper() + extra.genre[1:]) if extra.genre else default))
    elif ref.type in ("report", "thesis") and extra.genre:
        fields.append(("type", _utf8(extra.genre[:1].upper() + extra.genre[1:])))
    if extra.publisher and entry_type not in ("report", "thesis"):
        fields.append(("publisher", _utf8(extra.publisher)))
    if extra.place:
        fields.append(("location", _utf8(extra.place)))
    if ref.year is not None:
        fields.append(("date", str(ref.year)))
    elif ref.year_label == "in press":
        fields.append(("pubstate", "inpress"))
    if ref.volume.isdigit():
        fields.append(("volume", ref.volume))
        if ref.issue:
            fields.append(("number", _utf8(ref.issue)))
    elif ref.volume:  # biber's data model wants an integer volume: "89-90" goes to number
        fields.append(("number", pages_field(ref.volume)))
        if ref.issue:
            fields.append(("issue", _utf8(ref.issue)))
    elif ref.issue:
        fields.append(("number", _utf8(ref.issue)))
    if ref.pages:
        fields.append(("pages", pages_field(ref.pages)))
    if ref.doi:
        fields.append(("doi", verbatim(ref.doi)))
    if ref.url:
        fields.append(("url", verbatim(ref.url)))
    if extra.language in LANGID:
        fields.append(("langid", LANGID[extra.language]))
    if extra.note:
        fields.append(("note", _utf8(extra.note)))
    return entry_type, fields


def render_biblatex(refs: Sequence[Reference], keys: Sequence[str], document_language: str = "und") -> str:
    """A UTF-8 .bib file for biber, one entry per reference in input order."""
    entries = []
    for ref, key in zip(refs, keys, strict=False):
        entry_type, fields = biblatex_fields(ref, derive(ref, document_language))
        entries.append(format_entry(entry_type, key, fields))
    return "\n".join(entries)
