"""Load references from any supported source and export them to one format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from biblio_cli.errors import InputError, UsageError
from biblio_cli.export.fields import incomplete
from biblio_cli.export.keys import assign_keys
from biblio_cli.model import Document, Reference
from biblio_cli.normalize import fold, name_key

#: Output formats, as `--to` spells them.
FORMATS = ("bibtex", "biblatex", "apa", "csl-json", "ris")
#: APA output locales and markups.
LOCALES = ("en", "fr")
STYLE_FORMATS = ("text", "markdown", "html")
#: Folded title characters compared to spot a footnote repeating a list entry.
TITLE_PREFIX_CHARS = 20


@dataclass(frozen=True, slots=True)
class Loaded:
    """References read from a source, its language, and what could not be read cleanly."""

    references: tuple[Reference, ...]
    language: str = "und"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The rendered text and the warnings the CLI shows on stderr."""

    text: str
    warnings: tuple[str, ...] = ()


def source_kind(path: str) -> str:
    """'bibtex', 'csl-json', 'ris' or 'document', from the file suffix."""
    suffix = Path(path).suffix.lower()
    return {".bib": "bibtex", ".json": "csl-json", ".ris": "ris"}.get(suffix, "document")


def load_text(text: str, kind: str, name: str = "<string>") -> Loaded:
    """Parse already decoded text of the given kind into references."""
    if kind == "bibtex":
        from biblio_cli.readers.bibfile import read_bibtex

        refs, warnings = read_bibtex(text, name)
        return Loaded(refs, "und", warnings)
    if kind == "csl-json":
        from biblio_cli.readers.csljson import read_csljson

        refs, warnings = read_csljson(text, name)
        return Loaded(refs, "und", warnings)
    if kind == "ris":
        from biblio_cli.readers.ris import read_ris

        refs, warnings = read_ris(text, name)
        return Loaded(refs, "und", warnings)
    from biblio_cli.readers.text import document_from_text

    return load_document(document_from_text(text, name))


def load_document(document: Document) -> Loaded:
    """A document's reference list, plus footnote references that the list does not already hold."""
    from biblio_cli.reference_list import parse_references

    parsed = parse_references(document)[0]
    if not parsed:
        raise InputError(f"{document.path}: no reference list found")
    listed = [r for r in parsed if r.source == "list"]
    if len(listed) == len(parsed):  # no footnote references: nothing to deduplicate
        return Loaded(parsed, document.language, ())
    seen = {_identity(r) for r in listed}
    extra: list[Reference] = []
    warnings: list[str] = []
    for ref in parsed:
        if ref.source == "list":
            continue
        if _identity(ref) in seen:
            warnings.append(f"line {ref.line}: footnote {ref.footnote} repeats a reference of the list; exported once")
        else:
            extra.append(ref)
    return Loaded((*listed, *extra), document.language, tuple(warnings))


def _identity(ref: Reference) -> tuple[str, int | None, str]:
    """Same first author, year and title start (journal, volume and pages without a title): one work cited twice."""
    first = name_key(ref.authors[0].full_family) if ref.authors else ""
    work = ref.title or (f"{ref.container} {ref.volume} {ref.pages}" if ref.container else "")
    return first, ref.year, fold(work)[:TITLE_PREFIX_CHARS]


def load_references(path: str) -> Loaded:
    """Read a document, .bib, CSL-JSON or RIS file. Raises InputError with a one-line reason."""
    from biblio_cli.readers.text import decode_bytes, read_input_bytes

    p = Path(path)
    text, _ = decode_bytes(read_input_bytes(p), str(p))
    if not text.strip():
        raise InputError(f"{p}: the file is empty")
    return load_text(text, source_kind(path), str(p))


def export_references(
    refs: Sequence[Reference],
    to: str,
    *,
    locale: str = "en",
    style_format: str = "text",
    language: str = "und",
) -> ExportResult:
    """Render references in format `to`; warnings name entries exported with a note."""
    if to not in FORMATS:
        raise UsageError(f"unknown export format '{to}' (choose from {', '.join(FORMATS)})")
    if locale not in LOCALES:
        raise UsageError(f"unknown locale '{locale}' (choose from {', '.join(LOCALES)})")
    if style_format not in STYLE_FORMATS:
        raise UsageError(f"unknown style format '{style_format}' (choose from {', '.join(STYLE_FORMATS)})")
    warnings = tuple(
        f"line {ref.line}: could not parse '{_short(ref.text)}'; exported what is known with a note"
        for ref in refs
        if incomplete(ref)
    )
    if to == "apa":  # no citation keys in a formatted list: skip assigning them
        from biblio_cli.export.apa import render_apa

        return ExportResult(render_apa(refs, locale=locale, style_format=style_format), warnings)
    keys = assign_keys(refs)
    if to == "csl-json":
        from biblio_cli.export.csljson import render_csljson

        text = render_csljson(refs, keys, language)
    elif to == "bibtex":
        from biblio_cli.export.bibtex import render_bibtex

        text = render_bibtex(refs, keys, language)
    elif to == "biblatex":
        from biblio_cli.export.biblatex import render_biblatex

        text = render_biblatex(refs, keys, language)
    else:
        from biblio_cli.export.ris import render_ris

        text = render_ris(refs, keys, language)
    return ExportResult(text, warnings)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
