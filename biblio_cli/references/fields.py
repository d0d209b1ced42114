"""What the stages of the parser fill in, and the cheap test that spares them a pattern."""

from __future__ import annotations

from dataclasses import dataclass, field

from biblio_cli.model import Person


@dataclass
class Fields:
    """Mutable scratch record filled stage by stage, frozen into a Reference at the end."""

    authors: tuple[Person, ...] = ()
    year: int | None = None
    suffix: str = ""
    label: str = ""
    title: str = ""
    container: str = ""
    editors: tuple[Person, ...] = ()
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    raw_doi: str = ""
    url: str = ""
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    type: str = ""
    problems: list[str] = field(default_factory=list)
    lone_range: bool = False  # the pages were a range alone after the journal, without label or volume


#: The only non-ASCII characters that re.IGNORECASE matches with an ASCII letter
#: (found by trying every code point against [a-z]): folded before the substring tests below.
_ASCII_CASE_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """Lowercase `text` as re.IGNORECASE sees ASCII letters, for the `may_hold` tests."""
    # four substring tests, not a character-class search: 'in' rejects a twin wider than the text's characters
    # at once (accented Latin text), and scans far faster than the regex otherwise
    if not text.isascii() and ("ı" in text or "İ" in text or "ſ" in text or "\u212a" in text):
        text = text.translate(_ASCII_CASE_TWINS)
    return text.lower()


def may_hold(folded: str, *words: str) -> bool:
    """False only if no case-insensitive pattern needing one of the lowercase `words` can match.

    A cheap test run before the identifier patterns, which most entries do not hold: re.IGNORECASE
    matches an ASCII letter only with its other case or one of _ASCII_CASE_TWINS, so in the
    `fold_case` text a missing word rules the pattern out (accented text included).
    """
    for word in words:  # noqa: SIM110 (a plain loop: twice as fast as any() over a generator; runs per entry)
        if word in folded:
            return True
    return False
