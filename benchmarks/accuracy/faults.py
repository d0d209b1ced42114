"""Inject one known fault into a correct document and score the checker's findings.

Each kind of fault has the rule that should report it and the place it should point at
(a body line for faults in the text, an entry for faults in the list). A finding is a true
positive when it has that rule and points there: its line, or the entry it names.
Findings the clean document already had are not counted again (they are the baseline);
what the fault adds and is not the expected finding is a false positive.
"""

from __future__ import annotations

import random
import re
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from benchmarks.accuracy.documents import Cite, Doc, Entry, Rendered, check
from biblio_cli.model import DocumentResult, Finding, Severity
from biblio_cli.normalize import name_key

#: fault kind -> the rule that should report it offline ("" = nothing can, offline).
KINDS: dict[str, str] = {
    "year-in-text": "year-mismatch",
    "year-in-list": "year-mismatch",
    "entry-removed": "missing-reference",
    "entry-added": "uncited-reference",
    "author-misspelt": "author-mismatch",
    "doi-syntax-broken": "invalid-doi",
    "doi-digit-changed": "",  # still a valid DOI: only an online lookup (doi-not-found) can tell
    "entry-duplicated": "duplicate-reference",
}
RULES = sorted({rule for rule in KINDS.values() if rule})


@dataclass
class Injected:
    """A faulty document and where its fault is: body lines (indexes) and/or entries (indexes)."""

    doc: Doc
    kind: str
    body_lines: set[int] = field(default_factory=set)
    entries: set[int] = field(default_factory=set)
    #: entry index -> its text in the clean document, for faults that rewrite an entry in place
    original: dict[int, str] = field(default_factory=dict)


def _year_pattern(year: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\d){year}(?!\d)")


def _other_year(doc: Doc, entry: Entry, rng: random.Random) -> str:
    """A year no entry by the same first author has (so the citation cannot land elsewhere)."""
    key = name_key(entry.families[0])
    taken = {e.year for e in doc.entries if name_key(e.families[0]) == key}
    for delta in rng.sample([-3, -2, -1, 1, 2, 3], 6):
        candidate = str(int(entry.year) + delta)
        if candidate not in taken:
            return candidate
    return str(int(entry.year) + 7)


def _replace_in_cite(doc: Doc, cite: Cite, old: str, new: str) -> Doc | None:
    """Replace `old` (a year or a name) inside one citation's span; other spans on the line shift."""
    line = doc.body[cite.line]
    span = line[cite.start : cite.end]
    pattern = _year_pattern(old) if old.isdigit() else re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
    m = pattern.search(span)
    if not m:
        return None
    out = doc.copy()
    out.body[cite.line] = line[: cite.start] + span[: m.start()] + new + span[m.end() :] + line[cite.end :]
    shift = len(new) - len(old)
    out.cites = []
    for c in doc.cites:
        if c.line == cite.line and c.start > cite.start:
            c = replace(c, start=c.start + shift, end=c.end + shift)
        elif c is cite:
            c = replace(c, end=c.end + shift)
        out.cites.append(c)
    return out


def year_in_text(doc: Doc, rng: random.Random) -> Injected | None:
    cite = rng.choice(doc.cites)
    entry = doc.entries[cite.entry]
    out = _replace_in_cite(doc, cite, entry.year, _other_year(doc, entry, rng))
    return Injected(out, "year-in-text", body_lines={cite.line}) if out else None


def _cited_entries(doc: Doc) -> list[int]:
    return sorted({c.entry for c in doc.cites})


def year_in_list(doc: Doc, rng: random.Random) -> Injected | None:
    index = rng.choice(_cited_entries(doc))
    entry = doc.entries[index]
    new_year = _other_year(doc, entry, rng)
    text, n = _year_pattern(entry.year).subn(new_year, entry.text, count=1)
    if not n:
        return None
    out = doc.copy()
    out.entries[index] = Entry(text, entry.families, new_year, entry.doi)
    lines = {c.line for c in doc.cites if c.entry == index}
    return Injected(out, "year-in-list", body_lines=lines, entries={index}, original={index: entry.text})


