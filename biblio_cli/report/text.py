"""The readable report: one table per document (tabulate), then a one-line summary."""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from biblio_cli.model import Report, Severity
from biblio_cli.report.json_report import summary

#: Width at which messages and suggestions wrap inside the table.
MESSAGE_WIDTH = 72
#: ANSI styles of the severity words when colour is on (bold red, yellow, cyan).
STYLES = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
RESET = "\x1b[0m"


def _severity(severity: Severity, color: bool) -> str:
    return f"{STYLES[severity]}{severity.label}{RESET}" if color else severity.label


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    s = summary(report)
    counts = f"{_plural(s['errors'], 'error')}, {_plural(s['warnings'], 'warning')}, {s['info']} info"
    scope = (
        f"{_plural(s['documents'], 'document')}, {_plural(s['citations'], 'citation')},"
        f" {_plural(s['references'], 'reference')}"
    )
    hidden = [
        f"{total} {word}"
        for total, word in (
            (sum(d.suppressed for d in report.documents), "suppressed"),
            (sum(d.baselined for d in report.documents), "baselined"),
        )
        if total
    ]
    return f"{scope}: {counts}" + (f" ({', '.join(hidden)})" if hidden else "")


def render_text(report: Report, color: bool = False) -> str:
    """The table report; `color` puts ANSI colours on the severity words (the CLI decides when)."""
    blocks = []
    for result in report.documents:
        head = (
            f"{result.document.path}: {_plural(len(result.citations), 'citation')},"
            f" {_plural(len(result.references), 'reference')}"
        )
        if not result.findings:
            blocks.append(f"{head}, no findings")
            continue
        rows = []
        for f in result.findings:
            text = f.message if not f.suggestion else f"{f.message}\n→ {f.suggestion}"
            wrapped = "\n".join(textwrap.fill(part, MESSAGE_WIDTH) for part in text.split("\n"))
            where = result.document.location(f.line)  # "page 4" for PDF, Word, ODT, HTML
            rows.append([f"{f.line} ({where})" if where else f.line, _severity(f.severity, color), f.rule, wrapped])
        table = tabulate(rows, headers=["line", "severity", "rule", "message"], tablefmt="simple")
        blocks.append(f"{head}\n\n{table}")
    blocks.append(summary_line(report))
    return "\n\n".join(blocks) + "\n"
