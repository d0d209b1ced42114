"""Resolve keyed citations against bibliography files; the key-based twin of match.py.

A key names exactly one entry, so matching is a dictionary lookup; rapidfuzz only runs for
keys that are not defined, to suggest the closest defined key ("did you mean smith2020?").
With several bibliography files, the first definition of a key wins, as in BibTeX and biber.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from biblio_cli.bibliographies import Bibliography
from biblio_cli.citekeys import ALL_KEYS
from biblio_cli.model import Citation, Match, Reference
from biblio_cli.rules.key_rules import MISSING_KEY, DuplicateKey

#: Minimum rapidfuzz ratio (0-100, case folded) for a defined key to be suggested for an undefined one.
KEY_SIMILARITY_MIN = 75.0
#: How many keys a missing-key finding suggests.
MAX_KEY_SUGGESTIONS = 2
#: Match status of `\nocite{*}` / `nocite: '@*'`, which cites every entry.
ALL_STATUS = "all-keys"
#: Match status of a keyed citation in a document that has no bibliography at all.
NO_BIBLIOGRAPHY = "no-bibliography"


@dataclass
class KeyIndex:
    """The first definition of every key over an ordered set of bibliographies."""

    by_key: dict[str, Reference]
    keys: list[str]
    _near: dict[str, tuple[Reference, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, bibliographies: Sequence[Bibliography]) -> KeyIndex:
        by_key: dict[str, Reference] = {}
        for bib in bibliographies:
            for ref, key in zip(bib.references, bib.keys, strict=True):
                if key:
                    by_key.setdefault(key, ref)
        return cls(by_key, list(by_key))

    def near(self, key: str) -> tuple[Reference, ...]:
        """Defined keys close in spelling to `key`, best first."""
        if key not in self._near:
            hits = process.extract(
                key,
                self.keys,
                scorer=fuzz.ratio,
                processor=str.lower,
                limit=MAX_KEY_SUGGESTIONS,
                score_cutoff=KEY_SIMILARITY_MIN,
            )
            self._near[key] = tuple(self.by_key[hit[0]] for hit in hits)
        return self._near[key]


def match_key(citation: Citation, index: KeyIndex) -> Match:
    """The entry a keyed citation names; a missing key carries the closest keys as candidates."""
    if citation.key == ALL_KEYS:
        return Match(citation, None, ALL_STATUS)
    found = index.by_key.get(citation.key)
    if found is not None:
        return Match(citation, found, "exact")
    if not index.by_key:
        return Match(citation, None, NO_BIBLIOGRAPHY)
    return Match(citation, None, MISSING_KEY, index.near(citation.key))


def match_keys(citations: Sequence[Citation], bibliographies: Sequence[Bibliography]) -> list[Match]:
    index = KeyIndex.build(bibliographies)
    return [match_key(c, index) for c in citations]


def duplicate_keys(bibliographies: Sequence[Bibliography]) -> dict[str, list[DuplicateKey]]:
    """Later definitions of keys, by bibliography path; files are read in the order given."""
    first: dict[str, tuple[Bibliography, Reference]] = {}
    found: dict[str, list[DuplicateKey]] = {bib.path: [] for bib in bibliographies}
    for bib in bibliographies:
        for ref, key in zip(bib.references, bib.keys, strict=True):
            if not key:
                continue
            if key not in first:
                first[key] = (bib, ref)
                continue
            where_bib, where_ref = first[key]
            where = f"line {where_ref.line}" if where_bib is bib else f"{where_bib.path}, line {where_ref.line}"
            found[bib.path].append(DuplicateKey(key, ref.line, ref.id, where))
    return found
