"""Markdown documents with known truth: every citation knows the entry it must link to.

Two kinds:
- eLife articles: the real body paragraphs, each ``<xref ref-type="bibr">`` callout kept as
  written and remembered with its span and target; the ``<element-citation>`` list rendered
  in eLife's own style and, as a second document, in APA.
- synthetic documents: real author-year reference strings from AnyStyle and GROBID as the
  list (as written), and a body of sentences citing each one as "(Family, 2019)",
  "Family and Other (2019)", "Family et al. (2019)" from the gold names and year.

`linking` runs biblio's checker on a document and scores citation-to-entry links.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

from benchmarks.accuracy.corpus import JatsRef, Sample, first_year, fold, jats_refs, render_jats
from biblio_cli.model import DocumentResult
from biblio_cli.normalize import name_key
from biblio_cli.pipeline import check_text


@dataclass(frozen=True)
class Entry:
    """One reference-list entry: its text as written and what a citation needs to reach it."""

    text: str
    families: tuple[str, ...]  # as the citations write them
    year: str  # the four digits; the entry text may add a suffix
    doi: str = ""


@dataclass(frozen=True)
class Cite:
    """One in-text citation: where it is (body line, span) and which entry it must link to."""

    line: int  # index into Doc.body
    start: int
    end: int
    entry: int  # index into Doc.entries
    family: str  # first author as cited
    #: The published callout contradicts its own target ("year": 'James-Clark 1868' links to an
    #: 1867 entry; "author": 'Xds, 2010' links to Kabsch 2010): a finding there is true.
    source_error: str = ""


@dataclass
class Doc:
    name: str
    source: str  # elife-elife | elife-apa | synthetic-<corpus source>
    body: list[str]
    entries: list[Entry]
    cites: list[Cite] = field(default_factory=list)

    def copy(self) -> Doc:
        return Doc(self.name, self.source, list(self.body), list(self.entries), list(self.cites))


@dataclass(frozen=True)
class Rendered:
    """A document as Markdown and the 1-based line of each body line and entry."""

    text: str
    body_lines: list[int]
    entry_lines: list[int]


def render(doc: Doc) -> Rendered:
    lines = [f"# {doc.name}", ""]
    body_lines: list[int] = []
    for paragraph in doc.body:
        body_lines.append(len(lines) + 1)
        lines += [paragraph, ""]
    lines += ["## References", ""]
    entry_lines: list[int] = []
    for entry in doc.entries:
        entry_lines.append(len(lines) + 1)
        lines += [entry.text, ""]
    return Rendered("\n".join(lines), body_lines, entry_lines)


# --------------------------------------------------------------------------- eLife bodies

_WS = re.compile(r"\s+")


def _paragraph(node: ET.Element) -> tuple[str, list[tuple[int, int, str]]]:
    """A <p> as one line of text and the (start, end, rid) of its bibliography callouts."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            text = _WS.sub(" ", text)
            parts.append(text)
            length += len(text)

    def walk(el: ET.Element) -> None:
        if el.tag == "xref" and el.get("ref-type") == "bibr":
            start = length
            add("".join(el.itertext()))
            spans.append((start, length, el.get("rid", "")))
        elif el.tag in {"disp-formula", "table-wrap", "fig", "inline-formula"}:
            add(" ")
        else:
            add(el.text)
            for child in el:
                walk(child)
                add(child.tail)

    add(node.text)
    for child in node:
        walk(child)
        add(child.tail)
    text = "".join(parts)
    lead = len(text) - len(text.lstrip())
    return text.strip(), [(s - lead, e - lead, rid) for s, e, rid in spans]


def _body_paragraphs(tree: ET.Element) -> Iterator[ET.Element]:
    body = tree.find(".//body")
    if body is None:
        return
    for parent in body.iter():
        if parent.tag in {"body", "sec"}:
            yield from (child for child in parent if child.tag == "p")


