"""The `--format json` output. Its schema (docs/json-schema.md) is a contract: add fields, never rename."""

from __future__ import annotations

import io
import json
from typing import Any

from biblio_cli.model import Citation, Document, DocumentResult, Finding, Person, Reference, Report, Severity

#: Bumped only for an incompatible change, which the contract forbids; new fields keep version 1.
SCHEMA_VERSION = 1


def _person(person: Person) -> dict[str, Any]:
    return {"family": person.full_family, "given": person.given or None, "group": person.is_group}


def _reference(ref: Reference) -> dict[str, Any]:
    return {
        "id": ref.id,
        "line": ref.line,
        "end_line": ref.end_line,
        "text": ref.text,
        "authors": [_person(p) for p in ref.authors],
        "year": ref.year_text or None,
        "title": ref.title or None,
        "container": ref.container or None,
        "editors": [_person(p) for p in ref.editors],
        "volume": ref.volume or None,
        "issue": ref.issue or None,
        "pages": ref.pages or None,
        "publisher": ref.publisher or None,
        "doi": ref.doi or None,
        "url": ref.url or None,
        "identifiers": {kind: value for kind, value in ref.identifiers},
        "type": ref.type,
        "group": ref.group or None,
        "source": ref.source,
        "footnote": ref.footnote or None,
    }


def _citation(citation: Citation, reference: str | None) -> dict[str, Any]:
    return {
        "id": citation.id,
        "line": citation.line,
        "text": citation.text,
        "authors": [{"family": name} for name in citation.authors],
        "et_al": citation.et_al,
        "year": citation.year_text or None,
        "locator": citation.locator or None,
        "narrative": citation.narrative,
        "reference": reference,
        "key": citation.key or None,  # keyed citations (LaTeX \cite{key}, pandoc [@key]); null for author-year
    }


def _finding(finding: Finding, document: Document) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.label,
        "line": finding.line,
        "message": finding.message,
        "citation": finding.citation,
        "reference": finding.reference,
        "suggestion": finding.suggestion,
        "location": document.location(finding.line) or None,  # "page 4" in a PDF; null in text files
    }


def _document(result: DocumentResult) -> dict[str, Any]:
    linked = {m.citation.id: (m.reference.id if m.reference else None) for m in result.matches}
    return {
        "path": result.document.path,
        "language": result.document.language,
        "encoding": result.document.encoding,
        "reference_heading": result.reference_heading or None,
        "references": [_reference(r) for r in result.references],
        "citations": [_citation(c, linked.get(c.id)) for c in result.citations],
        "findings": [_finding(f, result.document) for f in result.findings],
        "suppressed": result.suppressed,
        "baselined": result.baselined,
    }


def summary(report: Report) -> dict[str, int]:
    return {
        "documents": len(report.documents),
        "references": sum(len(d.references) for d in report.documents),
        "citations": sum(len(d.citations) for d in report.documents),
        "findings": sum(len(d.findings) for d in report.documents),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "info": report.count(Severity.INFO),
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "documents": [_document(d) for d in report.documents],
        "summary": summary(report),
    }


def render_json(report: Report) -> str:
    # json.dump into a buffer writes piece by piece; json.dumps with indent joins millions of
    # fragments at once, which tripled peak memory on a 10 MB document (benchmarks/memory.py).
    buffer = io.StringIO()
    json.dump(report_to_dict(report), buffer, ensure_ascii=False, indent=2)
    buffer.write("\n")
    return buffer.getvalue()
