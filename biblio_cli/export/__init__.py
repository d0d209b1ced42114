"""Export references to BibTeX, biblatex, APA 7, CSL-JSON and RIS.

Pure functions: references in, text and warnings out. `biblio_cli.commands.export_cli`
is the thin CLI on top; nothing here prints.
"""

from __future__ import annotations

from biblio_cli.export.core import FORMATS, ExportResult, export_references, load_references

__all__ = ["FORMATS", "ExportResult", "export_references", "load_references"]
