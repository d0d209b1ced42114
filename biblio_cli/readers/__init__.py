"""Readers turn a file into a Document (decoded lines). One module per input format.

`read_any` picks the reader by file suffix; anything not listed is read as text, so
Markdown, plain text and unknown extensions keep working. Every reader raises InputError
with a one-line reason for files it cannot read.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from biblio_cli.errors import InputError
from biblio_cli.model import Document
from biblio_cli.readers.text import decode_bytes, read_document

Reader = Callable[[str | Path], Document]

#: Where each reader lives. They are imported on first use: a Markdown run (or an export)
#: should not pay for zipfile, pypdf and html.parser at start-up.
_READER_MODULES = {
    "read_docx": "biblio_cli.readers.docx",
    "read_odt": "biblio_cli.readers.odt",
    "read_pdf": "biblio_cli.readers.pdf",
    "read_html": "biblio_cli.readers.html",
    "read_latex": "biblio_cli.readers.latex",
}


def _load(name: str) -> Reader:
    reader: Reader = getattr(importlib.import_module(_READER_MODULES[name]), name)
    return reader


def _lazy(name: str) -> Reader:
    """A reader that imports its module when first called."""

    def read(path: str | Path) -> Document:
        return _load(name)(path)

    read.__name__ = read.__qualname__ = name
    return read


def __getattr__(name: str) -> Reader:  # `from biblio_cli.readers import read_pdf` still works
    if name in _READER_MODULES:
        return _load(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Suffix (lower case) -> reader, for formats that are not plain text.
READERS: dict[str, Reader] = {
    ".docx": _lazy("read_docx"),
    ".odt": _lazy("read_odt"),
    ".pdf": _lazy("read_pdf"),
    ".html": _lazy("read_html"),
    ".htm": _lazy("read_html"),
    ".xhtml": _lazy("read_html"),
}
#: Sources whose citations are keys into bibliography files (LaTeX). Kept apart from READERS:
#: such a file is checked with the files it includes and its .bib, not alone (pre-commit hooks).
KEYED_READERS: dict[str, Reader] = {".tex": _lazy("read_latex")}
#: Suffixes read as text (Markdown or plain).
TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")
#: Formats people try that we cannot read, with what to do instead.
UNSUPPORTED = {
    ".doc": "old binary Word files are not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx or .odt",
    ".pages": "Apple Pages files are not supported; export it as .docx or PDF",
    ".odp": "presentations are not supported; export the text as .odt or PDF",
    ".ods": "spreadsheets are not supported",
    ".xlsx": "spreadsheets are not supported",
}


def read_any(path: str | Path) -> Document:
    """Read a document with the reader its suffix calls for; text is the default."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in UNSUPPORTED and p.is_file():
        raise InputError(f"{p}: {UNSUPPORTED[suffix]}")
    reader = READERS.get(suffix) or KEYED_READERS.get(suffix)
    if reader is not None:
        return reader(p)
    if p.is_file():
        from biblio_cli.readers.package import describe_content

        try:
            with p.open("rb") as handle:
                actual = describe_content(handle.read(8))
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror})") from None
        if actual:
            raise InputError(f"{p}: looks like {actual}, not a text document; give it its proper extension")
    return read_document(p)


__all__ = [
    "KEYED_READERS",
    "READERS",
    "TEXT_SUFFIXES",
    "decode_bytes",
    "read_any",
    "read_document",
    "read_docx",
    "read_html",
    "read_latex",
    "read_odt",
    "read_pdf",
]
