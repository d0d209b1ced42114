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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate

from biblio_cli.markup import clean_line
from biblio_cli.model import Citation
from biblio_cli.normalize import canonical_year_label, name_key


def _letter_class(predicate: str) -> str:
    """The characters of Latin scripts that satisfy `predicate`, as ranges for a [...] class.

    Ranges ('A-Z') rather than single characters: the same set, compiled several times faster.
    """
    codes = [c for c in range(0x41, 0x250) if getattr(chr(c), predicate)()]
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


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
        # Sentence openers that a narrative match drags in: 'Indeed, Papp and Müller (2006)'.
        "Indeed",
        "However",
        "Thus",
        "Hence",
        "Here",
        "Moreover",
        "Furthermore",
        "Similarly",
        "Likewise",
        "Recently",
        "Previously",
        "Notably",
        "Interestingly",
        "Importantly",
        "Consistently",
        "Accordingly",
        "Additionally",
        "Finally",
        "First",
        "Second",
        "Third",
        "Next",
        "Nevertheless",
        "Nonetheless",
        "Therefore",
        "Specifically",
        "Surprisingly",
        "Alternatively",
        "Conversely",
        "Instead",
        "Meanwhile",
        "Together",
        "Overall",
        "Briefly",
        "Cependant",
        "Toutefois",
        "Néanmoins",
        "Pourtant",
        "Ensuite",
        "Aujourd'hui",
        "Récemment",
        "Également",
        "Notamment",
        "Par",
        "Dabei",
        "Jedoch",
        "Auch",
    ]
)
#: A group author's first word that the name pattern cannot take: '1000 Genomes Project Consortium', 'R Core Team'.
#: ('Human Microbiome Project Consortium' has more words than a name may.) Used only for listed groups.
_GROUP_WORD = rf"(?!(?:1[5-9]\d\d|20\d\d)\b)(?:\d{{1,4}}|[{_UPPER}][{_LETTER}'\-]*)"
_GROUP_LEAD_AT = re.compile(rf"{_GROUP_WORD}\s+(?=[{_UPPER}])")
_GROUP_LEAD = re.compile(rf"(?<![\w.\-]){_GROUP_WORD}\s+$")


