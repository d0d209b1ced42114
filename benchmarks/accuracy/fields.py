"""Score biblio's reference parser field by field against the labelled samples."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from benchmarks.accuracy.corpus import FIELDS, Sample, norm, norm_family, norm_number, norm_pages
from biblio_cli.markup import clean_line
from biblio_cli.model import Reference
from biblio_cli.references import parse_entry
from biblio_cli.sections import RawEntry


def parse(text: str) -> Reference:
    """Parse as the pipeline does: the entry's line is cleaned first (bold dropped, italics kept)."""
    return parse_entry(RawEntry(line=1, end_line=1, text=clean_line(text, keep_italics=True), original=text), "r1")


def _dash(text: str) -> str:
    return re.sub(r"\s*[-‐‑–—]\s*", "-", text)


def got_value(ref: Reference, name: str) -> object:
    """The parsed value of a field, in the same compare-form as the expected value."""
    if name == "authors":
        return tuple(norm_family(p.full_family) for p in ref.authors)
    if name == "year":
        return str(ref.year) if ref.year is not None else ""
    if name in {"title", "container", "publisher"}:
        return norm(str(getattr(ref, name)))
    if name in {"volume", "issue"}:
        return _dash(norm_number(str(getattr(ref, name))))
    if name == "pages":
        return norm_pages(ref.pages)
    if name == "doi":
        return ref.doi.lower()
    raise KeyError(name)


def want_value(sample: Sample, name: str) -> object:
    value = sample.expected[name]
    if name == "authors":
        assert isinstance(value, tuple)
        return tuple(norm_family(v) for v in value)
    assert isinstance(value, str)
    if name in {"title", "container", "publisher"}:
        return norm(value)
    if name in {"volume", "issue"}:
        return _dash(norm_number(value))
    if name == "pages":
        return norm_pages(value)
    return value


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += ok

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else float("nan")


@dataclass
class FieldScores:
    """Per-field tallies, overall and per group label."""

    overall: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    groups: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Tally)))
    failures: list[dict[str, object]] = field(default_factory=list)


def group_labels(sample: Sample) -> list[str]:
    family = "author-year" if sample.author_year else "numbered/other"
    return [
        f"source={sample.source}",
        f"language={sample.language}",
        f"style={sample.style}",
        f"family={family}",
        f"family={family}/language={sample.language}",
    ]


def score_samples(samples: list[Sample], keep_failures: bool = False) -> FieldScores:
    scores = FieldScores()
    for sample in samples:
        ref = parse(sample.text)
        labels = group_labels(sample)
        for name in FIELDS:
            if name not in sample.expected:
                continue
            want = want_value(sample, name)
            if not want:
                continue
            got = got_value(ref, name)
            ok = got == want
            scores.overall[name].add(ok)
            for label in labels:
                scores.groups[label][name].add(ok)
            if not ok and keep_failures:
                scores.failures.append(
                    {
                        "kind": "field",
                        "field": name,
                        "source": sample.source,
                        "id": sample.id,
                        "style": sample.style,
                        "language": sample.language,
                        "text": sample.text,
                        "expected": list(want) if isinstance(want, tuple) else want,
                        "got": list(got) if isinstance(got, tuple) else got,
                    }
                )
    return scores
