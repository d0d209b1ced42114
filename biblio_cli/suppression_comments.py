"""Reading `biblio:` suppression comments out of a document (applying them is suppress.py's job).

Kept apart from suppress.py so that reading a reference list (export, resolve) does not load the
rules, and with them rapidfuzz and the registry code: the comments are blanked before any parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from biblio_cli.markup import blank_spans
from biblio_cli.model import Document

_HTML_OPENER = re.compile(r"<!--\s*biblio\s*:")
_TEX_COMMENT = re.compile(r"(?<!\\)%\s*biblio\s*:(?P<body>.*)$")
_BODY = re.compile(r"\s*(?P<kind>ignore-file|ignore)\s*(?:\[(?P<names>[^\]]*)\])?\s*")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One `biblio:` comment: where it is, what it names (empty: every rule) and what it covers."""

    line: int
    text: str
    names: tuple[str, ...] = ()
    whole_file: bool = False
    target: int = 0  # the line whose findings it suppresses (0: none, or the whole file)
    malformed: bool = False

    def covers(self, line: int) -> bool:
        return self.whole_file or (self.target > 0 and line == self.target)


def _parse_comment(number: int, text: str, body: str) -> Suppression:
    match = _BODY.fullmatch(body)
    if match is None:
        return Suppression(number, text.strip(), malformed=True)
    names = tuple(n.strip() for n in (match["names"] or "").split(",") if n.strip())
    if match["names"] is not None and not names:  # "ignore[]" names nothing: a mistake, not "all"
        return Suppression(number, text.strip(), malformed=True)
    return Suppression(number, text.strip(), names, whole_file=match["kind"] == "ignore-file")


def _html_comments(line: str) -> list[tuple[int, int, str]]:
    """(start, end, body) of each `<!-- biblio: ... -->` in `line`, as `<!--\\s*biblio\\s*:(.*?)-->`
    would find them, in linear time: the lazy regex rescanned the rest of the line from every
    unclosed opener (a line of 8,000 of them took 6 s)."""
    found = []
    position = 0
    while (opener := _HTML_OPENER.search(line, position)) is not None:
        close = line.find("-->", opener.end())
        if close == -1:
            break  # no later opener can be closed either
        found.append((opener.start(), close + 3, line[opener.end() : close]))
        position = close + 3
    return found


def split_suppressions(document: Document) -> tuple[Document, tuple[Suppression, ...]]:
    """The document with its `biblio:` comments blanked out (columns kept), and the comments.

    A line-level comment alone on its line applies to the next non-blank line that is not
    itself such a comment, so several can be stacked above one line.
    """
    lines = list(document.lines)
    found: list[Suppression] = []
    for index, line in enumerate(document.lines):
        if "biblio" not in line:  # the common case, kept cheap
            continue
        comments = _html_comments(line)
        tex = _TEX_COMMENT.search(line)
        if tex:
            comments.append((tex.start(), tex.end(), tex["body"]))
        found.extend(_parse_comment(index + 1, line[start:end], body) for start, end, body in comments)
        lines[index] = blank_spans(line, [(start, end) for start, end, _ in comments])
    if not found:
        return document, ()
    standalone = {s.line for s in found if not lines[s.line - 1].strip()}
    resolved = []
    for suppression in found:
        if suppression.whole_file or suppression.malformed:
            resolved.append(suppression)
            continue
        target = suppression.line
        if target in standalone:
            following = (n for n in range(target + 1, len(lines) + 1) if lines[n - 1].strip())
            target = next(following, 0)
        resolved.append(replace(suppression, target=target))
    return replace(document, lines=tuple(lines)), tuple(resolved)