def _drop_entry(doc: Doc, index: int) -> Doc:
    out = doc.copy()
    del out.entries[index]
    out.cites = [replace(c, entry=c.entry - (c.entry > index)) for c in doc.cites if c.entry != index]
    return out


def entry_removed(doc: Doc, rng: random.Random) -> Injected | None:
    # The first author must be unique in the list, or the citation finds another work by them.
    firsts = Counter(name_key(e.families[0]) for e in doc.entries)
    choices = [i for i in _cited_entries(doc) if firsts[name_key(doc.entries[i].families[0])] == 1]
    if not choices:
        return None
    index = rng.choice(choices)
    lines = {c.line for c in doc.cites if c.entry == index}
    return Injected(_drop_entry(doc, index), "entry-removed", body_lines=lines)


def entry_added(doc: Doc, rng: random.Random, donors: list[Doc]) -> Injected | None:
    """An entry from another document of the same source, put in its alphabetical place."""
    known = {name_key(f) for e in doc.entries for f in e.families}
    pool = [e for d in donors if d.source == doc.source and d.name != doc.name for e in d.entries]
    pool = [e for e in pool if not known & {name_key(f) for f in e.families}]
    if not pool:
        return None
    entry = rng.choice(pool)
    key = name_key(entry.families[0])
    index = next((i for i, e in enumerate(doc.entries) if name_key(e.families[0]) > key), len(doc.entries))
    out = doc.copy()
    out.entries.insert(index, entry)
    out.cites = [replace(c, entry=c.entry + (c.entry >= index)) for c in doc.cites]
    return Injected(out, "entry-added", entries={index})


def misspell(name: str, rng: random.Random) -> str:
    """One letter changed (two in names of ten letters or more, particles not counted), never the first."""
    letters = [i for i, ch in enumerate(name) if i > 0 and ch.isalpha() and ch.islower()]
    chars = list(name)
    for i in rng.sample(letters, 2 if len(name_key(name)) >= 10 else 1):
        chars[i] = rng.choice([c for c in string.ascii_lowercase if c != chars[i]])
    return "".join(chars)


def author_misspelt(doc: Doc, rng: random.Random) -> Injected | None:
    """A co-author misspelt when the citation names two, else the first author."""
    listed = {name_key(f) for e in doc.entries for f in e.families}
    for cite in rng.sample(doc.cites, len(doc.cites)):
        entry = doc.entries[cite.entry]
        span = doc.body[cite.line][cite.start : cite.end]
        names = [f for f in entry.families[:2] if f in span] if len(entry.families) == 2 else [cite.family]
        target = names[-1] if names else ""
        if len(target) < 5 or target not in span or sum(ch.islower() for ch in target) < 3:
            continue
        wrong = misspell(target, rng)
        if name_key(wrong) in listed:
            continue
        out = _replace_in_cite(doc, cite, target, wrong)
        if out:
            return Injected(out, "author-misspelt", body_lines={cite.line})
    return None


def _doi_entry(doc: Doc, rng: random.Random) -> tuple[int, Entry, int] | None:
    withdoi = [
        (i, e, e.text.lower().find(e.doi)) for i, e in enumerate(doc.entries) if e.doi and e.doi in e.text.lower()
    ]
    return rng.choice(withdoi) if withdoi else None


def doi_syntax_broken(doc: Doc, rng: random.Random) -> Injected | None:
    """'10.1534/...' -> '1.1534/...' or '10.15/...': no longer a DOI's shape."""
    found = _doi_entry(doc, rng)
    if not found:
        return None
    index, entry, at = found
    doi = entry.text[at : at + len(entry.doi)]
    broken = "1" + doi[2:] if rng.random() < 0.5 else re.sub(r"^10\.(\d{2})\d+", r"10.\1", doi)
    out = doc.copy()
    out.entries[index] = Entry(entry.text[:at] + broken + entry.text[at + len(doi) :], entry.families, entry.year, "")
    return Injected(out, "doi-syntax-broken", entries={index}, original={index: entry.text})


