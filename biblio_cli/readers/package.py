"""Shared by the .docx and .odt readers: open a zip package and parse its XML parts safely.

Office files are zip archives of XML. Both are attack surfaces: a zip bomb (a tiny file that
inflates to gigabytes) and XML entity expansion ("billion laughs", external entities). We only
ever decompress the few XML parts we need, refuse parts that are too big or too compressed,
and parse with defusedxml with DTDs forbidden (neither format ever needs one).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from biblio_cli.errors import InputError
from biblio_cli.language import detect_language
from biblio_cli.model import Document
from biblio_cli.readers.limits import (
    HOW_TO_RAISE,
    MAX_XML_DEPTH,
    check_file_size,
    check_lines,
    format_size,
    scaled,
)
from biblio_cli.readers.text import require_file

#: Largest uncompressed XML part we read at the default input limit (scaled with --max-size);
#: a long thesis's document.xml is a few MiB.
MAX_PART_BYTES = 64 * 1024 * 1024
#: Largest total of uncompressed XML read from one package at the default input limit (scaled too).
MAX_TOTAL_BYTES = 128 * 1024 * 1024
#: Most members accepted in a package (Word and LibreOffice files hold tens to a few hundred).
MAX_MEMBERS = 10_000
#: Highest compression ratio accepted for a part larger than RATIO_FLOOR_BYTES; real XML is ~5-30x.
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1024 * 1024
#: Read decompressed data in chunks of this size, so a lying header cannot make us allocate at once.
_CHUNK_BYTES = 1024 * 1024

_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"{\\rtf", "an RTF file"),
    (b"\xd0\xcf\x11\xe0", "an old binary Office file (.doc)"),
)


def describe_content(head: bytes) -> str:
    """What a file's first bytes look like ("a PDF", "a zip archive"), or "" if unknown."""
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            return name
    if head.startswith(b"PK\x03\x04"):
        return "a zip archive"
    return ""


@dataclass
class Package:
    """An opened zip package that hands out parsed XML parts under size limits."""

    path: Path
    archive: zipfile.ZipFile
    read_bytes: int = field(default=0)

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_: object) -> None:
        self.archive.close()

    def has(self, name: str) -> bool:
        try:
            self.archive.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes:
        """The uncompressed bytes of one part, refusing absurd sizes and ratios."""
        info = self.archive.getinfo(name)
        part_limit, total_limit = scaled(MAX_PART_BYTES), scaled(MAX_TOTAL_BYTES)
        if info.file_size > part_limit or self.read_bytes + info.file_size > total_limit:
            limit = part_limit if info.file_size > part_limit else total_limit
            raise InputError(
                f"{self.path}: refusing {name}: it inflates to {format_size(info.file_size)}, over the "
                f"{format_size(limit)} limit for XML inside a package (a zip bomb?); if the file is genuine, {HOW_TO_RAISE}"
            )
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"{self.path}: refusing {name}: compressed {info.file_size // max(info.compress_size, 1)}x (a zip bomb?)"
            )
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as handle:
                while chunk := handle.read(_CHUNK_BYTES):
                    size += len(chunk)
                    if size > info.file_size or size > part_limit:
                        raise InputError(f"{self.path}: refusing {name}: it inflates beyond its declared size")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
            raise InputError(f"{self.path}: damaged archive, cannot read {name} ({exc})") from None
        self.read_bytes += size
        return b"".join(chunks)

    def xml(self, name: str) -> Element:
        """Parse one XML part: no DTD, no entities, no external references, bounded nesting."""
        data = self.read(name)
        try:
            parser = DefusedXMLParser(
                target=_DepthLimitedBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
            )
            parser.feed(data)
            root: Element = parser.close()
        except DefusedXmlException:
            raise InputError(
                f"{self.path}: refusing {name}: it declares a DTD or entities (unsafe XML, never produced by office suites)"
            ) from None
        except _TooDeep:
            raise InputError(
                f"{self.path}: refusing {name}: XML nested more than {MAX_XML_DEPTH} elements deep "
                "(never produced by office suites)"
            ) from None
        except ParseError as exc:
            line, column = exc.position
            raise InputError(f"{self.path}: malformed XML in {name} (line {line}, column {column})") from None
        return root


class _TooDeep(Exception):
    """Raised inside the XML parser when elements nest deeper than MAX_XML_DEPTH."""


class _DepthLimitedBuilder(TreeBuilder):
    """A TreeBuilder that refuses absurd nesting, which would overflow the readers' recursive walks."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        self.depth += 1
        if self.depth > MAX_XML_DEPTH:
            raise _TooDeep
        return super().start(tag, attrs)

    def end(self, tag: str) -> Element:
        self.depth -= 1
        return super().end(tag)


def open_package(path: str | Path, kind: str) -> Package:
    """Open `path` as a zip package; `kind` names the expected format in errors ("a Word .docx file")."""
    p = require_file(path)
    try:
        with p.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    if not head:
        raise InputError(f"{p}: the file is empty")
    if not head.startswith(b"PK"):
        actual = describe_content(head) or "not a zip archive"
        actual = actual if actual.startswith("not") else f"looks like {actual}"
        raise InputError(f"{p}: not {kind}: the file {actual}; check its extension")
    check_file_size(p)
    try:
        archive = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(f"{p}: not {kind}: damaged zip archive ({exc})") from None
    if len(archive.infolist()) > MAX_MEMBERS:
        archive.close()
        raise InputError(f"{p}: not {kind}: the archive holds more than {MAX_MEMBERS:,} members")
    return Package(p, archive)


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of inline text with the formatting the Markdown-ish output keeps."""

    text: str
    italic: bool = False
    bold: bool = False


def join_segments(parts: list[Segment], italics: bool) -> str:
    """Join runs, wrapping each stretch of italic text in `*...*` (spaces kept outside the stars)."""
    out: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if not (italics and part.italic):
            out.append(part.text)
            index += 1
            continue
        stretch = ""
        while index < len(parts) and parts[index].italic:
            stretch += parts[index].text
            index += 1
        core = stretch.strip()
        if not core or "\n" in core:
            out.append(stretch)
            continue
        lead = stretch[: len(stretch) - len(stretch.lstrip())]
        trail = stretch[len(stretch.rstrip()) :]
        out.append(f"{lead}*{core}*{trail}")
    return "".join(out)


@dataclass
class LineBuilder:
    """Collects Markdown-ish lines with their source locations, paragraphs separated by blank lines."""

    lines: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)

    def paragraph(self, text: str, location: str) -> None:
        """Add one paragraph (it may hold line breaks), followed by a blank line."""
        for line in text.split("\n"):
            line = " ".join(line.split()) if not line.startswith("#") else line.strip()
            self.lines.append(line)
            self.locations.append(location)
        self.lines.append("")
        self.locations.append("")

    def notes(self, notes: list[tuple[str, str, str]], heading: str = "# Notes") -> None:
        """Append notes as `[^label]: text` lines under a heading that closes any reference section."""
        if not notes:
            return
        self.paragraph(heading, "")
        for label, text, location in notes:
            self.paragraph(f"[^{label}]: {' '.join(text.split())}", location)

    def document(self, path: str | Path, encoding: str) -> Document:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
            self.locations.pop()
        text = "\n".join(self.lines)
        if not text.strip():
            raise InputError(f"{path}: no text found in the document")
        check_lines(self.lines, str(path))
        return Document(str(path), tuple(self.lines), encoding, detect_language(text), tuple(self.locations))
