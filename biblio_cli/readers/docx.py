"""Read Word .docx files: body paragraphs and tables, footnotes and endnotes.

The text becomes Markdown-ish lines so the rest of the pipeline works unchanged: headings
(by outline level or "heading N" style) as `# ...`, italic runs as `*...*`, note calls as
`[^N]` and the notes themselves appended under a `# Notes` heading as `[^N]: text`.
Each line keeps its location ("paragraph 12", "footnote 3") in `Document.locations`.

Citation-manager fields (Zotero, Mendeley, EndNote) are read through their displayed result:
the field instruction (`w:instrText`, holding the CSL JSON) is skipped, the visible
"(Paul, 2019)" is kept. Deleted tracked changes are skipped; inserted ones are kept.

python-docx is not used: it has no footnote/endnote API and parses with lxml, outside
the defusedxml guard that `package.py` applies to every part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from biblio_cli.errors import InputError
from biblio_cli.model import Document
from biblio_cli.readers.package import LineBuilder, Package, Segment, join_segments, open_package

_MAIN_NS = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict Open XML"
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_HEADING_NAME = re.compile(r"^heading\s*([1-6])$", re.IGNORECASE)
_OFF = ("0", "false", "off", "none")
#: Longest fully bold paragraph still rendered as a `**heading**` line.
_BOLD_HEADING_CHARS = 80


@dataclass
class _Reader:
    ns: str
    styles: dict[str, tuple[str, int | None, str]] = field(default_factory=dict)  # id -> (name, level, based-on)
    note_calls: list[tuple[str, str]] = field(default_factory=list)  # (kind, id) in order of appearance
    labels: dict[tuple[str, str], str] = field(default_factory=dict)

    def tag(self, local: str) -> str:
        return f"{{{self.ns}}}{local}"

    def attr(self, element: Element, local: str) -> str | None:
        return element.get(self.tag(local))

    # Blocks -----------------------------------------------------------------------------------

    def blocks(self, parent: Element) -> Iterator[Element]:
        """Paragraphs in document order, descending into tables and content controls."""
        for child in parent:
            if child.tag == self.tag("p"):
                yield child
            elif (
                child.tag in (self.tag("tbl"), self.tag("tr"), self.tag("tc"), self.tag("sdt"), self.tag("customXml"))
                or child.tag == self.tag("sdtContent")
                or child.tag == f"{_MC}AlternateContent"
                or child.tag == f"{_MC}Choice"
            ):
                yield from self.blocks(child)

    def heading_level(self, paragraph: Element) -> int | None:
        props = paragraph.find(self.tag("pPr"))
        if props is None:
            return None
        outline = props.find(self.tag("outlineLvl"))
        if outline is not None:
            return _outline(self.attr(outline, "val"))
        style = props.find(self.tag("pStyle"))
        style_id = self.attr(style, "val") if style is not None else None
        for _ in range(10):  # follow basedOn, guarding against cycles
            if not style_id or style_id not in self.styles:
                return None
            name, level, based_on = self.styles[style_id]
            if level is not None:
                return level
            m = _HEADING_NAME.match(name)
            if m:
                return int(m.group(1))
            if name.lower() == "title":
                return 1
            style_id = based_on
        return None

    # Inline -----------------------------------------------------------------------------------

    def segments(self, element: Element, italic: bool = False, bold: bool = False) -> Iterator[Segment]:
        for child in element:
            tag = child.tag
            if tag == self.tag("r"):
                run_italic, run_bold = self.run_format(child, italic, bold)
                yield from self.run(child, run_italic, run_bold)
            elif tag in (self.tag("pPr"), self.tag("rPr"), self.tag("del"), self.tag("moveFrom"), f"{_MC}Fallback"):
                continue
            else:  # hyperlink, ins, smartTag, sdt, fldSimple, AlternateContent/Choice...
                yield from self.segments(child, italic, bold)

    def run_format(self, run: Element, italic: bool, bold: bool) -> tuple[bool, bool]:
        props = run.find(self.tag("rPr"))
        if props is None:
            return italic, bold
        i = props.find(self.tag("i"))
        b = props.find(self.tag("b"))
        if i is not None:
            italic = (self.attr(i, "val") or "1").lower() not in _OFF
        if b is not None:
            bold = (self.attr(b, "val") or "1").lower() not in _OFF
        return italic, bold

    def run(self, run: Element, italic: bool, bold: bool) -> Iterator[Segment]:
        for child in run:
            tag = child.tag
            if tag == self.tag("t"):
                yield Segment(child.text or "", italic, bold)
            elif tag == self.tag("tab"):
                yield Segment("\t")
            elif tag in (self.tag("br"), self.tag("cr")):
                yield Segment(" " if self.attr(child, "type") == "page" else "\n")
            elif tag == self.tag("noBreakHyphen"):
                yield Segment("-", italic, bold)
            elif tag in (self.tag("footnoteReference"), self.tag("endnoteReference")):
                kind = "footnote" if tag == self.tag("footnoteReference") else "endnote"
                note_id = self.attr(child, "id") or ""
                self.note_calls.append((kind, note_id))
                yield Segment(f"[^{self.label(kind, note_id)}]")
            # instrText (field codes), delText, softHyphen, drawings, symbols: no visible text

    def label(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self.labels:
            number = sum(1 for k, _ in self.labels if k == kind) + 1
            self.labels[key] = str(number) if kind == "footnote" else _roman(number)
        return self.labels[key]

    def paragraph_text(self, paragraph: Element) -> tuple[str, bool]:
        """The paragraph as Markdown-ish text, and whether all its text is bold."""
        parts = list(self.segments(paragraph))
        visible = [p for p in parts if p.text.strip() and not p.text.startswith("[^")]
        all_bold = bool(visible) and all(p.bold for p in visible)
        return join_segments(parts, italics=True), all_bold


def _outline(value: str | None) -> int | None:
    if value is None or not value.isdigit():
        return None
    level = int(value) + 1
    return level if level <= 6 else None


def _roman(number: int) -> str:
    numerals = ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out if number == 0 else str(number)


def _styles(package: Package, reader: _Reader) -> None:
    if not package.has("word/styles.xml"):
        return
    root = package.xml("word/styles.xml")
    for style in root.iter(reader.tag("style")):
        style_id = reader.attr(style, "styleId")
        if not style_id:
            continue
        name_el = style.find(reader.tag("name"))
        name = (reader.attr(name_el, "val") or "") if name_el is not None else ""
        based_el = style.find(reader.tag("basedOn"))
        based_on = (reader.attr(based_el, "val") or "") if based_el is not None else ""
        level = None
        props = style.find(reader.tag("pPr"))
        outline = props.find(reader.tag("outlineLvl")) if props is not None else None
        if outline is not None:
            level = _outline(reader.attr(outline, "val"))
        reader.styles[style_id] = (name, level, based_on)


def _notes(package: Package, reader: _Reader, kind: str) -> dict[str, str]:
    """Note id -> its text (paragraphs joined with a space), separators left out."""
    part = f"word/{kind}s.xml"
    if not package.has(part):
        return {}
    root = package.xml(part)
    notes = {}
    for note in root.iter(reader.tag(kind)):
        if reader.attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = [reader.paragraph_text(p)[0] for p in reader.blocks(note)]
        notes[reader.attr(note, "id") or ""] = " ".join(" ".join(t.split()) for t in texts if t.strip())
    return notes


def read_docx(path: str | Path) -> Document:
    """Read a .docx file into a Document. Raises InputError with a one-line reason."""
    with open_package(path, "a Word .docx file") as package:
        if not package.has("word/document.xml"):
            hint = " (an OpenDocument file? use the .odt extension)" if package.has("mimetype") else ""
            raise InputError(f"{path}: not a Word .docx file: no word/document.xml in the archive{hint}")
        root = package.xml("word/document.xml")
        ns = root.tag[1 : root.tag.index("}")] if root.tag.startswith("{") else ""
        if ns not in _MAIN_NS:
            raise InputError(f"{path}: not a Word .docx file: unknown document namespace {ns or '(none)'}")
        reader = _Reader(ns)
        _styles(package, reader)
        body = root.find(reader.tag("body"))
        builder = LineBuilder()
        number = 0
        for paragraph in reader.blocks(body if body is not None else root):
            text, all_bold = reader.paragraph_text(paragraph)
            if not text.strip():
                continue
            number += 1
            level = reader.heading_level(paragraph)
            if level is not None:
                text = "#" * level + " " + " ".join(text.replace("*", "").split())
            elif all_bold and len(text.strip()) <= _BOLD_HEADING_CHARS and "\n" not in text.strip():
                text = f"**{text.strip()}**"
            builder.paragraph(text, f"paragraph {number}")
        footnotes = _notes(package, reader, "footnote")
        endnotes = _notes(package, reader, "endnote")
        notes = []
        for kind, note_id in dict.fromkeys(reader.note_calls):
            body_text = (footnotes if kind == "footnote" else endnotes).get(note_id, "")
            if body_text:
                label = reader.labels[(kind, note_id)]
                notes.append((label, body_text, f"{kind} {label}"))
        builder.notes(notes)
        return builder.document(path, "utf-8")
