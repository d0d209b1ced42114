"""Find the year that anchors an entry: the names come before it, the work after it."""

from __future__ import annotations

import re

from biblio_cli.names import names_prefix
from biblio_cli.normalize import canonical_year_label
from biblio_cli.references.fields import Fields
from biblio_cli.references.vocabulary import LETTERS, TITLE_END

_YEAR_IN_PARENS = re.compile(
    r"\(\s*(?:[A-Z][a-zé]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?"  # '(December 1998)', '(May 3, 2001)'
    r"(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)(?<!0s)(?:\s*[-/]\s*\d{2,4})?(?:\s*\[[^\]]{1,12}\])?(?:\s*,\s*[^)]{0,40})?\s*\)"
    r"|\(\s*(?P<label>n\.\s?d\.|s\.\s?d\.|sans date|o\.\s?j\.|in press|sous presse|forthcoming|à paraître|im druck)\s*\)",
    re.IGNORECASE,
)
_YEAR_BARE = re.compile(
    r"(?:(?<=[.,])|(?<=[.,]\s)|(?<=\s))"
    # '[1752] 1955.': the original year in brackets before the edition's; the first written is cited
    r"(?:\[(?=(?:1[5-9]\d\d|20\d\d)\]\s*(?:1[5-9]\d\d|20\d\d)[.,;:]))?"
    r"(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)(?<!0s)"  # '1850s' is a decade, not a year
    # '2001[1953].' (a reprint and its original year), or the close of '[1752] 1955.'
    r"(?:\s*\[(?:1[5-9]\d\d|20\d\d)\]|\]\s*(?:1[5-9]\d\d|20\d\d))?(?=[.,;:]|\s*$)"
    # 'n.d.', 'N.d.', but not the capital initials in 'White, S. D. M.' or 'Booth, S.D.J.'
    r"|(?<=[.,]\s)(?P<label>(?-i:[ns]\.\s?[dD]|[NS]\.\s?d)\.|in press|sous presse|forthcoming)",
    re.IGNORECASE,
)
#: How far into an entry the year may be: consortium papers list hundreds of authors before it.
_YEAR_REACH = 5000
#: A year with no punctuation after it, when no other will do: 'Kenyon, Thomas 1983 Nineteenth ...', '[1994].'
_YEAR_LOOSE = re.compile(
    # 'Leenaarts J2017 A&A': a year glued to the last initial
    r"(?:(?<=\s)|(?<=\s[A-Z]))\[?(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)(?<!0s)"
    # or before a bare volume and page range: 'Title 2004 3315 841--850 Springer'
    r"(?:\]|(?=\s+[\[*\"“«'A-ZÀ-Þ(]|\s+\d{1,5}\s+\d{1,5}\s*[-–]{1,2}\s*\d))(?P<label>)"
)
#: A year glued to the word before it that closes the entry: 'Springer1998'.
_YEAR_GLUED_CLOSING = re.compile(r"(?<=[a-z])(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>)(?P<label>)\.?$")


def _find_year(text: str) -> re.Match[str] | None:
    """The year that separates authors from the work: parenthesised first, else bare, else loose."""
    m = _YEAR_IN_PARENS.search(text)
    if m and m.start() < _YEAR_REACH:
        return m
    bare = _YEAR_BARE.search(text)
    if bare and bare.start() < _YEAR_REACH:
        return bare
    loose = _YEAR_LOOSE.search(text, 0, _YEAR_REACH + 10)
    if loose is None and m is None and text[-1:] in "0123456789.":
        # 'Singularity Theory I, Springer1998': text extraction glued the closing year to the publisher
        return _YEAR_GLUED_CLOSING.search(text, max(0, len(text) - 8))
    return loose if loose and m is None else m


#: A year that closes the entry, after its imprint: 'New York: The Macmillan Company, 1967.'
_YEAR_CLOSING = re.compile(r"(?<=[\s,])(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>)(?P<label>)\.?\s*$")


def _closing_year(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """The year closing `text` when the year `m` found first is a number in the title, or None:
    'Kahn, Herman and Anthony J. Wiener. The Year 2000. New York: The Macmillan Company, 1967.' (Chicago, MLA).

    The first year follows a word of the title, not the names' stop or comma ('Smith, J. 2000. Title'):
    the names, then a word, come before it.
    """
    start = m.start()
    if start < 2 or text[start - 1] not in " (" or not text[start - 2].isalpha() or m.end() + 12 > len(text):
        return None
    closing = _YEAR_CLOSING.search(text, len(text) - 7)
    if closing is None or closing.start() <= m.end():
        return None
    names = names_prefix(text[:start])
    return closing if names and LETTERS.search(text, len(names), start) else None


def take_year(text: str, f: Fields) -> tuple[str, str]:
    """Split the entry at its year; returns (author block, rest)."""
    m = _find_year(text)
    if m is None:
        f.problems.append("no year")
        cut = TITLE_END.search(text)
        if cut:
            return text[: cut.start()], text[cut.end() :]
        return "", text
    year, start = m.group("year"), m.start()
    if year and start >= 2 and text[start - 2].isalpha():  # a word, then the year: maybe a number in the title
        closing = _closing_year(text, m)
        if closing:
            m, year, start = closing, closing.group("year"), closing.start()
    if year:
        f.year = int(year)
        f.suffix = (m.group("suffix") or "").lower()
    else:
        f.label = canonical_year_label(m.group("label"))
    return text[:start], text[m.end() :]
