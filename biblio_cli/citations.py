"""Find author-year citations in body text, in English and French forms.

Three shapes are recognised, in this order so that none is counted twice:
parenthetical "(Ravon & Ion, 2012 ; Jaeger, 2020)", narrative "Sorin (2020 : 46)",
and bare "Bouchard et Ducharme, 2000" outside parentheses. Dates, page numbers,
times ("9h30") and year ranges ("2023-2027") never form a citation because every
form needs a capitalised name directly attached to a year.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from biblio_cli.markup import clean_line
from biblio_cli.model import Citation
from biblio_cli.normalize import canonical_year_label, name_key


def _letter_class(predicate: str) -> str:
    chars = [chr(c) for c in range(0x41, 0x250) if getattr(chr(c), predicate)()]
    return "".join(re.escape(c) for c in chars)


_UPPER = _letter_class("isupper")
_LETTER = _letter_class("isalpha")
_PARTICLE = r"(?:(?:de|du|des|van|von|der|den|da|di|del|della|dos|ten|ter|la|le)\s+|d'|l'|O')"
#: One name: 'Sorin', 'Saba Ayon', 'Le Chêne', 'Delory-Momberger', "d'Alembert", 'ANCT', 'de Gaulejac'.
_NAME = (
    rf"(?:{_PARTICLE})*[{_UPPER}][{_LETTER}'\-]*[{_LETTER}]"
    rf"(?:[\s\-](?:{_PARTICLE})*[{_UPPER}][{_LETTER}'\-]*[{_LETTER}]){{0,2}}"
)
_CONNECTOR = r"(?:\s*,\s*(?:&|et|and|und|y)?\s*|\s+(?:&|et|and|und|y|e)\s+)"
_ETAL_FORMS = r",?\s+(?:et\s+al\.?|&\s*al\.?|et\s+coll\.?|and\s+colleagues|u\.\s*a\.|et\s+alii)"
_ETAL = rf"(?P<etal>{_ETAL_FORMS})"
_YEAR = (
    r"(?:(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\d\-–/]|\s*[-–]\s*\d)"
    r"|n\.\s?d\.|s\.\s?d\.|in press|sous presse|forthcoming|à paraître|im Druck)"
)
_YEARS = rf"(?P<years>{_YEAR}(?:\s*,\s*(?:{_YEAR}|[a-z](?![\w.])))*)"
_FOOTNOTE = r"(?P<fn>\[\^\w+\])?"
_LOCATOR = (
    r"(?P<loc>(?:\s*,\s*|\s*:\s*|\s+)(?:(?:pp?\.|p\.p\.|chap\.|ch\.|§|para\.|fig\.|t\.|vol\.|S\.|note|n\.)\s*)?"
    r"[\dIVXLCivxlc]+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|et|and)\s*\d+(?:\s*[-–]\s*\d+)?)*"
    r"(?:\s*(?:sq|sqq|ff?|et suiv)\.?)?)?"
)
_AUTHORS = rf"(?P<authors>{_NAME}(?:{_CONNECTOR}{_NAME})*?)"
#: Words that may open a citation part and are not names: "voir", "see", "cf.".
_PREFIX = re.compile(
    r"\s*(?:voir(?:\s+aussi|\s+notamment)?|see(?:\s+also)?|cf\.?|e\.\s?g\.,?|i\.\s?e\.,?|notamment|par exemple|"
    r"for example|also|aussi|in|dans|d'après|selon|according to|après|compare|comparer avec)\s+",
    re.IGNORECASE,
)
_PAREN_PART = re.compile(rf"^{_AUTHORS}{_ETAL}?\s*,?\s*{_YEARS}{_FOOTNOTE}{_LOCATOR}")
_NARRATIVE = re.compile(
    rf"(?<![{_LETTER}\-])(?P<authors>{_NAME}(?:{_CONNECTOR}{_NAME})*?){_ETAL}?(?:'s|’s)?\s*"
    rf"\(\s*{_YEARS}{_FOOTNOTE}{_LOCATOR}\s*\)"
)
_BARE_LINKED = re.compile(
    rf"(?<![{_LETTER}\-])(?P<authors>{_NAME}(?:{_CONNECTOR}{_NAME})+?|{_NAME}(?={_ETAL_FORMS})){_ETAL}?"
    rf"\s*,?\s+(?P<years>{_YEAR}){_FOOTNOTE}"
)
_BARE_SINGLE = re.compile(rf"(?<![{_LETTER}\-])(?P<authors>{_NAME}),\s+(?P<years>{_YEAR}){_FOOTNOTE}(?![\w])")
_MAY_CITE = re.compile(r"\d{4}|n\.\s?d\.|s\.\s?d\.|press|paraître|forthcoming|Druck", re.IGNORECASE)
_PARENS = re.compile(r"\(([^()]{3,600})\)")
_SPLIT_NAMES = re.compile(rf"{_CONNECTOR}")
_LEADING_NONNAME = frozenset(
    [
        "Voir",
        "See",
        "Selon",
        "Comme",
        "Chez",
        "Pour",
        "Dans",
        "Avec",
        "Selon",
        "Cf",
        "Depuis",
        "According",
        "As",
        "In",
        "For",
        "With",
        "Following",
        "After",
        "Ainsi",
        "Alors",
        "Mais",
        "Or",
        "Et",
        "Car",
        "Donc",
        "Puis",
        "Puisque",
        "Si",
        "Quand",
        "Lorsque",
        "Enfin",
        "Aussi",
        "Also",
        "And",
        "But",
        "The",
        "This",
        "These",
        "Le",
        "La",
        "Les",
        "Un",
        "Une",
        "Des",
        "Cette",
        "Ces",
        "Ce",
        "Cet",
    ]
)


@dataclass(frozen=True, slots=True)
class Span:
    """A citation's text as found in one paragraph, with its offset."""

    start: int
    end: int


