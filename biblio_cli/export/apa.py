"""APA 7 reference lists, in English or in the French adaptation, as text, Markdown or HTML.

Matches citeproc-js with the official apa.csl (see tests/export) except where documented:
French terms follow the French APA guides ("Dans", "(dir.)", "et", "p.", "(s. d.)").
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from biblio_cli.export.fields import Extra, derive, page_range, sort_name
from biblio_cli.model import Person, Reference
from biblio_cli.normalize import fold

#: citeproc-js's apa.csl: 21+ authors -> first 19, an ellipsis, the last.
ET_AL_MIN = 21
ET_AL_FIRST = 19
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Terms:
    """The words APA puts around the data, per locale."""

    and_: str
    serial_comma: bool
    editor: str
    editors: str
    in_: str
    no_date: str
    in_press: str
    page: str
    pages: str


TERMS = {
    "en": Terms("&", True, "Ed.", "Eds.", "In", "n.d.", "in press", "p.", "pp."),
    "fr": Terms("et", False, "dir.", "dir.", "Dans", "s. d.", "sous presse", "p.", "p."),
}

#: A rendered piece: (text, italic).
Part = tuple[str, bool]


def initials(given: str) -> str:
    """'Jean-François Marie' -> 'J.-F. M.'; already abbreviated forms are kept ('M.-N.')."""
    words = []
    for word in given.split():
        pieces = [p for p in word.split("-") if p]
        words.append("-".join(p if p.endswith(".") and len(p) <= 3 else p[0] + "." for p in pieces))
    return " ".join(words)


def _inverted(person: Person) -> str:
    if person.is_group or not person.given:
        return person.full_family
    return f"{person.full_family}, {initials(person.given)}"


def _direct(person: Person) -> str:
    if person.is_group or not person.given:
        return person.full_family
    return f"{initials(person.given)} {person.full_family}"


def _join(names: list[str], terms: Terms) -> str:
    """APA name lists: 'A', 'A, & B' (fr 'A et B'), 'A, B, & C', 21+ with an ellipsis."""
    if len(names) >= ET_AL_MIN:
        return ", ".join(names[:ET_AL_FIRST]) + ", … " + names[-1]
    if len(names) == 1:
        return names[0]
    head = ", ".join(names[:-1])
    sep = f", {terms.and_} " if terms.serial_comma else f" {terms.and_} "
    return head + sep + names[-1]


def _editors_direct(editors: Sequence[Person], terms: Terms) -> str:
    """'C. Delory-Momberger (Ed.)'; two editors joined without a serial comma, as apa.csl does."""
    names = [_direct(p) for p in editors]
    joined = f"{names[0]} {terms.and_} {names[1]}" if len(names) == 2 else _join(names, terms)
    return f"{joined} ({terms.editor if len(editors) == 1 else terms.editors})"


def _end(parts: list[Part]) -> None:
    """Close a sentence with a period unless the text already ends with . ? or !."""
    last = next((text for text, _ in reversed(parts) if text), "")
    if last and last[-1] not in ".?!":
        parts.append((".", False))


def _sentence(parts: list[Part], piece: list[Part]) -> None:
    if not piece:
        return  # no title ('Chen, H. (1997). ApJ, 475, 163.'): no empty sentence
    if parts:
        parts.append((" ", False))
    parts.extend(piece)
    _end(parts)


def _date(ref: Reference, suffix: str, terms: Terms) -> str:
    if ref.year is not None:
        return f"({ref.year}{suffix})."
    label = terms.in_press if ref.year_label == "in press" else terms.no_date
    return f"({label}{'-' + suffix if suffix else ''})."


def _pages(pages: str, terms: Terms) -> str:
    first, last = page_range(pages)
    return f"{terms.pages} {first}–{last}" if last else f"{terms.page} {first}"


def _dash(pages: str) -> str:
    first, last = page_range(pages)
    return f"{first}–{last}" if last else first


def _creators(ref: Reference, extra: Extra, terms: Terms) -> str:
    if extra.authors:
        return _join([_inverted(p) for p in extra.authors], terms)
    if ref.editors:
        label = terms.editor if len(ref.editors) == 1 else terms.editors
        return _join([_inverted(p) for p in ref.editors], terms) + f" ({label})"
    return ""


def entry_parts(ref: Reference, extra: Extra, suffix: str, terms: Terms) -> list[Part]:
    """One reference as italic/roman pieces, in APA order: who, when, what, where."""
    kind = "book" if extra.edited else ref.type
    italic_title = kind not in ("article-journal", "chapter")
    parts: list[Part] = []
    title: list[Part] = []
    if ref.title:
        title.append((ref.title, italic_title))
        if extra.genre:
            genre = extra.genre[:1].upper() + extra.genre[1:]
            school = f", {extra.institution}" if kind == "thesis" and extra.institution else ""
            title.append((f" [{genre}{school}]", False))
    elif not ref.authors and not ref.editors:
        title.append((" ".join(ref.text.split()), False))
    who = _creators(ref, extra, terms)
    when = _date(ref, suffix, terms)
    if who:
        _sentence(parts, [(who, False)])
        parts.append((" " + when, False))
        _sentence(parts, title)
    else:
        _sentence(parts, title)
        parts.append((" " + (when[:1].upper() + when[1:] if not parts else when), False))
    if kind == "article-journal" and ref.container:
        source: list[Part] = [(ref.container, True)]
        if ref.volume:
            source += [(", ", False), (_dash(ref.volume), True)]
            if ref.issue:
                source.append((f"({ref.issue})", False))
        elif ref.issue:
            source.append((f", ({ref.issue})", False))
        if ref.pages:
            source.append((", " + _dash(ref.pages), False))
        _sentence(parts, source)
    elif kind == "chapter" and ref.container:
        source = [(terms.in_ + " ", False)]
        if ref.editors:
            source.append((_editors_direct(ref.editors, terms) + ", ", False))
        source.append((ref.container, True))
        if ref.pages:
            source.append((f" ({_pages(ref.pages, terms)})", False))
        _sentence(parts, source)
    elif ref.container:
        _sentence(parts, [(ref.container, False)])
    if extra.publisher and kind != "thesis":
        _sentence(parts, [(extra.publisher, False)])
    if ref.doi:
        parts.append((" https://doi.org/" + ref.doi, False))
    elif ref.url:
        parts.append((" " + ref.url, False))
    return parts


def _sort_key(ref: Reference, extra: Extra, locale: str) -> tuple[str, int, int, str]:
    creators = extra.authors or ref.editors
    title = fold(_LEADING_ARTICLE.sub("", ref.title) if locale == "en" else ref.title)
    who = " ".join(sort_name(p) for p in creators) if creators else title
    year_group = 1 if ref.year is not None else (2 if ref.year_label == "in press" else 0)
    return who, year_group, ref.year or 0, title


def _markup(parts: Sequence[Part], style_format: str) -> str:
    out = []
    for text, italic in parts:
        if style_format == "html":
            text = html.escape(text, quote=False)
            out.append(f"<i>{text}</i>" if italic and text else text)
        elif style_format == "markdown":
            out.append(f"*{text}*" if italic and text else text)
        else:
            out.append(text)
    return "".join(out)


def render_apa(
    refs: Sequence[Reference],
    *,
    locale: str = "en",
    style_format: str = "text",
    document_language: str = "und",
) -> str:
    """The sorted reference list, one entry per line (HTML: one <div> per entry)."""
    terms = TERMS[locale]
    extras = [derive(ref, document_language) for ref in refs]
    # Ties (same names, year and title) keep their order in the source: sorted() is stable.
    order = sorted(range(len(refs)), key=lambda i: _sort_key(refs[i], extras[i], locale))
    suffixes = _year_suffixes([refs[i] for i in order], [extras[i] for i in order])
    lines = []
    for pos, i in enumerate(order):
        text = _markup(entry_parts(refs[i], extras[i], suffixes[pos], terms), style_format)
        lines.append(f'<div class="csl-entry">{text}</div>' if style_format == "html" else text)
    return "\n".join(lines) + "\n" if lines else ""


def _year_suffixes(refs: Sequence[Reference], extras: Sequence[Extra]) -> list[str]:
    """a, b, ... for works by the same creators in the same year, in sorted order."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, (ref, extra) in enumerate(zip(refs, extras, strict=False)):
        creators = extra.authors or ref.editors
        if not creators:
            continue
        who = "|".join(sort_name(p) for p in creators) + ("|ed" if not extra.authors else "")
        groups.setdefault((who, str(ref.year) if ref.year is not None else ref.year_label or "nd"), []).append(i)
    suffixes = [""] * len(refs)
    for members in groups.values():
        if len(members) > 1:
            for n, i in enumerate(members):
                suffixes[i] = chr(ord("a") + n) if n < 26 else f"a{n}"
    return suffixes
