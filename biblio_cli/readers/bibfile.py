"""Read a .bib file (BibTeX or biblatex) into References; unreadable blocks are kept with a note."""

from __future__ import annotations

import re

from biblio_cli.errors import InputError
from biblio_cli.export.bibtex import BibEntry, parse_bib
from biblio_cli.export.latex import from_latex
from biblio_cli.model import Person, Reference
from biblio_cli.readers.person_names import parse_name

_TYPES = {
    "article": "article-journal",
    "book": "book",
    "collection": "book",
    "mvbook": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "inproceedings": "chapter",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
}
_LANG_CODES = {"french": "fr", "english": "en", "american": "en", "british": "en", "german": "de", "spanish": "es"}
_YEAR = re.compile(r"\d{4}")


def _split_and(value: str) -> list[str]:
    """Split a name list on ' and ' outside braces."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(value):
        c = value[i]
        depth += c == "{"
        depth -= c == "}"
        if depth == 0 and value[i : i + 5].lower() == " and ":
            parts.append(value[start:i])
            start = i + 5
            i += 5
            continue
        i += 1
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]


def _people(value: str) -> tuple[Person, ...]:
    people = []
    for raw in _split_and(value):
        braced = raw.startswith("{") and raw.endswith("}") and raw.count("{") == raw.count("}") and _closes_at_end(raw)
        people.append(parse_name(from_latex(raw[1:-1] if braced else raw), group=braced))
    return tuple(people)


def _closes_at_end(raw: str) -> bool:
    depth = 0
    for i, c in enumerate(raw):
        depth += c == "{"
        depth -= c == "}"
        if depth == 0 and i < len(raw) - 1:
            return False
    return True


def bib_reference(entry: BibEntry) -> Reference:
    """One .bib entry as a Reference whose id is the entry's citation key."""
    f = {k: v.strip() for k, v in entry.fields.items()}

    def get(*keys: str) -> str:
        return next((from_latex(f[k]) for k in keys if f.get(k)), "")

    year_match = _YEAR.search(f.get("year", "") or f.get("date", ""))
    place = get("address", "location")
    publisher = get("publisher", "institution", "school", "organization")
    identifiers = []
    genre = get("type")
    if genre and genre not in ("techreport", "phdthesis", "mathesis"):
        identifiers.append(("genre", genre))
    lang = (f.get("langid") or f.get("language") or "").lower()
    if lang:
        identifiers.append(("language", _LANG_CODES.get(lang, lang[:2])))
    return Reference(
        id=entry.key,
        line=entry.line,
        text=entry.raw,
        authors=_people(f.get("author", "")),
        editors=_people(f.get("editor", "")),
        year=int(year_match.group(0)) if year_match else None,
        year_label="in press"
        if "in press" in get("note").lower() or f.get("pubstate") == "inpress"
        else ("" if year_match else "n.d."),  # an undated record is not an unparsed one
        title=get("title"),
        container=get("journal", "journaltitle", "booktitle", "howpublished"),
        volume=get("volume").replace("\u2013", "-"),
        issue=get("number", "issue"),
        pages=get("pages").replace("\u2013", "-"),
        publisher=f"{place} : {publisher}" if place and publisher else publisher,
        doi=f.get("doi", ""),
        url=f.get("url", ""),
        identifiers=tuple(identifiers),
        type=_TYPES.get(entry.entry_type, "misc"),
    )


def read_bibtex(text: str, name: str = "<bib>") -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    """References and warnings from .bib text (LaTeX decoded, '--' ranges back to '-')."""
    try:
        entries, failed = parse_bib(text)
    except RecursionError:
        raise InputError(f"{name}: braces nested too deeply to be a .bib file") from None
    except (IndexError, ValueError, KeyError, TypeError, AttributeError) as exc:  # bibtexparser on odd input
        reason = " ".join(str(exc).split())[:80] or type(exc).__name__
        raise InputError(f"{name}: unreadable BibTeX ({reason})") from None
    refs: list[Reference] = [bib_reference(entry) for entry in entries]
    warnings: list[str] = []
    for line, message, raw in failed:
        warnings.append(f"{name}:{line}: unreadable BibTeX block ({message})")
        refs.append(Reference(f"bad{line}", line, raw or f"unreadable block at line {line}", problems=(message,)))
    return tuple(refs), tuple(warnings)
