"""Find the reference section of a document and split it into raw entries.

Converted text is messy: headings may be Markdown, bold or plain lines; entries may be
bulleted or not; a DOI or URL can sit alone on its own line after a blank line; lists may
be grouped under sub-headings ("Ouvrages", "Articles de revues"). This module copes with
that and hands clean `RawEntry` values to the reference parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from biblio_cli.markup import clean_line
from biblio_cli.normalize import fold

#: Headings that open a reference list, folded (accents and case removed).
REFERENCE_HEADINGS: tuple[str, ...] = (
    "references",
    "reference list",
    "list of references",
    "bibliography",
    "selected bibliography",
    "works cited",
    "literature cited",
    "cited literature",
    "cited works",
    "sources",
    "bibliographie",
    "references bibliographiques",
    "bibliographie selective",
    "bibliographie indicative",
    "liste des references",
    "ouvrages cites",
    "literatur",
    "literaturverzeichnis",
    "quellen",
    "quellenverzeichnis",
    "bibliografia",
    "referencias",
    "referencias bibliograficas",
    "obras citadas",
    "riferimenti bibliografici",
    "bibliografie",
    "literatuur",
    "referenties",
)
#: Headings that end a reference list written without Markdown heading levels.
END_HEADINGS: tuple[str, ...] = (
    "appendix",
    "appendices",
    "annexe",
    "annexes",
    "anhang",
    "notes",
    "acknowledgements",
    "acknowledgments",
    "remerciements",
    "table des matieres",
    "contents",
    "index",
    "about the author",
    "about the authors",
    "author biography",
)
_REFERENCE_HEADING_SET = frozenset(REFERENCE_HEADINGS)
_END_HEADING_SET = frozenset(END_HEADINGS)

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")
_TOC_LINE = re.compile(r"(\.{4,}|…{2,}|\t\s*\d+\s*$|\s\d+\s*$)")
_NUMBERING = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*|[IVXLC]+|[A-Z])\s*[.)\-–:]?\s+")
_BULLET = re.compile(r"^\s*(?:[-*+•▪◦‣–—]|\d{1,4}[.)]|\[\d{1,4}\])\s+")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_URL_ONLY = re.compile(r"^\s*(?:<[^>]+>\s*)*(?:https?://|www\.|doi:|DOI:|10\.\d{4,9}/|\[?https?://)", re.IGNORECASE)
_FOOTNOTE_DEF = re.compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\w+)\]:)\s*(.*)$")
#: A year as a reference list writes it: (2019), (2019a), (n.d.), 2019. after the authors.
_ENTRY_YEAR = re.compile(
    r"\(\s*(?:1[5-9]\d\d|20\d\d)[a-z]?\s*[,)]|\(\s*(?:n\.\s?d\.|s\.\s?d\.|sans date|in press|sous presse|forthcoming)\s*\)"
    r"|[,.]\s(?:1[5-9]\d\d|20\d\d)[a-z]?[.,:]",
    re.IGNORECASE,
)
#: How far into a line the year of a new entry may be: consortium papers list hundreds of authors first.
_ENTRY_YEAR_REACH = 5000
#: Any year, for a line after a blank line: 'Jakobson, Roman 1960.', '(December 1998)', '[1994]'.
#: 'Leenaarts J2017 A&A': a year glued to the last initial counts too.
_ANY_YEAR = re.compile(r"(?:(?<![\w/\-])|(?<=\s[A-Z]))(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\w/\-])")
#: A group author opening with a number (never a year): '1000 Genomes Project Consortium'.
_NUMBERED_GROUP = re.compile(r"^(?!(?:1[5-9]\d\d|20\d\d)\b)\d+[^\W\d_]*\s+(?=[A-Z])")
#: Lowercase words that may sit among the names before the year.
_NAME_WORDS = frozenset(
    {"and", "et", "und", "y", "e", "&", "al", "ed", "eds", "of", "the", "for"}
    | {"de", "du", "des", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "ten", "ter", "dos"}
)
_STARTS_LIKE_NAME = re.compile(r"^\s*(?:[*_]{1,2})?(?:(?:de|van|von|du|des|da|di|le|la|d')\s?)?[^\W\d_]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Heading:
    line: int  # 1-based
    text: str
    level: int  # 1-6 for Markdown, 7 for a bold line, 8 for a plain line


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One reference as written: its joined text (italics kept as *...*) and its line span."""

    line: int
    end_line: int
    text: str  # cleaned, italics kept, joined on one line
    original: str  # the lines as written, joined with newlines
    group: str = ""


@dataclass(frozen=True, slots=True)
class ReferenceSection:
    heading: Heading
    start: int  # first line after the heading (1-based)
    end: int  # last line of the section (1-based, inclusive)


