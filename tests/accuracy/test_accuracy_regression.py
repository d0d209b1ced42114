"""Guard the parser's and the checker's accuracy on a small hand-written labelled set.

references.json holds invented reference strings in real style shapes (APA, Harvard, Chicago
author-date, French, eLife, Vancouver, initials-first) with their expected fields, and a few
short documents with one known fault each. The levels reached when the set was written are
recorded in the same file; a change that drops any of them below its level fails here.
Refresh the levels after a deliberate improvement: BIBLIO_UPDATE_ACCURACY=1 pytest tests/accuracy.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from biblio_cli.markup import clean_line
from biblio_cli.model import Reference
from biblio_cli.pipeline import check_text
from biblio_cli.references import parse_entry
from biblio_cli.sections import RawEntry

FIXTURE = Path(__file__).with_name("references.json")
DETECTION_RULES = (
    "year-mismatch",
    "missing-reference",
    "uncited-reference",
    "author-mismatch",
    "invalid-doi",
    "duplicate-reference",
)
_PARTICLES = {"de", "van", "der", "von", "den", "du", "le", "la", "da", "di"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _family(name: str) -> str:
    return " ".join(w for w in _fold(name.replace("'", " ").replace("’", " ")).split() if w not in _PARTICLES)


def _dash(text: str) -> str:
    return re.sub(r"\s*[-‐‑–—]+\s*", "-", text).strip(" .")


def _got(ref: Reference, name: str) -> object:
    if name == "authors":
        return [_family(p.full_family) for p in ref.authors]
    if name == "year":
        return str(ref.year) if ref.year is not None else ""
    if name in {"title", "container", "publisher"}:
        return _fold(str(getattr(ref, name)))
    if name in {"volume", "issue", "pages"}:
        return _dash(str(getattr(ref, name)))
    return ref.doi.lower()


def _want(value: Any, name: str) -> object:
    if name == "authors":
        return [_family(v) for v in value]
    if name in {"title", "container", "publisher"}:
        return _fold(value)
    if name in {"volume", "issue", "pages"}:
        return _dash(value)
    return value


def _parse(text: str) -> Reference:
    return parse_entry(RawEntry(1, 1, clean_line(text, keep_italics=True), text), "r1")


def field_accuracy(references: list[dict[str, Any]]) -> dict[str, float]:
    """Exact-match rate per field, over the strings whose expectation names that field."""
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for item in references:
        ref = _parse(item["text"])
        for name, value in item["expected"].items():
            total[name] += 1
            right[name] += _got(ref, name) == _want(value, name)
    return {name: right[name] / total[name] for name in sorted(total)}


def detection_scores(documents: list[dict[str, Any]]) -> tuple[dict[str, dict[str, float]], list[str]]:
    """Per-rule precision and recall on the fault documents, and the error findings on clean ones."""
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    clean_errors: list[str] = []
    for doc in documents:
        result = check_text("\n".join(doc["lines"]), path=doc["name"])
        expected = {(e["rule"], e["line"]) for e in doc["expected"]}
        found = {(f.rule, f.line) for f in result.findings if f.rule in DETECTION_RULES}
        for rule, line in found:
            if (rule, line) in expected:
                tp[rule] += 1
            else:
                fp[rule] += 1
        for rule, _line in expected - found:
            fn[rule] += 1
        if not doc["expected"]:
            clean_errors += [
                f"{doc['name']}: {f.rule} {f.message}" for f in result.findings if f.severity.label == "error"
            ]
    scores = {}
    for rule in DETECTION_RULES:
        found_n, expected_n = tp[rule] + fp[rule], tp[rule] + fn[rule]
        scores[rule] = {
            "precision": tp[rule] / found_n if found_n else 1.0,
            "recall": tp[rule] / expected_n if expected_n else 1.0,
        }
    return scores, clean_errors


def _floor(value: float) -> float:
    """Record a level rounded down, so the run that records it passes."""
    return math.floor(value * 10000) / 10000


@pytest.fixture(scope="module")
def fixture() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def test_field_accuracy_does_not_drop(fixture: dict[str, Any]) -> None:
    measured = field_accuracy(fixture["references"])
    if os.environ.get("BIBLIO_UPDATE_ACCURACY") == "1":
        fixture["recorded"]["fields"] = {k: _floor(v) for k, v in measured.items()}
        FIXTURE.write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    recorded = fixture["recorded"]["fields"]
    dropped = {k: (round(measured[k], 4), v) for k, v in recorded.items() if measured[k] < v - 1e-9}
    assert not dropped, f"field accuracy fell below its recorded level (now, recorded): {dropped}"


def test_detection_does_not_drop(fixture: dict[str, Any]) -> None:
    scores, clean_errors = detection_scores(fixture["documents"])
    if os.environ.get("BIBLIO_UPDATE_ACCURACY") == "1":
        fixture["recorded"]["rules"] = {r: {k: _floor(v) for k, v in s.items()} for r, s in scores.items()}
        FIXTURE.write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    recorded = fixture["recorded"]["rules"]
    dropped = {
        f"{rule} {measure}": (round(scores[rule][measure], 4), level)
        for rule, levels in recorded.items()
        for measure, level in levels.items()
        if scores[rule][measure] < level - 1e-9
    }
    assert not dropped, f"detection fell below its recorded level (now, recorded): {dropped}"
    assert not clean_errors, "error findings on a correct document:\n" + "\n".join(clean_errors)
