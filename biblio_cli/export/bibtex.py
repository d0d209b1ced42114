"""Classic 7-bit BibTeX that `bibtex` reads correctly, and .bib parsing (bibtexparser lives here only).

Accents as braced LaTeX, specials escaped outside url/doi/eprint, 'Family, Given and ...',
group authors double-braced, capitals protected in titles, '--' in page ranges.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from biblio_cli.export.fields import Extra, derive, page_range
from biblio_cli.export.latex import to_latex
from biblio_cli.model import Person, Reference

#: Fields written verbatim (never LaTeX-escaped), as BibTeX and biber expect.
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint"})
_UPPER_INSIDE = re.compile(r".[A-ZÀ-ÖØ-Þ]|^[A-ZÀ-ÖØ-Þ]")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def name_field(people: Sequence[Person], encode: bool = True) -> str:
    """'Family, Given and Family, Given'; group names and given-less multi-word names braced."""
    enc = to_latex if encode else _escape_utf8
    names = []
    for p in people:
        family = enc(p.full_family)
        if p.is_group or (not p.given and (" " in p.family or "," in p.family)) or " and " in p.family:
            names.append("{" + enc(p.full_family) + "}")
        elif p.given:
            names.append(f"{family}, {enc(p.given)}")
        else:
            names.append(family)
    return " and ".join(names)


def _escape_utf8(text: str) -> str:
    """biblatex is UTF-8: only the LaTeX specials need escaping."""
    return re.sub(r"([&%$#_{}])", r"\\\1", text).replace("~", "{\\textasciitilde}").replace("^", "{\\textasciicircum}")


def protect_title(title: str, encode: bool = True) -> str:
    """Brace words with capitals (after the first word) so styles that lowercase titles keep them."""
    enc = to_latex if encode else _escape_utf8
    if not _CAPITAL.search(title, title.find(" ") + 1 or len(title)):
        return enc(title)  # no capital after the first word (sentence case): nothing to brace, one call
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        text = enc(word)
        out.append("{" + text + "}" if i > 0 and _UPPER_INSIDE.search(word) else text)
    return " ".join(out)


def verbatim(value: str) -> str:
    """URLs and DOIs: ASCII via percent-encoding, braces balanced; no LaTeX escaping."""
    value = quote(value, safe="/:?#[]@!$&'()*+,;=%~-._")
    return value.replace("{", "%7B").replace("}", "%7D")


def pages_field(pages: str) -> str:
    first, last = page_range(pages)
    return f"{first}--{last}" if last else first


def _entry_type(ref: Reference, extra: Extra) -> str:
    """The BibTeX entry type, degraded to @misc when a field the standard styles require is missing."""
    if extra.edited or ref.type == "book":
        return "book"
    if ref.type == "article-journal" and ref.container:
        return "article"
    if ref.type == "chapter" and ref.container:
        return "incollection"
    if ref.type == "report" and extra.institution:
        return "techreport"
    if ref.type == "thesis" and extra.institution:
        is_master = any(w in extra.genre.lower() for w in ("master", "mémoire", "memoire"))
        return "mastersthesis" if is_master else "phdthesis"
    return "misc"


def bibtex_fields(ref: Reference, extra: Extra) -> tuple[str, list[tuple[str, str]]]:
    """Entry type and (field, already encoded value) pairs for one reference."""
    kind = "book" if extra.edited else ref.type
    fields: list[tuple[str, str]] = []
    if extra.authors:
        fields.append(("author", name_field(extra.authors)))
    if ref.editors and kind in ("book", "chapter"):
        fields.append(("editor", name_field(ref.editors)))
    if ref.title:
        fields.append(("title", protect_title(ref.title)))
    entry_type = _entry_type(ref, extra)
    if entry_type == "article":
        fields.append(("journal", to_latex(ref.container)))
    elif entry_type == "incollection":
        fields.append(("booktitle", protect_title(ref.container)))
    elif entry_type == "techreport":
        fields.append(("institution", to_latex(extra.institution)))
    elif entry_type in ("phdthesis", "mastersthesis"):
        fields.append(("school", to_latex(extra.institution)))
    elif ref.container:
        fields.append(("howpublished", to_latex(ref.container)))
    if extra.genre:
        fields.append(("type", to_latex(extra.genre[:1].upper() + extra.genre[1:])))
    if extra.publisher and entry_type not in ("techreport", "phdthesis", "mastersthesis"):
        fields.append(("publisher", to_latex(extra.publisher)))
    if extra.place:
        fields.append(("address", to_latex(extra.place)))
    if ref.year is not None:
        fields.append(("year", str(ref.year)))
    if ref.volume:
        fields.append(("volume", pages_field(ref.volume)))
    if ref.issue:
        fields.append(("number", to_latex(ref.issue)))
    if ref.pages:
        fields.append(("pages", pages_field(ref.pages)))
    if ref.doi:
        fields.append(("doi", verbatim(ref.doi)))
    if ref.url:
        fields.append(("url", verbatim(ref.url)))
    notes = [n for n in (("in press" if ref.year_label == "in press" else ""), extra.note) if n]
    if notes:
        fields.append(("note", to_latex("; ".join(notes))))
    return entry_type, fields


def format_entry(entry_type: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}}}\n"


def render_bibtex(refs: Sequence[Reference], keys: Sequence[str], document_language: str = "und") -> str:
    """A .bib file: one entry per reference, in input order, separated by blank lines."""
    entries = []
    for ref, key in zip(refs, keys, strict=False):
        entry_type, fields = bibtex_fields(ref, derive(ref, document_language))
        entries.append(format_entry(entry_type, key, fields))
    return "\n".join(entries)


@dataclass(frozen=True, slots=True)
class BibEntry:
    """A .bib entry as bibtexparser read it: raw (still LaTeX) field values."""

    entry_type: str
    key: str
    fields: dict[str, str]
    line: int
    raw: str


def parse_bib(text: str) -> tuple[list[BibEntry], list[tuple[int, str, str]]]:
    """Entries and failed blocks (line, message, raw text) of a .bib text; @string macros expanded."""
    import bibtexparser  # only .bib input needs it; exporting does not pay for its import

    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    entries = [
        BibEntry(
            e.entry_type.lower(),
            e.key,
            {f.key.lower(): str(f.value) for f in e.fields},
            (e.start_line or 0) + 1,
            e.raw or "",
        )
        for e in library.entries
    ]
    failed = [
        ((b.start_line or 0) + 1, str(b.error).splitlines()[0] if b.error else "unreadable", b.raw or "")
        for b in library.failed_blocks
    ]
    return entries, failed
