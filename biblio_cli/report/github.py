"""The `--format github` output: GitHub Actions workflow commands that annotate the files.

One `::error file=F,line=N,title=RULE::message` line per finding (`::warning`, `::notice`
for lower severities). Values are escaped as the Actions runner expects (actions/toolkit,
command.ts): data escapes `%`, CR and LF; properties also escape `:` and `,`.
"""

from __future__ import annotations

from biblio_cli.model import DocumentResult, Finding, Report, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def annotation(result: DocumentResult, finding: Finding) -> str:
    properties = []
    if not result.document.path.startswith("<"):  # "<stdin>" is no file to annotate
        properties.append(f"file={escape_property(_path(result.document.path))}")
        if finding.line >= 1:
            properties.append(f"line={finding.line}")
    properties.append(f"title={escape_property(finding.rule)}")
    message = finding.message
    where = result.document.location(finding.line)
    if where:
        message += f" ({where})"
    if finding.suggestion:
        message += f"\n→ {finding.suggestion}"
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}"


def render_github(report: Report) -> str:
    lines = [annotation(result, finding) for result in report.documents for finding in result.findings]
    return "".join(line + "\n" for line in lines)
