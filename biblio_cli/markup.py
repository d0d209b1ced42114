"""Turn Markdown/HTML-from-PDF lines into plain text, line by line so line numbers survive.

Footnote calls (`<sup>11</sup>`) become `[^11]` (pandoc's syntax), which the citation
finder understands; italics can be kept as `*...*` because the reference parser uses
them to tell a journal or book title from the rest.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from biblio_cli.normalize import FIRST_GROUP, fold_typography

#: `<a href="...">text</a>`. Written so that no text makes it backtrack for long: the tag is matched
#: atomically (a lookahead, then the captured text) and may not cross '<', and the link text may not
#: cross another `<a ` (nested anchors are not HTML), so each scan stops at the next tag.
_ANCHOR = re.compile(
    r"(?=(<a\s[^<>]*?href\s*=\s*[\"']([^\"'<>]*)[\"'][^<>]*>))\1([^<]*(?:<(?!a\s|/a>)[^<]*)*)</a>",
    re.IGNORECASE | re.DOTALL,
)
_SPACE = re.compile(r"\s")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_SUP = re.compile(r"<sup>\s*([0-9]{1,3}|[ivx]{1,4}|\*)\s*</sup>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\+([\\`*_{}\[\]()#+\-.!&<>|~\"'$%])")
# Emphasis: on a long line the single regexes below rescan the rest of the line from every opening
# marker ('*a *a *a ...', quadratic), so _emphasis() walks the markers instead (_sub_spans).
#: (marker, opening marker with its lookarounds, closing marker with its lookarounds)
_BOLD = (
    ("**", re.compile(r"\*\*(?=\S)"), re.compile(r"(?<=\S)\*\*")),
    ("__", re.compile(r"__(?=\S)"), re.compile(r"(?<=\S)__")),
)
_ITALIC_STAR = (("*", re.compile(r"(?<![\w*])\*(?=[^\s*])"), re.compile(r"(?<=[^\s*])\*(?![\w*])")),)
_ITALIC_UNDERSCORE = (("_", re.compile(r"(?<![\w\\])_(?=\S)"), re.compile(r"(?<=\S)_(?!\w)")),)
#: The single regexes, used up to _SHORT characters: one C call is faster on a short line, and their
#: worst case (quadratic) stays well under a millisecond there. Both ways give the same result.
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UNDERSCORE_RE = re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_SHORT = 1000
_URLISH = re.compile(r"^\s*(?:https?://|www\.|doi:|10\.\d{4,9}/)", re.IGNORECASE)
_MULTISPACE = re.compile(r"[ \t]+")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _sub_spans(text: str, markers: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...], wrap: str = "") -> str:
    """Replace `MARK body MARK` spans by `wrap + body + wrap`, in linear time.

    The same result as re.sub(r"(?:OPEN1|OPEN2)(.+?)CLOSE", ...) where CLOSE repeats the marker that
    opened: the body is at least one character and holds no newline, the shortest body wins, spans
    are taken left to right. The regex would rescan the line from every opening marker; here the
    next opening, closing marker and newline are each looked up once and reused while still ahead.
    """
    out: list[str] = []
    done = 0  # text[:done] is settled
    floor = {marker: 0 for marker, _, _ in markers}  # markers still able to match, and where to look
    opening_at: dict[str, int] = {}
    closing_at: dict[str, int] = {}
    newline_at = -2  # the first newline at or after some position already looked at (-1: none left)
    while floor:
        start, marker = -1, ""
        for mark, opening, _ in markers:
            if mark not in floor:
                continue
            low = max(done, floor[mark])
            at = opening_at.get(mark, -1)
            if at < low:
                found = opening.search(text, low)
                if found is None:
                    del floor[mark]
                    continue
                at = opening_at[mark] = found.start()
            if start < 0 or at < start:
                start, marker = at, mark
        if start < 0:
            break
        body = start + len(marker)
        end = closing_at.get(marker, -1)
        if end < body + 1:
            found = next(closing.search(text, body + 1) for mark, _, closing in markers if mark == marker)
            if found is None:
                del floor[marker]  # no closing marker left: no later opening can match either
                continue
            end = closing_at[marker] = found.start()
        if newline_at != -1 and newline_at < body:
            newline_at = text.find("\n", body)
        if -1 < newline_at < end:
            floor[marker] = newline_at + 1  # openings before that newline would close after it
            continue
        out.append(text[done:start])
        out.append(f"{wrap}{text[body:end]}{wrap}")
        done = end + len(marker)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _emphasis(
    text: str,
    regex: re.Pattern[str],
    template: str | Callable[[re.Match[str]], str],
    markers: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...],
    wrap: str = "",
) -> str:
    """`regex.sub(template, text)`: by the regex on a short text, by the linear walk on a long one."""
    return regex.sub(template, text) if len(text) <= _SHORT else _sub_spans(text, markers, wrap)


class _Next:
    """The first position of a character (or pattern) at or after a point, looked up once while still ahead."""

    def __init__(self, text: str, find: str | re.Pattern[str]) -> None:
        self.text, self.find, self.at = text, find, -2  # -2: not looked up yet, -1: none left

    def __call__(self, low: int) -> int:
        if self.at != -1 and self.at < low:
            if isinstance(self.find, str):
                self.at = self.text.find(self.find, low)
            else:
                found = self.find.search(self.text, low)
                self.at = found.start() if found else -1
        return self.at


def _md_images_out(text: str) -> str:
    r"""re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text) in linear time (the regex rescans from every '![')."""
    out: list[str] = []
    done = 0
    bracket, paren = _Next(text, "]"), _Next(text, ")")
    start = text.find("![")
    while start != -1:
        end = bracket(start + 2)
        if end == -1:
            break
        if text.startswith("(", end + 1):
            close = paren(end + 2)
            if close == -1:
                break
            out.append(text[done:start])
            done = close + 1
            start = text.find("![", done)
        else:
            start = text.find("![", start + 1)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _md_links(text: str) -> str:
    r"""re.sub(r"(?<!!)\[([^\]]*)\]\((\S+?)\)", <_link>, text) in linear time.

    The regex rescans the rest of the line from every '[' ('[a](' repeated); here the next ']',
    ')' and space are each looked up once and reused while still ahead.
    """
    out: list[str] = []
    done = 0
    bracket, paren, space = _Next(text, "]"), _Next(text, ")"), _Next(text, _SPACE)
    start = text.find("[")
    while start != -1:
        if start and text[start - 1] == "!":
            start = text.find("[", start + 1)
            continue
        end = bracket(start + 1)
        if end == -1:
            break
        url = end + 2
        if text.startswith("(", end + 1) and url < len(text) and not text[url].isspace():
            close = paren(url + 1)
            if close == -1:
                break
            blank = space(url)
            if blank == -1 or blank > close:
                out.append(text[done:start])
                out.append(_link(text[start + 1 : end], text[url:close]))
                done = close + 1
                start = text.find("[", done)
                continue
        start = text.find("[", start + 1)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _link(text: str, url: str) -> str:
    """A link becomes its URL when its text is a URL too (PDF converters truncate it), else both."""
    text = text.strip()
    if not text or _URLISH.match(text) or text == url:
        return url
    return f"{text} <{url}>" if url.startswith(("http", "doi")) else text


def clean_line(line: str, *, keep_italics: bool = False) -> str:
    """Plain text of one Markdown/HTML line. With `keep_italics`, italic spans stay as `*...*`."""
    # Each step runs only when its marker is in the text as it stands (a cheap `in` test):
    # most lines are plain prose and skip every regex. The order of the steps is unchanged.
    text = line
    if "![" in text:
        text = _md_images_out(text)
    if "<" in text:
        text = _ANCHOR.sub(lambda m: _link(_TAG.sub("", m.group(3)), m.group(2)), text)
    if "](" in text:
        text = _md_links(text)
    if "<" in text:
        text = _AUTOLINK.sub(FIRST_GROUP, text)
        text = _SUP.sub(r"[^\1]", text)
        text = _BR.sub(" ", text)
        text = _TAG.sub("", text)
    text = html.unescape(text)
    if "\\" in text:
        text = _ESCAPE.sub(FIRST_GROUP, text)
    if "**" in text or "__" in text:
        text = _emphasis(text, _BOLD_RE, r"\2", _BOLD)
    if keep_italics:
        if "_" in text:
            text = _emphasis(text, _ITALIC_UNDERSCORE_RE, r"*\1*", _ITALIC_UNDERSCORE, "*")
    else:
        if "*" in text:
            text = _emphasis(text, _ITALIC_STAR_RE, FIRST_GROUP, _ITALIC_STAR)
        if "_" in text:
            text = _emphasis(text, _ITALIC_UNDERSCORE_RE, FIRST_GROUP, _ITALIC_UNDERSCORE)
    text = fold_typography(text)
    if "\t" in text or "  " in text:
        text = _MULTISPACE.sub(" ", text)
    return text.strip()


def strip_italics(text: str) -> str:
    """Remove `*` italic markers left by `clean_line(keep_italics=True)`."""
    if "*" not in text:
        return text
    return _emphasis(text, _ITALIC_STAR_RE, FIRST_GROUP, _ITALIC_STAR).replace("**", "")


_NOT_NEWLINE = re.compile(r"[^\n]")


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every (start, end) span turned into spaces, newlines kept, so offsets,
    columns and line numbers stay valid (comments and code taken out of the way of parsing).

    Spans may come in any order and overlap; the text is copied once, not once per span.
    """
    if not spans:
        return text
    out: list[str] = []
    copied = 0
    for start, end in sorted(spans):
        start = max(start, copied)
        if end <= start:
            continue
        out.append(text[copied:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        copied = end
    out.append(text[copied:])
    return "".join(out)
