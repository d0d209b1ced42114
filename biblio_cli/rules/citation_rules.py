"""Rules about in-text citations: does each one point at exactly one agreeing entry?"""

from __future__ import annotations

from collections.abc import Iterator

from biblio_cli.model import Citation, Reference
from biblio_cli.rules.base import Context, Issue


def _names(reference: Reference) -> str:
    authors = reference.authors
    if not authors:
        return reference.text[:40]
    if len(authors) >= 3:
        return f"{authors[0].full_family} et al."
    return " & ".join(a.full_family for a in authors)


def _shorten(text: str, width: int = 50) -> str:
    """Cut a title at a word boundary, marking the cut with an ellipsis."""
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0].rstrip(" ,:;.?!") + "…"


def _where(reference: Reference) -> str:
    return (
        f"line {reference.line}"
        if reference.source == "list"
        else f"footnote {reference.footnote}, line {reference.line}"
    )


def check_missing_reference(ctx: Context) -> Iterator[Issue]:
    """A citation whose author is in no entry of the reference list.

    Example: the text cites "(Martin, 2015)" and no entry has Martin as first author.
    The finding suggests the listed entries whose first author is closest in spelling.
    When a document has no reference list at all, `no-reference-list` is reported instead.
    """
    if not ctx.has_reference_section and not ctx.references:
        return
    for m in ctx.matches:
        if m.status != "missing":
            continue
        suggestion = None
        if m.candidates:
            suggestion = "closest entries: " + "; ".join(r.short_label() for r in m.candidates)
        yield Issue(
            m.citation.line,
            f"cited as {m.citation.label()}, but no entry in the reference list has this author",
            citation=m.citation.id,
            suggestion=suggestion,
        )


def check_year_mismatch(ctx: Context) -> Iterator[Issue]:
    """The cited author matches an entry but the year differs.

    Example: the text cites "(Paul, 2018)" and the list has "Paul, M. (2019). Accompagnement ...".
    Message: "cited as Paul 2018, listed as Paul, M. (2019)"; suggestion: "Paul, 2019".
    Either the citation or the list entry is wrong: the finding names both lines.
    """
    for m in ctx.matches:
        if m.status != "year-mismatch" or m.reference is None:
            continue
        ref = m.reference
        others = [r for r in m.candidates if r.year_text != ref.year_text]
        also = ""
        if others:
            also = "; also listed: " + ", ".join(f"{r.short_label()} ({_where(r)})" for r in others[:3])
        yield Issue(
            m.citation.line,
            f"cited as {m.citation.label()}, listed as {ref.short_label()} ({_where(ref)}){also}",
            citation=m.citation.id,
            reference=ref.id,
            suggestion=f"{_names(ref)}, {ref.year_text}",
        )


def check_author_mismatch(ctx: Context) -> Iterator[Issue]:
    """A cited name is a near-miss spelling of a listed author (same year).

    Example: the text cites "(Bouchard et Duchrame, 2000)" and the list has
    "Bouchard, L. et Ducharme M.-N. (2000)": "Duchrame" is reported with the fix "Ducharme".
    Also raised when a cited co-author is not an author of the matching entry.
    """
    for m in ctx.matches:
        if m.status != "author-mismatch" or m.reference is None:
            continue
        cited, _, listed = m.detail.partition("/")
        if listed:
            message = (
                f"cited as {m.citation.label()}, listed as {m.reference.short_label()}: '{cited}' should be '{listed}'"
            )
        else:
            message = f"cited as {m.citation.label()}, but '{cited}' is not an author of {m.reference.short_label()}"
        yield Issue(
            m.citation.line,
            message,
            citation=m.citation.id,
            reference=m.reference.id,
            suggestion=f"{_names(m.reference)}, {m.reference.year_text}",
        )


def check_ambiguous_citation(ctx: Context) -> Iterator[Issue]:
    """One author-year citation fits several different entries.

    Example: the list has two works by "Smith, J. (2001)" and the text cites "(Smith, 2001)".
    Give the entries year suffixes (2001a, 2001b) in the list and in the text.
    """
    for m in ctx.matches:
        if m.status != "ambiguous":
            continue
        listed = "; ".join(f"{r.short_label()} '{_shorten(r.title)}' ({_where(r)})" for r in m.candidates)
        yield Issue(
            m.citation.line,
            f"cited as {m.citation.label()}, which fits {len(m.candidates)} entries: {listed}",
            citation=m.citation.id,
            suggestion=f"add year suffixes: {m.citation.year_text}a, {m.citation.year_text}b",
        )


def _etal_issue(citation: Citation, reference: Reference | None) -> str | None:
    form = citation.et_al_form.lower().replace(" ", "")
    if citation.et_al and form.startswith("&al"):
        return f"'{citation.et_al_form}' is not a standard form: write 'et al.'"
    if citation.et_al and reference is not None and len(reference.authors) == 1:
        return f"'et al.' used for a single-author work ({reference.short_label()})"
    if citation.et_al and reference is not None and len(reference.authors) == 2:
        return f"'et al.' used for a two-author work: cite both names ({reference.short_label()})"
    return None


def check_et_al_usage(ctx: Context) -> Iterator[Issue]:
    """'et al.' written in a non-standard way or used where it does not apply.

    Example: "(Kellner & al., 2010)" should be "(Kellner et al., 2010)"; "Smith et al. (2019)"
    for a work with only one or two listed authors should name them.
    """
    for m in ctx.matches:
        problem = _etal_issue(m.citation, m.reference)
        if problem:
            if m.reference is not None:
                suggestion = f"{_names(m.reference)}, {m.reference.year_text}"
            else:
                suggestion = f"{m.citation.authors[0]} et al., {m.citation.year_text}"
            yield Issue(m.citation.line, problem, citation=m.citation.id, suggestion=suggestion)
