"""`biblio export`: parse options, call biblio_cli.export, write stdout or a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from biblio_cli.commands.options import config_options, file_config, max_size_option
from biblio_cli.errors import UsageError
from biblio_cli.export.core import FORMATS, LOCALES, STYLE_FORMATS
from biblio_cli.model import Reference

if TYPE_CHECKING:
    from biblio_cli.config import Settings


@click.command()
@click.argument("source", type=click.Path(path_type=str))
@click.option("--to", "to", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "--locale",
    type=click.Choice(LOCALES),
    default=None,
    help="APA language: en, or fr for the French adaptation ('Dans ... (dir.)', 's. d.', 'et')."
    "  [default: locale in the config file, else en]",
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
@config_options
@click.option(
    "--online",
    is_flag=True,
    help="Fill in and correct DOI, container, volume, issue, pages and year from the registries"
    " (each change listed on stderr).",
)
@click.option("--offline", is_flag=True, help="Like --online, from cached registry answers only.")
@click.option("--refresh", is_flag=True, help="With --online: ignore cached registry answers.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Registry cache directory.")
@max_size_option
def export(
    source: str,
    to: str,
    locale: str | None,
    style_format: str,
    output: str | None,
    config_file: Path | None,
    no_config: bool,
    online: bool = False,
    offline: bool = False,
    refresh: bool = False,
    cache_dir: Path | None = None,
) -> None:
    """Export a reference list as BibTeX, biblatex, APA 7, CSL-JSON or RIS.

    SOURCE is a document (its reference list is parsed as `biblio check` does), a .bib,
    a CSL-JSON (.json) or a RIS (.ris) file; - reads a document from standard input.
    Entries that could not be parsed are exported with a note and listed on stderr.

    \b
    Examples:
      biblio export paper.md --to bibtex -o paper.bib
      biblio export paper.md --to apa --locale fr --style-format markdown
      biblio export library.bib --to csl-json
      biblio export paper.md --to bibtex --online -o paper.bib
    """
    from biblio_cli.config import merge
    from biblio_cli.export.core import export_references, load_references, load_text
    from biblio_cli.output import write_atomic
    from biblio_cli.readers.text import decode_bytes

    settings = merge(file_config(config_file, no_config), locale=locale, cache_dir=cache_dir)
    locale = settings.locale

    if source == "-":
        from biblio_cli.readers.limits import read_limited

        text, _ = decode_bytes(read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>")
        loaded = load_text(text, "document", "<stdin>")
    else:
        loaded = load_references(source)
    references = loaded.references
    if online or offline or refresh:
        references = _enrich_online(references, online, offline, refresh, settings)
    result = export_references(references, to, locale=locale, style_format=style_format, language=loaded.language)
    for warning in (*loaded.warnings, *result.warnings):
        click.echo(f"biblio: warning: {warning}", err=True)
    if output:
        write_atomic(output, result.text, protected=[source] if source != "-" else [])
    else:
        click.echo(result.text, nl=False)


def _enrich_online(
    references: tuple[Reference, ...], online: bool, offline: bool, refresh: bool, settings: Settings
) -> tuple[Reference, ...]:
    """Resolve the references and apply the registries' records; every change goes to stderr.

    The config file's mailto, registry URLs and cache-dir apply, as for `check --online`.
    """
    from biblio_cli.commands.registry_cli import make_resolver, resolve_with_progress
    from biblio_cli.export.enrich import enrich

    if online and offline:
        raise UsageError("--online and --offline contradict each other")
    if refresh and not online:
        raise UsageError("--refresh needs --online")
    with make_resolver(offline, refresh, settings.cache_dir, mailto=settings.mailto, urls=settings.url_map) as resolver:
        result = resolve_with_progress(resolver, references)
    enriched, changes = enrich(references, result)
    for change in changes:
        click.echo(change.describe(), err=True)
    for message in result.unavailable:
        click.echo(f"biblio: warning: registry unavailable, entries left as written: {message}", err=True)
    return enriched
