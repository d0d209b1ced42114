"""Wire the stages: read -> find list and citations -> parse -> match -> rules -> Report.

Everything the CLI does is available from Python:

    >>> from biblio_cli import check
    >>> report = check(["paper.md"])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from biblio_cli.citations import find_citations
from biblio_cli.config import Settings
from biblio_cli.errors import InputError
from biblio_cli.match import match_all, person_keys
from biblio_cli.model import Document, DocumentResult, Reference, Report
from biblio_cli.readers import READERS, TEXT_SUFFIXES, read_any
from biblio_cli.readers.text import document_from_text
from biblio_cli.references import parse_entry
from biblio_cli.rules import Context, Rule, run_rules, select_rules
from biblio_cli.sections import find_footnote_references, find_reference_section, split_entries

if TYPE_CHECKING:
    from biblio_cli.registry.resolve import OnlineResult

#: Resolves a document's references against the registries (`Resolver.resolve_references`);
#: None keeps the run offline and deterministic.
OnlineHook = Callable[[tuple[Reference, ...]], "OnlineResult"]

#: File suffixes picked up when a directory is given.
DOCUMENT_SUFFIXES = (*TEXT_SUFFIXES, *READERS)


def parse_references(document: Document) -> tuple[tuple[Reference, ...], set[int], str, int]:
    """The document's references (list entries and footnote references) and the lines they occupy."""
    section = find_reference_section(document.lines)
    raw = split_entries(document.lines, section) if section else []
    skip = range(section.start, section.end + 1) if section else range(0)
    footnotes = find_footnote_references(document.lines, skip)
    references: list[Reference] = [parse_entry(entry, f"r{i}") for i, entry in enumerate(raw, 1)]
    for note in footnotes:
        references.append(parse_entry(note.entry, f"r{len(references) + 1}", "footnote", note.label))
    occupied = set(skip) | {note.entry.line for note in footnotes}
    if section:
        occupied.add(section.heading.line)
    heading = section.heading.text if section else ""
    return tuple(references), occupied, heading, section.heading.line if section else 0


def check_document(document: Document, rules: Sequence[Rule], online: OnlineHook | None = None) -> DocumentResult:
    """Run the whole pipeline on one decoded document (with `online`, also against the registries)."""
    references, occupied, heading, heading_line = parse_references(document)
    known = frozenset(key for ref in references for person in ref.authors for key in person_keys(person))
    body = ((n, line) for n, line in enumerate(document.lines, 1) if n not in occupied)
    citations = tuple(find_citations(body, known))
    matches = tuple(match_all(citations, references))
    ctx = Context(document, references, citations, matches, bool(heading), online(references) if online else None)
    findings = tuple(run_rules(ctx, rules))
    return DocumentResult(document, references, citations, matches, findings, heading, heading_line)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; directories expanded to their documents (sorted, recursive)."""
    result: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith("~$")
            )  # "~$paper.docx" is Word's lock file, not a document
            if not found:
                raise InputError(f"{path}: directory holds no documents ({', '.join(DOCUMENT_SUFFIXES)})")
            result.extend(found)
        else:
            result.append(path)
    return result


def check(paths: Iterable[str | Path], settings: Settings | None = None, online: OnlineHook | None = None) -> Report:
    """Check documents on disk. Raises InputError (unreadable file) or UsageError (bad rule selector)."""
    settings = settings or Settings()
    rules = select_rules(settings.select, settings.ignore)
    documents = [read_any(p) for p in expand_paths(paths)]
    return Report(tuple(check_document(doc, rules, online) for doc in documents))


def check_text(
    text: str, settings: Settings | None = None, path: str = "<string>", online: OnlineHook | None = None
) -> DocumentResult:
    """Check a document given as a string (convenient in tests and notebooks)."""
    settings = settings or Settings()
    return check_document(document_from_text(text, path), select_rules(settings.select, settings.ignore), online)
