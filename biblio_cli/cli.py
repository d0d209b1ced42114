"""The `biblio` command line: parse options, call the library, render, set the exit code.

Nothing here knows how citations are found or matched; see pipeline.py for that.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

import click

from biblio_cli import __version__
from biblio_cli.commands.options import config_options, document_progress, file_config, max_size_option
from biblio_cli.config import merge
from biblio_cli.errors import BiblioError, Interrupted, UsageError
from biblio_cli.model import ExitCode, Report, Severity

_FAIL_ON = ("error", "warning", "info", "never")


def _split_list(values: Sequence[str]) -> tuple[str, ...]:
    """'--select a,b --select c' -> ('a', 'b', 'c')."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def exit_code(report: Report, fail_on: str) -> ExitCode:
    worst = report.worst()
    if fail_on == "never" or worst is None:
        return ExitCode.OK
    return ExitCode.FINDINGS if worst >= Severity.parse(fail_on) else ExitCode.OK


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="biblio")
def main() -> None:
    """biblio: check that in-text citations agree with the reference list.

    \b
    Examples:
      biblio check paper.md
      biblio check refs/ --format json
      biblio rules year-mismatch
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif", "github"]),
    default="text",
    show_default=True,
    help="Report format: a readable table, JSON with a stable schema (docs/json-schema.md),"
    " SARIF 2.1.0 (code scanning), or GitHub Actions annotations.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: ids, codes or code prefixes, comma-separated (e.g. C,R204).",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same syntax as --select).")
@click.option(
    "--fail-on",
    type=click.Choice(_FAIL_ON),
    default=None,
    help="Exit with status 1 when a finding of this severity or worse is reported."
    "  [default: error, or fail-on in the config file]",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the report to this file (atomically) instead of standard output.",
)
@click.option("--online", is_flag=True, help="Also verify DOIs and metadata against the registries (cached).")
@click.option("--offline", is_flag=True, help="Run the online rules from cached registry answers only.")
@click.option("--refresh", is_flag=True, help="With --online: ignore cached registry answers.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Registry cache directory.")
@click.option(
    "--bibliography",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=str),
    help="A .bib, CSL-JSON or CSL-YAML file for keyed citations (LaTeX \\cite, pandoc [@key]) and for"
    " chapters without their own reference list; repeat for several.",
)
@config_options
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=str),
    help="Report only findings that are not in this baseline file (see --write-baseline).",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write today's findings to this baseline file (atomically); they are then reported as baselined.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the severities in the text report; auto: only on a terminal, without NO_COLOR and -o.",
)
@max_size_option
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    output: str | None,
    online: bool,
    offline: bool,
    refresh: bool,
    cache_dir: Path | None,
    bibliography: tuple[str, ...],
    config_file: Path | None,
    no_config: bool,
    baseline: str | None,
    write_baseline: str | None,
    color: str,
) -> None:
    """Check documents: every citation against the reference list, and the list itself.

    PATHS are Markdown, plain-text, Word (.docx), OpenDocument (.odt), PDF, HTML or LaTeX (.tex)
    files, or directories (searched for those). Use - to read standard input (as text).
    Bibliography files (.bib, CSL-JSON .json, CSL-YAML .yaml) given as PATHS, found in a
    directory, or named by the documents (\\bibliography, pandoc's `bibliography:`) serve the
    keyed citations. Files checked together share their lists: an entry cited in any chapter
    is cited, and chapters without a list are matched against a file holding only the list.

    \b
    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error,
    130 interrupted (Ctrl-C), 143 terminated (SIGTERM).

    \b
    Examples:
      biblio check paper.md
      biblio check chapters/ --format json -o report.json
      biblio check thesis.docx article.pdf --format sarif -o biblio.sarif
      biblio check paper.md --ignore list-order,uncited-reference --fail-on warning
      biblio check paper.md --online
      biblio check paper.tex
      biblio check chapters/*.md --bibliography refs.bib
      biblio check docs/ --write-baseline biblio-baseline.json
      biblio check docs/ --baseline biblio-baseline.json

    \b
    Settings also come from [tool.biblio] in pyproject.toml or from .biblio.toml (the nearest
    one above the current directory); options given here win over them.
    """
    from biblio_cli import baseline as baselines
    from biblio_cli.output import write_atomic
    from biblio_cli.pipeline import check as run_check
    from biblio_cli.readers.text import decode_bytes, document_from_text
    from biblio_cli.report import render
    from biblio_cli.report.text import render_text

    settings = merge(
        file_config(config_file, no_config),
        select=_split_list(select),
        ignore=_split_list(ignore),
        fail_on=fail_on,
        cache_dir=cache_dir,
    )
    if online and offline:
        raise UsageError("--online and --offline contradict each other")
    if refresh and not online:
        raise UsageError("--refresh needs --online")
    if baseline and write_baseline:
        raise UsageError("--baseline and --write-baseline: give one (the baseline written is also applied)")
    if write_baseline and output and Path(write_baseline).absolute() == Path(output).absolute():
        raise UsageError(f"{output}: both the report (-o) and the baseline")
    accepted = baselines.load_baseline(baseline) if baseline else None  # fail before a long run
    resolver = None
    if online or offline:
        from biblio_cli.commands.registry_cli import make_resolver, online_hook

        resolver = make_resolver(offline, refresh, settings.cache_dir, mailto=settings.mailto, urls=settings.url_map)
    hook = online_hook(resolver) if resolver else None
    try:
        files = [p for p in paths if p != "-"]
        stdin = []
        if "-" in paths:
            from biblio_cli.readers.limits import read_limited

            text, _ = decode_bytes(read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>")
            stdin.append(document_from_text(text, "<stdin>"))
        with document_progress(sys.stderr.isatty()) as progress:
            report = run_check(files, settings, hook, bibliographies=bibliography, documents=stdin, progress=progress)
    finally:
        if resolver is not None:
            resolver.close()
    if write_baseline:
        written = baselines.render_baseline(report, Path(write_baseline).absolute().parent)
        write_atomic(
            write_baseline, written, protected=[*files, *bibliography, *(d.document.path for d in report.documents)]
        )
        accepted = baselines.parse_baseline(written, write_baseline)
    if accepted is not None:
        root = Path(baseline or write_baseline or ".").absolute().parent
        report = baselines.apply_baseline(report, accepted, root)
    use_color = color == "always" or (
        color == "auto" and not output and not os.environ.get("NO_COLOR") and sys.stdout.isatty()
    )
    rendered = render_text(report, color=use_color) if output_format == "text" else render(report, output_format)
    if output:
        write_atomic(output, rendered, protected=[*files, *bibliography, *(d.document.path for d in report.documents)])
    else:
        click.echo(rendered, nl=False, color=use_color or None)
    sys.exit(exit_code(report, settings.fail_on_name))


@main.command()
@click.argument("rule_id", required=False)
@click.option("--markdown", is_flag=True, help="Print the full documentation as Markdown (docs/rules.md).")
def rules(rule_id: str | None, markdown: bool) -> None:
    """List every rule, or print one rule's documentation.

    \b
    Examples:
      biblio rules
      biblio rules year-mismatch
      biblio rules C102
    """
    from tabulate import tabulate

    from biblio_cli.rules import RULES
    from biblio_cli.rules.docs import rule_markdown, rules_markdown

    if markdown:
        click.echo(rules_markdown(), nl=False)
        return
    if rule_id:
        for rule in RULES:
            if rule_id in (rule.id, rule.code):
                click.echo(rule_markdown(rule), nl=False)
                return
        raise BiblioError(f"unknown rule '{rule_id}' (run 'biblio rules' for the list)")
    rows = [[r.code, r.id, r.severity.label, r.summary] for r in RULES]
    click.echo(tabulate(rows, headers=["code", "id", "severity", "summary"], tablefmt="simple"))


from biblio_cli.commands.export_cli import export  # noqa: E402  (registered after the group exists)
from biblio_cli.commands.registry_cli import cache, resolve  # noqa: E402

main.add_command(export)
main.add_command(resolve)
main.add_command(cache)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status, turning library errors into one line on stderr.

    Ctrl-C gives 130 and SIGTERM 143 (128 + the signal number), with one line on stderr
    ("biblio: interrupted" / "biblio: terminated") and no traceback.
    """
    try:
        main.main(args=list(argv) if argv is not None else None, prog_name="biblio", standalone_mode=False)
    except BiblioError as exc:
        click.echo(f"biblio: error: {exc}", err=True)
        return ExitCode.USAGE
    except Interrupted as exc:
        _say_stopped("interrupted" if exc.signum == signal.SIGINT else "terminated")
        return exc.exit_code
    except KeyboardInterrupt:  # raised outside click's own handling
        _say_stopped("interrupted")
        return 128 + signal.SIGINT
    except click.exceptions.Abort as exc:  # click turns KeyboardInterrupt into Abort
        interrupted = isinstance(exc.__cause__, KeyboardInterrupt)
        click.echo("biblio: interrupted" if interrupted else "biblio: aborted", err=True)
        return 128 + signal.SIGINT
    except click.ClickException as exc:
        exc.show()
        return ExitCode.USAGE
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else ExitCode.USAGE
    except BrokenPipeError:
        return ExitCode.OK
    return ExitCode.OK


def _say_stopped(what: str) -> None:
    """One line on stderr; on a terminal, after the "^C" the terminal echoed."""
    try:
        lead = "\n" if sys.stderr.isatty() else ""
        click.echo(f"{lead}biblio: {what}", err=True)
    except (OSError, ValueError):
        pass  # stderr closed: the exit status still says it


#: Set by the first SIGINT/SIGTERM; a second one while unwinding exits at once.
_stopping = False


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    global _stopping
    if _stopping:
        os._exit(128 + signum)
    _stopping = True
    raise Interrupted(signum)


def entry_point() -> None:
    """The `biblio` executable: SIGINT and SIGTERM unwind cleanly (temporary files removed) and exit 130/143."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _on_signal)
    # A run builds many small objects that live to the end (references, names, findings) and few
    # cycles: with the default threshold (700) the collector walks them over and over, about 5 % of
    # an export of 10,000 references. mypy raises its threshold for the same reason.
    gc.set_threshold(_GC_THRESHOLD, *gc.get_threshold()[1:])
    sys.exit(run())


#: Allocations between two young-generation collections (Python's default: 700).
_GC_THRESHOLD = 100_000
