"""Read Markdown and plain-text documents: detect the encoding, normalise line endings."""

from __future__ import annotations

import codecs
from pathlib import Path

from biblio_cli.errors import InputError
from biblio_cli.language import detect_language
from biblio_cli.model import Document
from biblio_cli.readers.limits import check_lines, read_limited

#: Bytes that never occur in text files; their presence means the file is binary.
_BINARY_MARKERS = (b"\x00",)
#: Control characters other than tab/newline/carriage return/form feed.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 12, 13))
#: How much of a file to sniff for binary content.
_SNIFF_BYTES = 8192


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode a text file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1.

    Returns (text, encoding). Raises InputError for binary content.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8) :], "utf-8", name, len(codecs.BOM_UTF8)), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", name), "utf-16"
    head = data[:_SNIFF_BYTES]
    if b"\x00" in data:  # anywhere in the file, not just the sniffed head
        raise InputError(f"{name}: looks like a binary file, not a text document (NUL at byte {data.index(0)})")
    if any(marker in head for marker in _BINARY_MARKERS) or _control_ratio(head) > 0.05:
        raise InputError(f"{name}: looks like a binary file, not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # cp1252 is a superset of latin-1 for printable text; fall back to latin-1 for its 5 holes.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _decode(data: bytes, encoding: str, name: str, offset: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:  # `offset`: bytes before `data` in the file (a BOM)
        raise InputError(f"{name}: not valid {encoding} text (byte {exc.start + offset})") from None


def _control_ratio(head: bytes) -> float:
    if not head:
        return 0.0
    return sum(head.count(c) for c in _CONTROL_BYTES) / len(head)


def split_lines(text: str) -> tuple[str, ...]:
    """Split on CRLF, CR or LF; keep a trailing empty line out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def document_from_text(text: str, path: str = "<string>", encoding: str = "utf-8") -> Document:
    """Build a Document from already decoded text (used by tests and stdin)."""
    lines = split_lines(text)
    check_lines(lines, path)
    return Document(path=path, lines=lines, encoding=encoding, language=detect_language(text))


def require_file(path: str | Path) -> Path:
    """The path of an existing file, or InputError saying what it is instead (one line)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, expected a document file")
    return p


def read_input_bytes(path: str | Path) -> bytes:
    """All bytes of an input file; InputError (one line) when missing, a directory, unreadable or blank."""
    p = require_file(path)
    try:
        with p.open("rb") as handle:
            data = read_limited(handle, str(p))
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{p}: the file is empty")
    return data


def read_document(path: str | Path) -> Document:
    """Read a text document from disk. Raises InputError with a one-line reason."""
    p = Path(path)
    data = read_input_bytes(p)
    text, encoding = decode_bytes(data, str(p))
    if not text.strip():
        raise InputError(f"{p}: the file is empty")
    return document_from_text(text, str(p), encoding)
