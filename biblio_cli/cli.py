"""The `biblio` command line: parse options, call the library, render, set the exit code.

Nothing here knows how citations are found or matched; see pipeline.py for that.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from biblio_cli import __version__
from biblio_cli.config import Settings
from biblio_cli.errors import BiblioError
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
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format: a readable table, or JSON with a stable schema (docs/json-schema.md).",
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
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    output: str | None,
) -> None:
    """Check documents: every citation against the reference list, and the list itself.

    PATHS are Markdown or plain-text files, or directories (searched for .md and .txt files).
    Use - to read standard input.

    \b
    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.

    \b
    Examples:
      biblio check paper.md
      biblio check chapters/ --format json -o report.json
      biblio check paper.md --ignore list-order,uncited-reference --fail-on warning
    """
    from biblio_cli.output import write_atomic
    from biblio_cli.pipeline import check as run_check
    from biblio_cli.pipeline import check_text
    from biblio_cli.readers.text import decode_bytes
    from biblio_cli.report import render_json, render_text

    settings = Settings(select=_split_list(select), ignore=_split_list(ignore))
    files = [p for p in paths if p != "-"]
    report = run_check(files, settings) if files else Report()
    if "-" in paths:
        text, _ = decode_bytes(sys.stdin.buffer.read(), "<stdin>")
        report = Report((*report.documents, check_text(text, settings, "<stdin>")))
    rendered = render_json(report) if output_format == "json" else render_text(report)
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