def _jats_family(ref: JatsRef) -> tuple[str, ...]:
    return tuple(s for s, _ in ref.authors)


def _callout_error(callout: str, ref: JatsRef) -> str:
    """How a published callout contradicts the entry it links to: "year", "author" or ""."""
    if not re.search(rf"(?<!\d){first_year(ref.year)}(?!\d)", callout):
        return "year"
    named = [w for w in re.findall(r"[^\W\d_]{2,}", callout) if w not in {"et", "al", "and"}]
    if not named:
        return ""  # '(1996b)': the names stand outside the callout
    words = {fold(w) for w in re.split(r"[\s\-]+", ref.authors[0][0]) if len(w) > 1}
    if not any(w in fold(callout) for w in words):
        return "author"
    return ""


def elife_documents(articles: list[tuple[str, ET.Element]]) -> list[Doc]:
    """Each article twice: its list in eLife's style and in APA; the body as published."""
    docs: list[Doc] = []
    for name, tree in articles:
        refs = [r for r in jats_refs(tree) if not r.mixed and r.authors and first_year(r.year)]
        if len(refs) < 5:
            continue  # the reviewed preprints: mixed citations only, no structured truth
        index = {r.id: i for i, r in enumerate(refs)}
        body: list[str] = []
        cites: list[Cite] = []
        for p in _body_paragraphs(tree):
            text, spans = _paragraph(p)
            if not text or text.startswith(("#", "-", "*", ">", "|")):
                continue
            # A callout to an entry we cannot render (no author or year) would be a harness-made
            # "missing reference": cut it out of the text.
            for start, end, rid in sorted(spans, reverse=True):
                if rid not in index:
                    text = text[:start] + text[end:]
                    spans = [
                        (s - (end - start) if s >= end else s, e - (end - start) if s >= end else e, r)
                        for s, e, r in spans
                        if (s, e, r) != (start, end, rid)
                    ]
            line = len(body)
            body.append(text)
            for start, end, rid in spans:
                ref = refs[index[rid]]
                error = _callout_error(text[start:end], ref)
                cites.append(Cite(line, start, end, index[rid], ref.authors[0][0], error))
        for style in ("elife", "apa"):
            entries = [Entry(render_jats(r, style), _jats_family(r), first_year(r.year), r.doi.lower()) for r in refs]
            docs.append(Doc(name, f"elife-{style}", list(body), entries, list(cites)))
    return docs


# --------------------------------------------------------------------------- synthetic documents

_CLEAN_NAME = re.compile(r"^(?:(?:van|von|de|der|den|du|da|di|del|la|le|ten|ter)\s+)*[A-ZÀ-Þ][\w'’\-]*[^\W\d_]$")
_TEMPLATES_PAREN = (
    "Earlier work reported a comparable effect ({c}).",
    "This pattern has been described before ({c}), although the samples were small.",
    "The method follows established practice ({c}).",
    "Several studies disagree on this point ({c}).",
)
_TEMPLATES_NARRATIVE = (
    "{c} showed that the effect depends on the setting.",
    "As {c} argue, the question remains open.",
    "The data set described by {c} is used here.",
)


def _cited_name(family: str) -> str:
    """As a text cites a name: 'SMITH' -> 'Smith' (lists in capitals, text in title case)."""
    if family.isupper() and len(family) > 1:
        return "-".join(part.capitalize() for part in family.split("-"))
    return family


def _usable(sample: Sample) -> bool:
    """An author-year sample whose gold names can be cited and are visibly its first words."""
    families = sample.expected.get("authors")
    year = sample.expected.get("year")
    if not sample.author_year or not isinstance(families, tuple) or not families or not isinstance(year, str):
        return False
    if not all(_CLEAN_NAME.match(f) for f in families[:2]):
        return False
    # The gold names come from a harness heuristic: keep samples whose first name is visibly
    # the entry's first word (possibly after initials), so a citation made from it is right.
    head = re.sub(r"^(?:[^\W\d_]{1,2}\.\s*[-‐]?\s*)+", "", sample.text.lstrip())
    return head.startswith(families[0]) and year in sample.text


