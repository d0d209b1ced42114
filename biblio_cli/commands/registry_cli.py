"""`biblio resolve` and `biblio cache`: options in, library calls, text out. No registry logic here."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from biblio_cli.commands.options import config_options, file_config, max_size_option
from biblio_cli.errors import UsageError
from biblio_cli.model import ExitCode, Reference

if TYPE_CHECKING:
    from biblio_cli.registry.resolve import OnlineResult, Resolver

#: Show a progress bar only when a run needs more lookups than this (and stderr is a terminal).
PROGRESS_MIN_LOOKUPS = 5


def cache_dir_option(fn: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Registry cache directory (default: the user cache directory, or BIBLIO_CACHE_DIR).",
    )(fn)


def make_resolver(
    offline: bool,
    refresh: bool,
    cache_dir: Path | None,
    mailto: str | None = None,
    urls: Mapping[str, str] | None = None,
) -> Resolver:
    """A Resolver from CLI options and config values.

    The environment (BIBLIO_*_URL, BIBLIO_MAILTO) gives the defaults; `mailto` and `urls`
    (keys "crossref", "datacite", "doiorg", "hal", e.g. from a config file) win over it. Every
    URL passes the same check: https, or plain http on a loopback address only.
    """
    from dataclasses import replace

    from biblio_cli.registry.http import HttpSettings
    from biblio_cli.registry.resolve import Endpoints, Resolver, ResolveSettings

    if offline and refresh:
        raise UsageError("--offline and --refresh contradict each other (--refresh needs the network)")
    endpoints = Endpoints.from_env().with_urls(urls or {})
    http = HttpSettings.from_env()
    if mailto is not None:
        http = replace(http, mailto=mailto.strip())
    settings = ResolveSettings(endpoints=endpoints, http=http, cache_dir=cache_dir, offline=offline, refresh=refresh)
    return Resolver(settings)


@contextmanager
def progress(resolver: Resolver, total: int) -> Iterator[None]:
    """A progress bar on stderr while the resolver works, only on a terminal and for more than a handful."""
    if total <= PROGRESS_MIN_LOOKUPS or not sys.stderr.isatty():
        yield
        return
    with click.progressbar(length=total, label="resolving", file=sys.stderr) as bar:
        # Searches for DOIs that turn out not to exist are extra work: never run past 100 %.
        resolver.progress = lambda n: bar.update(max(0, min(n, total - bar.pos)))
        try:
            yield
        finally:
            resolver.progress = None


def echo_warnings(warnings: Iterable[str]) -> None:
    """One line on stderr per warning the library recorded (a rebuilt cache...)."""
    for warning in warnings:
        click.echo(f"biblio: warning: {warning}", err=True)


def resolve_with_progress(resolver: Resolver, refs: Sequence[Reference]) -> OnlineResult:
    """Resolve references with a progress bar, printing the run's new warnings on stderr."""
    with progress(resolver, resolver.planned_lookups(refs)):
        online = resolver.resolve_references(refs)
    echo_warnings(online.warnings)
    return online


def online_hook(resolver: Resolver) -> Callable[[tuple[Reference, ...]], OnlineResult]:
    """What `check --online` hands the pipeline: resolve one document's references, with a progress bar."""

    def hook(refs: tuple[Reference, ...]) -> OnlineResult:
        return resolve_with_progress(resolver, refs)

    return hook


#: `--write-dois` output formats, by file suffix.
WRITE_DOIS_FORMATS = {".bib": "bibtex", ".json": "csl-json", ".csv": "csv"}


