"""Match each citation to its reference-list entry; rapidfuzz is used only here.

An index from first-author name keys to entries makes exact matching O(1) per
citation; fuzzy search runs only for names the index does not know, once per
distinct name, so cost grows linearly with the number of citations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from biblio_cli.model import Citation, Match, Person, Reference
from biblio_cli.normalize import name_key, name_variants, title_key

#: Minimum rapidfuzz ratio (0-100) for a cited name to count as a misspelling of a listed one.
NAME_SIMILARITY_MIN = 80.0
#: Same, for short names (five letters or fewer), where one letter weighs more.
SHORT_NAME_SIMILARITY_MIN = 75.0
#: Minimum rapidfuzz token-set ratio for two titles (folded) to name the same work.
SAME_TITLE_MIN = 90.0
#: How many near entries a missing-reference finding suggests.
MAX_SUGGESTIONS = 3


def _is_initial(word: str) -> bool:
    """'R', 'E.', 'M' — a single capital letter, perhaps with a full stop: an initial, never a family name."""
    letter = word[:-1] if word.endswith(".") else word
    return len(letter) == 1 and letter.isupper()


def person_keys(person: Person) -> set[str]:
    """Every key a citation may use for this author: 'Agence ... (ANCT)' -> {its name, 'anct'}.

    Initials the parse left in the family name ('Furuta R', 'Alsaif N A M', 'E Heidelberger')
    are dropped for one more key, so '(Furuta et al., 1996)' still finds its entry.
    """
    keys = {name_key(person.full_family), name_key(person.family)}
    if person.is_group and "(" in person.family:
        inside = person.family[person.family.find("(") + 1 : person.family.rfind(")")]
        keys.add(name_key(inside))
        keys.add(name_key(person.family[: person.family.find("(")]))
    words = person.full_family.split()
    if len(words) > 1 and any(_is_initial(w) for w in words):
        keys.add(name_key(" ".join(w for w in words if not _is_initial(w))))
    keys.discard("")
    return keys


def _block_words(reference: Reference) -> set[str]:
    """Keys of every capitalised word of the entry's names, given names included.

    A cited co-author found among them is not reported: the author block may be one the
    parser could not split ('Schindler, D. W., andJ. P. Smol', 'Chambers, J.K. and Peter
    Trudgill', 'Folkman and Klagsbrun, 1987'), and a finding needs certainty.
    """
    words: set[str] = set()
    for person in reference.authors:
        for word in f"{person.full_family} {person.given}".replace(".", ". ").split():
            bare = word.strip(".,;:()[]'\"")
            if len(bare) > 1 and bare[0].isupper() and not (bare.isupper() and len(bare) <= 3):  # not 'JK'
                words.add(name_key(bare))
    return words


def same_year(citation: Citation, reference: Reference) -> bool:
    """2019 matches 2019 and 2019a (suffix missing in the text); 2019a needs 2019a; n.d. == s. d."""
    if citation.year is None or reference.year is None:
        return citation.year is None and reference.year is None and citation.year_label == reference.year_label
    if citation.year != reference.year:
        return False
    return not citation.year_suffix or citation.year_suffix == reference.year_suffix


def _similar_enough(a: str, b: str) -> bool:
    threshold = SHORT_NAME_SIMILARITY_MIN if min(len(a), len(b)) <= 5 else NAME_SIMILARITY_MIN
    return float(fuzz.ratio(a, b)) >= threshold


@dataclass
class ReferenceIndex:
    """Entries by first-author key, plus the list of keys for fuzzy lookups."""

    by_first_author: dict[str, list[Reference]]
    keys: list[str]
    _fuzzy_cache: dict[str, list[tuple[str, float]]]

    @classmethod
    def build(cls, references: Sequence[Reference]) -> ReferenceIndex:
        index: dict[str, list[Reference]] = defaultdict(list)
        for ref in references:
            if ref.authors:
                for key in person_keys(ref.authors[0]):
                    index[key].append(ref)
        return cls(dict(index), list(index), {})

    def exact(self, cited_name: str) -> list[Reference]:
        for key in name_variants(cited_name):
            if key in self.by_first_author:
                return self.by_first_author[key]
        return []

    def near(self, cited_name: str, limit: int = 5) -> list[tuple[str, float]]:
        """Listed first-author keys that look like a misspelling of `cited_name`, best first."""
        key = name_key(cited_name)
        if key not in self._fuzzy_cache:
            hits = process.extract(key, self.keys, scorer=fuzz.ratio, limit=limit, score_cutoff=60)
            self._fuzzy_cache[key] = [(hit[0], float(hit[1])) for hit in hits]
        return self._fuzzy_cache[key]


def _coauthors_agree(citation: Citation, reference: Reference) -> tuple[bool, str]:
    """Do the cited co-authors match the listed ones? Returns (agree, 'Duchrame/Ducharme' if near miss)."""
    if citation.et_al or len(citation.authors) < 2:
        return True, ""
    listed = [person_keys(p) for p in reference.authors[1:]]
    block: set[str] | None = None
    for cited in citation.authors[1:]:
        variants = set(name_variants(cited))
        if any(variants & keys for keys in listed):
            continue
        if block is None:
            block = _block_words(reference)
        if name_key(cited) in block:
            continue
        for person, keys in zip(reference.authors[1:], listed, strict=False):
            if any(_similar_enough(v, k) for v in variants for k in keys):
                return False, f"{cited}/{person.full_family}"
        return False, f"{cited}/"
    return True, ""


def _author_count_fits(citation: Citation, reference: Reference) -> bool:
    cited = len(citation.authors)
    listed = len(reference.authors)
    if citation.et_al:
        return listed >= 2
    return cited == listed or (cited >= 2 and listed >= cited)


def _by_footnote(citation: Citation, candidates: Sequence[Reference]) -> Reference | None:
    if citation.footnote:
        for ref in candidates:
            if ref.source == "footnote" and ref.footnote == citation.footnote:
                return ref
    return None


def _prefer(candidates: list[Reference]) -> list[Reference]:
    """List entries before footnote copies of the same work."""
    return sorted(candidates, key=lambda r: (r.source != "list", r.line))


def match_citation(citation: Citation, index: ReferenceIndex) -> Match:
    """Decide what a citation points to, and how well it agrees with it."""
    first = citation.authors[0]
    candidates = index.exact(first)
    if candidates:
        by_footnote = _by_footnote(citation, candidates)
        if by_footnote is not None:
            # The footnote names the work; point at its list entry when the list has it too.
            listed = [r for r in candidates if r.source == "list" and same_work(r, by_footnote)]
            target = listed[0] if listed else by_footnote
            return Match(citation, target, "exact" if same_year(citation, target) else "year-mismatch")
        dated = [r for r in candidates if same_year(citation, r)]
        if not citation.footnote and any(r.source == "list" for r in dated):
            # A footnote reference belongs to the citation that calls its footnote.
            dated = [r for r in dated if r.source == "list"]
        if dated:
            agreeing = [r for r in dated if _coauthors_agree(citation, r)[0]]
            if agreeing:
                fitting = [r for r in agreeing if _author_count_fits(citation, r)] or agreeing
                distinct = _distinct_works(fitting)
                if len(distinct) > 1:
                    narrowed = _exact_count(citation, distinct)
                    if len(narrowed) != 1:
                        return Match(citation, None, "ambiguous", tuple(distinct))
                    return Match(citation, narrowed[0], "exact")
                return Match(citation, _prefer(fitting)[0], "exact")
            best = _prefer(dated)[0]
            return Match(citation, best, "author-mismatch", detail=_coauthors_agree(citation, best)[1])
        ranked = sorted(candidates, key=lambda r: _year_mismatch_rank(citation, r))
        return Match(citation, ranked[0], "year-mismatch", tuple(ranked[1:]))
    # First author unknown: a misspelling of a listed name with the right year?
    near_dated: list[tuple[float, Reference, str]] = []
    near_any: list[Reference] = []
    for key, score in index.near(first):
        for ref in index.by_first_author[key]:
            near_any.append(ref)
            if same_year(citation, ref) and _similar_enough(name_key(first), key):
                near_dated.append((score, ref, key))
    if near_dated:
        near_dated.sort(key=lambda t: (-t[0], t[1].line))
        _, ref, _ = near_dated[0]
        return Match(citation, ref, "author-mismatch", detail=f"{first}/{ref.authors[0].full_family}")
    suggestions = _unique(near_any)[:MAX_SUGGESTIONS]
    return Match(citation, None, "missing", tuple(suggestions))


def _year_mismatch_rank(citation: Citation, reference: Reference) -> tuple[bool, bool, int, bool]:
    """Which entry of the cited author a citation with a wrong year most likely means: lowest first."""
    return (
        not _coauthors_agree(citation, reference)[0],
        not _author_count_fits(citation, reference),
        abs((reference.year or 0) - (citation.year or 0)),
        reference.source != "list",
    )


def _prefer_uncited(matches: list[Match]) -> list[Match]:
    """A wrong-year citation points at an entry nothing else cites rather than at one cited elsewhere.

    The list has Jeune & Barabé 2004 and 2008, the text cites 2004 and 2006: the 2006 citation
    means the 2008 entry (cited by no one), not the 2004 one that another citation reaches exactly.
    Only entries as plausible by names and author count are considered.
    """
    cited = {m.reference.id for m in matches if m.reference is not None and m.status != "year-mismatch"}
    result = []
    for m in matches:
        if m.status == "year-mismatch" and m.reference is not None and m.reference.id in cited:
            rank = _year_mismatch_rank(m.citation, m.reference)[:2]
            alternative = next(
                (
                    r
                    for r in m.candidates
                    if r.id not in cited and r.source == "list" and _year_mismatch_rank(m.citation, r)[:2] == rank
                ),
                None,
            )
            if alternative is not None:
                others = (m.reference, *(r for r in m.candidates if r.id != alternative.id))
                m = Match(m.citation, alternative, "year-mismatch", others, m.detail)
        result.append(m)
    return result


def _exact_count(citation: Citation, references: list[Reference]) -> list[Reference]:
    """Entries whose author count is what the citation says: 'A and B' has two, 'A et al.' three or more.

    'Allmann and Baldwin, 2010' is not ambiguous next to 'Allmann, Halitschke ... Baldwin (2010)'.
    """
    if citation.et_al:
        return [r for r in references if len(r.authors) >= 3]
    return [r for r in references if len(r.authors) == len(citation.authors)]


def _distinct_works(references: list[Reference]) -> list[Reference]:
    """Drop footnote copies of a listed work, so a work cited twice is not 'ambiguous'."""
    result: list[Reference] = []
    for ref in _prefer(references):
        if not any(same_work(ref, kept) for kept in result):
            result.append(ref)
    return result


def same_work(a: Reference, b: Reference) -> bool:
    """Same year and the same DOI or (nearly) the same title: two copies of one work.

    Without titles on either side ('Chen, H. 1997, ApJ, 475, 163'), the same journal, volume and pages.
    """
    if a.year_text != b.year_text:
        return False
    if a.doi and a.doi == b.doi:
        return True
    if not a.title and not b.title:
        return bool(a.container and (a.volume or a.pages)) and _journal_key(a) == _journal_key(b)
    return bool(a.title and b.title) and fuzz.token_set_ratio(title_key(a.title), title_key(b.title)) >= SAME_TITLE_MIN


def _journal_key(ref: Reference) -> tuple[str, str, str]:
    """Journal (folded, without punctuation), volume and first page of a title-less article."""
    return (
        "".join(c for c in title_key(ref.container) if c.isalnum()),
        ref.volume.strip(),
        ref.pages.split("-", 1)[0].strip(),
    )


def _unique(refs: list[Reference]) -> list[Reference]:
    seen: set[str] = set()
    out = []
    for ref in refs:
        if ref.id not in seen:
            seen.add(ref.id)
            out.append(ref)
    return out


def match_all(citations: Sequence[Citation], references: Sequence[Reference]) -> list[Match]:
    index = ReferenceIndex.build(references)
    return _prefer_uncited([match_citation(c, index) for c in citations])
