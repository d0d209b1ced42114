"""`biblio export --online`: fill and correct references from registry records, conservatively.

Pure functions: references and an OnlineResult in, references and a list of changes out (the
CLI prints each change on stderr). The policy, field by field:

- A record is used only if it is the same work: the first author's family name and the title
  must not disagree with the entry (`compare`); otherwise the entry is left as written.
  Records come from the entry's own identifier (DOI, arXiv id, HAL id) or, for an entry
  without a DOI or with a DOI registered nowhere, from a validated search (`missing-doi` /
  `doi-not-found` suggestions: title, first author and year checked, clear lead).
- DOI: filled when missing; a DOI that is registered nowhere is replaced by the validated one.
- Container, volume, issue, pages: filled when missing, replaced when they disagree with the
  registry. A container that is an abbreviation of the registered one ('J. Appl. Phys.') is
  kept; pages are kept when the first page agrees.
- Year: filled when missing; replaced only when both the first author and the title were
  compared and agree, and the listed year is none of the registry's years (issued, print,
  online). A year suffix ('2019a') is kept.
- Title: only its casing, and only when clearly better: the listed title is all capitals or
  all lower case, the registered one is mixed case, and both are the same words once folded
  (case, accents, punctuation). Wording is never changed.
- Authors, type, publisher, editors and anything a registry leaves empty are never touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from biblio_cli.model import Reference
from biblio_cli.normalize import fold, normalize_doi
from biblio_cli.registry.compare import (
    TITLE_MATCH_MIN,
    compare,
    first_page,
    same_container,
    same_family,
    same_number,
    strip_markup,
    title_score,
)

if TYPE_CHECKING:
    from biblio_cli.registry.records import RegistryRecord
    from biblio_cli.registry.resolve import OnlineResult

#: How a change names the registry an answer came from.
REGISTRY_NAMES = {"crossref": "Crossref", "datacite": "DataCite", "csl": "doi.org", "hal": "HAL"}


@dataclass(frozen=True, slots=True)
class Change:
    """One field changed in one reference: `r3 Paul 2019: volume '' -> '12' (Crossref)`."""

    reference: str  # the reference id ('r3')
    label: str  # 'Paul 2019'
    field: str  # 'doi' | 'container' | 'volume' | 'issue' | 'pages' | 'year' | 'title'
    old: str
    new: str
    registry: str  # 'Crossref', 'DataCite', 'doi.org', 'HAL'

    def describe(self) -> str:
        return f"{self.reference} {self.label}: {self.field} '{self.old}' -> '{self.new}' ({self.registry})"


def _label(ref: Reference) -> str:
    who = ref.authors[0].full_family if ref.authors else (ref.title[:30] or ref.id)
    return f"{who} {ref.year_text or 'n.d.'}".strip()


def _record_for(ref: Reference, online: OnlineResult) -> tuple[RegistryRecord | None, bool]:
    """The record to enrich from, and whether it replaces a DOI registered nowhere."""
    lookup = online.lookup_for(ref)
    if lookup is not None and lookup.status == "found" and lookup.record is not None:
        return lookup.record, False
    suggestion = online.suggestions.get(ref.id)
    if suggestion is None:
        return None, False
    return suggestion, lookup is not None and lookup.status == "not-found"


def _clearly_better_casing(listed: str, registered: str) -> bool:
    if not listed or not registered or listed == registered or fold(listed) != fold(registered):
        return False
    letters = [c for c in listed if c.isalpha()]
    shouting_or_flat = bool(letters) and (listed.upper() == listed or listed.lower() == listed)
    mixed = registered.upper() != registered and registered.lower() != registered
    return shouting_or_flat and mixed


def enrich_reference(
    ref: Reference, record: RegistryRecord, replaces_doi: bool = False
) -> tuple[Reference, list[Change]]:
    """Apply the policy above to one reference; returns the new reference and what changed."""
    mismatches = {m.field for m in compare(ref, record)}
    if mismatches & {"first author", "title"}:
        return ref, []  # maybe another work: never copy its details
    registry = REGISTRY_NAMES.get(record.source, record.source)
    label = _label(ref)
    changes: list[Change] = []
    updates: dict[str, object] = {}

    def change(name: str, old: str, new: str, **fields: object) -> None:
        changes.append(Change(ref.id, label, name, old, new, registry))
        updates.update(fields)

    doi = normalize_doi(record.doi) if record.doi else ""
    if doi and (not ref.doi or (replaces_doi and normalize_doi(ref.doi) != doi)):
        change("doi", ref.doi, doi, doi=doi)
    container = strip_markup(record.container)
    if container and (not ref.container or not same_container(ref.container, record)):
        change("container", ref.container, container, container=container)
    for name in ("volume", "issue"):
        listed, registered = str(getattr(ref, name)), str(getattr(record, name)).strip()
        if registered and not same_number(listed, registered):
            change(name, listed, registered, **{name: registered})
    if record.page and (not ref.pages or not same_number(first_page(ref.pages), record.first_page)):
        change("pages", ref.pages, record.page, pages=record.page)
    if record.year is not None:
        if ref.year is None:
            change("year", ref.year_text, str(record.year), year=record.year, year_label="")
        elif ref.year not in record.years:
            identity = (
                bool(ref.authors and record.authors and ref.title and record.title)
                and same_family(ref.authors[0].full_family, record.authors[0].family)
                and title_score(ref.title, record) >= TITLE_MATCH_MIN
            )
            if identity:
                change("year", str(ref.year), str(record.year), year=record.year)
    registered_title = strip_markup(record.title)
    if _clearly_better_casing(ref.title, registered_title):
        change("title", ref.title, registered_title, title=registered_title)
    return (replace(ref, **updates) if updates else ref), changes  # type: ignore[arg-type]


def enrich(refs: Sequence[Reference], online: OnlineResult) -> tuple[tuple[Reference, ...], tuple[Change, ...]]:
    """Every reference filled and corrected from its registry record (see the module policy)."""
    out: list[Reference] = []
    changes: list[Change] = []
    for ref in refs:
        record, replaces_doi = _record_for(ref, online)
        if record is None:
            out.append(ref)
            continue
        new, changed = enrich_reference(ref, record, replaces_doi)
        out.append(new)
        changes.extend(changed)
    return tuple(out), tuple(changes)


def fill_dois(refs: Sequence[Reference], online: OnlineResult) -> tuple[tuple[Reference, ...], tuple[Change, ...]]:
    """Only the DOIs (for `biblio resolve --write-dois`): missing ones filled, ones registered nowhere replaced."""
    out: list[Reference] = []
    changes: list[Change] = []
    for ref in refs:
        record, replaces_doi = _record_for(ref, online)
        doi = normalize_doi(record.doi) if record is not None and record.doi else ""
        if record is None or not doi or (ref.doi and not replaces_doi) or normalize_doi(ref.doi) == doi:
            out.append(ref)
            continue
        if any(m.field in ("first author", "title") for m in compare(ref, record)):
            out.append(ref)
            continue
        registry = REGISTRY_NAMES.get(record.source, record.source)
        changes.append(Change(ref.id, _label(ref), "doi", ref.doi, doi, registry))
        out.append(replace(ref, doi=doi))
    return tuple(out), tuple(changes)
