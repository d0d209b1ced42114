"""Run the accuracy benchmark: ``python -m benchmarks.accuracy [--dump FAILURES.jsonl]``.

Phase 1 status: per-field parsing accuracy only; the document/fault-injection part is not written yet.
"""

from __future__ import annotations

import argparse
import json
import time

from benchmarks.accuracy.corpus import FIELDS, all_samples, corpus_root, elife_articles
from benchmarks.accuracy.fields import Tally, score_samples

_ROWS = ("family=author-year", "family=numbered/other")


def _fmt(tally: Tally | None) -> str:
    return f"{tally.rate * 100:5.1f}" if tally and tally.total else "    -"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy")
    parser.add_argument("--dump", help="write failing examples as JSON lines to this file")
    args = parser.parse_args()
    started = time.monotonic()
    root = corpus_root()
    samples = all_samples(root, elife_articles(root))
    scores = score_samples(samples, keep_failures=bool(args.dump))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as handle:
            for failure in scores.failures:
                handle.write(json.dumps(failure, ensure_ascii=False) + "\n")
    print(f"{len(samples)} labelled reference strings from {root}")
    labels = sorted(k for k in scores.groups if k.startswith(("source=", "language=", "style=")))
    header = f"{'group':44} {'n':>5} " + " ".join(f"{f[:6]:>6}" for f in FIELDS)
    print(header)
    for label in labels:
        n = max(t.total for t in scores.groups[label].values())
        print(f"{label[:44]:44} {n:5d} " + " ".join(f"{_fmt(scores.groups[label].get(f)):>6}" for f in FIELDS))
    print()
    print("per-field exact match (%)")
    print(header)
    for label in _ROWS:
        n = max(t.total for t in scores.groups[label].values())
        print(f"{label:44} {n:5d} " + " ".join(f"{_fmt(scores.groups[label].get(f)):>6}" for f in FIELDS))
    n = len(samples)
    print(f"{'all':44} {n:5d} " + " ".join(f"{_fmt(scores.overall.get(f)):>6}" for f in FIELDS))
    print(f"({time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main()
