"""The `biblio` command line: parse options, call the library, render, set the exit code.

Nothing here knows how citations are found or matched; see pipeline.py for that.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from biblio_cli import __version__
from biblio_cli.config import Settings
from biblio_cli.errors import BiblioError, UsageError
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
    default="error",
    show_default=True,
    help="Exit with status 1 when a finding of this severity or worse is reported.",
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
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    output: str | None,
    online: bool,
    offline: bool,
    refresh: bool,
    cache_dir: Path | None,
) -> None:
    """Check documents: every citation against the reference list, and the list itself.

    PATHS are Markdown, plain-text, Word (.docx), OpenDocument (.odt), PDF or HTML files, or
    directories (searched for those). Use - to read standard input (as text).

    \b
    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.

    \b
    Examples:
      biblio check paper.md
      biblio check chapters/ --format json -o report.json
      biblio check thesis.docx article.pdf --format sarif -o biblio.sarif
      biblio check paper.md --ignore list-order,uncited-reference --fail-on warning
      biblio check paper.md --online
    """
    from biblio_cli.output import write_atomic
    from biblio_cli.pipeline import check as run_check
    from biblio_cli.pipeline import check_text
    from biblio_cli.readers.text import decode_bytes
    from biblio_cli.report import render

    settings = Settings(select=_split_list(select), ignore=_split_list(ignore))
    if online and offline:
        raise UsageError("--online and --offline contradict each other")
    if refresh and not online:
        raise UsageError("--refresh needs --online")
    resolver = None
    if online or offline:
        from biblio_cli.commands.registry_cli import make_resolver, online_hook

        resolver = make_resolver(offline, refresh, cache_dir)
    hook = online_hook(resolver) if resolver else None
    try:
        files = [p for p in paths if p != "-"]
        report = run_check(files, settings, hook) if files else Report()
        if "-" in paths:
            text, _ = decode_bytes(sys.stdin.buffer.read(), "<stdin>")
            report = Report((*report.documents, check_text(text, settings, "<stdin>", hook)))
    finally:
        if resolver is not None:
            resolver.close()
    rendered = render(report, output_format)
    if output:
        write_atomic(output, rendered, protected=files)
    else:
        click.echo(rendered, nl=False)
    sys.exit(exit_code(report, fail_on))


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
    """Run the CLI and return its exit status, turning library errors into one line on stderr."""
    try:
        main.main(args=list(argv) if argv is not None else None, prog_name="biblio", standalone_mode=False)
    except BiblioError as exc:
        click.echo(f"biblio: error: {exc}", err=True)
        return ExitCode.USAGE
    except click.exceptions.Abort:
        click.echo("biblio: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return ExitCode.USAGE
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else ExitCode.USAGE
    except BrokenPipeError:
        return ExitCode.OK
    return ExitCode.OK


def entry_point() -> None:
    sys.exit(run())
