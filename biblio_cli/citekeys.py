"""Keyed citations: LaTeX `\\cite{key}` commands and pandoc `[@key]` citations, with their lines.

Author-year citations name a work by its authors; keyed citations name it by a key that a
bibliography file (.bib, CSL-JSON, CSL-YAML) defines. This module only reads the syntax:
which keys are cited where, and which bibliography files and sibling files a document
names. Resolving keys against bibliographies is keyed.py's job.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from biblio_cli.markup import blank_spans
from biblio_cli.model import Citation, Document
from biblio_cli.readers.latex import strip_comment

#: The key `\nocite{*}` and pandoc's `nocite: '@*'` use for "every entry of the bibliography".
ALL_KEYS = "*"

#: natbib and biblatex commands taking `[prenote][postnote]{key,key}`.
LATEX_CITE_COMMANDS = (
    "cite",
    "Cite",
    "citep",
    "Citep",
    "citet",
    "Citet",
    "citealp",
    "Citealp",
    "citealt",
    "Citealt",
    "citenum",
    "citeauthor",
    "Citeauthor",
    "citeyear",
    "citeyearpar",
    "citetitle",
    "citedate",
    "citeurl",
    "parencite",
    "Parencite",
    "textcite",
    "Textcite",
    "autocite",
    "Autocite",
    "footcite",
    "footcitetext",
    "smartcite",
    "Smartcite",
    "supercite",
    "fullcite",
    "footfullcite",
    "nocite",
)
#: biblatex multi-citation commands: `\parencites(pre)(post)[pre][post]{a}[pre][post]{b}`.
LATEX_MULTICITE_COMMANDS = (
    "cites",
    "Cites",
    "parencites",
    "Parencites",
    "textcites",
    "Textcites",
    "autocites",
    "Autocites",
    "footcites",
    "smartcites",
    "Smartcites",
    "supercites",
)
#: Commands whose citation is part of the sentence ("Smith (2020) shows").
NARRATIVE_COMMANDS = frozenset({"citet", "Citet", "citealt", "Citealt", "citeauthor", "Citeauthor"}) | frozenset(
    {"textcite", "Textcite", "textcites", "Textcites"}
)

_COMMAND = re.compile(
    r"\\("
    + "|".join(sorted((*LATEX_CITE_COMMANDS, *LATEX_MULTICITE_COMMANDS), key=len, reverse=True))
    + r")(?![A-Za-z@])(\*?)"
)
_BIBLIOGRAPHY = re.compile(
    r"\\(bibliography|nobibliography|addbibresource|addglobalbib|addsectionbib)(?![A-Za-z@])\s*(?:\[([^\]]*)\])?\s*\{([^{}]*)\}"
)
_INCLUDE = re.compile(
    r"\\(?:input|include|subfile)(?![A-Za-z@])\s*\{([^{}]+)\}|\\(?:sub)?import\*?\s*\{([^{}]*)\}\s*\{([^{}]+)\}"
)

#: A pandoc citation key: starts with a letter, digit or _, may hold internal punctuation; or `{anything}`.
_PANDOC_KEY = r"(?:\{(?P<braced>[^{}]+)\}|(?P<plain>\w(?:[\w:.#$%&\-+?<>~/]*\w)?))"
_BRACKET = re.compile(r"\[(?P<body>[^\[\]]*@[^\[\]]*)\](?![(\[:])")
_BRACKET_ITEM = re.compile(r"(?P<prefix>.*?)(?<![\w@.\\])(?P<minus>-?)@" + _PANDOC_KEY + r"(?P<suffix>.*)", re.DOTALL)
_NARRATIVE = re.compile(r"(?<![\w@.\\\]])@" + _PANDOC_KEY + r"(?:[ \t]*\[(?P<locator>[^\[\]@]*)\](?![(\[]))?")
_NOCITE_KEY = re.compile(r"@(?:\*|" + _PANDOC_KEY + r")")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")


@dataclass(frozen=True, slots=True)
class Declared:
    """A bibliography file a document names: `\\bibliography{refs}`, `bibliography: refs.bib`."""

    line: int
    name: str  # the file name to look for ("refs.bib"), relative to the document
    written: str  # how the document wrote it ("\\bibliography{refs}")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A pandoc YAML metadata block at the top of a Markdown document."""

    start: int  # line of the opening '---'
    end: int  # line of the closing '---' or '...'
    data: dict[str, Any]


class _Lines:
    """Offsets in a joined text -> (line, column), for citations that may span lines."""

    def __init__(self, lines: tuple[str, ...] | list[str]) -> None:
        self.starts = [0]
        for line in lines:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index]


# LaTeX ------------------------------------------------------------------------------------------