def synthetic_documents(samples: list[Sample], size: int = 25, seed: int = 3) -> list[Doc]:
    """Real author-year strings grouped by source, `size` per document, cited from invented sentences."""
    rng = random.Random(seed)
    by_source: dict[str, list[Sample]] = {}
    for sample in samples:
        if sample.source.startswith(("anystyle", "grobid")) and _usable(sample):
            by_source.setdefault(sample.source, []).append(sample)
    docs: list[Doc] = []
    for source, pool in sorted(by_source.items()):
        chunk: list[Sample] = []
        keys: set[tuple[str, str]] = set()
        for item in [*pool, None]:
            if item is not None:
                families = item.expected["authors"]
                assert isinstance(families, tuple)
                key = (name_key(families[0]), str(item.expected["year"]))
                if key in keys:
                    continue  # 'Smith 2001' twice in one list needs year suffixes the string lacks
                keys.add(key)
                chunk.append(item)
            if len(chunk) == size or (item is None and len(chunk) >= 5):
                docs.append(_synthetic_doc(f"{source}-{len(docs) + 1}", f"synthetic-{source}", chunk, rng))
                chunk, keys = [], set()
    return docs


def _cited_families(text: str, families: tuple[str, ...], year: str) -> tuple[str, ...]:
    """The names a citation of this entry gives: 'de Villiers, Jill G. 1985.' is one author.

    The harness's author split for AnyStyle and GROBID gold (corpus.families_from_string) takes
    the given name of 'de Villiers, Jill G.', 'van Arragon, Paul (1990)', 'de Laguna, Frederica.
    1972.' for a second family name, and a citation built from it ('de Villiers and Jill, 1985')
    is one no author would write. An entry that opens with 'Family, Name' and then only initials
    before its year names one author in the inverted form every author-year style uses: it is
    cited by that family alone.
    """
    if len(families) != 2:
        return families
    head = re.sub(r"^(?:[^\W\d_]{1,2}\.\s*[-‐]?\s*)+", "", text.lstrip())
    given = rf"{re.escape(families[0])},\s*{re.escape(families[1])}(?:\s+(?:[A-ZÀ-Þ]\.\s*)+)?[\s.,]*[(\[]?{year}"
    return families[:1] if re.match(given, head) else families


def _citation_text(entry: Entry, narrative: bool, rng: random.Random, reduced: bool = False) -> str:
    """'Family, 2019' or 'Family (2019)'; `reduced`: the entry lost a given name taken for a family."""
    names = [_cited_name(f) for f in entry.families]
    if len(names) == 1:
        if reduced and not narrative:
            rng.random()  # the draw a two-name citation makes, so the other documents stay as they were
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} {'and' if narrative or rng.random() < 0.5 else '&'} {names[1]}"
    else:
        who = f"{names[0]} et al."
    return f"{who} ({entry.year})" if narrative else f"{who}, {entry.year}"


