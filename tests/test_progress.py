"""Progress for long runs: the pipeline reports each document read; the CLI draws a bar only when asked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from biblio_cli.commands import options
from biblio_cli.pipeline import check

DOC = "Texte (Paul, 2019).\n\n## Références\n\nPaul, M. (2019). *Titre*. Paris : PUF.\n"


def test_the_pipeline_reports_every_document_read(tmp_path: Path) -> None:
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(DOC, encoding="utf-8")
    calls: list[tuple[int, int]] = []
    report = check([tmp_path], progress=lambda done, total: calls.append((done, total)))
    assert len(report.documents) == 3
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_no_bar_when_disabled() -> None:
    with options.document_progress(False) as progress:
        assert progress is None


def test_the_bar_appears_only_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(options.sys, "stderr", stderr)
    with options.document_progress(True) as progress:
        assert progress is not None
        for done in range(1, options.PROGRESS_MIN_DOCUMENTS + 1):
            progress(done, options.PROGRESS_MIN_DOCUMENTS)
    assert stderr.getvalue() == ""  # a short run: no bar at all
    with options.document_progress(True) as progress:
        assert progress is not None
        total = options.PROGRESS_MIN_DOCUMENTS + 5
        for done in range(1, total + 1):
            progress(done, total)
    assert "reading" in stderr.getvalue()
