"""Renderers: a Report in, a string out. They never print; the CLI writes the string."""

from __future__ import annotations

from collections.abc import Callable

from biblio_cli.errors import UsageError
from biblio_cli.model import Report
from biblio_cli.report.github import render_github
from biblio_cli.report.json_report import render_json, report_to_dict
from biblio_cli.report.sarif import render_sarif, report_to_sarif
from biblio_cli.report.text import render_text

#: `--format` name -> renderer.
RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}
FORMATS = tuple(RENDERERS)


def render(report: Report, output_format: str) -> str:
    """Render `report` in one of FORMATS."""
    try:
        renderer = RENDERERS[output_format]
    except KeyError:
        raise UsageError(f"unknown format '{output_format}' (known formats: {', '.join(FORMATS)})") from None
    return renderer(report)


__all__ = [
    "FORMATS",
    "RENDERERS",
    "render",
    "render_github",
    "render_json",
    "render_sarif",
    "render_text",
    "report_to_dict",
    "report_to_sarif",
]
