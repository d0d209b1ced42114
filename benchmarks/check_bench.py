"""Time `biblio check` (whole process, wall clock) on synthetic documents of growing size.

    python -m benchmarks.check_bench            # 1k, 5k, 20k references (2x citations)
    python -m benchmarks.check_bench 5000       # one size

Prints, per size: references, citations found, findings, best-of-3 wall time, and the
time per reference, so that linear growth is visible. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate

SIZES = (1000, 5000, 20000)
REPEATS = 3


def measure(n_refs: int, workdir: Path) -> tuple[int, int, int, float]:
    path = workdir / f"doc-{n_refs}.md"
    path.write_text(generate(n_refs), encoding="utf-8")
    command = [sys.executable, "-m", "biblio_cli", "check", str(path), "--format", "json", "--fail-on", "never"]
    best = float("inf")
    output = ""
    for _ in range(REPEATS):
        start = time.perf_counter()
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        best = min(best, time.perf_counter() - start)
    summary = json.loads(output)["summary"]
    return summary["references"], summary["citations"], summary["findings"], best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, help="list sizes (default 1,000, 5,000 and 20,000)")
    sizes = parser.parse_args().sizes or list(SIZES)
    print(f"{'references':>10} {'citations':>9} {'findings':>8} {'wall s':>7} {'µs/ref':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            refs, cits, findings, seconds = measure(n, Path(tmp))
            print(f"{refs:>10} {cits:>9} {findings:>8} {seconds:>7.2f} {seconds / refs * 1e6:>7.0f}")


if __name__ == "__main__":
    main()
