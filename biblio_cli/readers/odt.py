"""Read OpenDocument text (.odt, LibreOffice): body, tables, lists, footnotes and endnotes.

Same output as the .docx reader: `# ` headings (from `text:h` outline levels), `*italic*`
spans (from automatic and named styles), `[^N]` note calls and `[^N]: text` notes appended
under `# Notes`, each line located ("paragraph 4", "footnote 2"). Generated tables of
contents are skipped; a LibreOffice bibliography index is read like any reference list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from biblio_cli.errors import InputError
from biblio_cli.model import Document
from biblio_cli.readers.package import LineBuilder, Package, Segment, join_segments, open_package

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_TEXT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
#: Containers whose paragraphs are read in order.
_CONTAINERS = frozenset(
    {
        f"{_TEXT}list",
        f"{_TEXT}list-item",
        f"{_TEXT}list-header",
        f"{_TEXT}section",
        f"{_TEXT}bibliography",
        f"{_TEXT}index-body",
        f"{_TABLE}table",
        f"{_TABLE}table-row",
        f"{_TABLE}table-rows",
        f"{_TABLE}table-header-rows",
        f"{_TABLE}table-cell",
    }
)
#: Inline elements with no text a reader sees (comments, frames, change marks).
_SKIP_INLINE = frozenset(
    {f"{_OFFICE}annotation", f"{_TEXT}note-citation", "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame"}
)


@dataclass
class _Reader:
    italic_styles: set[str] = field(default_factory=set)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (label, text, location)

    def blocks(self, parent: Element) -> Iterator[Element]:
        for child in parent:
            if child.tag in (f"{_TEXT}p", f"{_TEXT}h", f"{_TEXT}index-title"):
                if child.tag == f"{_TEXT}index-title":
                    yield from self.blocks(child)
                else:
                    yield child
            elif child.tag in _CONTAINERS:
                yield from self.blocks(child)
            # table-of-content, alphabetical-index, tracked-changes, sequence-decls, forms: skipped

    def segments(self, element: Element, italic: bool = False) -> Iterator[Segment]:
        if element.text:
            yield Segment(element.text, italic)
        for child in element:
            yield from self.inline(child, italic)
            if child.tail:
                yield Segment(child.tail, italic)

    def inline(self, child: Element, italic: bool) -> Iterator[Segment]:
        tag = child.tag
        if tag == f"{_TEXT}s":
            count = child.get(f"{_TEXT}c") or "1"
            yield Segment(" " * (int(count) if count.isdigit() else 1))
        elif tag == f"{_TEXT}tab":
            yield Segment("\t")
        elif tag == f"{_TEXT}line-break":
            yield Segment("\n")
        elif tag == f"{_TEXT}note":
            yield Segment(f"[^{self.note(child)}]")
        elif tag in _SKIP_INLINE or not tag.startswith(_TEXT):
            return  # comments, frames, drawings: no body text
        else:  # span, a, reference marks, bookmarks, meta, ...
            style = child.get(f"{_TEXT}style-name") or ""
            yield from self.segments(child, italic or style in self.italic_styles)

    def note(self, note: Element) -> str:
        kind = "endnote" if note.get(f"{_TEXT}note-class") == "endnote" else "footnote"
        citation = note.find(f"{_TEXT}note-citation")
        label = "".join(citation.itertext()).strip() if citation is not None else ""
        label = label if label.isalnum() else str(len(self.notes) + 1)
        body = note.find(f"{_TEXT}note-body")
        texts = [self.text(p) for p in self.blocks(body)] if body is not None else []
        self.notes.append((label, " ".join(t for t in texts if t.strip()), f"{kind} {label}"))
        return label

    def text(self, paragraph: Element) -> str:
        style = paragraph.get(f"{_TEXT}style-name") or ""
        return join_segments(list(self.segments(paragraph, style in self.italic_styles)), italics=True)


def _italic_styles(roots: list[Element]) -> set[str]:
    """Names of styles (text or paragraph) that set italic, following parent styles."""
    parents: dict[str, str] = {}
    italic: dict[str, bool] = {}
    for root in roots:
        for style in root.iter(f"{_STYLE}style"):
            name = style.get(f"{_STYLE}name")
            if not name:
                continue
            parents[name] = style.get(f"{_STYLE}parent-style-name") or ""
            props = style.find(f"{_STYLE}text-properties")
            if props is not None and props.get(f"{_FO}font-style"):
                italic[name] = props.get(f"{_FO}font-style") in ("italic", "oblique")
    found = set()
    for name in parents:
        current, depth = name, 0
        while current and current not in italic and depth < 10:
            current, depth = parents.get(current, ""), depth + 1
        if italic.get(current, False):
            found.add(name)
    return found


def _check_mimetype(package: Package, path: str | Path) -> None:
    if not package.has("mimetype"):
        hint = " (a Word file? use the .docx extension)" if package.has("word/document.xml") else ""
        raise InputError(f"{path}: not an OpenDocument .odt file: no mimetype in the archive{hint}")
    mimetype = package.read("mimetype").strip()
    if mimetype != _TEXT_MIMETYPE:
        shown = "".join(c if c.isprintable() else "?" for c in mimetype.decode("ascii", "replace")[:80])
        raise InputError(f"{path}: not an OpenDocument text: its type is {shown or '(empty)'}")


def read_odt(path: str | Path) -> Document:
    """Read an .odt file into a Document. Raises InputError with a one-line reason."""
    with open_package(path, "an OpenDocument .odt file") as package:
        _check_mimetype(package, path)
        if not package.has("content.xml"):
            raise InputError(f"{path}: not an OpenDocument .odt file: no content.xml in the archive")
        content = package.xml("content.xml")
        roots = [content, package.xml("styles.xml")] if package.has("styles.xml") else [content]
        reader = _Reader(_italic_styles(roots))
        body = content.find(f"{_OFFICE}body/{_OFFICE}text")
        if body is None:
            raise InputError(f"{path}: not an OpenDocument text: no office:text body")
        builder = LineBuilder()
        number = 0
        for block in reader.blocks(body):
            text = reader.text(block)
            if not text.strip():
                continue
            number += 1
            if block.tag == f"{_TEXT}h":
                level = block.get(f"{_TEXT}outline-level") or "1"
                hashes = "#" * min(int(level), 6) if level.isdigit() and level != "0" else "#"
                text = f"{hashes} {' '.join(text.replace('*', '').split())}"
            builder.paragraph(text, f"paragraph {number}")
        builder.notes(reader.notes)
        return builder.document(path, "utf-8")