def _paragraphs(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Join consecutive non-blank lines into paragraphs, remembering where each line starts."""
    text_parts: list[str] = []
    offsets: list[tuple[int, int]] = []  # (offset in paragraph, line number)
    length = 0
    for number, line in lines:
        clean = clean_line(line)
        if not clean:
            if text_parts:
                yield " ".join(text_parts), offsets
                text_parts, offsets, length = [], [], 0
            continue
        offsets.append((length, number))
        text_parts.append(clean)
        length += len(clean) + 1
    if text_parts:
        yield " ".join(text_parts), offsets


def _line_at(offsets: list[tuple[int, int]], position: int) -> int:
    line = offsets[0][1]
    for start, number in offsets:
        if start > position:
            break
        line = number
    return line


def _split_authors(authors: str) -> tuple[str, ...]:
    names = [n.strip() for n in _SPLIT_NAMES.split(authors) if n and n.strip()]
    return tuple(names)


def _trim_leading_words(name: str) -> str:
    """'Selon Sorin' -> 'Sorin': drop sentence words a narrative match drags in."""
    words = name.split()
    while len(words) > 1 and words[0] in _LEADING_NONNAME:
        words = words[1:]
    return " ".join(words)


def _expand_years(years: str) -> list[tuple[int | None, str, str]]:
    """'2001a, b' -> [(2001,'a',''), (2001,'b','')]; 's. d.' -> [(None,'','n.d.')]."""
    result: list[tuple[int | None, str, str]] = []
    for token in re.split(r"\s*,\s*", years.strip()):
        m = re.fullmatch(r"(\d{4})([a-z]?)", token)
        if m:
            result.append((int(m.group(1)), m.group(2), ""))
        elif re.fullmatch(r"[a-z]", token) and result and result[-1][0] is not None:
            result.append((result[-1][0], token, ""))
        elif token:
            result.append((None, "", canonical_year_label(token)))
    return result


def _make(
    match: re.Match[str],
    offset: int,
    paragraph_offsets: list[tuple[int, int]],
    narrative: bool,
    counter: list[int],
    text: str,
) -> list[Citation]:
    groups = match.groupdict()
    authors = list(_split_authors(groups["authors"]))
    if narrative and authors:
        authors[0] = _trim_leading_words(authors[0])
    etal = (groups.get("etal") or "").strip(" ,")
    footnote = (groups.get("fn") or "").strip("[^]")
    locator = (groups.get("loc") or "").strip(" ,:")
    line = _line_at(paragraph_offsets, offset + match.start())
    citations = []
    for year, suffix, label in _expand_years(groups["years"]):
        counter[0] += 1
        citations.append(
            Citation(
                id=f"c{counter[0]}",
                line=line,
                text=text.strip(),
                authors=tuple(authors),
                year=year,
                year_suffix=suffix,
                year_label=label,
                et_al=bool(etal),
                et_al_form=re.sub(r"\s+", " ", etal),
                locator=locator,
                narrative=narrative,
                footnote=footnote,
                column=offset + match.start(),
            )
        )
    return citations


def find_citations(
    lines: Iterable[tuple[int, str]], known_families: frozenset[str] = frozenset(), start_id: int = 0
) -> list[Citation]:
    """All citations in the given (line number, raw line) pairs, in reading order.

    `known_families` (name keys of listed authors) enables the riskiest form, a bare
    "Name, 2019" outside parentheses, only for names the reference list actually has.
    """
    found: list[Citation] = []
    counter = [start_id]
    for paragraph, offsets in _paragraphs(lines):
        if not _MAY_CITE.search(paragraph):
            continue  # cheap filter: no year-like token, no citation
        taken: list[Span] = []
        per_paragraph: list[Citation] = []
        for paren in _PARENS.finditer(paragraph):
            inner_start = paren.start(1)
            position = 0
            for part in re.split(r"(;)", paren.group(1)):
                if part == ";":
                    position += 1
                    continue
                skip = len(part) - len(part.lstrip())
                prefix = _PREFIX.match(part, skip)
                skip = prefix.end() if prefix else skip
                m = _PAREN_PART.match(part[skip:])
                if m:
                    start = inner_start + position + skip
                    per_paragraph.extend(_make(m, start, offsets, False, counter, m.group(0)))
                    taken.append(Span(paren.start(), paren.end()))
                position += len(part)
        for m in _NARRATIVE.finditer(paragraph):
            if any(s.start <= m.start() < s.end for s in taken):
                continue
            per_paragraph.extend(_make(m, 0, offsets, True, counter, m.group(0)))
            taken.append(Span(m.start(), m.end()))
        for pattern in (_BARE_LINKED, _BARE_SINGLE):
            for m in pattern.finditer(paragraph):
                if any(s.start <= m.start() < s.end or m.start() <= s.start < m.end() for s in taken):
                    continue
                if pattern is _BARE_SINGLE and name_key(m.group("authors")) not in known_families:
                    continue
                per_paragraph.extend(_make(m, 0, offsets, True, counter, m.group(0)))
                taken.append(Span(m.start(), m.end()))
        per_paragraph.sort(key=lambda c: c.column)
        found.extend(per_paragraph)
    return found


if __name__ == "__main__":  # pragma: no cover - a debugging aid: python -m biblio_cli.citations FILE
    with open(sys.argv[1], encoding="utf-8") as handle:
        for citation in find_citations(enumerate(handle.read().splitlines(), 1)):
            print(citation.line, citation.label(), repr(citation.text))
