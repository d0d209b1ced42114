"""Turn Markdown/HTML-from-PDF lines into plain text, line by line so line numbers survive.

Footnote calls (`<sup>11</sup>`) become `[^11]` (pandoc's syntax), which the citation
finder understands; italics can be kept as `*...*` because the reference parser uses
them to tell a journal or book title from the rest.
"""

from __future__ import annotations

import html
import re

from biblio_cli.normalize import fold_typography

_ANCHOR = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_MD_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\((\S+?)\)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_SUP = re.compile(r"<sup>\s*([0-9]{1,3}|[ivx]{1,4}|\*)\s*</sup>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\+([\\`*_{}\[\]()#+\-.!&<>|~\"'$%])")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_URLISH = re.compile(r"^\s*(?:https?://|www\.|doi:|10\.\d{4,9}/)", re.IGNORECASE)
_MULTISPACE = re.compile(r"[ \t]+")


def _link(text: str, url: str) -> str:
    """A link becomes its URL when its text is a URL too (PDF converters truncate it), else both."""
    text = text.strip()
    if not text or _URLISH.match(text) or text == url:
        return url
    return f"{text} <{url}>" if url.startswith(("http", "doi")) else text


def clean_line(line: str, *, keep_italics: bool = False) -> str:
    """Plain text of one Markdown/HTML line. With `keep_italics`, italic spans stay as `*...*`."""
    text = _MD_IMAGE.sub("", line)
    text = _ANCHOR.sub(lambda m: _link(_TAG.sub("", m.group(2)), m.group(1)), text)
    text = _MD_LINK.sub(lambda m: _link(m.group(1), m.group(2)), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _SUP.sub(r"[^\1]", text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _ESCAPE.sub(r"\1", text)
    text = _BOLD.sub(r"\2", text)
    if keep_italics:
        text = _ITALIC_UNDERSCORE.sub(r"*\1*", text)
    else:
        text = _ITALIC_STAR.sub(r"\1", text)
        text = _ITALIC_UNDERSCORE.sub(r"\1", text)
    text = fold_typography(text)
    return _MULTISPACE.sub(" ", text).strip()


def strip_italics(text: str) -> str:
    """Remove `*` italic markers left by `clean_line(keep_italics=True)`."""
    return _ITALIC_STAR.sub(r"\1", text).replace("**", "")
