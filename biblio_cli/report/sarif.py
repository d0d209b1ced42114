"""The `--format sarif` output: SARIF 2.1.0, as read by GitHub code scanning and IDE viewers.

One run, with the whole rule catalogue as `tool.driver.rules` (so viewers can show each
rule's documentation) and one result per finding, located by artifact URI and start line.
Documents read from Word, ODT, PDF or HTML also carry their source location ("page 4") as
the location's message. The output validates against the official schema
(tests/data/sarif-schema-2.1.0.json).
"""

from __future__ import annotations

import json
from pathlib import PurePath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from biblio_cli import __version__
from biblio_cli.model import DocumentResult, Finding, Report, Severity
from biblio_cli.rules import RULES, Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_URI = "https://github.com/biblio-cli/biblio"
#: SARIF levels for our severities ("note" is SARIF's word for info).
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A document path as a SARIF uri-reference: relative paths stay relative, with '/' separators."""
    if "\\" in path and PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri()
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    if PurePath(posix).is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def rule_name(rule: Rule) -> str:
    """'year-mismatch' -> 'YearMismatch': SARIF's `name` is an identifier-like label."""
    return "".join(part.capitalize() for part in rule.id.split("-"))


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    documentation = rule.documentation or rule.summary
    return {
        "id": rule.id,
        "name": rule_name(rule),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": documentation},
        "help": {"text": documentation, "markdown": documentation},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"code": rule.code, "tags": ["bibliography"]},
    }


def _message(finding: Finding) -> str:
    return f"{finding.message} → {finding.suggestion}" if finding.suggestion else finding.message


def _result(result: DocumentResult, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(result.document.path)}}
    if finding.line >= 1:
        region: dict[str, Any] = {"startLine": finding.line}
        snippet = result.document.line_text(finding.line)
        if snippet.strip() and not result.document.locations:  # extracted text is no snippet of a .docx
            region["snippet"] = {"text": snippet}
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    where = result.document.location(finding.line)
    if where:
        location["message"] = {"text": where}
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": _message(finding)},
        "locations": [location],
    }
    if finding.rule in index:
        entry["ruleIndex"] = index[finding.rule]
    extra = {k: v for k, v in (("citation", finding.citation), ("reference", finding.reference)) if v}
    if finding.suggestion:
        extra["suggestion"] = finding.suggestion
    if extra:
        entry["properties"] = extra
    return entry


def report_to_sarif(report: Report) -> dict[str, Any]:
    index = {rule.id: i for i, rule in enumerate(RULES)}
    results = [_result(result, finding, index) for result in report.documents for finding in result.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "biblio",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": TOOL_URI,
                        "rules": [rule_descriptor(rule) for rule in RULES],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(report: Report) -> str:
    return json.dumps(report_to_sarif(report), ensure_ascii=False, indent=2) + "\n"
