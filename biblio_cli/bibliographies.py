"""Bibliography files (.bib, CSL-JSON, CSL-YAML) read for keyed citations, with the lines of their entries.

A bibliography is checked like a document of its own: its findings (uncited entries,
duplicate keys, missing fields, invalid DOIs) point at lines of the bibliography file,
so each entry keeps the line where it starts there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from biblio_cli.errors import InputError
from biblio_cli.model import Document, Reference
from biblio_cli.normalize import is_valid_doi, normalize_doi
from biblio_cli.readers.csljson import read_csljson
from biblio_cli.readers.cslyaml import read_cslyaml
from biblio_cli.readers.text import decode_bytes, document_from_text, read_input_bytes

#: Suffixes read as bibliographies (never as documents).
BIBLIOGRAPHY_SUFFIXES = (".bib", ".json", ".yaml", ".yml")
_DUPLICATE = "Duplicate entry key"


@dataclass(frozen=True, slots=True)
class Entry:
    """A .bib entry's type and the fields it fills, which the Reference does not keep."""

    key: str
    reference: str  # the Reference id
    line: int
    entry_type: str  # as written, lower case: "article", "inproceedings"
    fields: frozenset[str]  # names of the non-empty fields
    crossref: str = ""  # parent entry named by `crossref` or `xref`, whose fields it inherits


@dataclass(frozen=True, slots=True)
class Bibliography:
    """A bibliography file: its text (for findings and suppressions), references and .bib entries."""

    document: Document
    references: tuple[Reference, ...]  # one per entry, in file order; `id` is the citation key
    entries: tuple[Entry, ...] = ()  # .bib files only
    keys: tuple[str, ...] = ()  # citation key of each reference, aligned with `references`

    @property
    def path(self) -> str:
        return self.document.path


def _checked_doi(ref: Reference) -> Reference:
    """Normalise the DOI; an unusable one becomes an 'invalid DOI' problem, as in parsed lists."""
    if not ref.doi:
        return ref
    doi = normalize_doi(ref.doi)
    if is_valid_doi(doi):
        return replace(ref, doi=doi, raw_doi=ref.doi)
    return replace(ref, doi="", raw_doi=ref.doi, problems=(*ref.problems, "invalid DOI"))


def _read_bib(text: str) -> tuple[list[Reference], list[Entry], list[str]]:
    """References, entry details and keys of a .bib text; a key defined twice keeps both entries."""
    from biblio_cli.export.bibtex import parse_bib  # bibtexparser loads only when a .bib is read
    from biblio_cli.readers.bibfile import bib_reference

    entries, failed = parse_bib(text)
    found: list[tuple[Reference, Entry | None, str]] = []
    for entry in entries:
        found.append(
            (bib_reference(entry), _entry(entry.key, entry.key, entry.line, entry.entry_type, entry.fields), entry.key)
        )
    for line, message, raw in failed:
        again = parse_bib(raw)[0] if message.startswith(_DUPLICATE) else []
        if again:  # bibtexparser sets a repeated key aside; read it on its own to keep it
            entry = replace(again[0], line=line + again[0].line - 1)
            ref = replace(bib_reference(entry), id=f"{entry.key}@{entry.line}")
            found.append((ref, _entry(entry.key, ref.id, entry.line, entry.entry_type, entry.fields), entry.key))
        else:
            bad = Reference(f"bad{line}", line, raw or f"unreadable block at line {line}", problems=(message,))
            found.append((bad, None, ""))
    found.sort(key=lambda item: item[0].line)
    return (
        [_checked_doi(ref) for ref, _, _ in found],
        [entry for _, entry, _ in found if entry is not None],
        [key for _, _, key in found],
    )


def _entry(key: str, reference: str, line: int, entry_type: str, fields: dict[str, str]) -> Entry:
    filled = frozenset(name for name, value in fields.items() if value.strip())
    crossref = (fields.get("crossref") or fields.get("xref") or "").strip()
    return Entry(key, reference, line, entry_type.lower(), filled, crossref)


def _locate(lines: tuple[str, ...], refs: tuple[Reference, ...], pattern: str) -> list[Reference]:
    """CSL items carry their index as line; point each at the line holding its id instead."""
    located = []
    start = 0
    for ref in refs:
        regex = re.compile(pattern.format(key=re.escape(ref.id)))
        hit = next((n for n in range(start, len(lines)) if regex.search(lines[n])), None)
        if hit is None:
            hit = next((n for n in range(len(lines)) if regex.search(lines[n])), None)
        if hit is not None:
            start = hit + 1
        located.append(replace(ref, line=hit + 1 if hit is not None else 1))
    return located


def read_bibliography(path: Path, shown: str) -> Bibliography:
    """Read a .bib, CSL-JSON (.json) or CSL-YAML (.yaml, .yml) file. Raises InputError with a one-line reason."""
    text, encoding = decode_bytes(read_input_bytes(path), shown)
    document = document_from_text(text, shown, encoding)
    suffix = path.suffix.lower()
    if suffix == ".bib":
        refs, entries, keys = _read_bib(text)
        return Bibliography(document, tuple(refs), tuple(entries), tuple(keys))
    if suffix == ".json":
        csl = read_csljson(text, shown)[0]
        refs = _locate(document.lines, csl, r'"id"\s*:\s*"{key}"')
    elif suffix in (".yaml", ".yml"):
        csl = read_cslyaml(text, shown)[0]
        refs = _locate(document.lines, csl, r"^\s*-?\s*id\s*:\s*['\"]?{key}['\"]?\s*(#.*)?$")
    else:
        raise InputError(f"{shown}: not a bibliography file (expected {', '.join(BIBLIOGRAPHY_SUFFIXES)})")
    refs = [_checked_doi(ref) for ref in refs]
    return Bibliography(document, tuple(refs), (), tuple(ref.id for ref in refs))
