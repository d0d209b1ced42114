"""Options shared by several commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from biblio_cli.config import FileConfig, load_config
from biblio_cli.errors import UsageError
from biblio_cli.readers.limits import DEFAULT_MAX_SIZE, format_size, input_limit, parse_size

F = TypeVar("F", bound=Callable[..., Any])


def _set_max_size(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """Apply --max-size for the rest of the command (the limit is reset when the command ends)."""
    if value is None:
        return
    try:
        size = parse_size(value)
    except UsageError as exc:
        raise click.BadParameter(str(exc)) from None
    ctx.with_resource(input_limit(size))


def max_size_option(command: F) -> F:
    """`--max-size SIZE` (env BIBLIO_MAX_SIZE): the input size limit, applied while the command runs."""
    decorator = click.option(
        "--max-size",
        metavar="SIZE",
        envvar="BIBLIO_MAX_SIZE",
        callback=_set_max_size,
        expose_value=False,
        is_eager=True,
        help=f"Largest input accepted, e.g. 200MB or 1GiB (default {format_size(DEFAULT_MAX_SIZE)}; "
        "also BIBLIO_MAX_SIZE). Longest line: 1/50 of it; XML inside .docx/.odt scales with it.",
    )
    return decorator(command)


#: Draw a progress bar only for runs over more documents than this (and only on a terminal).
PROGRESS_MIN_DOCUMENTS = 20


@contextmanager
def document_progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A `pipeline.Progress` callback drawing a bar on stderr, or None when not `enabled`.

    The bar appears once a run is known to hold PROGRESS_MIN_DOCUMENTS documents, so short
    runs never flash one.
    """
    if not enabled:
        yield None
        return
    bars: list[Any] = []

    def update(done: int, total: int) -> None:
        if not bars and total > PROGRESS_MIN_DOCUMENTS:
            bars.append(click.progressbar(length=total, label="reading", file=sys.stderr).__enter__())
        if bars:
            bar = bars[0]
            bar.length = max(bar.length or 0, total)
            bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bars:
            bars[0].__exit__(None, None, None)


def config_options(command: F) -> F:
    """`--config FILE` and `--no-config`, read by `file_config` (the same on every command)."""
    command = click.option("--no-config", is_flag=True, help="Ignore configuration files.")(command)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Read settings from this file (a .biblio.toml, or a pyproject.toml with [tool.biblio])"
        " instead of searching upward from the current directory.",
    )(command)


def file_config(config_file: Path | None, no_config: bool) -> FileConfig:
    """The configuration file's settings as the two options ask: none, the named file, or the nearest."""
    if config_file and no_config:
        raise UsageError("--config and --no-config contradict each other")
    return FileConfig() if no_config else load_config(Path.cwd(), config_file)