def _prose(document: Document) -> list[str]:
    """Document lines with every comment gone, `% biblio:` directives included."""
    return [strip_comment(line, keep_directives=False) for line in document.lines]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _group(text: str, pos: int, opening: str, closing: str) -> int:
    """End (exclusive) of the balanced group opening at `pos`, or -1 when it never closes."""
    depth = 0
    for i in range(pos, len(text)):
        char = text[i]
        if char == "\\":
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _arguments(text: str, pos: int, multi: bool) -> tuple[int, list[tuple[list[str], int, str]]]:
    """Parse `[pre][post]{keys}` (repeated for multi-cite commands) from `pos`.

    Returns the end offset and, per key group, (optional arguments, offset of the keys, keys text).
    """
    groups: list[tuple[list[str], int, str]] = []
    if multi:
        for _ in range(2):  # global (prenote)(postnote)
            start = _skip_space(text, pos)
            if start < len(text) and text[start] == "(":
                end = _group(text, start, "(", ")")
                if end < 0:
                    break
                pos = end
    while True:
        options: list[str] = []
        cursor = _skip_space(text, pos)
        while cursor < len(text) and text[cursor] == "[" and len(options) < 2:
            end = _group(text, cursor, "[", "]")
            if end < 0:
                return pos, groups
            options.append(text[cursor + 1 : end - 1].strip())
            cursor = _skip_space(text, end)
        if cursor >= len(text) or text[cursor] != "{":
            return pos, groups
        end = _group(text, cursor, "{", "}")
        if end < 0:
            return pos, groups
        groups.append((options, cursor + 1, text[cursor + 1 : end - 1]))
        pos = end
        if not multi:
            return pos, groups


def latex_citations(document: Document) -> list[Citation]:
    """Every key cited by a natbib/biblatex command, with the line and column of the key itself.

    `\\citep[see][p.~4]{a, b}` gives two citations (a, b) with locator 'p.~4'; `\\nocite{*}`
    gives one citation of ALL_KEYS.
    """
    lines = _prose(document)
    text = "\n".join(lines)
    where = _Lines(lines)
    citations: list[Citation] = []
    for match in _COMMAND.finditer(text):
        command = match.group(1)
        end, groups = _arguments(text, match.end(), command in LATEX_MULTICITE_COMMANDS)
        written = " ".join(text[match.start() : end].split())
        for options, offset, keys in groups:
            locator = options[-1] if options else ""
            position = offset
            for raw in keys.split(","):
                key = raw.strip()
                if key and "#" not in key and "\\" not in key:
                    line, column = where.at(position + len(raw) - len(raw.lstrip()))
                    citations.append(
                        Citation(
                            f"c{len(citations) + 1}",
                            line,
                            written,
                            (),
                            locator=locator,
                            narrative=command in NARRATIVE_COMMANDS,
                            column=column,
                            key=key,
                        )
                    )
                position += len(raw) + 1
    return citations


def latex_bibliographies(document: Document) -> list[Declared]:
    """`\\bibliography{a,b}` (a.bib, b.bib) and `\\addbibresource{x.bib}`; remote resources are skipped."""
    lines = _prose(document)
    text = "\n".join(lines)
    where = _Lines(lines)
    found: list[Declared] = []
    for match in _BIBLIOGRAPHY.finditer(text):
        command, options, argument = match.group(1), match.group(2) or "", match.group(3)
        line = where.at(match.start())[0]
        written = " ".join(match.group(0).split())
        if command in ("bibliography", "nobibliography"):
            for name in (n.strip() for n in argument.split(",")):
                if name:
                    found.append(Declared(line, name if name.lower().endswith(".bib") else f"{name}.bib", written))
        elif argument.strip() and "remote" not in options and "://" not in argument:
            found.append(Declared(line, argument.strip(), written))
    return found


def latex_includes(document: Document) -> list[str]:
    """Files named by `\\input`, `\\include`, `\\subfile`, `\\import{dir}{file}` (with '.tex' added when absent)."""
    text = "\n".join(_prose(document))
    names = []
    for match in _INCLUDE.finditer(text):
        name = match.group(1) if match.group(1) is not None else (match.group(2) or "") + match.group(3)
        name = name.strip()
        if name:
            names.append(name if name.lower().endswith(".tex") else f"{name}.tex")
    return names


# pandoc Markdown ----------------------------------------------------------------------------------


def front_matter(document: Document) -> FrontMatter | None:
    """The YAML block opening the document ('---' ... '---' or '...'), parsed; None if there is none."""
    lines = document.lines
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
    if not end:
        return None
    import yaml  # only documents with a metadata block pay for the import

    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return None
    return FrontMatter(1, end + 1, data) if isinstance(data, dict) else None


def _key_line(document: Document, meta: FrontMatter, key: str, value: str = "") -> int:
    """The line of `key:` in the metadata block (or of `value` below it), for findings to point at."""
    start = next(
        (n for n in range(meta.start + 1, meta.end) if re.match(rf"{re.escape(key)}\s*:", document.line_text(n))),
        meta.start,
    )
    if value:
        for n in range(start, meta.end):
            if value in document.line_text(n):
                return n
    return start


