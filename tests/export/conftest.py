"""Golden-file helpers for the export tests.

Regenerate after a reviewed change with BIBLIO_UPDATE_GOLDEN=1 pytest tests/export; the
citeproc-js references (*.citeproc-*.txt) come from tools/make_citeproc_goldens.sh (needs Node).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from biblio_cli.export.core import Loaded, load_references
from biblio_cli.model import Reference
from export.cases import CASES

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
DATA = HERE / "data"
UPDATE = os.environ.get("BIBLIO_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    """Compare with tests/export/golden/<name>, or rewrite it when BIBLIO_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text, f"golden {name} differs (review, then BIBLIO_UPDATE_GOLDEN=1)"


def load_source(source: str) -> Loaded:
    """'cases' (hand-built, one per entry type) or a seed fixture under data/."""
    if source == "cases":
        return Loaded(CASES, "fr")
    return load_references(str(DATA / f"{source}.md"))


@pytest.fixture(params=["cases", "seed000", "seed004"])
def source(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def references(source: str) -> tuple[Reference, ...]:
    return load_source(source).references
