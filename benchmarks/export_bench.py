"""Time `biblio export` (whole process, wall clock) on a synthetic reference list, for every format.

    python -m benchmarks.export_bench            # 10,000 references
    python -m benchmarks.export_bench 2000       # another size

The document comes from benchmarks.generate (a Markdown reference list plus citations, which
export ignores). Prints, per format: entries written, output size, best-of-3 wall time, time per
reference and the target where the issue sets one (APA and BibTeX under 1 s). Not part of the
test suite.

Baseline: when Node and the npm packages of ../shared/tools/apa_reference.mjs are installed
(`npm install --prefix /tmp/apa-ref citeproc@2.4.63 @citation-js/plugin-csl@0.8.2`, or the
folder in $APA_REF_DEPS), the same references, as biblio's CSL-JSON, are also rendered in APA by
citeproc-js (whole `node` process, best of 3); otherwise a line says why it was skipped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate

N_REFS = 10_000
REPEATS = 3
FORMATS = ("bibtex", "biblatex", "apa", "csl-json", "ris")
TARGETS = {"apa": 1.0, "bibtex": 1.0}
#: citeproc-js reference renderer (see its header for the npm packages it needs).
APA_REFERENCE = Path(
    os.environ.get("APA_REFERENCE", Path(__file__).resolve().parents[2] / "shared" / "tools" / "apa_reference.mjs")
)


def count_entries(fmt: str, text: str) -> int:
    if fmt in ("bibtex", "biblatex"):
        return text.count("\n@") + text.startswith("@")
    if fmt == "ris":
        return text.count("\nER  -") + text.startswith("ER  -")
    if fmt == "csl-json":
        return text.count('\n    "id": ')
    return sum(1 for line in text.splitlines() if line.strip())


def measure(path: Path, fmt: str) -> tuple[int, int, float]:
    command = [sys.executable, "-m", "biblio_cli", "export", str(path), "--to", fmt]
    best = float("inf")
    output = ""
    for _ in range(REPEATS):
        start = time.perf_counter()
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        best = min(best, time.perf_counter() - start)
    return count_entries(fmt, output), len(output.encode("utf-8")), best


def measure_citeproc(path: Path, n_refs: int) -> str:
    """One table row for citeproc-js rendering biblio's CSL-JSON of `path` in APA, or why it was skipped."""
    node = shutil.which("node")
    if node is None:
        return "citeproc-js baseline skipped: node is not installed"
    if not APA_REFERENCE.is_file():
        return f"citeproc-js baseline skipped: {APA_REFERENCE} not found"
    deps = os.environ.get("APA_REF_DEPS", "/tmp/apa-ref")
    command = [sys.executable, "-m", "biblio_cli", "export", str(path), "--to", "csl-json"]
    items = path.with_suffix(".json")
    items.write_text(subprocess.run(command, capture_output=True, text=True, check=True).stdout, encoding="utf-8")
    command = [node, str(APA_REFERENCE), str(items), "--deps", deps]
    best = float("inf")
    output = ""
    for _ in range(REPEATS):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        best = min(best, time.perf_counter() - start)
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[0]
            return f"citeproc-js baseline skipped: {reason}"
        output = done.stdout
    entries = count_entries("apa", output)
    size = len(output.encode("utf-8"))
    return f"{'citeproc':<10} {entries:>8} {size:>11} {best:>8.3f} {best / n_refs * 1e6:>8.1f}  APA baseline (node)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("references", nargs="?", type=int, default=N_REFS, help="list size (default 10,000)")
    n_refs = parser.parse_args().references
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"refs-{n_refs}.md"
        path.write_text(generate(n_refs), encoding="utf-8")
        print(f"biblio export, {n_refs} references, whole process, best of {REPEATS} ({sys.executable})")
        print(f"{'format':<10} {'entries':>8} {'bytes':>11} {'seconds':>8} {'µs/ref':>8}  target")
        failed = []
        for fmt in FORMATS:
            entries, size, best = measure(path, fmt)
            target = TARGETS.get(fmt)
            verdict = "" if target is None else f"< {target:g} s " + ("ok" if best < target else "MISSED")
            if target is not None and best >= target:
                failed.append(fmt)
            print(f"{fmt:<10} {entries:>8} {size:>11} {best:>8.3f} {best / n_refs * 1e6:>8.1f}  {verdict}")
        print(measure_citeproc(path, n_refs))
    if failed:
        print(f"targets missed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
