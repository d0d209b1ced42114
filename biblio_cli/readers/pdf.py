"""Read PDF files with pypdf: text per page, repaired into paragraphs, located by page.

PDF text comes out as visual lines. A citation broken over two lines ("(Paul,\\n2019)")
would be missed, so body lines are joined back into paragraphs (a line is continued when it
is nearly full width, or when the next one starts in lower case) and words hyphenated at a
line end are rejoined. In the reference section lines are instead split before each line
that starts like an entry ("Paul, M. (2019)..."), which is how wrapped entries are told
apart. Running headers/footers and bare page numbers are dropped. Every line is located
by its page ("page 4").

pypdf rather than pdfminer.six: pure Python with no dependencies, typed (py.typed), actively
maintained, with decompression limits against PDF bombs; its plain extraction is enough
here because layout is rebuilt by the heuristics above.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from biblio_cli.errors import InputError
from biblio_cli.model import Document
from biblio_cli.readers.limits import check_file_size
from biblio_cli.readers.package import LineBuilder, describe_content
from biblio_cli.readers.text import require_file
from biblio_cli.sections import END_HEADINGS, REFERENCE_HEADINGS, heading_words

#: Fewer extractable characters per page than this means a scanned (image-only) PDF.
MIN_CHARS_PER_PAGE = 20
#: A line at least this fraction of the typical full line width is assumed to wrap.
FULL_LINE_RATIO = 0.75
#: Lines this far from the top or bottom of a page are candidate running headers/footers.
_EDGE_LINES = 2
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of|sur)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.I)
_HYPHEN_END = re.compile(r"[^\W\d_][-‐\u00ad]$")
#: A reference entry's first line: a family name, a comma, initials or a given name; or a numbered entry.
_ENTRY_START = re.compile(
    r"^(?:\[\d{1,4}\]|\d{1,4}\.\s)|^(?:(?:de|van|von|du|le|la|d['’])\s?)?[^\W\d_][\w'’\-]+(?:\s[^\W\d_][\w'’\-]+){0,3},\s+(?:[^\W\d_]\.|[^\W\d_][\w\-]+)"
)
_ENTRY_YEAR = re.compile(
    r"\(\s*(?:1[5-9]\d\d|20\d\d)[a-z]?\s*[,)]|\((?:n\.\s?d\.|s\.\s?d\.)\)|[,.]\s(?:1[5-9]\d\d|20\d\d)[a-z]?[.,]"
)
_REFERENCE_HEADINGS = frozenset(REFERENCE_HEADINGS)
_END_HEADINGS = frozenset(END_HEADINGS)


def _quiet_pypdf() -> None:
    """pypdf logs benign quirks as warnings, which Python prints on stderr when logging is not set up.

    A NullHandler (the library convention) stops that, yet leaves an application's own logging intact.
    """
    logger = logging.getLogger("pypdf")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _page_lines(path: Path) -> list[list[str]]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except (PyPdfError, NotImplementedError) as exc:
                raise InputError(f"{path}: the PDF is encrypted ({exc}); save an unprotected copy") from None
        return [(page.extract_text() or "").translate(_LIGATURES).splitlines() for page in reader.pages]
    except FileNotDecryptedError:
        raise InputError(f"{path}: the PDF is password-protected; save an unprotected copy") from None
    except InputError:
        raise
    except Exception as exc:  # pypdf on a damaged file can raise almost anything (zlib, struct, ...)
        reason = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: damaged or unsupported PDF ({reason})") from None


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove bare page numbers, and headers/footers repeated on at least half the pages."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()).lower())

    counts: Counter[str] = Counter()
    for lines in pages:
        edges = {key(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:] if line.strip()}
        counts.update(edges)
    threshold = max(2, (len(pages) + 1) // 2)  # a one-page document has no running lines
    repeated = {k for k, n in counts.items() if n >= threshold}
    cleaned = []
    for lines in pages:
        kept = []
        for index, line in enumerate(lines):
            at_edge = index < _EDGE_LINES or index >= len(lines) - _EDGE_LINES
            if at_edge and (_PAGE_NUMBER.match(line) or key(line) in repeated):
                continue
            kept.append(line)
        cleaned.append(kept)
    return cleaned


def _is_entry_start(line: str) -> bool:
    return bool(_ENTRY_START.match(line)) and bool(_ENTRY_YEAR.search(line[:220]))


def _join(previous: str, line: str) -> str:
    if _HYPHEN_END.search(previous) and line[:1].islower():
        return previous[:-1] + line
    if previous.endswith("\u00ad"):
        return previous[:-1] + line
    return previous + " " + line


def read_pdf(path: str | Path) -> Document:
    """Read a PDF's text layer into a Document. Raises InputError for scans, encryption, damage."""
    p = require_file(path)
    check_file_size(p)
    try:
        with p.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    if b"%PDF-" not in head:
        actual = describe_content(head)
        raise InputError(f"{p}: not a PDF{f': the file looks like {actual}' if actual else ''}; check its extension")
    _quiet_pypdf()
    pages = _page_lines(p)
    chars = sum(len("".join(line.split())) for lines in pages for line in lines)
    if chars < MIN_CHARS_PER_PAGE * max(len(pages), 1):
        raise InputError(
            f"{p}: the PDF has no text layer ({len(pages)} page(s), {chars} characters): "
            "a scan? run OCR first (e.g. ocrmypdf) and check the result"
        )
    pages = _drop_running_lines(pages)
    lengths = sorted(len(line.strip()) for lines in pages for line in lines if line.strip())
    full_width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    builder = LineBuilder()
    paragraph, where = "", ""
    last_length = 0
    in_references = False

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            builder.paragraph(paragraph, where)
        paragraph = ""

    for number, lines in enumerate(pages, 1):
        for raw in lines:
            line = " ".join(raw.split())
            if not line:
                flush()
                continue
            words = heading_words(line) if len(line) < 60 else ""
            if words in _REFERENCE_HEADINGS or (in_references and words in _END_HEADINGS):
                flush()
                in_references = words in _REFERENCE_HEADINGS
                builder.paragraph(f"# {line}", f"page {number}")
                continue
            if paragraph:
                hyphenated = bool(_HYPHEN_END.search(paragraph)) and line[:1].islower()
                if in_references:
                    continued = not _is_entry_start(line)
                else:
                    continued = (
                        last_length >= FULL_LINE_RATIO * full_width
                        or line[:1].islower()
                        or paragraph.count("(") > paragraph.count(")")  # "(Paul," / "2019)" split by a wrap
                    )
                if hyphenated or continued:
                    paragraph = _join(paragraph, line)
                    last_length = len(line)
                    continue
                flush()
            paragraph, where, last_length = line, f"page {number}", len(line)
    flush()
    return builder.document(p, "utf-8")
