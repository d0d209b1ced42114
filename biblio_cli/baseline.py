"""Baselines: accept today's findings so that only new ones are reported (`--baseline FILE`).

A finding is known by a fingerprint of its rule, its document's path (relative to the
baseline file's directory), the citation or reference it is about and its message with
line numbers taken out, so that edits elsewhere in the document (which move lines and
renumber citations) do not make old findings look new. Identical findings are counted: a
baseline holding two leaves a third one reported.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from biblio_cli.errors import InputError
from biblio_cli.model import DocumentResult, Finding, Report

#: Format of the baseline file; bumped only for an incompatible change.
BASELINE_VERSION = 1
_LINE_NUMBERS = re.compile(r"\b(lines?|ligne|lignes) \d+(?:(?:,\s*|\s+and\s+|\s+et\s+)\d+)*")


def document_key(path: str, root: Path) -> str:
    """The document path as a baseline stores it: relative to `root` with '/', or as given."""
    if path.startswith("<"):
        return path
    try:
        return Path(os.path.relpath(Path(path).absolute(), root.absolute())).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).as_posix()


def label(result: DocumentResult, finding: Finding) -> str:
    """What the finding is about, independent of ids and lines: 'Paul 2018', 'Cardon, D. (2019)'."""
    parts = []
    if finding.citation:
        parts += [c.label() for c in result.citations if c.id == finding.citation]
    if finding.reference:
        parts += [r.short_label() for r in result.references if r.id == finding.reference]
    return " | ".join(parts)


def entry(result: DocumentResult, finding: Finding, root: Path) -> dict[str, str]:
    return {
        "rule": finding.rule,
        "path": document_key(result.document.path, root),
        "label": label(result, finding),
        "message": _LINE_NUMBERS.sub(r"\1 #", finding.message),
    }


def fingerprint(fields: Mapping[str, str]) -> str:
    text = "\0".join(fields[key] for key in ("rule", "path", "label", "message"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def render_baseline(report: Report, root: Path) -> str:
    """The baseline file for `report`: JSON keyed by fingerprint, with a count, sorted."""
    entries: dict[str, dict[str, Any]] = {}
    for result in report.documents:
        for finding in result.findings:
            fields = entry(result, finding, root)
            key = fingerprint(fields)
            if key in entries:
                entries[key]["count"] += 1
            else:
                entries[key] = {**fields, "count": 1}
    data = {"version": BASELINE_VERSION, "tool": "biblio", "findings": dict(sorted(entries.items()))}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_baseline(text: str, name: str) -> Counter[str]:
    """Fingerprint -> count from a baseline file's text; InputError when it is not one."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{name}: not a biblio baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), dict):
        raise InputError(f"{name}: not a biblio baseline (no 'findings' object)")
    if data.get("version") != BASELINE_VERSION:
        raise InputError(f"{name}: unsupported baseline version {data.get('version')!r} (expected 1)")
    counts: Counter[str] = Counter()
    for key, value in data["findings"].items():
        count = value.get("count") if isinstance(value, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise InputError(f"{name}: not a biblio baseline (entry {key!r} has no positive 'count')")
        counts[key] = count
    return counts


def load_baseline(path: str | Path) -> Counter[str]:
    """Read a baseline file written by `--write-baseline`; InputError (one line) when missing or corrupt."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a baseline file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a biblio baseline (not UTF-8 text)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return parse_baseline(text, str(path))


def apply_baseline(report: Report, baseline: Mapping[str, int], root: Path) -> Report:
    """The report without the findings the baseline accepts (each counted in `baselined`)."""
    remaining = Counter(baseline)
    documents = []
    for result in report.documents:
        kept = []
        for finding in result.findings:
            key = fingerprint(entry(result, finding, root))
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(finding)
        dropped = len(result.findings) - len(kept)
        documents.append(replace(result, findings=tuple(kept), baselined=result.baselined + dropped))
    return replace(report, documents=tuple(documents))
