"""Renderers: a Report in, a string out. They never print; the CLI writes the string."""

from biblio_cli.report.json_report import render_json, report_to_dict
from biblio_cli.report.text import render_text

FORMATS = ("text", "json")

__all__ = ["FORMATS", "render_json", "render_text", "report_to_dict"]
