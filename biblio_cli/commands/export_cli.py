"""`biblio export`: parse options, call biblio_cli.export, write stdout or a file."""

from __future__ import annotations

import sys

import click

from biblio_cli.export.core import FORMATS, LOCALES, STYLE_FORMATS


@click.command()
@click.argument("source", type=click.Path(path_type=str))
@click.option("--to", "to", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "--locale",
    type=click.Choice(LOCALES),
    default="en",
    show_default=True,
    help="APA language: en, or fr for the French adaptation ('Dans ... (dir.)', 's. d.', 'et').",
)
@click.option(
    "--style-format",
    type=click.Choice(STYLE_FORMATS),
    default="text",
    show_default=True,
    help="APA markup: plain text, Markdown (*italics*) or HTML (<i>).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write to this file (atomically) instead of standard output; never over SOURCE.",
)
def export(source: str, to: str, locale: str, style_format: str, output: str | None) -> None:
    """Export a reference list as BibTeX, biblatex, APA 7, CSL-JSON or RIS.

    SOURCE is a document (its reference list is parsed as `biblio check` does), a .bib,
    a CSL-JSON (.json) or a RIS (.ris) file; - reads a document from standard input.
    Entries that could not be parsed are exported with a note and listed on stderr.

    \b
    Examples:
      biblio export paper.md --to bibtex -o paper.bib
      biblio export paper.md --to apa --locale fr --style-format markdown
      biblio export library.bib --to csl-json
    """
    from biblio_cli.export.core import export_references, load_references, load_text
    from biblio_cli.output import write_atomic
    from biblio_cli.readers.text import decode_bytes

    if source == "-":
        text, _ = decode_bytes(sys.stdin.buffer.read(), "<stdin>")
        loaded = load_text(text, "document", "<stdin>")
    else:
        loaded = load_references(source)
    result = export_references(
        loaded.references, to, locale=locale, style_format=style_format, language=loaded.language
    )
    for warning in (*loaded.warnings, *result.warnings):
        click.echo(f"biblio: warning: {warning}", err=True)
    if output:
        write_atomic(output, result.text, protected=[source] if source != "-" else [])
    else:
        click.echo(result.text, nl=False)