#: An abbreviation being defined before a citation: '(AIC, Akaike, 1973)'.
_ACRONYM = re.compile(rf"[{_UPPER}]{{2,8}}")
_ACRONYM_LEAD = re.compile(rf"[{_UPPER}]{{2,8}}\s*,\s*")
#: The comma before the year of a group author written with commas.
_COMMA_YEAR = re.compile(rf",\s*(?={_YEAR})")
_GROUP_TAIL = re.compile(rf"\s*,\s*{_YEARS}{_FOOTNOTE}{_LOCATOR}")
#: Lowercase words a group author's name may hold: 'Department of Economic and Social Affairs'.
_GROUP_SMALL_WORDS = frozenset(
    {"of", "and", "for", "the", "on", "in", "de", "des", "du", "et", "la", "le", "für", "und", "y", "del", "di"}
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
    """The line holding `position`: the last line starting at or before it (else the first line)."""
    i = bisect_right(offsets, position, key=lambda offset: offset[0])
    return offsets[i - 1][1] if i else offsets[0][1]


class _SpanIndex:
    """Spans (non-empty) sorted by start, with the furthest end reached so far: overlap tests in log time."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.reach = list(accumulate((s.end for s in ordered), max))

    def covers(self, position: int) -> bool:
        """Does a span hold `position` (start <= position < end)?"""
        i = bisect_right(self.starts, position)
        return i > 0 and self.reach[i - 1] > position

    def overlaps(self, start: int, end: int) -> bool:
        """Does a span share a character with [start, end)?"""
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


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


def _with_group_lead(before: str, first: str, known: frozenset[str]) -> str:
    """'Core Team' after 'R ' -> 'R Core Team' when the reference list has that group author."""
    lead = _GROUP_LEAD.search(before) if known else None
    if lead is not None and name_key(lead.group(0) + first) in known:
        return lead.group(0) + first
    return first


def _make(
    groups: Mapping[str, str | None],
    column: int,
    paragraph_offsets: list[tuple[int, int]],
    narrative: bool,
    counter: list[int],
    text: str,
    before: str = "",
    known: frozenset[str] = frozenset(),
) -> list[Citation]:
    """Citations of one match (its groups, where it starts in the paragraph).

    `before` is the text before it, `known` the listed authors' name keys.
    """
    authors = list(_split_authors(groups["authors"] or ""))
    if narrative and len(authors) > 1 and authors[0] in _LEADING_NONNAME:
        del authors[0]  # 'Indeed, Papp and Müller (2006)': a sentence word, then the names
    if narrative and authors:
        authors[0] = _trim_leading_words(authors[0])
    if authors:
        authors[0] = _with_group_lead(before, authors[0], known)
    etal = (groups.get("etal") or "").strip(" ,")
    footnote = (groups.get("fn") or "").strip("[^]")
    locator = (groups.get("loc") or "").strip(" ,:")
    line = _line_at(paragraph_offsets, column)
    citations = []
    for year, suffix, label in _expand_years(groups["years"] or ""):
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
                column=column,
            )
        )
    return citations


def _acronym_lead(
    part: str, skip: int, match: re.Match[str], known: frozenset[str]
) -> tuple[int, Mapping[str, str | None], str] | None:
    """'(AIC, Akaike, 1973)': an unlisted abbreviation before a listed name is no co-author.

    Returns the new start in `part`, the groups and the text of the citation without it.
    """
    names = _split_authors(match.group("authors"))
    if len(names) < 2 or not _ACRONYM.fullmatch(names[0]) or name_key(names[0]) in known:
        return None
    if name_key(names[1]) not in known:
        return None
    lead = _ACRONYM_LEAD.match(part, skip)
    rest = _PAREN_PART.match(part[lead.end() :]) if lead else None
    if lead is None or rest is None:
        return None
    return lead.end(), rest.groupdict(), rest.group(0)


def _comma_group(part: str, skip: int, known: frozenset[str]) -> tuple[Mapping[str, str | None], str] | None:
    """'(United Nations, Department of Economic and Social Affairs, Population Division, 2013)'.

    A part the name pattern cannot read, whose first comma-separated segment is a listed author
    and whose words are those of a name (capitalised, or 'of', 'and', ...), is one group author:
    it is cited by that first segment. Returns the groups and the text of the citation.
    """
    comma = _COMMA_YEAR.search(part, skip)
    if comma is None:
        return None
    block = part[skip : comma.start()]
    first = block.split(",", 1)[0].strip()
    if first == block.strip() or name_key(first) not in known:
        return None
    if any(not (w[0].isupper() or w in _GROUP_SMALL_WORDS) for w in block.replace(",", " ").split()):
        return None
    tail = _GROUP_TAIL.match(part, comma.start())
    if tail is None:
        return None
    groups = {"authors": first, "etal": None, "years": tail.group("years"), "fn": tail.group("fn")}
    groups["loc"] = tail.group("loc")
    return groups, part[skip : tail.end()]


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
                lead = _GROUP_LEAD_AT.match(part, skip) if m is None and known_families else None
                if lead is not None:
                    # '(R Core Team, 2012)', '(1000 Genomes Project Consortium et al., 2010)': only listed groups
                    m = _PAREN_PART.match(part[lead.end() :])
                    if m and name_key(lead.group(0) + _split_authors(m.group("authors"))[0]) in known_families:
                        skip = lead.end()
                    else:
                        m = None
                groups: Mapping[str, str | None] | None = m.groupdict() if m else None
                text = m.group(0) if m else ""
                if m and known_families:
                    acronym = _acronym_lead(part, skip, m, known_families)
                    if acronym is not None:
                        skip, groups, text = acronym
                if groups is None and known_families:
                    group = _comma_group(part, skip, known_families)
                    if group is not None:
                        groups, text = group
                if groups is not None:
                    start = inner_start + position + skip
                    lead_text = paragraph[max(0, start - 40) : start]
                    per_paragraph.extend(_make(groups, start, offsets, False, counter, text, lead_text, known_families))
                    taken.append(Span(paren.start(), paren.end()))
                position += len(part)
        # A pattern's own matches never overlap, so each loop checks against the spans taken before it.
        taken_before = _SpanIndex(taken)
        for m in _NARRATIVE.finditer(paragraph):
            if taken_before.covers(m.start()):
                continue
            lead_text = paragraph[max(0, m.start() - 40) : m.start()]
            per_paragraph.extend(
                _make(m.groupdict(), m.start(), offsets, True, counter, m.group(0), lead_text, known_families)
            )
            taken.append(Span(m.start(), m.end()))
        for pattern in (_BARE_LINKED, _BARE_SINGLE):
            taken_before = _SpanIndex(taken)
            for m in pattern.finditer(paragraph):
                if taken_before.overlaps(m.start(), m.end()):
                    continue
                if pattern is _BARE_SINGLE and name_key(m.group("authors")) not in known_families:
                    continue
                lead_text = paragraph[max(0, m.start() - 40) : m.start()]
                per_paragraph.extend(
                    _make(m.groupdict(), m.start(), offsets, True, counter, m.group(0), lead_text, known_families)
                )
                taken.append(Span(m.start(), m.end()))
        per_paragraph.sort(key=lambda c: c.column)
        found.extend(per_paragraph)
    return found


if __name__ == "__main__":  # pragma: no cover - a debugging aid: python -m biblio_cli.citations FILE
    with open(sys.argv[1], encoding="utf-8") as handle:
        for citation in find_citations(enumerate(handle.read().splitlines(), 1)):
            print(citation.line, citation.label(), repr(citation.text))
