"""Rules about the reference list itself: cited, unique, well-formed, ordered."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from biblio_cli.match import same_work
from biblio_cli.model import Reference
from biblio_cli.normalize import fold, name_key
from biblio_cli.rules.base import Context, Issue

#: How many names an out-of-order finding lists to show the expected order.
_ORDER_PREVIEW = 6


def check_uncited_reference(ctx: Context) -> Iterator[Issue]:
    """An entry of the reference list that no citation points to.

    Example: the list has "Boullier, D. (2016). Sociologie du numérique." and the text never
    cites Boullier. Entries that a citation reaches with a wrong year or a misspelt name
    count as cited (that citation gets its own finding), and so does a second copy of a
    cited work (`duplicate-reference` reports it). Footnote references are not checked.
    """
    # (A second copy of an uncited work is not reported either: the first copy is, and
    # duplicate-reference reports the second. docs/rules.md is generated from the text above.)
    if not ctx.citations:
        return  # a bare bibliography (or an export source) is not a cited document
    cited = {m.reference.id for m in ctx.matches if m.reference is not None}
    cited |= {r.id for m in ctx.matches if m.status == "ambiguous" for r in m.candidates}
    # Works by (first author, year), so spotting a copy of one compares within a small group.
    cited_by_key: dict[tuple[str, str], list[Reference]] = defaultdict(list)
    listed_by_key: dict[tuple[str, str], list[Reference]] = defaultdict(list)
    for ref in ctx.references:
        if ref.id in cited:
            cited_by_key[_work_key(ref)].append(ref)
    for ref in ctx.references:
        if ref.source != "list":
            continue
        key = _work_key(ref)
        earlier = listed_by_key[key]
        copy = ref.id not in cited and any(same_work(ref, other) for other in earlier)
        earlier.append(ref)
        if ref.id in cited or copy:
            continue  # a second copy of a work listed above: duplicate-reference reports it
        if any(same_work(ref, other) for other in cited_by_key.get(key, ()) if other.line < ref.line):
            continue  # the work is cited through a copy above it (a footnote giving the same work)
        yield Issue(ref.line, f"{ref.short_label()} is listed but never cited", reference=ref.id)


def _work_key(ref: Reference) -> tuple[str, str]:
    return (name_key(ref.authors[0].full_family) if ref.authors else "", ref.year_text)


def check_duplicate_reference(ctx: Context) -> Iterator[Issue]:
    """The same work is listed twice.

    Example: two entries share a DOI, or have the same first author, year and (nearly) the
    same title. Reported on the later entry, naming the line of the first.
    """
    listed = [r for r in ctx.references if r.source == "list"]
    by_key: dict[tuple[str, str], list[Reference]] = defaultdict(list)
    by_doi: dict[str, Reference] = {}
    for ref in listed:
        first = by_doi.get(ref.doi) if ref.doi else None
        if first is None and ref.authors:
            key = _work_key(ref)
            first = next((r for r in by_key[key] if same_work(r, ref)), None)
            by_key[key].append(ref)
        if ref.doi:
            by_doi.setdefault(ref.doi, ref)
        if first is not None:
            yield Issue(
                ref.line,
                f"{ref.short_label()} duplicates the entry at line {first.line}",
                reference=ref.id,
                suggestion=f"remove one of lines {first.line} and {ref.line}",
            )


def check_malformed_reference(ctx: Context) -> Iterator[Issue]:
    """An entry the parser could only partly understand: no author, no year, no title, or a typo in the names.

    Example: "Demailly L., (2008) ..." lacks the comma between family name and initials;
    an entry without a year cannot be matched to author-year citations.
    """
    for ref in ctx.references:
        problems = [p for p in ref.problems if p != "invalid DOI"]
        if problems:
            first = problems[0]
            fix = first.split("(write ", 1)[1].rstrip(")").strip("'") if "(write " in first else None
            yield Issue(ref.line, f"{ref.short_label()}: " + "; ".join(problems), reference=ref.id, suggestion=fix)


def check_invalid_doi(ctx: Context) -> Iterator[Issue]:
    """A DOI that is not syntactically a DOI (checked offline, without resolving it).

    Example: "https://doi.org/3917/rfas.202.0051" (no "10." prefix). A valid DOI is
    "10." + a registrant code of 4-9 digits + "/" + a suffix.
    """
    for ref in ctx.references:
        if "invalid DOI" in ref.problems:
            yield Issue(ref.line, f"'{ref.raw_doi}' is not a valid DOI", reference=ref.id)


def _sort_key(ref: Reference) -> tuple[str, int, str]:
    first = ref.authors[0] if ref.authors else None
    family = fold(first.family) if first else fold(ref.text)
    return (family, ref.year if ref.year is not None else 0, fold(ref.title))


def check_list_order(ctx: Context) -> Iterator[Issue]:
    """The reference list (or one of its sub-groups) is not in alphabetical order.

    Example: "Soulet, M.-H. (2016)" listed before "Sorin, F. (2023)". Author-year styles sort
    by first author's family name, then year. One finding per group, at the first entry out of place.
    """
    groups: dict[str, list[Reference]] = defaultdict(list)
    for ref in ctx.references:
        if ref.source == "list" and ref.authors:
            groups[ref.group].append(ref)
    for group, refs in groups.items():
        for previous, current in itertools.pairwise(refs):
            if _sort_key(current)[:2] < _sort_key(previous)[:2]:
                expected = ", ".join(r.authors[0].full_family for r in sorted(refs, key=_sort_key)[:_ORDER_PREVIEW])
                where = f" in '{group}'" if group else ""
                yield Issue(
                    current.line,
                    f"list not in alphabetical order{where}: {current.short_label()} comes after"
                    f" {previous.short_label()} (line {previous.line})",
                    reference=current.id,
                    suggestion=f"order: {expected}{', ...' if len(refs) > _ORDER_PREVIEW else ''}",
                )
                break
