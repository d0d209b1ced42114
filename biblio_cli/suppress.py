"""Inline suppressions (`<!-- biblio: ignore[rule] -->`, `% biblio: ignore[rule]`) and per-file-ignores.

Both are pure post-processing of a DocumentResult: the rules run as usual and matching
findings are then dropped (and counted in `DocumentResult.suppressed`). The comments are
blanked out of the text before it is parsed, so a comment inside the reference list is
never read as an entry. Forms, in Markdown/HTML/text (`<!-- -->`) or LaTeX (`%`):

- `ignore[year-mismatch,C105]` at the end of a line: that line's findings of those rules;
- the same alone on its line: the next non-blank line's;
- `ignore-file[...]` anywhere: the whole document's; no brackets: every rule.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from biblio_cli.errors import UsageError
from biblio_cli.markup import blank_spans
from biblio_cli.model import Document, DocumentResult, Finding
from biblio_cli.rules import RULES, RULES_BY_ID, Rule, select_rules

#: The rule reporting stale, unknown or malformed suppressions.
UNUSED = RULES_BY_ID["unused-suppression"]

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


def _rules_named(name: str) -> tuple[Rule, ...] | None:
    """The rules a name in a suppression stands for (id, code, code prefix or ALL); None if unknown."""
    try:
        return select_rules((name,))
    except UsageError:
        return None


#: For each suppression (by index), its names and the rule ids each stands for.
_Named = Sequence[Mapping[str, frozenset[str]]]
#: A (suppression index, name) pair that suppressed a finding.
_Hit = tuple[int, str]


def _covering(finding: Finding, suppressions: Sequence[Suppression], named: _Named, skip: int = -1) -> set[_Hit]:
    """(suppression index, name) pairs that suppress the finding; "" stands for a bare ignore."""
    hits: set[_Hit] = set()
    for index, suppression in enumerate(suppressions):
        if index == skip or not suppression.covers(finding.line):
            continue
        if not suppression.names:
            hits.add((index, ""))
        hits.update((index, name) for name, ids in named[index].items() if finding.rule in ids)
    return hits


def _unused_findings(
    suppressions: Sequence[Suppression], named: _Named, used: Collection[_Hit], enabled: Collection[str]
) -> list[tuple[int, Finding]]:
    """unused-suppression findings, each with the index of the comment it is about."""
    issues: list[tuple[int, str, str | None]] = []
    for index, s in enumerate(suppressions):
        where = "in this document" if s.whole_file else (f"on line {s.target}" if s.target else "below it")
        if s.malformed:
            fix = "write 'biblio: ignore[rule,...]' or 'biblio: ignore-file[rule,...]'"
            issues.append((index, f"'{s.text}' is not a biblio suppression", fix))
        elif not s.names:
            if (index, "") not in used:
                issues.append((index, f"'{s.text}' suppresses nothing {where}", "remove the comment"))
        else:
            for name in (n for n in s.names if n not in named[index]):
                close = difflib.get_close_matches(name, [r.id for r in RULES], n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else " (run 'biblio rules' for the list)"
                issues.append((index, f"unknown rule '{name}' in '{s.text}'{hint}", None))
            stale = [
                name
                for name, ids in named[index].items()
                if (index, name) not in used and (ids - {UNUSED.id}) & set(enabled)
            ]
            if stale:
                listed = ", ".join(f"'{name}'" for name in stale)
                fix = "remove the comment" if len(stale) == len(s.names) else f"remove {listed} from it"
                issues.append((index, f"{listed} suppresses nothing {where}", fix))
    return [
        (index, Finding(UNUSED.id, UNUSED.severity, suppressions[index].line, message, suggestion=fix))
        for index, message, fix in issues
    ]


def _sort(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (f.line, -f.severity, f.rule)))


def apply_suppressions(
    result: DocumentResult, suppressions: Sequence[Suppression], rules: Sequence[Rule], online: bool = False
) -> DocumentResult:
    """Drop the findings the document's `biblio:` comments suppress; report stale ones.

    `rules` are the rules that ran: a suppression naming only rules that did not run (or the
    online rules in an offline run) cannot be judged and is not reported as unused.
    """
    if not suppressions:
        return result
    named = [
        {name: frozenset(r.id for r in rules_) for name in s.names if (rules_ := _rules_named(name)) is not None}
        for s in suppressions
    ]
    used: set[_Hit] = set()
    kept: list[Finding] = []
    for finding in result.findings:
        hits = _covering(finding, suppressions, named)
        used |= hits
        if not hits:
            kept.append(finding)
    removed = len(result.findings) - len(kept)
    enabled = {r.id for r in rules if online or not r.code.startswith("N")}
    if UNUSED.id in enabled:
        for source, finding in _unused_findings(suppressions, named, used, enabled):
            if _covering(finding, suppressions, named, skip=source):  # never by the comment it is about
                removed += 1
            else:
                kept.append(finding)
    return replace(result, findings=_sort(kept), suppressed=result.suppressed + removed)


def glob_matches(pattern: str, path: str) -> bool:
    """Whether a per-file-ignores glob matches a '/'-separated relative path, as ruff matches them.

    `*` and `?` stay within a path segment, `**` crosses segments, `[...]` is a character
    class; a pattern without '/' also matches the file name alone ("*.md").
    """
    pattern = pattern.replace("\\", "/").removeprefix("./")
    regex = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            regex.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            regex.append(".*")
            i += 2
        elif pattern[i] == "*":
            regex.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            regex.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end]
            regex.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            regex.append(re.escape(pattern[i]))
            i += 1
    compiled = re.compile("".join(regex) + "/?")
    if compiled.fullmatch(path):
        return True
    return "/" not in pattern and compiled.fullmatch(PurePosixPath(path).name) is not None


def relative_path(path: str, root: Path | None) -> str | None:
    """A document path relative to the config directory ('/'-separated); None for stdin or outside it."""
    if path.startswith("<"):
        return None
    if root is None:
        return Path(path).as_posix()
    try:  # abspath, not Path.absolute: "drafts/../b.md" must not match "drafts/**"
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        try:
            return Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return None


def ignored_by_path(
    path: str, per_file_ignores: Sequence[tuple[str, Sequence[str]]], root: Path | None
) -> frozenset[str]:
    """The rule ids per-file-ignores turn off for the document at `path`."""
    relative = relative_path(path, root)
    ids: set[str] = set()
    for pattern, selectors in per_file_ignores:
        matched = glob_matches(pattern, relative) if relative is not None else False
        if not matched and relative is None and not path.startswith("<") and "/" not in pattern:
            matched = glob_matches(pattern, Path(path).name)
        if matched and selectors:
            ids.update(r.id for r in select_rules(tuple(selectors)))
    return frozenset(ids)


def apply_per_file_ignores(
    result: DocumentResult, per_file_ignores: Sequence[tuple[str, Sequence[str]]], root: Path | None
) -> DocumentResult:
    """Drop the findings of rules that per-file-ignores turn off for this document."""
    if not per_file_ignores:
        return result
    ids = ignored_by_path(result.document.path, per_file_ignores, root)
    kept = tuple(f for f in result.findings if f.rule not in ids)
    removed = len(result.findings) - len(kept)
    return replace(result, findings=kept, suppressed=result.suppressed + removed) if removed else result
