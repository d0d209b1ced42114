"""Run the accuracy benchmark: ``python -m benchmarks.accuracy [--dump FAILURES.jsonl] [--per-doc N]``.

1. Per-field parsing accuracy on every labelled reference string.
2. Documents with known truth (eLife bodies, synthetic author-year documents): citation-to-entry
   linking accuracy, then faults injected one kind at a time (fixed seed) and each rule's
   precision and recall, with the clean documents as the zero-fault baseline.
The last lines are the compact summary table.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict

from benchmarks.accuracy.corpus import FIELDS, all_samples, corpus_root, elife_articles
from benchmarks.accuracy.documents import LinkScore, check, elife_documents, score_links, synthetic_documents
from benchmarks.accuracy.faults import KINDS, run_detection
from benchmarks.accuracy.fields import Tally, score_samples

_ROWS = ("family=author-year", "family=numbered/other")


def _fmt(tally: Tally | None) -> str:
    return f"{tally.rate * 100:5.1f}" if tally and tally.total else "    -"


def _rate(x: float) -> str:
    return "    -" if x != x else f"{x:5.3f}"  # NaN when nothing was counted


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy")
    parser.add_argument("--dump", help="write failing examples as JSON lines to this file")
    parser.add_argument("--per-doc", type=int, default=2, help="injections of each fault kind per document")
    args = parser.parse_args()
    started = time.monotonic()
    root = corpus_root()
    articles = elife_articles(root)
    samples = all_samples(root, articles)
    scores = score_samples(samples, keep_failures=bool(args.dump))
    failures: list[dict[str, object]] = list(scores.failures)
    print(f"{len(samples)} labelled reference strings from {root}")
    labels = sorted(k for k in scores.groups if k.startswith(("source=", "language=", "style=")))
    header = f"{'group':44} {'n':>5} " + " ".join(f"{f[:6]:>6}" for f in FIELDS)
    print(header)
    for label in labels:
        n = max(t.total for t in scores.groups[label].values())
        print(f"{label[:44]:44} {n:5d} " + " ".join(f"{_fmt(scores.groups[label].get(f)):>6}" for f in FIELDS))

    docs = elife_documents(articles) + synthetic_documents(samples)
    links: dict[str, LinkScore] = defaultdict(LinkScore)
    for doc in docs:
        rendered, result = check(doc)
        links[doc.source.split("-")[0] if doc.source.startswith("synthetic") else doc.source].add(
            score_links(doc, rendered, result)
        )
    detection = run_detection(docs, per_doc=args.per_doc, keep=bool(args.dump))
    if args.dump:
        failures += [f for score in links.values() for f in score.failures]
        failures += [{"kind": "finding", "rule": r, **e} for r, s in detection.rules.items() for e in s.examples]
        failures += [{"kind": "baseline-error", **e} for e in detection.baseline_errors]
        failures += [{"kind": "baseline-true", **e} for e in detection.baseline_true]
        with open(args.dump, "w", encoding="utf-8") as handle:
            for failure in failures:
                handle.write(json.dumps(failure, ensure_ascii=False) + "\n")

    print()
    print(f"documents: {len(docs)} ({sum(d.source.startswith('elife') for d in docs)} eLife, rest synthetic)")
    print("fault kind               injected detected new-errors")
    for kind, (injected, detected, errors) in detection.per_kind.items():
        rule = KINDS[kind] or "(online only: doi-not-found)"
        print(f"{kind:24} {injected:8d} {detected:8d} {errors:10d}   -> {rule}")
    print(f"baseline: {detection.baseline_docs} clean documents, findings per rule: {dict(detection.baseline)}")
    for error in detection.baseline_errors[:5]:
        print(f"  baseline error: {error['doc']}: {error['rule']}: {str(error['message'])[:110]}")

    print()
    print("per-field exact match (%)")
    print(header)
    for label in _ROWS:
        n = max(t.total for t in scores.groups[label].values())
        print(f"{label:44} {n:5d} " + " ".join(f"{_fmt(scores.groups[label].get(f)):>6}" for f in FIELDS))
    print(f"{'all':44} {len(samples):5d} " + " ".join(f"{_fmt(scores.overall.get(f)):>6}" for f in FIELDS))
    print(
        "linking (citation -> right entry, exact):  "
        + "  ".join(f"{name} {s.linked}/{s.expected} = {s.rate * 100:.1f}%" for name, s in sorted(links.items()))
    )
    print(f"{'rule':22} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'faults':>6}")
    for rule, s in detection.rules.items():
        print(f"{rule:22} {_rate(s.precision):>9} {_rate(s.recall):>7} {s.tp:5d} {s.fp:4d} {s.injected:6d}")
    errors = len(detection.baseline_errors)
    print(
        f"error findings on {detection.baseline_docs} clean documents: {errors}"
        f" (and {len(detection.baseline_true)} true: errors in the source data)"
    )
    print(f"({time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main()
