"""Find a document's reference list and footnote references, and parse each entry.

The stage `check`, `export` and `resolve` share; kept apart from pipeline.py so that `export`
and `resolve` do not import the citation finders and rules they never use.
"""

from __future__ import annotations

from biblio_cli.model import Document, Reference
from biblio_cli.references import parse_entry
from biblio_cli.sections import find_footnote_references, find_reference_section, split_entries
from biblio_cli.suppression_comments import split_suppressions


def parse_references(document: Document) -> tuple[tuple[Reference, ...], set[int], str, int]:
    """The document's references (list entries and footnote references) and the lines they occupy.

    `biblio:` suppression comments are blanked first, so that `export` and `resolve` never read
    a comment inside the reference list as an entry (check has already blanked them: a no-op).
    """
    document = split_suppressions(document)[0]
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
