"""Unicode <-> 7-bit LaTeX for classic BibTeX: '{\\'E}lodie', 'Ch{\\^e}ne', escaped specials.

Pure tables and two functions, shared by the BibTeX writer and the .bib reader.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Combining accent -> LaTeX accent command.
_ACCENTS = {
    "\u0301": "'",
    "\u0300": "`",
    "\u0302": "^",
    "\u0308": '"',
    "\u0303": "~",
    "\u0304": "=",
    "\u0307": ".",
    "\u0327": "c",
    "\u030c": "v",
    "\u0306": "u",
    "\u030a": "r",
    "\u030b": "H",
    "\u0328": "k",
}
#: Characters with no decomposition, and typography, as LaTeX.
_SPECIAL = {
    "œ": "{\\oe}",
    "Œ": "{\\OE}",
    "æ": "{\\ae}",
    "Æ": "{\\AE}",
    "ß": "{\\ss}",
    "ø": "{\\o}",
    "Ø": "{\\O}",
    "ł": "{\\l}",
    "Ł": "{\\L}",
    "å": "{\\aa}",
    "Å": "{\\AA}",
    "ı": "{\\i}",
    "«": "{\\guillemotleft}",
    "»": "{\\guillemotright}",
    "\u2018": "`",
    "\u2019": "'",
    "\u201c": "``",
    "\u201d": "''",
    "\u2013": "--",
    "\u2014": "---",
    "\u2026": "{\\ldots}",
    "\u00a0": "~",
    "\u202f": "\\,",
    "\u2009": "\\,",
    "°": "{\\textdegree}",
    "€": "{\\texteuro}",
    "§": "{\\S}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "{": "\\{",
    "}": "\\}",
    "~": "{\\textasciitilde}",
    "^": "{\\textasciicircum}",
    "\\": "{\\textbackslash}",
}
_NEEDS_WORK = re.compile(r"[A-Za-z][\u0300-\u036f]+|[^\x20-\x7e]|[&%$#_{}~^\\]")


@lru_cache(maxsize=65536)
def _char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    decomposed = unicodedata.normalize("NFD", c)
    base, marks = decomposed[0], decomposed[1:]
    if marks and base.isascii() and all(m in _ACCENTS for m in marks):
        out = base
        for mark in marks:
            cmd = _ACCENTS[mark]
            out = f"\\{cmd}{{{out}}}" if cmd.isalpha() else f"\\{cmd}{out}"
        return "{" + out + "}" if not out.startswith("{") else out
    if c.isspace():
        return " "
    folded = unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode()
    return folded or "?"


def to_latex(text: str) -> str:
    """Unicode text -> 7-bit LaTeX, specials escaped: 'Élodie & co' -> '{\\'E}lodie \\& co'."""
    if not _NEEDS_WORK.search(text):
        return text
    text = unicodedata.normalize("NFC", text)
    return _NEEDS_WORK.sub(lambda m: _char(m.group(0)), text)


_REVERSE = {v: k for k, v in _SPECIAL.items() if k not in "\u2009\u2018\u201c"}
_REVERSE_ACCENTS = {v: k for k, v in _ACCENTS.items()}
_ACCENT_RE = re.compile(r"\{?\\([`'^\"~=.])\s*\{?([A-Za-z]|\\i)\}?\}?|\{?\\([cvuHkr])[ {]([A-Za-z])\}?\}?")
_COMMAND_RE = re.compile(
    r"\{\\(oe|OE|ae|AE|ss|o|O|l|L|aa|AA|i|guillemotleft|guillemotright|ldots|textdegree|texteuro|S|textasciitilde|textasciicircum|textbackslash)\}"
)
_ESCAPED_RE = re.compile(r"\\([&%$#_{}])")


def from_latex(text: str) -> str:
    """Undo `to_latex` (and the common hand-written forms): '{\\'E}lodie' -> 'Élodie', braces dropped."""

    def accent(m: re.Match[str]) -> str:
        cmd = m.group(1) or m.group(3)
        base = m.group(2) or m.group(4)
        base = "i" if base == "\\i" else base
        return unicodedata.normalize("NFC", base + _REVERSE_ACCENTS[cmd])

    text = _ACCENT_RE.sub(accent, text)
    text = _COMMAND_RE.sub(lambda m: _REVERSE["{\\" + m.group(1) + "}"], text)
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("``", "\u201c").replace("''", "\u201d")
    text = text.replace("\\,", "\u202f")
    text = re.sub(r"(?<!\\)~", "\u00a0", text)
    text = _ESCAPED_RE.sub(lambda m: "\x00" + m.group(1), text)
    text = text.replace("{", "").replace("}", "")
    return text.replace("\x00", "")
