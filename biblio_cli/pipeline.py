"""Wire the stages: read -> find list and citations -> parse -> match -> rules -> Report.

Everything the CLI does is available from Python:

    >>> from biblio_cli import check
    >>> report = check(["paper.md"])
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from biblio_cli.bibliographies import BIBLIOGRAPHY_SUFFIXES, Bibliography, read_bibliography
from biblio_cli.citations import find_citations
from biblio_cli.citekeys import (
    ALL_KEYS,
    Declared,
    FrontMatter,
    front_matter,
    latex_bibliographies,
    latex_citations,
    latex_includes,
    pandoc_bibliographies,
    pandoc_citations,
    pandoc_nocite,
    renumber,
)
from biblio_cli.config import Settings
from biblio_cli.errors import InputError
from biblio_cli.keyed import ALL_STATUS, duplicate_keys, match_keys
from biblio_cli.match import match_all, person_keys
from biblio_cli.model import Citation, Document, DocumentResult, Match, Reference, Report
from biblio_cli.readers import KEYED_READERS, READERS, TEXT_SUFFIXES, read_any
from biblio_cli.readers.text import document_from_text
from biblio_cli.reference_list import parse_references
from biblio_cli.rules import Context, Rule, run_rules, select_rules
from biblio_cli.rules.key_rules import DuplicateKey, KeyedContext, MissingBibliography
from biblio_cli.suppress import Suppression, apply_per_file_ignores, apply_suppressions, split_suppressions

if TYPE_CHECKING:
    from biblio_cli.registry.resolve import OnlineResult

#: Resolves a document's references against the registries (`Resolver.resolve_references`);
#: None keeps the run offline and deterministic.
OnlineHook = Callable[[tuple[Reference, ...]], "OnlineResult"]

#: The rule that needs every citation of the run to judge a shared list.
UNCITED = "uncited-reference"

#: File suffixes picked up when a directory is given.
DOCUMENT_SUFFIXES = (*TEXT_SUFFIXES, *READERS, *KEYED_READERS)


@dataclass(frozen=True, slots=True)
class Parsed:
    """One author-year document after parsing, before matching: its own list and its citations."""

    document: Document
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]
    heading: str
    heading_line: int

    @property
    def has_list(self) -> bool:
        return bool(self.references or self.heading)


def parse_document(document: Document) -> Parsed:
    """The document's reference list and its author-year citations (the body outside the list)."""
    references, occupied, heading, heading_line = parse_references(document)
    known = frozenset(key for ref in references for person in ref.authors for key in person_keys(person))
    body = ((n, line) for n, line in enumerate(document.lines, 1) if n not in occupied)
    return Parsed(document, references, tuple(find_citations(body, known)), heading, heading_line)


def _checked_parsed(parsed: Parsed, rules: Sequence[Rule], online: OnlineHook | None) -> DocumentResult:
    """Match a self-contained document against its own list and run every rule."""
    document, references, citations = parsed.document, parsed.references, parsed.citations
    matches = tuple(match_all(citations, references))
    ctx = Context(
        document, references, citations, matches, bool(parsed.heading), online(references) if online else None
    )
    findings = tuple(run_rules(ctx, rules))
    return DocumentResult(document, references, citations, matches, findings, parsed.heading, parsed.heading_line)


