"""Rules for keyed citations (LaTeX `\\cite{key}`, pandoc `[@key]`) and the bibliography files they use.

What these rules need beyond the shared Context (the entries' types and fields, keys defined
twice across files, bibliography files that could not be found) travels in KeyedContext,
which the pipeline builds for keyed documents and bibliography files. Given a plain
Context, every check here yields nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from biblio_cli.rules.base import Check, Context, Issue

if TYPE_CHECKING:  # bibliographies.py loads bibtexparser; plain Markdown runs never need it
    from biblio_cli.bibliographies import Entry

#: Match status of a keyed citation whose key no bibliography of the document defines.
MISSING_KEY = "missing-key"

#: Required fields per entry type: each tuple is a set of alternatives, one of which must be filled.
#: Standard BibTeX types follow btxdoc, accepting biblatex's names (journaltitle, date,
#: institution for school); biblatex-only types follow the biblatex manual (section 2.1.1).
REQUIRED_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal", "journaltitle"), ("year", "date")),
    "book": (("author", "editor"), ("title",), ("publisher",), ("year", "date")),
    "booklet": (("title",),),
    "inbook": (("author", "editor"), ("title",), ("chapter", "pages", "booktitle"), ("publisher",), ("year", "date")),
    "incollection": (("author",), ("title",), ("booktitle",), ("publisher",), ("year", "date")),
    "inproceedings": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "conference": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "manual": (("title",),),
    "mastersthesis": (("author",), ("title",), ("school", "institution"), ("year", "date")),
    "phdthesis": (("author",), ("title",), ("school", "institution"), ("year", "date")),
    "misc": (),
    "proceedings": (("title",), ("year", "date")),
    "techreport": (("author",), ("title",), ("institution", "school"), ("year", "date")),
    "unpublished": (("author",), ("title",), ("note",)),
    # biblatex only
    "collection": (("editor",), ("title",), ("year", "date")),
    "mvbook": (("author",), ("title",), ("year", "date")),
    "mvcollection": (("editor",), ("title",), ("year", "date")),
    "online": (("author", "editor"), ("title",), ("year", "date"), ("doi", "eprint", "url")),
    "patent": (("author",), ("title",), ("number",), ("year", "date")),
    "periodical": (("editor",), ("title",), ("year", "date")),
    "report": (("author",), ("title",), ("type",), ("institution",), ("year", "date")),
    "thesis": (("author",), ("title",), ("type",), ("institution", "school"), ("year", "date")),
    "dataset": (("author", "editor"), ("title",), ("year", "date")),
    "software": (("author", "editor"), ("title",), ("year", "date")),
}


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    """A later definition of a key that a bibliography (or an earlier file of the same set) already defines."""

    key: str
    line: int
    reference: str  # id of the later definition
    first: str  # where the key was first defined: "line 3" or "refs.bib, line 3"


@dataclass(frozen=True, slots=True)
class MissingBibliography:
    """A bibliography the document names but that is not there, or no bibliography at all."""

    line: int
    message: str
    suggestion: str


@dataclass(frozen=True, slots=True)
class KeyedContext(Context):
    """Context of a keyed document or of a bibliography file."""

    entries: tuple[Entry, ...] = ()
    duplicate_keys: tuple[DuplicateKey, ...] = ()
    missing_bibliographies: tuple[MissingBibliography, ...] = ()
    bibliography_names: tuple[str, ...] = ()  # the files the document's keys were looked up in


def check_missing_key(ctx: Context) -> Iterator[Issue]:
    """Keyed citations (LaTeX `\\cite{key}`, pandoc `[@key]`): a cited key that no bibliography defines.

    Example: the text has `\\citep{smith2021}` (or `[@smith2021]`) and refs.bib defines
    `smith2020` only: "cited key 'smith2021' is not in refs.bib", with the suggestion "did you
    mean smith2020?" when a key is close in spelling. `\\nocite{*}` is never missing. When the
    document has no bibliography at all, `bibliography-not-found` is reported instead.
    """
    if not isinstance(ctx, KeyedContext):
        return
    where = ", ".join(ctx.bibliography_names) or "any bibliography"
    for m in ctx.matches:
        if m.status != MISSING_KEY:
            continue
        suggestion = f"did you mean {' or '.join(r.id for r in m.candidates)}?" if m.candidates else None
        yield Issue(m.citation.line, f"cited key '{m.citation.key}' is not in {where}", m.citation.id, None, suggestion)


def combined(first: Check, second: Check) -> Check:
    """One rule checked two ways (author-year and keyed), documented by both docstrings."""

    def check(ctx: Context) -> Iterator[Issue]:
        yield from first(ctx)
        yield from second(ctx)

    check.__doc__ = (first.__doc__ or "").rstrip() + "\n\n    " + (second.__doc__ or "").strip() + "\n    "
    check.__name__ = getattr(first, "__name__", "check")
    return check


def check_duplicate_key(ctx: Context) -> Iterator[Issue]:
    """The same citation key is defined twice in the bibliography files of a document.

    BibTeX stops with "Repeated entry" and biber keeps the first definition, so the later
    entry is silently ignored. Reported on the later entry, naming where the first is; keys
    repeated across two .bib files count when one document uses both.

    Example: refs.bib has `@article{smith2020, ...}` at line 3 and `@book{smith2020, ...}` at
    line 20: "key 'smith2020' is already defined at line 3; this entry is ignored".
    """
    if not isinstance(ctx, KeyedContext):
        return
    for duplicate in ctx.duplicate_keys:
        yield Issue(
            duplicate.line,
            f"key '{duplicate.key}' is already defined at {duplicate.first}; this entry is ignored",
            reference=duplicate.reference,
            suggestion="give one of the entries another key, or remove the copy",
        )


def _inherited(entry: Entry, by_key: dict[str, Entry]) -> frozenset[str]:
    """The fields an entry fills itself or takes from its `crossref` parent (whose title is its booktitle)."""
    parent = by_key.get(entry.crossref) if entry.crossref else None
    if parent is None:
        return entry.fields
    extra = {"booktitle"} if "title" in parent.fields else set()
    return entry.fields | parent.fields | extra


def check_missing_field(ctx: Context) -> Iterator[Issue]:
    """A .bib entry lacks a field its entry type requires.

    Required fields follow BibTeX (btxdoc) for its standard types and the biblatex manual
    for biblatex's own types; biblatex's names count for BibTeX's (`journaltitle` for
    `journal`, `date` for `year`, `institution` for `school`), and fields taken from a
    `crossref` parent count. Unknown entry types are not checked. `@misc` requires nothing.

    | type | required |
    |---|---|
    | article | author, title, journal, year |
    | book | author or editor, title, publisher, year |
    | inbook | author or editor, title, chapter or pages, publisher, year |
    | incollection | author, title, booktitle, publisher, year |
    | inproceedings | author, title, booktitle, year |
    | phdthesis, mastersthesis | author, title, school, year |
    | techreport | author, title, institution, year |
    | unpublished | author, title, note |
    | online (biblatex) | author or editor, title, year, doi or url |
    | report, thesis (biblatex) | author, title, type, institution, year |

    Example: `@article{smith2020, author = {Smith, J.}, title = {T}, year = 2020}` reports
    "@article{smith2020} has no journal".
    """
    if not isinstance(ctx, KeyedContext):
        return
    by_key = {entry.key: entry for entry in reversed(ctx.entries)}  # the first definition wins
    for entry in ctx.entries:
        required = REQUIRED_FIELDS.get(entry.entry_type)
        if not required:
            continue
        filled = _inherited(entry, by_key)
        missing = [names for names in required if not any(name in filled for name in names)]
        if missing:
            listed = ", ".join(" or ".join(names) for names in missing)
            yield Issue(
                entry.line,
                f"@{entry.entry_type}{{{entry.key}}} has no {listed}",
                reference=entry.reference,
                suggestion="add " + ", ".join(f"{names[0]} = {{...}}" for names in missing),
            )


def check_bibliography_not_found(ctx: Context) -> Iterator[Issue]:
    """A bibliography file the document names does not exist, or a document with keyed citations names none.

    LaTeX's `\\bibliography{refs}` (refs.bib) and `\\addbibresource{refs.bib}`, and pandoc's
    `bibliography:` front matter, are looked up next to the document (for a file reached by
    `\\include`, next to the main file too), then in the current directory. Bibliographies
    given with `--bibliography` or as paths, and .bib files in a directory being checked,
    serve every document; a document that names none uses every bibliography of the run.
    The cited keys of a document without any bibliography are not reported one by one.

    Example: `\\bibliography{refrences}` when the file is refs.bib: "\\bibliography{refrences}:
    refrences.bib not found".
    """
    if not isinstance(ctx, KeyedContext):
        return
    for missing in ctx.missing_bibliographies:
        yield Issue(missing.line, missing.message, suggestion=missing.suggestion)