def heading_words(text: str) -> str:
    """The folded words of a heading, numbering and markup removed: '## 5. **Références**' -> 'references'."""
    text = clean_line(text)
    text = _NUMBERING.sub("", text)
    return fold(text.rstrip(":").strip())


def parse_heading(lines: tuple[str, ...], index: int) -> Heading | None:
    """Return the heading at `lines[index]` (0-based), if the line is one."""
    line = lines[index]
    if not line.strip():
        return None
    heading = _heading_shape(lines, index)
    # A table-of-contents line ('References ..... 12') is no heading; cleaning the line is the
    # costly part, so it is only done for lines shaped like a heading.
    if heading is None or _TOC_LINE.search(clean_line(line)):
        return None
    return heading


def _heading_shape(lines: tuple[str, ...], index: int) -> Heading | None:
    line = lines[index]
    m = _MD_HEADING.match(line)
    if m:
        return Heading(index + 1, m.group(2).strip(), len(m.group(1)))
    if index + 1 < len(lines) and _SETEXT.match(lines[index + 1]) and len(line.strip()) < 80:
        underline = lines[index + 1].strip()
        if len(underline) >= 3 and not _BULLET.match(line):
            return Heading(index + 1, line.strip(), 1 if underline[0] == "=" else 2)
    m = _BOLD_LINE.match(line)
    if m and len(m.group(2)) < 80:
        return Heading(index + 1, m.group(2).strip(), 7)
    return None


def _is_reference_heading(words: str) -> bool:
    if words in _REFERENCE_HEADING_SET:
        return True
    # "Bibliographie sélective", "References cited in the text": a known first word, a short heading.
    parts = words.split()
    return 0 < len(parts) <= 4 and parts[0] in {"references", "bibliography", "bibliographie", "bibliografia"}


def find_reference_section(lines: tuple[str, ...]) -> ReferenceSection | None:
    """Locate the last reference-list heading and the span it governs."""
    found: Heading | None = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > 120:
            continue
        heading = parse_heading(lines, index)
        if heading is None:
            # A plain line that is nothing but a known heading ("REFERENCES", "5. Bibliographie :").
            if _TOC_LINE.search(stripped):
                continue
            words = heading_words(stripped)
            if words in _REFERENCE_HEADING_SET:
                heading = Heading(index + 1, stripped, 8)
        if heading is not None and _is_reference_heading(heading_words(heading.text)):
            found = heading
    if found is None:
        return None
    return ReferenceSection(found, found.line + 1, _section_end(lines, found))


def _section_end(lines: tuple[str, ...], heading: Heading) -> int:
    for index in range(heading.line, len(lines)):
        sub = parse_heading(lines, index)
        if sub is not None and heading.level <= 6 and sub.level <= heading.level:
            return index
        words = heading_words(lines[index]) if len(lines[index]) < 60 else ""
        if words in _END_HEADING_SET and (sub is not None or lines[index].strip()):
            return index
    return len(lines)


def _is_entry_start(clean: str) -> bool:
    """Does a cleaned line look like the beginning of a reference (names, then a year)?"""
    if _URL_ONLY.match(clean) or not _STARTS_LIKE_NAME.match(clean):
        return False
    return _ENTRY_YEAR.search(clean, 0, _ENTRY_YEAR_REACH) is not None


def _is_entry_start_after_blank(clean: str) -> bool:
    """After a blank line, a year in any shape will do when only names come before it.

    'Jakobson, Roman 1960.', 'Castree, N. 2000:', 'Davidson, Lloyd A. (December 1998)': the year
    has no comma or full stop before it. What precedes it must be names (capitalised words,
    initials, particles, 'and'), so a wrapped 'Retrieved from ... 2019' still continues its entry.
    """
    if _is_entry_start(clean):
        return True
    group = _NUMBERED_GROUP.match(clean)  # '1000 Genomes Project Consortium', '14CHRONO Centre'
    if _URL_ONLY.match(clean) or not (group or _STARTS_LIKE_NAME.match(clean)):
        return False
    year = _ANY_YEAR.search(clean, group.end() if group else 0, _ENTRY_YEAR_REACH)
    if year is None:
        return False
    for word in clean[group.end() if group else 0 : year.start()].split():
        bare = word.strip(",;:.()[]\"'“”*_")
        if any(ch.isdigit() for ch in bare):
            return False
        if bare and not bare[0].isupper() and bare.lower() not in _NAME_WORDS and bare[:2] not in ("d'", "l'"):
            return False
    return True


#: A name written initials first and closed by a full stop or comma: 'G. Patnaik.', 'J.-P. Sartre,'.
_INITIALS_FIRST_NAME = re.compile(r"^(?:[A-Z]\.[\s\-]?){1,3}\s?[A-Z][^\W\d_]*[a-z][.,]\s")


