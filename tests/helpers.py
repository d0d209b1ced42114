"""Small helpers shared by the tests (importable as `helpers`, since tests/ is on sys.path)."""

from __future__ import annotations

from pathlib import Path

from biblio_cli.model import Reference
from biblio_cli.references import parse_entry
from biblio_cli.sections import RawEntry

DATA = Path(__file__).parent / "data"
SHARED_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def write(tmp_path: Path, text: str, name: str = "doc.md", encoding: str = "utf-8") -> Path:
    """Write a small document for a test and return its path."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def parse(text: str) -> Reference:
    """One reference-list entry, parsed as the list reader would (line 1, no markup cleaning)."""
    return parse_entry(RawEntry(1, 1, text, text), "r1")
