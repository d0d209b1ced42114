"""Read LaTeX sources: the text without its `%` comments, one Document line per file line.

Comments are blanked (not removed) so every finding keeps the line of the .tex file, and
verbatim-like environments are blanked too, so a `\\cite` in a code listing is not a citation.
`% biblio:` directive comments stay visible: suppress.py reads them from Document.lines.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from biblio_cli.model import Document
from biblio_cli.readers.text import decode_bytes, document_from_text, read_input_bytes

#: Environments whose body is not LaTeX prose (code, comments).
VERBATIM_ENVIRONMENTS = ("verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "comment", "alltt")
_BEGIN = re.compile(r"\\begin\{(" + "|".join(re.escape(e) for e in VERBATIM_ENVIRONMENTS) + r")\}")
_DIRECTIVE = re.compile(r"%\s*biblio\s*:")
_VERB = re.compile(r"\\verb\*?([^a-zA-Z\s*])(.*?)\1")


def comment_start(line: str) -> int:
    """Index of the `%` that starts a comment (not `\\%`), or -1."""
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\":
            i += 2  # `\%`, `\\`: the next character is escaped
            continue
        if char == "%":
            return i
        i += 1
    return -1


def strip_comment(line: str, keep_directives: bool = True) -> str:
    """The line without its comment; a `% biblio:` directive comment is kept when asked."""
    line = _VERB.sub(lambda m: " " * len(m.group(0)), line)
    start = comment_start(line)
    if start < 0:
        return line
    if keep_directives and _DIRECTIVE.match(line, start):
        return line
    return line[:start].rstrip()


def latex_lines(lines: tuple[str, ...] | list[str], keep_directives: bool = True) -> tuple[str, ...]:
    """Comments and verbatim environments blanked, line for line."""
    result: list[str] = []
    closing = ""
    for line in lines:
        if closing:
            end = line.find(closing)
            if end < 0:
                result.append("")
                continue
            line = " " * (end + len(closing)) + line[end + len(closing) :]
            closing = ""
        cleaned = strip_comment(line, keep_directives)
        begin = _BEGIN.search(cleaned)
        if begin:
            closing = f"\\end{{{begin.group(1)}}}"
            end = cleaned.find(closing, begin.end())
            if end >= 0:
                cleaned = cleaned[: begin.start()] + cleaned[end + len(closing) :]
                closing = ""
            else:
                cleaned = cleaned[: begin.start()].rstrip()
        result.append(cleaned)
    return tuple(result)


def document_from_latex(text: str, path: str = "<string>", encoding: str = "utf-8") -> Document:
    """A Document from LaTeX source text (comments blanked, `% biblio:` directives kept)."""
    document = document_from_text(text, path, encoding)
    return replace(document, lines=latex_lines(document.lines))


def read_latex(path: str | Path) -> Document:
    """Read a .tex file. Raises InputError (missing, binary, undecodable, empty) with a one-line reason."""
    p = Path(path)
    text, encoding = decode_bytes(read_input_bytes(p), str(p))
    return document_from_latex(text, str(p), encoding)