def doi_digit_changed(doc: Doc, rng: random.Random) -> Injected | None:
    found = _doi_entry(doc, rng)
    if not found:
        return None
    index, entry, at = found
    doi = entry.text[at : at + len(entry.doi)]
    digits = [i for i, ch in enumerate(doi) if ch.isdigit() and i >= 3]
    if not digits:
        return None
    i = rng.choice(digits)
    changed = doi[:i] + str((int(doi[i]) + 1 + rng.randrange(8)) % 10) + doi[i + 1 :]
    out = doc.copy()
    out.entries[index] = Entry(entry.text[:at] + changed + entry.text[at + len(doi) :], entry.families, entry.year, "")
    return Injected(out, "doi-digit-changed", entries={index}, original={index: entry.text})


def entry_duplicated(doc: Doc, rng: random.Random) -> Injected | None:
    index = rng.choice(_cited_entries(doc))
    out = doc.copy()
    out.entries.insert(index + 1, doc.entries[index])
    out.cites = [replace(c, entry=c.entry + (c.entry > index)) for c in doc.cites]
    return Injected(out, "entry-duplicated", entries={index, index + 1})


INJECTORS: dict[str, Callable[[Doc, random.Random], Injected | None]] = {
    "year-in-text": year_in_text,
    "year-in-list": year_in_list,
    "entry-removed": entry_removed,
    "author-misspelt": author_misspelt,
    "doi-syntax-broken": doi_syntax_broken,
    "doi-digit-changed": doi_digit_changed,
    "entry-duplicated": entry_duplicated,
}


# --------------------------------------------------------------------------- scoring


def entry_names(doc: Doc, rendered: Rendered, original: dict[int, str] | None = None) -> dict[int, str]:
    """Each entry's line -> the entry's text in the clean document.

    A finding about an entry is keyed by that text, so when a fault rewrites the entry (a year
    or a DOI changed) a finding the clean document already had there is not counted as new.
    """
    names = {line: entry.text for line, entry in zip(rendered.entry_lines, doc.entries, strict=True)}
    for index, text in (original or {}).items():
        names[rendered.entry_lines[index]] = text
    return names


def finding_keys(result: DocumentResult, names: dict[int, str]) -> Counter[tuple[str, str]]:
    """What a finding is about, independent of line numbers: (rule, citation or entry text or line)."""
    return Counter(_key(result, f, names) for f in result.findings)


def _key(result: DocumentResult, f: Finding, names: dict[int, str]) -> tuple[str, str]:
    """A citation by its place (faults keep body lines and lengths), an entry by its clean text."""
    for c in result.citations:
        if c.id == f.citation:
            return (f.rule, f"{c.line}:{c.column}")
    for r in result.references:
        if r.id == f.reference:
            return (f.rule, names.get(r.line, r.text))
    return (f.rule, result.document.line_text(f.line))


#: A DOI as an entry writes it: after a 'doi' label or in a doi.org link.
_DOI_WRITTEN = re.compile(r"(?:\bdoi(?!\.org)\s*:?\s*|doi\.org/)(\S+)", re.IGNORECASE)
_DOI_SHAPE = re.compile(r"10\.\d{4,9}/\S+")


