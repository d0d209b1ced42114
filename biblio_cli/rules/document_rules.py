"""Rules about the document as a whole."""

from __future__ import annotations

from collections.abc import Iterator

from biblio_cli.rules.base import Context, Issue
from biblio_cli.sections import REFERENCE_HEADINGS


def check_no_reference_list(ctx: Context) -> Iterator[Issue]:
    """The document cites works but has no recognisable reference section.

    Example: a text with "(Paul, 2019)" and no "References" / "Bibliographie" heading.
    The message lists the headings looked for; add one of them above the list.
    """
    if ctx.citations and not ctx.has_reference_section and not ctx.references:
        looked_for = ", ".join(h.title() for h in REFERENCE_HEADINGS[:12])
        yield Issue(
            ctx.citations[0].line,
            f"{len(ctx.citations)} citations but no reference list (looked for headings: {looked_for}, ...)",
            suggestion="add a heading such as 'References' or 'Bibliographie' above the list",
        )
