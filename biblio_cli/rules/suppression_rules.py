"""Rules about the suppression comments themselves.

Their findings depend on what the other rules found, so they are produced after the
suppressions are applied (suppress.py); the check here only carries the documentation.
"""

from __future__ import annotations

from collections.abc import Iterator

from biblio_cli.rules.base import Context, Issue


def check_unused_suppression(ctx: Context) -> Iterator[Issue]:
    """A `biblio: ignore` comment that suppresses nothing, names an unknown rule, or is misspelt.

    A suppression that no longer matches a finding hides the next real problem on its line,
    so stale ones are reported (like ruff's unused `noqa`). Rules that did not run
    (deselected, or the online rules without `--online`) are not reported as unused.
    To silence this, add `unused-suppression` to `--ignore` or write
    `biblio: ignore-file[unused-suppression]` in the document.

    Example: `Text (Paul, 2019). <!-- biblio: ignore[year-mismatch] -->` when the year is
    right reports "'year-mismatch' suppresses nothing on line 1"; `ignore[yaer-mismatch]`
    reports the unknown rule name, and `<!-- biblio: ignor -->` the malformed comment.
    """
    return iter(())