def _synthetic_doc(name: str, source: str, chunk: list[Sample], rng: random.Random) -> Doc:
    def sort_key(s: Sample) -> str:
        families = s.expected["authors"]
        assert isinstance(families, tuple)
        return name_key(families[0])

    chunk = sorted(chunk, key=sort_key)
    entries = []
    reduced: set[int] = set()
    for s in chunk:
        families = s.expected["authors"]
        assert isinstance(families, tuple)
        doi = s.expected.get("doi", "")
        year = str(s.expected["year"])
        cited = _cited_families(s.text, families, year)
        if cited != families:
            reduced.add(len(entries))
        entries.append(Entry(s.text, cited, year, doi if isinstance(doi, str) else ""))
    body: list[str] = []
    cites: list[Cite] = []
    order = list(range(len(entries))) + rng.sample(range(len(entries)), k=len(entries) // 3)
    rng.shuffle(order)
    i = 0
    while i < len(order):
        group = order[i : i + rng.choice((1, 1, 2))]
        i += len(group)
        line = len(body)
        if len(group) == 1 and rng.random() < 0.4:
            citation = _citation_text(entries[group[0]], True, rng, group[0] in reduced)
            template = rng.choice(_TEMPLATES_NARRATIVE)
            text = template.format(c=citation)
            start = text.index(citation)
            cites.append(Cite(line, start, start + len(citation), group[0], _cited_name(entries[group[0]].families[0])))
        else:
            parts = [_citation_text(entries[g], False, rng, g in reduced) for g in group]
            template = rng.choice(_TEMPLATES_PAREN)
            text = template.format(c="; ".join(parts))
            position = text.index("(") + 1
            for g, part in zip(group, parts, strict=True):
                cites.append(Cite(line, position, position + len(part), g, _cited_name(entries[g].families[0])))
                position += len(part) + 2
        body.append(text)
    return Doc(name, source, body, entries, cites)


# --------------------------------------------------------------------------- linking


@dataclass
class LinkScore:
    expected: int = 0
    linked: int = 0  # found and pointing at the right entry with status "exact"
    wrong: int = 0  # found, pointing elsewhere or not "exact"
    missed: int = 0  # not found at all
    failures: list[dict[str, object]] = field(default_factory=list)

    def add(self, other: LinkScore) -> None:
        self.expected += other.expected
        self.linked += other.linked
        self.wrong += other.wrong
        self.missed += other.missed
        self.failures += other.failures

    @property
    def rate(self) -> float:
        return self.linked / self.expected if self.expected else float("nan")


def score_links(doc: Doc, rendered: Rendered, result: DocumentResult) -> LinkScore:
    """Pair each expected citation with a found one on the same line (same first author and year)."""
    score = LinkScore()
    found_by_line: dict[int, list[int]] = {}
    for i, m in enumerate(result.matches):
        found_by_line.setdefault(m.citation.line, []).append(i)
    entry_line_of_ref = {r.id: r.line for r in result.references}
    used: set[int] = set()
    for cite in doc.cites:
        if cite.source_error:
            continue  # the published callout contradicts its target: no link is right
        score.expected += 1
        line = rendered.body_lines[cite.line]
        want_line = rendered.entry_lines[cite.entry]
        key = name_key(cite.family)
        year = doc.entries[cite.entry].year
        pick = None
        for i in found_by_line.get(line, []):
            c = result.matches[i].citation
            if (
                i not in used
                and c.authors
                and key in {name_key(a) for a in c.authors[:1]} | {name_key(c.authors[0].split()[-1])}
                and str(c.year) == year
            ):
                pick = i
                break
        if pick is None:
            score.missed += 1
            score.failures.append(
                {"kind": "link-missed", "doc": doc.name, "cite": doc.body[cite.line][cite.start : cite.end]}
            )
            continue
        used.add(pick)
        m = result.matches[pick]
        if m.status == "exact" and m.reference is not None and entry_line_of_ref.get(m.reference.id) == want_line:
            score.linked += 1
        else:
            score.wrong += 1
            score.failures.append(
                {
                    "kind": "link-wrong",
                    "doc": doc.name,
                    "cite": doc.body[cite.line][cite.start : cite.end],
                    "status": m.status,
                    "entry": doc.entries[cite.entry].text,
                    "got": m.reference.text if m.reference else "",
                }
            )
    return score


def check(doc: Doc) -> tuple[Rendered, DocumentResult]:
    rendered = render(doc)
    return rendered, check_text(rendered.text, path=doc.name)


def with_entry(doc: Doc, index: int, entry: Entry) -> Doc:
    new = doc.copy()
    new.entries[index] = entry
    return new


__all__ = [
    "Cite",
    "Doc",
    "Entry",
    "LinkScore",
    "Rendered",
    "check",
    "elife_documents",
    "render",
    "score_links",
    "synthetic_documents",
    "with_entry",
]