def check_document(document: Document, rules: Sequence[Rule], online: OnlineHook | None = None) -> DocumentResult:
    """Run the whole pipeline on one decoded document (with `online`, also against the registries)."""
    return _checked_parsed(parse_document(document), rules, online)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a run was given: documents, and bibliography files (never checked as documents)."""

    documents: tuple[Path, ...]
    bibliographies: tuple[Path, ...]


def expand_inputs(paths: Iterable[str | Path]) -> Inputs:
    """Files as given; directories expanded (sorted, recursive) to their documents and .bib files.

    A .bib, CSL-JSON or CSL-YAML file given by name is a bibliography; in a directory only
    .bib files are (a directory's .json and .yaml files are rarely bibliographies).
    """
    documents: list[Path] = []
    bibliographies: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("~$"))
            found = [p for p in files if p.suffix.lower() in DOCUMENT_SUFFIXES]  # "~$paper.docx": Word's lock file
            bibs = [p for p in files if p.suffix.lower() == ".bib"]
            if not found and not bibs:
                raise InputError(f"{path}: directory holds no documents ({', '.join(DOCUMENT_SUFFIXES)})")
            documents.extend(found)
            bibliographies.extend(bibs)
        elif path.suffix.lower() in BIBLIOGRAPHY_SUFFIXES:
            bibliographies.append(path)
        else:
            documents.append(path)
    return Inputs(tuple(documents), tuple(bibliographies))


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; directories expanded to their documents (sorted, recursive)."""
    return list(expand_inputs(paths).documents)


@dataclass(frozen=True, slots=True)
class Source:
    """A document of the run and the directory its relative file names start from.

    LaTeX resolves `\\input` and `\\bibliography` names from the directory of the main file,
    so a file reached by `\\include` keeps its includer's directory as `root`.
    """

    document: Document
    root: Path


#: Told (documents read, documents known so far) after each document is read: long runs over
#: PDFs or thousands of files show progress with it (the CLI draws a bar on a terminal).
Progress = Callable[[int, int], None]


def read_documents(paths: Sequence[Path], progress: Progress | None = None) -> list[Source]:
    """Read each document once; LaTeX files they `\\input` or `\\include` join the run."""
    sources: list[Source] = []
    seen: set[Path] = set()
    queue = [(path, path.parent) for path in paths]
    while queue:
        path, root = queue.pop(0)
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        document = read_any(path)
        sources.append(Source(document, root))
        if progress is not None:
            progress(len(sources), len(sources) + len(queue))
        if path.suffix.lower() == ".tex":
            for name in latex_includes(document):
                found = next((d / name for d in (root, path.parent) if (d / name).is_file()), None)
                if found is not None:
                    queue.append((found, root))
    return sources


def check(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    online: OnlineHook | None = None,
    *,
    bibliographies: Sequence[str | Path] = (),
    documents: Sequence[Document] = (),
    progress: Progress | None = None,
) -> Report:
    """Check documents on disk (and `documents` already read, such as standard input) as one run.

    `bibliographies` (.bib, CSL-JSON, CSL-YAML) serve every document that names none.
    Raises InputError (unreadable file) or UsageError (bad rule selector).
    """
    settings = settings or Settings()
    rules = select_rules(settings.select, settings.ignore)
    inputs = expand_inputs(paths)
    sources = [*read_documents(inputs.documents, progress), *(Source(doc, Path()) for doc in documents)]
    shared = [*(Path(p) for p in bibliographies), *inputs.bibliographies]
    return Report(tuple(link_project(sources, shared, rules, settings, online)))


def check_text(
    text: str,
    settings: Settings | None = None,
    path: str = "<string>",
    online: OnlineHook | None = None,
    bibliographies: Sequence[str | Path] = (),
) -> DocumentResult:
    """Check a document given as a string (convenient in tests and notebooks)."""
    settings = settings or Settings()
    rules = select_rules(settings.select, settings.ignore)
    source = Source(document_from_text(text, path), Path())
    return link_project([source], [Path(p) for p in bibliographies], rules, settings, online)[0]


def checked(document: Document, rules: Sequence[Rule], settings: Settings, online: OnlineHook | None) -> DocumentResult:
    """check_document, honouring the document's `biblio: ignore` comments and per-file-ignores (suppress.py)."""
    clean, suppressions = split_suppressions(document)  # comments blanked, so never parsed as text
    return _honour_suppressions(check_document(clean, rules, online), document, suppressions, rules, settings, online)


def _honour_suppressions(
    result: DocumentResult,
    original: Document,
    suppressions: Sequence[Suppression],
    rules: Sequence[Rule],
    settings: Settings,
    online: OnlineHook | None,
) -> DocumentResult:
    result = replace(result, document=original)
    result = apply_suppressions(result, suppressions, rules, online is not None)
    return apply_per_file_ignores(result, settings.per_file_ignores, settings.root)


# The project stage ---------------------------------------------------------------------------------
#
# Several files of one run can share bibliographies: LaTeX chapters and a .bib, pandoc
# chapters and --bibliography files, author-year chapters and a file holding only the
# reference list. A self-contained document (its own list, or nothing to share) is checked
# exactly as on its own. Otherwise citations are matched against the shared lists, and each
# list is checked once, in its own file, with every citation that used it: an entry cited by
# any chapter is cited.


@dataclass
class _Bibliographies:
    """The run's bibliography files, each read once, in the order first met."""

    loaded: dict[Path, Bibliography] = field(default_factory=dict)

    def load(self, path: Path, shown: str) -> Bibliography:
        key = path.resolve()
        if key not in self.loaded:
            self.loaded[key] = read_bibliography(path, shown)
        return self.loaded[key]


@dataclass
class _List:
    """A shared list (a reference-only document or a bibliography) and the citations that used it."""

    references: tuple[Reference, ...]
    citations: list[Citation] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    cites_all: bool = False

    def use(self, citations: Sequence[Citation], matches: Sequence[Match]) -> None:
        mine = {id(ref) for ref in self.references}
        self.citations.extend(citations)
        for m in matches:
            if m.status == ALL_STATUS:
                self.cites_all = True
            elif (m.reference is not None and id(m.reference) in mine) or any(id(r) in mine for r in m.candidates):
                self.matches.append(m)


@dataclass(frozen=True, slots=True)
class _Keyed:
    """A keyed document's citations and the bibliographies its keys are looked up in."""

    citations: tuple[Citation, ...]
    bibliographies: tuple[Bibliography, ...]
    missing: tuple[MissingBibliography, ...]


def _declared(source: Source) -> tuple[FrontMatter | None, list[Declared]]:
    document = source.document
    if Path(document.path).suffix.lower() == ".tex":
        return None, latex_bibliographies(document)
    meta = front_matter(document)
    return meta, pandoc_bibliographies(document, meta)


def _find(name: str, source: Source) -> tuple[Path, str] | None:
    """A named bibliography file: next to the document, from its root, then from the current directory."""
    here = Path(source.document.path).parent
    for base in dict.fromkeys((here, source.root, Path())):
        candidate = base / name
        if candidate.is_file():
            return candidate, str(candidate)
    return None


def _keyed_citations(source: Source, meta: FrontMatter | None, known: Collection[str]) -> list[Citation] | None:
    """The keyed citations of a LaTeX or pandoc document; None for an author-year document."""
    document = source.document
    if Path(document.path).suffix.lower() == ".tex":
        return latex_citations(document)
    cited = [*pandoc_citations(document, meta, known), *pandoc_nocite(document, meta)]
    declares = meta is not None and "bibliography" in meta.data
    return cited if cited or declares else None


def _no_bibliography(source: Source, citations: Sequence[Citation]) -> MissingBibliography:
    latex = Path(source.document.path).suffix.lower() == ".tex"
    how = (
        "\\bibliography{refs} or \\addbibresource{refs.bib}"
        if latex
        else "'bibliography: refs.bib' to the front matter"
    )
    return MissingBibliography(
        citations[0].line,
        f"{len(citations)} keyed citation{'s' if len(citations) != 1 else ''} but no bibliography file",
        f"add {how}, or pass --bibliography refs.bib",
    )


def _unique(bibliographies: Iterable[Bibliography]) -> tuple[Bibliography, ...]:
    return tuple({id(b): b for b in bibliographies}.values())


def link_project(
    sources: Sequence[Source],
    bibliography_paths: Sequence[Path],
    rules: Sequence[Rule],
    settings: Settings,
    online: OnlineHook | None = None,
) -> list[DocumentResult]:
    """Check the documents of one run together; bibliography files come last in the results."""
    originals = [source.document for source in sources]
    split = [split_suppressions(document) for document in originals]  # comments blanked, never parsed
    sources = [replace(source, document=clean) for source, (clean, _) in zip(sources, split, strict=True)]
    books = _Bibliographies()
    shared = [books.load(path, str(path)) for path in bibliography_paths]
    declared: list[tuple[FrontMatter | None, list[Bibliography], list[MissingBibliography]]] = []
    for source in sources:
        meta, names = _declared(source)
        own, missing = [], []
        for name in names:
            found = _find(name.name, source)
            if found is None:
                missing.append(
                    MissingBibliography(
                        name.line,
                        f"{name.written}: {name.name} not found",
                        "correct the file name, or pass --bibliography FILE",
                    )
                )
            else:
                own.append(books.load(*found))
        declared.append((meta, own, missing))
    every = tuple(books.loaded.values())

    # Keyed documents resolve their keys; the others are parsed for author-year citations.
    keyed: dict[int, _Keyed] = {}
    parsed: dict[int, Parsed] = {}
    for i, (source, (meta, own, missing)) in enumerate(zip(sources, declared, strict=True)):
        bibs = _unique([*own, *shared]) if own else every
        known = {key for bib in bibs for key in bib.keys if key}
        citations = _keyed_citations(source, meta, known)
        if citations is None:
            parsed[i] = parse_document(source.document)
            continue
        if not bibs and not missing and any(c.key != ALL_KEYS for c in citations):
            missing = [_no_bibliography(source, citations)]
        keyed[i] = _Keyed(renumber(citations), bibs, tuple(missing))

    reference_only = [i for i, p in parsed.items() if p.references and not p.citations] if len(sources) > 1 else []
    bib_lists = {id(bib): _List(bib.references) for bib in every}
    doc_lists = {i: _List(parsed[i].references) for i in reference_only}
    shared_refs = tuple(ref for i in reference_only for ref in parsed[i].references) + tuple(
        ref for bib in every for ref in bib.references
    )

    results: dict[int, DocumentResult] = {}
    for i, entry in keyed.items():
        matches = tuple(match_keys(entry.citations, entry.bibliographies))
        for bib in entry.bibliographies:
            bib_lists[id(bib)].use(entry.citations, matches)
        ctx: Context = KeyedContext(
            sources[i].document,
            (),
            entry.citations,
            matches,
            True,
            missing_bibliographies=entry.missing,
            bibliography_names=tuple(Path(bib.path).name for bib in entry.bibliographies),
        )
        results[i] = DocumentResult(sources[i].document, (), entry.citations, matches, tuple(run_rules(ctx, rules)))
    for i, doc in parsed.items():
        if doc.has_list or not shared_refs or not doc.citations:
            continue  # self-contained: checked below exactly as on its own
        matches = tuple(match_all(doc.citations, shared_refs))
        for shared_list in [*doc_lists.values(), *bib_lists.values()]:
            shared_list.use(doc.citations, matches)
        ctx = Context(doc.document, (), doc.citations, matches, True)
        results[i] = DocumentResult(doc.document, (), doc.citations, matches, tuple(run_rules(ctx, rules)))
    list_rules = tuple(r for r in rules if not r.code.startswith("C"))  # citation rules ran in the citing files
    for i, doc in parsed.items():
        if i in results:
            continue
        used = doc_lists.get(i)
        if used is None or not used.citations:
            results[i] = _checked_parsed(doc, rules, online)
            continue
        ctx = Context(
            doc.document,
            doc.references,
            tuple(used.citations),
            tuple(used.matches),
            True,
            online(doc.references) if online else None,
        )
        findings = tuple(run_rules(ctx, list_rules))
        results[i] = DocumentResult(doc.document, doc.references, (), (), findings, doc.heading, doc.heading_line)

    ordered = [
        _honour_suppressions(results[i], originals[i], suppressions, rules, settings, online)
        for i, (_, suppressions) in enumerate(split)
    ]
    duplicates = _duplicates(every, [entry.bibliographies for entry in keyed.values()])
    for bib in every:
        used = bib_lists[id(bib)]
        ctx = KeyedContext(
            bib.document,
            bib.references,
            tuple(used.citations),
            tuple(used.matches),
            True,
            online(bib.references) if online else None,
            entries=bib.entries,
            duplicate_keys=tuple(duplicates[id(bib)]),
        )
        # A bibliography is in no order to keep; an entry whose key is taken is ignored, so never "uncited".
        ignored = {duplicate.reference for duplicate in ctx.duplicate_keys}
        cited = replace(ctx, references=tuple(r for r in bib.references if r.id not in ignored))
        bib_findings = [
            *run_rules(ctx, [r for r in list_rules if r.id not in (UNCITED, "list-order")]),
            *run_rules(cited, [r for r in list_rules if r.id == UNCITED and not used.cites_all]),
        ]
        bib_findings.sort(key=lambda f: (f.line, -f.severity, f.rule))
        result = DocumentResult(bib.document, bib.references, (), (), tuple(bib_findings))
        _, suppressions = split_suppressions(bib.document)
        ordered.append(_honour_suppressions(result, bib.document, suppressions, rules, settings, online))
    return ordered


def _duplicates(every: Sequence[Bibliography], sets: Iterable[Sequence[Bibliography]]) -> dict[int, list[DuplicateKey]]:
    """Keys defined twice in one file, or in two files that one document uses together."""
    found: dict[int, dict[tuple[str, int], DuplicateKey]] = {id(bib): {} for bib in every}
    for group in [*([bib] for bib in every), *sets]:
        by_path = duplicate_keys(group)
        for bib in group:
            for duplicate in by_path[bib.path]:
                found[id(bib)].setdefault((duplicate.key, duplicate.line), duplicate)
    return {key: list(value.values()) for key, value in found.items()}
