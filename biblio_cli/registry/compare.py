"""Compare a listed reference with a registry record, field by field; pure functions.

Disagreements are graded by how sure and how serious they are: a different first author, title
or year means the DOI probably points at another work (error); container, volume, issue and
first page are details a careful author fixes (warning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from biblio_cli.model import Reference, Severity
from biblio_cli.normalize import fold, name_key
from biblio_cli.registry.records import RegistryRecord

#: Folded titles scoring at least this (rapidfuzz token_sort_ratio, 0-100) are the same title.
TITLE_MATCH_MIN = 85.0
#: Container titles at least this similar are the same journal/book.
CONTAINER_MATCH_MIN = 85.0
#: A search candidate must beat the runner-up's title score by this much to be suggested.
CANDIDATE_LEAD_MIN = 10.0
#: Search candidates whose year differs by more than this are rejected.
CANDIDATE_YEAR_SLACK = 1
#: A registered DOI at most this many edits (insertion, deletion, substitution, transposition)
#: from a DOI that does not exist is "near": the listed one is probably a typo of it.
NEAR_DOI_MAX_EDITS = 2

_TAGS = re.compile(r"<[^>]+>")
#: Publishers prefix retracted works' titles; the retraction is its own finding, not a title change.
_RETRACTED_PREFIX = re.compile(r"^\s*(?:retracted(?: article)?|withdrawn)\s*:\s*", re.IGNORECASE)
_STOPWORDS = frozenset(
    ["of", "the", "and", "for", "in", "on", "a", "an", "de", "la", "le", "les", "des", "du", "et", "und", "der"]
)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One disagreeing field: what the list says and what the registry says."""

    field: str  # "first author" | "title" | "year" | "container" | "volume" | "issue" | "first page"
    listed: str
    registered: str
    severity: Severity
    note: str = ""


def strip_markup(text: str) -> str:
    """Drop JATS/HTML tags (<jats:italic>, <i>, <sub>) that registries leave in titles."""
    return " ".join(_TAGS.sub("", text).split())


def title_score(listed: str, record: RegistryRecord) -> float:
    """0-100 similarity of a listed title with the record's title (with or without its subtitle)."""
    mine = fold(strip_markup(listed))
    if not mine or not record.title:
        return 0.0
    title = _RETRACTED_PREFIX.sub("", strip_markup(record.title))
    candidates = [title, f"{title} {strip_markup(record.subtitle)}"] if record.subtitle else [title]
    return max(float(fuzz.token_sort_ratio(mine, fold(c))) for c in candidates)


def same_family(listed: str, registered: str) -> bool:
    """Accent-, case- and particle-insensitive; compound names match either part ('Saba Ayon' ~ 'Ayon')."""
    a, b = name_key(listed), name_key(registered)
    if not a or not b:
        return True
    if a == b or a.endswith(b) or b.endswith(a) or a.startswith(b) or b.startswith(a):
        return True
    return fuzz.ratio(a, b) >= 90.0


def _abbreviates(short: str, full: str) -> bool:
    """'J. Appl. Phys.' abbreviates 'Journal of Applied Physics': each word is a prefix, in order."""
    short_words = [w for w in fold(short).split() if w not in _STOPWORDS]
    full_words = [w for w in fold(full).split() if w not in _STOPWORDS]
    if not short_words or len(short_words) != len(full_words):
        return False
    return all(f.startswith(s) for s, f in zip(short_words, full_words, strict=True))


def same_container(listed: str, record: RegistryRecord) -> bool:
    names = [record.container, *record.short_containers]
    mine = fold(listed)
    for name in filter(None, names):
        theirs = fold(strip_markup(name))
        if mine == theirs or fuzz.token_sort_ratio(mine, theirs) >= CONTAINER_MATCH_MIN:
            return True
        if _abbreviates(listed, name) or _abbreviates(name, listed):
            return True
    return False


def _number(text: str) -> str:
    return fold(text).replace(" ", "").lstrip("0")


def same_number(a: str, b: str) -> bool:
    """Volume/issue/page numbers compared loosely ('037' ~ '37', case and spaces ignored)."""
    return _number(a) == _number(b)


def first_page(pages: str) -> str:
    return re.split(r"[-\u2013\u2014]", pages, maxsplit=1)[0].strip().removeprefix("p.").removeprefix("pp.").strip()