def source_error(doc: Doc, rendered: Rendered, result: DocumentResult, f: Finding) -> str:
    """Why an error finding on a clean document is true, from the harness's own truth ("" when not).

    Two kinds of errors are in the published data: an eLife callout whose text contradicts the
    entry it links to ('James-Clark 1868' to an 1867 entry, 'Xds, 2010' to Kabsch 2010, see
    documents._callout_error), and an entry whose DOI, as written, is not a DOI ('doi: 10. 1016/...',
    'doi:S0907444910007493'), checked here with a pattern of the harness's own.
    """
    citation = next((c for c in result.citations if c.id == f.citation), None) if f.citation else None
    if citation is not None:
        for cite in doc.cites:
            if cite.source_error and rendered.body_lines[cite.line] == citation.line:
                callout = doc.body[cite.line][cite.start : cite.end]
                if citation.text.strip() in callout or callout in citation.text:
                    return f"callout {callout!r} contradicts the entry it links to ({cite.source_error})"
    reference = next((r for r in result.references if r.id == f.reference), None) if f.reference else None
    if reference is not None and f.rule == "invalid-doi" and reference.line in rendered.entry_lines:
        text = doc.entries[rendered.entry_lines.index(reference.line)].text
        for m in _DOI_WRITTEN.finditer(text):
            if not _DOI_SHAPE.fullmatch(m.group(1).rstrip(".,;")):
                return f"the entry's DOI as written is not a DOI: {m.group(0)!r}"
    return ""


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    injected: int = 0  # faults of the kinds this rule should report
    detected: int = 0
    examples: list[dict[str, object]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.detected / self.injected if self.injected else float("nan")


@dataclass
class DetectionScores:
    rules: dict[str, RuleScore] = field(default_factory=lambda: {r: RuleScore() for r in RULES})
    per_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [injected, detected, new errors]
    baseline_docs: int = 0
    baseline: Counter[str] = field(default_factory=Counter)  # rule -> findings on clean documents
    baseline_errors: list[dict[str, object]] = field(default_factory=list)
    #: error findings on clean documents that are true: the source data has that error
    baseline_true: list[dict[str, object]] = field(default_factory=list)


def score_injection(
    injected: Injected, clean_keys: Counter[tuple[str, str]], scores: DetectionScores, keep: bool
) -> None:
    rendered, result = check(injected.doc)
    names = entry_names(injected.doc, rendered, injected.original)
    body = {rendered.body_lines[i] for i in injected.body_lines}
    entries = {rendered.entry_lines[i] for i in injected.entries}
    ref_lines = {r.id: r.line for r in result.references}
    expected = KINDS[injected.kind]
    new_keys = finding_keys(result, names) - clean_keys
    hit = False
    new_errors = 0
    for f in result.findings:
        key = _key(result, f, names)
        if new_keys[key] <= 0:
            continue  # the clean document had it too
        new_keys[key] -= 1
        new_errors += f.severity == Severity.ERROR
        if f.rule not in scores.rules:
            continue
        score = scores.rules[f.rule]
        points = f.line in body | entries or ref_lines.get(f.reference or "", -1) in entries
        if f.rule == expected and points:
            score.tp += 1
            hit = True
        else:
            score.fp += 1
            if keep:
                score.examples.append({"kind": injected.kind, "doc": injected.doc.name, "message": f.message})
    counts = scores.per_kind.setdefault(injected.kind, [0, 0, 0])
    counts[0] += 1
    counts[1] += hit
    counts[2] += new_errors
    if expected:
        scores.rules[expected].injected += 1
        scores.rules[expected].detected += hit
        if not hit and keep:
            scores.rules[expected].examples.append(
                {"kind": injected.kind, "doc": injected.doc.name, "missed": True, "lines": sorted(body | entries)}
            )


def run_detection(docs: list[Doc], per_doc: int = 2, seed: int = 7, keep: bool = False) -> DetectionScores:
    """Baseline on each clean document, then `per_doc` injections of each kind into it."""
    rng = random.Random(seed)
    scores = DetectionScores()
    for doc in docs:
        if len(doc.cites) < 2:
            continue
        rendered, result = check(doc)
        scores.baseline_docs += 1
        for f in result.findings:
            scores.baseline[f.rule] += 1
            if f.severity == Severity.ERROR:
                error: dict[str, object] = {"doc": doc.name, "source": doc.source, "rule": f.rule, "message": f.message}
                why = source_error(doc, rendered, result, f)
                if why:
                    scores.baseline_true.append({**error, "why": why})
                else:
                    scores.baseline_errors.append(error)
        clean_keys = finding_keys(result, entry_names(doc, rendered))
        for kind in (*INJECTORS, "entry-added"):
            for _ in range(per_doc):
                injected = entry_added(doc, rng, docs) if kind == "entry-added" else INJECTORS[kind](doc, rng)
                if injected is not None:
                    score_injection(injected, clean_keys, scores, keep)
    return scores
