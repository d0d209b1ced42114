"""What `biblio resolve` shows: one row per identifier or reference, as text, JSON or a DOI export.

Pure functions from resolver results to strings; the CLI only writes them out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from biblio_cli.model import Reference
from biblio_cli.registry.compare import compare
from biblio_cli.registry.records import RegistryRecord
from biblio_cli.registry.resolve import FOUND_STATUS, NOT_FOUND_STATUS, Lookup, OnlineResult, reference_key
from biblio_cli.rules.online_rules import CORRECTING_UPDATES, RETRACTING_UPDATES


@dataclass(frozen=True, slots=True)
class ResolvedItem:
    """One line of `biblio resolve` output."""

    source: str  # "paper.md:12" or "" for a DOI given on the command line
    identifier: str  # what was looked up ('' for a reference without one)
    status: str  # found | not-found | unavailable | uncached | suggested | no-identifier
    registry: str = ""
    doi: str = ""  # the registered DOI (found, or suggested by a search)
    first_author: str = ""
    year: str = ""
    title: str = ""
    notes: tuple[str, ...] = ()  # mismatches, retractions, corrections

    @property
    def flagged(self) -> bool:
        """Worth a non-zero exit: the identifier does not exist, or the work was retracted."""
        return self.status == NOT_FOUND_STATUS or any(n.startswith("retracted") for n in self.notes)


def _notes(record: RegistryRecord, ref: Reference | None) -> tuple[str, ...]:
    notes = (
        [f"{m.field}: listed '{m.listed}', registered '{m.registered}'" for m in compare(ref, record)] if ref else []
    )
    for update in record.updated_by:
        if update.type in RETRACTING_UPDATES:
            notes.append(f"retracted: {update.type.replace('_', ' ')} {update.doi}".strip())
        elif update.type in CORRECTING_UPDATES:
            notes.append(f"{update.type}: {update.doi}")
    return tuple(notes)


def _item(source: str, lookup: Lookup | None, ref: Reference | None, suggestion: RegistryRecord | None) -> ResolvedItem:
    record = lookup.record if lookup and lookup.status == FOUND_STATUS else suggestion
    status = lookup.status if lookup else ("suggested" if suggestion else "no-identifier")
    notes = _notes(record, ref) if record else ()
    if suggestion is not None and lookup is not None:
        notes = (*notes, f"did you mean {suggestion.doi}? (found by a search; title, author and year match)")
    return ResolvedItem(
        source=source,
        identifier=lookup.key if lookup else "",
        status=status,
        registry=(record.source if record else (lookup.agency if lookup else "")),
        doi=record.doi if record else "",
        first_author=record.authors[0].family if record and record.authors else "",
        year=str(record.year or "") if record else "",
        title=record.title if record else "",
        notes=notes,
    )


def items_for_references(path: str, refs: Iterable[Reference], online: OnlineResult) -> list[ResolvedItem]:
    items = []
    for ref in refs:
        lookup = online.lookups.get(reference_key(ref)) if reference_key(ref) else None
        items.append(_item(f"{path}:{ref.line}", lookup, ref, online.suggestions.get(ref.id)))
    return items


def items_for_dois(lookups: Mapping[str, Lookup]) -> list[ResolvedItem]:
    return [_item("", lookup, None, None) for lookup in lookups.values()]


def render_text(items: list[ResolvedItem], unavailable: Iterable[str] = ()) -> str:
    lines = []
    for item in items:
        head = " ".join(x for x in (item.source, item.identifier or "(no identifier)", item.status) if x)
        lines.append(head)
        if item.doi:
            lines.append(
                f"    {item.first_author or '?'} ({item.year or 'n.d.'}). {item.title} [{item.registry}: {item.doi}]"
            )
        lines.extend(f"    ! {note}" for note in item.notes)
    lines.extend(f"registry unavailable: {message}" for message in unavailable)
    found = sum(1 for i in items if i.status == FOUND_STATUS)
    lines.append(f"{len(items)} item(s): {found} found, {sum(1 for i in items if i.flagged)} flagged")
    return "\n".join(lines) + "\n"


def render_json(items: list[ResolvedItem], unavailable: Iterable[str] = ()) -> str:
    data = {"items": [{**asdict(i), "notes": list(i.notes)} for i in items], "unavailable": list(unavailable)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dois_csv(items: list[ResolvedItem]) -> str:
    """An export of the DOIs found (source, doi, how it was found), for the user to merge by hand."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "doi", "status", "title"])
    for item in items:
        if item.doi:
            writer.writerow([item.source, item.doi, item.status, item.title])
    return out.getvalue()