def compare(ref: Reference, record: RegistryRecord) -> tuple[Mismatch, ...]:
    """Every field both sides give and that disagrees."""
    found: list[Mismatch] = []
    if ref.authors and record.authors:
        listed, registered = ref.authors[0].full_family, record.authors[0].family
        if not same_family(listed, registered):
            found.append(Mismatch("first author", listed, registered, Severity.ERROR))
    if ref.title and record.title and title_score(ref.title, record) < TITLE_MATCH_MIN:
        full = f"{record.title}: {record.subtitle}" if record.subtitle else record.title
        found.append(Mismatch("title", ref.title, strip_markup(full), Severity.ERROR))
    if ref.year is not None and record.years and ref.year not in record.years:
        found.append(Mismatch("year", str(ref.year), "/".join(map(str, record.years)), Severity.ERROR))
    if ref.container and record.container and not same_container(ref.container, record):
        found.append(Mismatch("container", ref.container, strip_markup(record.container), Severity.WARNING))
    vol_l, vol_r, iss_l, iss_r = map(_number, (ref.volume, record.volume, ref.issue, record.issue))
    if vol_l and iss_l and vol_l == iss_r and iss_l == vol_r and vol_l != vol_r:
        found.append(
            Mismatch("volume/issue", f"{ref.volume}({ref.issue})", f"{record.volume}({record.issue})", Severity.WARNING)
        )
    else:
        if vol_l and vol_r and vol_l != vol_r:
            found.append(Mismatch("volume", ref.volume, record.volume, Severity.WARNING))
        if iss_l and iss_r and iss_l != iss_r:
            found.append(Mismatch("issue", ref.issue, record.issue, Severity.WARNING))
    page_l, page_r = _number(first_page(ref.pages)), _number(record.first_page)
    if page_l and page_r and page_l != page_r:
        found.append(Mismatch("first page", first_page(ref.pages), record.first_page, Severity.WARNING))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Validation:
    """How well a search candidate fits a reference; `ok` only if every known field agrees."""

    record: RegistryRecord
    title: float
    author: bool
    year: bool

    @property
    def ok(self) -> bool:
        return self.title >= TITLE_MATCH_MIN and self.author and self.year


def validate(ref: Reference, record: RegistryRecord) -> Validation:
    """Check a candidate against the parsed fields, never trusting the search score alone."""
    author = True
    if ref.authors:
        author = bool(record.authors) and same_family(ref.authors[0].full_family, record.authors[0].family)
    year = True
    if ref.year is not None:
        year = any(abs(ref.year - y) <= CANDIDATE_YEAR_SLACK for y in record.years)
    return Validation(record, title_score(ref.title, record), author, year)


def best_candidate(ref: Reference, candidates: tuple[RegistryRecord, ...]) -> RegistryRecord | None:
    """The candidate to suggest: validated, and clearly ahead of the runner-up (else None)."""
    if not ref.title or not (ref.authors or ref.year is not None):
        return None
    scored = sorted((validate(ref, c) for c in candidates), key=lambda v: (v.ok, v.title), reverse=True)
    if not scored or not scored[0].ok:
        return None
    best = scored[0]
    for other in scored[1:]:
        if other.record.doi != best.record.doi and other.ok and best.title - other.title < CANDIDATE_LEAD_MIN:
            return None  # two works fit equally well: do not guess
    return best.record


def near_doi(listed: str, registered: str) -> bool:
    """True when `registered` is a typo away from `listed` (case-insensitive, OSA edit distance)."""
    a, b = listed.strip().lower(), registered.strip().lower()
    return bool(a and b) and a != b and OSA.distance(a, b, score_cutoff=NEAR_DOI_MAX_EDITS + 1) <= NEAR_DOI_MAX_EDITS


def candidate_for_doi(ref: Reference, listed_doi: str, candidates: tuple[RegistryRecord, ...]) -> RegistryRecord | None:
    """The work to suggest for a DOI that is registered nowhere.

    The same validation as for a missing DOI (title, first author and year must agree, and the
    best candidate must lead clearly). When two validated candidates are too close to call, the
    one whose DOI is near the listed DOI (a typo of it) settles it; nothing else does.
    """
    best = best_candidate(ref, candidates)
    if best is not None or not ref.title or not (ref.authors or ref.year is not None):
        return best
    near = {c.doi: c for c in candidates if near_doi(listed_doi, c.doi) and validate(ref, c).ok}
    return next(iter(near.values())) if len(near) == 1 else None
