"""Read a saved web page (.html): its body text, reference list and notes.

Built on the standard library's html.parser, which is lenient with real-world markup and
needs no dependency. Page chrome is dropped (scripts, styles, navigation, forms, asides, and
headers/footers outside the article). Blocks become lines, `<h1>`-`<h6>` become `#`
headings, `<em>`/`<i>`/`<cite>` become `*...*`, and footnotes in the common shapes
(OpenEdition `footnotecall`/`FootnoteSymbol`, pandoc `#fn1`/`#fnref1`, Word `#_ftn1`)
become `[^N]` calls and `[^N]: text` notes appended under `# Notes`. Each line is located by
its line in the HTML source ("html line 120").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from biblio_cli.errors import InputError
from biblio_cli.model import Document
from biblio_cli.readers.package import LineBuilder, Segment, join_segments
from biblio_cli.readers.text import decode_bytes, read_input_bytes

_SKIP = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form", "button", "select",
     "textarea", "iframe", "object", "canvas", "dialog"}
)  # fmt: skip
_CHROME = frozenset({"header", "footer"})  # skipped unless inside the article
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar"})
_ARTICLE = frozenset({"article", "main"})
_ITALIC = frozenset({"em", "i", "cite"})
_BLOCK = frozenset(
    {"p", "div", "li", "dd", "dt", "blockquote", "section", "article", "main", "ul", "ol", "dl", "table", "tr", "td",
     "th", "figure", "figcaption", "pre", "address", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "body"}
)  # fmt: skip
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_HEADING = re.compile(r"^h([1-6])$")
#: Links to a note ("#ftn3", "#fn3", "#_ftn3", "#footnote-3") and back from it ("#bodyftn3", "#fnref3").
_CALL_HREF = re.compile(r"^#_?(?:ftn|fn|footnote|note|endnote|edn)[-_:]?(\d{1,4})$", re.IGNORECASE)
_BACK_HREF = re.compile(
    r"^#_?(?:bodyftn|fnref|ftnref|footnote-ref|noteref|ednref|body_?ftn)[-_:]?(\d{1,4})$", re.IGNORECASE
)
_NOTE_ID = re.compile(r"^(?:fn|ftn|footnote|note|endnote)[-_:]?(\d{1,4})$", re.IGNORECASE)
_LABEL = re.compile(r"^\W*([0-9]{1,4}|[ivxlc]{1,6}|\*)\W*$", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f]+")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
#: How much of the file to search for a <meta charset>.
_CHARSET_SNIFF_BYTES = 4096
#: Most elements open at once (unclosed <p>s count too); beyond, the page is refused as hostile.
MAX_HTML_DEPTH = 100_000


@dataclass
class _Element:
    tag: str
    skip: bool = False
    article: bool = False
    italic: bool = False
    call: bool = False  # a link to a footnote: its text becomes [^N]
    back: bool = False  # a link from a note back to its call


@dataclass
class _Block:
    line: int = 0
    heading: int = 0
    label: str = ""
    segments: list[Segment] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Element] = []
        self.block = _Block()
        self.blocks: list[_Block] = []
        self.capture: list[str] | None = None  # text of a <sup> or note link being read
        self.owner: _Element | None = None  # the element whose text is being captured
        self.pre = 0  # depth of <pre>, where line breaks are kept
        # Counts over the stack, kept as elements are pushed and popped, so that every event costs
        # the same however deeply the page nests (scanning the stack made deep pages quadratic).
        self.skips = 0
        self.articles = 0
        self.italics = 0
        self.open_tags: Counter[str] = Counter()

    # State -------------------------------------------------------------------------------------

    def skipping(self) -> bool:
        return self.skips > 0

    def push(self, element: _Element) -> None:
        if len(self.stack) >= MAX_HTML_DEPTH:
            raise InputError(f"more than {MAX_HTML_DEPTH:,} HTML elements open at once (line {self.getpos()[0]})")
        self.stack.append(element)
        self.skips += element.skip
        self.articles += element.article
        self.italics += element.italic
        self.open_tags[element.tag] += 1

    def pop(self) -> _Element:
        element = self.stack.pop()
        self.skips -= element.skip
        self.articles -= element.article
        self.italics -= element.italic
        self.open_tags[element.tag] -= 1
        return element

    def flush(self) -> None:
        if any(s.text.strip() for s in self.block.segments):
            self.blocks.append(self.block)
            self.block = _Block()
        else:  # an empty block keeps a pending note label (<li id="fn1"><p>...)
            self.block = _Block(label=self.block.label)

    def add(self, text: str, italic: bool = False) -> None:
        if not self.block.segments:
            self.block.line = self.getpos()[0]
        self.block.segments.append(Segment(text, italic))

    # Events ------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").lower()
        inside_article = self.articles > 0
        if tag == "br" and not self.skipping():
            self.add("\n")
            return
        if tag in _VOID:
            return
        if tag in _BLOCK and not self.skipping():
            self.flush()
            heading = _HEADING.match(tag)
            if heading:
                self.block.heading = int(heading.group(1))
            note = _NOTE_ID.match(values.get("id", ""))
            if note and tag in ("li", "p", "div", "aside", "section"):
                self.block.label = note.group(1)
        href = values.get("href", "")
        element = _Element(
            tag,
            skip=tag in _SKIP
            or (tag in _CHROME and not inside_article)
            or values.get("role", "") in _CHROME_ROLES
            or values.get("aria-hidden") == "true",
            article=tag in _ARTICLE,
            italic=tag in _ITALIC,
        )
        if tag == "a" and self.capture is None:
            element.call = "footnotecall" in classes or "footnote-ref" in classes or bool(_CALL_HREF.match(href))
            element.back = (
                "footnotesymbol" in classes or "footnote-back" in classes or bool(_BACK_HREF.match(href))
            ) and not element.call
            if element.call or element.back:
                self.capture, self.owner = [], element
        elif tag == "sup" and self.capture is None:
            self.capture, self.owner = [], element
        self.pre += tag == "pre"
        self.push(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags[tag]:
            return  # a stray end tag
        while self.stack:
            element = self.pop()
            self.end_element(element)
            if element.tag == tag:
                break
        if tag in _BLOCK and not self.skipping():
            self.flush()

    def end_element(self, element: _Element) -> None:
        self.pre -= element.tag == "pre"
        if element is not self.owner or self.capture is None:
            return  # only the <sup> or note link that started a capture ends it
        text = "".join(self.capture).strip()
        self.capture, self.owner = None, None
        label = _LABEL.match(text)
        if self.skipping():
            return
        if element.back:
            if label and not any(s.text.strip() for s in self.block.segments):
                self.block.label = label.group(1)
            return  # a back link ("↩", or the note number at its start) is not text
        if label and (element.call or element.tag == "sup"):
            self.add(f"[^{label.group(1)}]")
        elif text:
            self.add(text, self.italics > 0)

    def handle_data(self, data: str) -> None:
        if self.skipping():
            return
        if not self.pre:
            data = _SPACE.sub(" ", data)  # source line breaks are spaces; only <br> breaks a line
        if self.capture is not None:
            self.capture.append(data)
            return
        self.add(data, self.italics > 0)


def _decode(data: bytes, path: Path) -> str:
    match = _CHARSET.search(data[:_CHARSET_SNIFF_BYTES])
    if match and b"\x00" not in data and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: detect it instead
    return decode_bytes(data, str(path))[0]


_STRAY_LT = re.compile(r"<(?![A-Za-z/?!])")
_TAG_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/?!")


def escape_unclosed(text: str) -> str:
    """Turn every "<" that opens nothing closed into "&lt;", in one linear pass.

    html.parser rescans from an unclosed "<" to the end of its input, once per such "<": a
    1.5 MB line of "<a" took minutes. A "<" opens a construct only when its end ("-->",
    "]]>", or ">" before the next "<") is there; otherwise it is text, and escaping it changes
    nothing for a browser-like reading. Ends that do not exist are remembered, so the
    searches stay linear.
    """
    text = _STRAY_LT.sub("&lt;", text)  # the plain case in bulk: a "<" no tag name can follow
    out: list[str] = []
    copied = 0
    no_end_after: dict[str, int] = {}  # end marker -> position after which it never occurs
    gt = text.find(">")  # the next ">" at or after the current "<"; -1 once none is left
    i = text.find("<")
    while i != -1:
        closed_at = -1
        for opener, closer in (("<!--", "-->"), ("<![CDATA[", "]]>")):
            if text.startswith(opener, i):
                if i < no_end_after.get(closer, len(text) + 1):
                    closed_at = text.find(closer, i + len(opener))
                    if closed_at == -1:
                        no_end_after[closer] = i
                    else:
                        closed_at += len(closer)
                break
        else:
            if gt != -1 and gt < i:
                gt = text.find(">", i)
            if gt != -1 and text[i + 1 : i + 2] in _TAG_START and text.find("<", i + 1, gt) == -1:
                closed_at = gt + 1
        if closed_at == -1:
            out.append(text[copied:i])
            out.append("&lt;")
            copied = i + 1
            i = text.find("<", i + 1)
        else:
            i = text.find("<", closed_at)
    out.append(text[copied:])
    return "".join(out)


def read_html(path: str | Path) -> Document:
    """Read an HTML page into a Document. Raises InputError with a one-line reason."""
    p = Path(path)
    data = read_input_bytes(p)
    parser = _Parser()
    try:
        # A "<" that cannot open a tag is text: escaping it lets html.parser take the run in one
        # piece instead of one character at a time (a line of "<<<<" took seconds per MB).
        parser.feed(escape_unclosed(_decode(data, p)))
        parser.close()
    except InputError as exc:
        raise InputError(f"{p}: {exc}") from None
    parser.flush()
    builder = LineBuilder()
    notes = []
    for block in parser.blocks:
        text = join_segments(block.segments, italics=True).strip()
        where = f"html line {block.line}"
        if block.label:
            notes.append((block.label, text, where))
        elif block.heading:
            builder.paragraph("#" * block.heading + " " + " ".join(text.replace("*", "").split()), where)
        else:
            builder.paragraph(text, where)
    builder.notes(notes)
    return builder.document(p, "utf-8")
