"""Derived facts about a Reference that several exporters need (genre, language, place, pages).

Kept in one place so BibTeX, biblatex, CSL-JSON, RIS and APA agree on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from biblio_cli.language import detect_language
from biblio_cli.model import Person, Reference
from biblio_cli.normalize import fold

#: "[Thèse de doctorat, Université X]" or "[Doctoral dissertation, X]" after the title.
_BRACKETED = re.compile(r"\[([^\]]+)\]")
#: "(rapport)", "(Report No. 12)" after a report title.
_PAREN_GENRE = re.compile(r"\(((?:rapport|report|working paper|document de travail)[^)]*)\)", re.IGNORECASE)
#: "Paris : Gallimard" / "Paris: Gallimard" — place before publisher.
_PLACE = re.compile(r"^(?:.*?,\s*)?([A-Z][^\W\d]+(?:[ -][A-Z][^\W\d]+)*)\s*:\s*(.+)$")
_PAGE_RANGE = re.compile(r"^\s*([\w.]+)\s*[-\u2010-\u2015]+\s*([\w.]+)\s*$")

#: ISO 639-1 code -> babel/biblatex language name.
LANGID = {"fr": "french", "en": "english", "de": "german", "es": "spanish"}


@dataclass(frozen=True, slots=True)
class Extra:
    """What the exporters derive from a reference beyond its parsed fields."""

    genre: str  # thesis or report kind: "Habilitation à diriger des recherches", "rapport"
    institution: str  # thesis school / report institution
    place: str
    publisher: str
    language: str  # ISO 639-1 or "und"
    note: str  # set when the entry could not be parsed fully
    authors: tuple[Person, ...]  # authors, minus editors standing in for them (edited books)
    edited: bool  # an edited book: editors are the creators


def incomplete(ref: Reference) -> bool:
    """An entry the parser could not make sense of: no creator, no title or no date at all.

    A journal article given without its title, as physics and astronomy styles do
    ('Chen, H. 1997, ApJ, 475, 163'), is complete: its journal, volume and pages name it.
    """
    titled = bool(ref.title) or bool(ref.container and (ref.volume or ref.pages))
    return not titled or not (ref.authors or ref.editors) or (ref.year is None and not ref.year_label)


def derive(ref: Reference, document_language: str = "und") -> Extra:
    """Compute genre, institution, place and language for one reference."""
    given = dict(ref.identifiers)  # readers of .bib/CSL/RIS pass genre and language here
    genre = given.get("genre", "")
    after_title = ref.text.split(ref.title, 1)[1] if ref.title and ref.title in ref.text else ref.text
    if genre:
        pass
    elif ref.type == "thesis":
        m = _BRACKETED.search(after_title)
        if m:
            parts = [p.strip() for p in m.group(1).split(",")]
            genre = ", ".join(parts[:-1]) if len(parts) > 1 else parts[0]
    elif ref.type == "report":
        m = _PAREN_GENRE.search(after_title)
        if m:
            genre = m.group(1).strip()
    place, publisher = split_place(ref.publisher)
    institution = publisher if ref.type in ("thesis", "report") else ""
    language = given.get("language", "") or detect_language(f"{ref.title} {ref.container}")
    if language == "und":
        language = document_language
    note = ""
    if incomplete(ref):
        note = "biblio: entry not fully parsed; source text: " + " ".join(ref.text.split())
    edited = bool(ref.editors) and ref.type in ("book", "misc") and (not ref.authors or ref.authors == ref.editors)
    authors = () if edited else ref.authors
    return Extra(genre, institution, place, publisher, language, note, authors, edited)


def split_place(publisher: str) -> tuple[str, str]:
    """'Coll. Folio, Paris : Gallimard' -> ('Paris', 'Gallimard'); no colon -> ('', publisher)."""
    m = _PLACE.match(publisher.strip())
    if m:
        return m.group(1), m.group(2).strip()
    return "", publisher.strip()


def page_range(pages: str) -> tuple[str, str]:
    """'213-228' -> ('213', '228'); '128' -> ('128', '')."""
    m = _PAGE_RANGE.match(pages)
    if m:
        return m.group(1), m.group(2)
    return pages.strip(), ""


def sort_name(person: Person) -> str:
    """Folded 'particle family given' for ordering (APA keeps particles in the sort key)."""
    return fold(f"{person.full_family} {person.given}")