def _starts_entry_after_blank(clean: str, current: list[tuple[int, str, str]]) -> bool:
    """After a blank line: `_is_entry_start_after_blank`, or a dated entry written initials first.

    'G. Patnaik. Personal communication, September 1995.' has no year where a list puts it, but
    after a blank line, below an entry that already has its year, with a year of its own, a line
    opening with 'G. Patnaik.' is the next entry. (An entry wrapped over a blank line has its year
    in one part only, so its parts stay together.)
    """
    if _is_entry_start_after_blank(clean):
        return True
    if not _INITIALS_FIRST_NAME.match(clean) or _ANY_YEAR.search(clean, 0, _ENTRY_YEAR_REACH) is None:
        return False
    return any(_ANY_YEAR.search(text) for _, text, _ in current)


def _looks_like_group_heading(clean: str) -> bool:
    words = clean.split()
    return (
        0 < len(words) <= 6
        and not any(ch.isdigit() for ch in clean)
        and not clean.endswith((".", ",", ";"))
        and not _URL_ONLY.match(clean)
        and clean[:1].isupper()
    )


_LINK_START = re.compile(r"https?://|10\.\d{4,9}/")


def _ends_in_broken_link(text: str) -> bool:
    r"""Does `text` end with a URL or DOI cut at '/', '-', '.' or '_'?

    Same answer as re.search(r"(?:https?://|10\.\d{4,9}/)\S*[/\-._]$", text) for text without a
    trailing newline, in linear time: the link start must sit in the last run of non-spaces.
    """
    if not text or text[-1] not in "/-._":
        return False
    last_word = text.rsplit(None, 1)[-1]
    return _LINK_START.search(last_word, 0, len(last_word) - 1) is not None  # the cut comes after it


def _join(previous: str, addition: str) -> str:
    """Join a wrapped line: URLs and DOIs broken at '/', '-', '.', '_' are glued without a space."""
    if not previous:
        return addition
    if _ends_in_broken_link(previous) and not addition.startswith(("http", "<")):
        return previous + addition
    if previous.endswith("-") and not previous.endswith(" -") and addition[:1].islower():
        return previous[:-1] + addition  # hyphenation from PDF line breaks
    return previous + " " + addition


def split_entries(lines: tuple[str, ...], section: ReferenceSection) -> list[RawEntry]:
    """Split the section's lines into entries, attaching wrapped URLs/DOIs to the entry above."""
    entries: list[RawEntry] = []
    current: list[tuple[int, str, str]] = []  # (line, clean, original)
    group = ""
    blank_before = True

    def flush() -> None:
        if current:
            text = ""
            for _, clean, _ in current:
                text = _join(text, clean)
            original = "\n".join(orig for _, _, orig in current)
            entries.append(RawEntry(current[0][0], current[-1][0], text, original, group))
            current.clear()

    for index in range(section.start - 1, section.end):
        raw = lines[index]
        if not raw.strip() or (_SETEXT.match(raw) and not current):
            blank_before = True
            continue
        heading = parse_heading(lines, index)
        bullet = _BULLET.match(raw)
        body = raw[bullet.end() :] if bullet else raw
        clean = clean_line(body, keep_italics=True)
        if not clean:
            continue
        if heading is not None and not _is_entry_start(clean_line(heading.text)):
            flush()
            group = clean_line(heading.text)
            blank_before = True
            continue
        if not bullet and blank_before and not _is_entry_start(clean) and _looks_like_group_heading(clean):
            flush()
            group = clean
            continue
        continuation = bool(current) and (
            _URL_ONLY.match(clean) is not None
            or (
                not bullet
                and not (_starts_entry_after_blank(clean, current) if blank_before else _is_entry_start(clean))
            )
        )
        if continuation:
            current.append((index + 1, clean, raw.strip()))
        else:
            flush()
            current.append((index + 1, clean, body.strip()))
        blank_before = False
    flush()
    return entries


@dataclass(frozen=True, slots=True)
class FootnoteEntry:
    label: str
    entry: RawEntry


def find_footnote_references(lines: tuple[str, ...], skip: range) -> list[FootnoteEntry]:
    """Footnotes whose text is a full reference ('<sup>10</sup> Poirier, J. (2002). ...')."""
    found = []
    for index, line in enumerate(lines):
        if index + 1 in skip:
            continue
        m = _FOOTNOTE_DEF.match(line)
        if not m:
            continue
        body = clean_line(m.group(3), keep_italics=True)
        if _is_entry_start(body) and re.match(r"^[^\W\d_][\w'\- ]*,?\s+(?:[A-Z][a-z]?\.)", body):
            label = m.group(1) or m.group(2)
            found.append(FootnoteEntry(label, RawEntry(index + 1, index + 1, body, m.group(3).strip(), "")))
    return found