def pandoc_bibliographies(document: Document, meta: FrontMatter | None) -> list[Declared]:
    """`bibliography: refs.bib` or a list of files, from the metadata block."""
    if meta is None:
        return []
    value = meta.data.get("bibliography")
    names = (
        [value]
        if isinstance(value, str)
        else [v for v in value if isinstance(v, str)]
        if isinstance(value, list)
        else []
    )
    return [
        Declared(_key_line(document, meta, "bibliography", name), name.strip(), f"bibliography: {name.strip()}")
        for name in names
        if name.strip()
    ]


def _html_comments(text: str) -> list[tuple[int, int]]:
    """Spans of `<!-- ... -->`; an unclosed one ends the search (linear, unlike a lazy regex)."""
    spans = []
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of code: a run of n backticks up to the next run of exactly n (CommonMark).

    Runs are indexed by length, so each opener finds its closer by bisection: no rescans of
    the rest of the text from every backtick, which made a line of them quadratic.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        position = bisect.bisect_right(same, index)
        if position == len(same):
            index += 1  # no closer: the backticks are literal
            continue
        closer = same[position]
        spans.append((start, runs[closer][1]))
        index = closer + 1
    return spans


def _markdown_prose(document: Document, meta: FrontMatter | None) -> list[str]:
    """Lines with the metadata block, fenced code, code spans and HTML comments blanked (offsets kept)."""
    lines = list(document.lines)
    if meta is not None:
        for n in range(meta.start, meta.end + 1):
            lines[n - 1] = ""
    fence = ""
    for i, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            lines[i] = ""
        elif opening:
            fence = opening.group(1)
            lines[i] = ""
    text = "\n".join(lines)
    text = blank_spans(text, _html_comments(text))
    text = blank_spans(text, _code_spans(text))
    return text.split("\n")


def _key(match: re.Match[str]) -> str:
    return match.group("braced") or match.group("plain") or ""


def pandoc_citations(document: Document, meta: FrontMatter | None, known: Collection[str]) -> list[Citation]:
    """pandoc citations: `[@a, p. 4; see @b]`, `[-@a]`, and narrative `@a` (or `@a [p. 4]`) when `a` is in `known`.

    A bare `@word` counts only when a bibliography defines it, so e-mail addresses, handles
    and decorators are never citations; `@` in code spans, fenced code and HTML comments is skipped.
    """
    lines = _markdown_prose(document, meta)
    text = "\n".join(lines)
    where = _Lines(lines)
    found: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []
    for bracket in _BRACKET.finditer(text):
        parts: list[tuple[re.Match[str], int]] = []
        offset = bracket.start("body")
        for raw in bracket.group("body").split(";"):
            item = _BRACKET_ITEM.fullmatch(raw)
            if item is None:
                parts = []
                break  # pandoc: every item of a bracketed citation has a key, else it is plain text
            parts.append((item, offset))
            offset += len(raw) + 1
        written = " ".join(bracket.group(0).split())
        for item, start in parts:
            line, column = where.at(start + item.start("minus"))
            locator = item.group("suffix").strip().lstrip(",").strip()
            found.append((start, Citation("", line, written, (), locator=locator, column=column, key=_key(item))))
        if parts:
            taken.append((bracket.start(), bracket.end()))
    text = blank_spans(text, taken)  # once, at the end: blanking inside the loop copied the text per bracket
    for match in _NARRATIVE.finditer(text):
        key = _key(match)
        if key in known:
            line, column = where.at(match.start())
            locator = (match.group("locator") or "").strip()
            found.append(
                (
                    match.start(),
                    Citation(
                        "",
                        line,
                        " ".join(match.group(0).split()),
                        (),
                        locator=locator,
                        narrative=True,
                        column=column,
                        key=key,
                    ),
                )
            )
    found.sort(key=lambda pair: pair[0])
    return [_numbered(c, i) for i, (_, c) in enumerate(found, 1)]


def pandoc_nocite(document: Document, meta: FrontMatter | None) -> list[Citation]:
    """Keys listed in the metadata's `nocite` (`'@*'` for all): cited without appearing in the text."""
    if meta is None or not isinstance(meta.data.get("nocite"), str):
        return []
    value = str(meta.data["nocite"])
    line = _key_line(document, meta, "nocite")
    return [
        Citation("", line, "nocite", (), key=ALL_KEYS if match.group(0) == "@*" else _key(match))
        for match in _NOCITE_KEY.finditer(value)
    ]


def _numbered(citation: Citation, number: int) -> Citation:
    return replace(citation, id=f"c{number}")


def renumber(citations: list[Citation]) -> tuple[Citation, ...]:
    """Citations in reading order with ids c1, c2, ..."""
    ordered = sorted(citations, key=lambda c: (c.line, c.column))
    return tuple(_numbered(c, i) for i, c in enumerate(ordered, 1))