def write_dois_format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in WRITE_DOIS_FORMATS:
        raise UsageError(f"--write-dois {path}: use a .bib (BibTeX), .json (CSL-JSON) or .csv file")
    return WRITE_DOIS_FORMATS[suffix]


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="PATH|DOI...")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--offline", is_flag=True, help="Answer from the cache only; never touch the network.")
@click.option("--refresh", is_flag=True, help="Ignore cached answers (new answers are still cached).")
@cache_dir_option
@config_options
@max_size_option
@click.option(
    "--write-dois",
    type=click.Path(dir_okay=False, path_type=str),
    help=(
        "Export the documents' references with the DOIs found filled in: .bib (BibTeX) or .json"
        " (CSL-JSON); .csv lists the DOIs only. Written atomically; documents are never modified."
    ),
)
def resolve(
    targets: tuple[str, ...],
    output_format: str,
    offline: bool,
    refresh: bool,
    cache_dir: Path | None,
    config_file: Path | None,
    no_config: bool,
    write_dois: str | None,
) -> None:
    """Resolve DOIs, and the references of documents, against Crossref, DataCite, doi.org and HAL.

    Each target is a document (its reference list is resolved, and DOIs are searched for
    entries without one) or a DOI. Set BIBLIO_MAILTO to your e-mail address so the registries
    can contact you (and give you their faster polite pool).

    \b
    Exit status: 0 all resolved, 1 a DOI does not exist or a work is retracted, 2 usage error.

    \b
    Examples:
      biblio resolve 10.1371/journal.pone.0033693
      biblio resolve paper.md --format json
      biblio resolve paper.md --write-dois paper-with-dois.bib
    """
    from biblio_cli.config import merge
    from biblio_cli.export.core import export_references, load_document
    from biblio_cli.export.enrich import fill_dois
    from biblio_cli.normalize import is_valid_doi, normalize_doi
    from biblio_cli.output import write_atomic
    from biblio_cli.readers import read_any
    from biblio_cli.reference_list import parse_references
    from biblio_cli.registry import report

    out_format = write_dois_format(write_dois) if write_dois else ""
    documents, dois = [], []
    for target in targets:
        if Path(target).is_file():
            documents.append(target)
        elif is_valid_doi(normalize_doi(target)):
            dois.append(target)
        else:
            raise UsageError(f"{target}: neither a readable file nor a DOI")
    if out_format in ("bibtex", "csl-json") and not documents:
        raise UsageError("--write-dois exports a document's references: give a document, not only DOIs")
    items: list[report.ResolvedItem] = []
    filled: list[Reference] = []
    # The config file's mailto, registry URLs and cache-dir apply, as for `check`.
    config = merge(file_config(config_file, no_config), cache_dir=cache_dir)
    with make_resolver(offline, refresh, config.cache_dir, mailto=config.mailto, urls=config.url_map) as resolver:
        echo_warnings(resolver.take_warnings())
        for path in documents:
            document = read_any(path)
            refs = parse_references(document)[0]
            online = resolve_with_progress(resolver, refs)
            items.extend(report.items_for_references(path, refs, online))
            if out_format in ("bibtex", "csl-json") and refs:
                # The references `biblio export` would write (footnotes repeating the list once).
                with_dois, changes = fill_dois(load_document(document).references, online)
                filled.extend(with_dois)
                for change in changes:
                    click.echo(change.describe(), err=True)
        if dois:
            with progress(resolver, len(dois)):
                items.extend(report.items_for_dois(resolver.resolve_dois(dois)))
            echo_warnings(resolver.take_warnings())
        unavailable = resolver.unavailable_messages()
    render = report.render_json if output_format == "json" else report.render_text
    click.echo(render(items, unavailable), nl=False)
    if write_dois:
        text = report.dois_csv(items) if out_format == "csv" else export_references(filled, out_format).text
        write_atomic(write_dois, text, protected=documents)
    sys.exit(ExitCode.FINDINGS if any(i.flagged for i in items) else ExitCode.OK)


@click.group()
def cache() -> None:
    """Inspect or empty the registry cache.

    \b
    Examples:
      biblio cache info
      biblio cache clear --expired
    """


@cache.command()
@cache_dir_option
def info(cache_dir: Path | None) -> None:
    """Where the cache is, how big, and what it holds.

    \b
    Examples:
      biblio cache info
      biblio cache info --cache-dir .cache/biblio
    """
    from biblio_cli.registry.cache import Cache

    with Cache(cache_dir) as store:
        stats = store.info()
        echo_warnings(store.take_warnings())
    click.echo(f"path: {stats.path}")
    click.echo(f"size: {stats.size_bytes / 1024:.1f} KiB")
    click.echo(f"entries: {stats.entries} ({stats.expired} expired)")
    for kind, status, count in stats.by_kind:
        click.echo(f"  {kind} {status}: {count}")


@cache.command()
@cache_dir_option
@click.option("--expired", is_flag=True, help="Only remove expired entries.")
def clear(cache_dir: Path | None, expired: bool) -> None:
    """Remove cached registry answers (all of them, or with --expired only the stale ones).

    \b
    Examples:
      biblio cache clear --expired
      biblio cache clear
    """
    from biblio_cli.registry.cache import Cache

    with Cache(cache_dir) as store:
        removed = store.clear(expired_only=expired)
        echo_warnings(store.take_warnings())
    click.echo(f"removed {removed} entr{'y' if removed == 1 else 'ies'}")
