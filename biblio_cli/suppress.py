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
from dataclasses import replace
from pathlib import Path, PurePosixPath

from biblio_cli.errors import UsageError
from biblio_cli.model import DocumentResult, Finding
from biblio_cli.rules import RULES, RULES_BY_ID, Rule, select_rules
from biblio_cli.suppression_comments import Suppression, split_suppressions

__all__ = ["Suppression", "apply_per_file_ignores", "apply_suppressions", "split_suppressions"]

#: The rule reporting stale, unknown or malformed suppressions.
UNUSED = RULES_BY_ID["unused-suppression"]


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
