"""Peak resident memory of `biblio check` (whole process) on a large synthetic Markdown document.

    python -m benchmarks.memory              # a 10 MB document (about 45,000 references)
    python -m benchmarks.memory --mb 25      # another size

Generates the document with benchmarks/generate.py, runs `python -m biblio_cli check DOC
--format FORMAT --fail-on never` in a child process per format (text, the default, and
json), and reads each child's peak RSS (ru_maxrss, from os.wait4; the largest is also shown
from resource.getrusage(RUSAGE_CHILDREN)). The target is under 500 MB for 10 MB.
POSIX only. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate

TARGET_MB = 500
#: Bytes per reference of a generated document (references plus their two citations), measured.
_BYTES_PER_REFERENCE = 220


def document_of_size(megabytes: float) -> tuple[str, int]:
    """A generated document of at least `megabytes` MB (10**6 bytes) and its reference count."""
    want = int(megabytes * 1_000_000)
    n_refs = max(10, want // _BYTES_PER_REFERENCE)
    text = generate(n_refs)
    while len(text.encode("utf-8")) < want:
        n_refs = int(n_refs * want / len(text.encode("utf-8"))) + 100
        text = generate(n_refs)
    return text, n_refs


def _rss_mb(maxrss: int) -> float:
    """ru_maxrss in MB: KiB on Linux, bytes on macOS."""
    return maxrss / 1_000_000 if sys.platform == "darwin" else maxrss * 1024 / 1_000_000


def measure(path: Path, output_format: str) -> tuple[float, float, dict[str, int]]:
    """(peak RSS in MB, wall seconds, JSON summary or {}) of one `biblio check` child process.

    The child's own rusage comes from os.wait4, so each format is measured apart; it is the
    ru_maxrss that resource.getrusage(RUSAGE_CHILDREN) accumulates over all children.
    """
    command = [sys.executable, "-m", "biblio_cli", "check", str(path), "--format", output_format, "--fail-on", "never"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            err.seek(0)
            sys.exit(f"biblio check failed with status {process.returncode}: {err.read().decode().strip()}")
        out.seek(0)
        summary = json.loads(out.read())["summary"] if output_format == "json" else {}
    return _rss_mb(usage.ru_maxrss), seconds, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0, help="document size in MB (default 10)")
    parser.add_argument("--formats", default="text,json", help="report formats to measure (default text,json)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text, n_refs = document_of_size(args.mb)
        path = Path(tmp) / "big.md"
        path.write_text(text, encoding="utf-8")
        print(f"document: {path.stat().st_size / 1_000_000:.1f} MB, {n_refs} references generated")
        for output_format in args.formats.split(","):
            peak, seconds, summary = measure(path, output_format)
            verdict = "ok" if peak < TARGET_MB else "OVER TARGET"
            found = f", {summary['citations']} citations, {summary['findings']} findings" if summary else ""
            print(
                f"biblio check --format {output_format}: peak RSS {peak:.0f} MB (target < {TARGET_MB} MB: {verdict}),"
                f" {seconds:.1f} s{found}"
            )
    children = _rss_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"largest child (resource.getrusage RUSAGE_CHILDREN ru_maxrss): {children:.0f} MB")


if __name__ == "__main__":
    main()
