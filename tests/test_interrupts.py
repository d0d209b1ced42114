"""Ctrl-C and SIGTERM: a prompt stop, exit 130 / 143, one line on stderr, no traceback, files intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from biblio_cli import pipeline
from biblio_cli.cli import run as cli
from biblio_cli.errors import Interrupted

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

ROOT = Path(__file__).resolve().parents[1]
#: More than a pipe holds (64 KiB on Linux): once written, the child is inside its read of stdin.
_CHUNK = b"Le numerique (Paul, 2019) et la suite.\n" * 40_000


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "biblio_cli", *args],
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdin is not None
    process.stdin.write(_CHUNK)  # blocks until the child reads: it is now reading a slow stdin
    process.stdin.flush()
    return process


@pytest.mark.parametrize(
    ("signum", "status", "message"),
    [(signal.SIGINT, 130, "biblio: interrupted"), (signal.SIGTERM, 143, "biblio: terminated")],
    ids=["sigint", "sigterm"],
)
@pytest.mark.parametrize("command", [["check", "-"], ["export", "-", "--to", "bibtex"]], ids=["check", "export"])
def test_a_signal_while_reading_stops_promptly_with_one_line(
    tmp_path: Path, signum: int, status: int, message: str, command: list[str]
) -> None:
    process = _start(command, tmp_path)
    sent = time.monotonic()
    process.send_signal(signum)
    _, err = process.communicate(timeout=20)
    assert time.monotonic() - sent < 5
    assert process.returncode == status
    assert err.decode() == message + "\n"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
def test_a_signal_leaves_the_previous_report_and_no_temporary_file(tmp_path: Path, signum: int) -> None:
    report = tmp_path / "report.json"
    report.write_text("previous\n", encoding="utf-8")
    process = _start(["check", "-", "--format", "json", "-o", str(report)], tmp_path)
    process.send_signal(signum)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 128 + signum
    assert "Traceback" not in err.decode()
    assert report.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_run_maps_keyboard_interrupt_to_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "check", interrupted)
    doc = tmp_path / "doc.md"
    doc.write_text("Texte (Paul, 2019).\n", encoding="utf-8")
    assert cli(["check", str(doc)]) == 130
    assert capsys.readouterr().err.strip() == "biblio: interrupted"


@pytest.mark.parametrize(("signum", "status", "word"), [(2, 130, "interrupted"), (15, 143, "terminated")])
def test_run_maps_the_signal_handlers_exception_to_128_plus_the_signal(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    signum: int,
    status: int,
    word: str,
) -> None:
    def stopped(*_: object, **__: object) -> None:
        raise Interrupted(signum)

    monkeypatch.setattr(pipeline, "check", stopped)
    doc = tmp_path / "doc.md"
    doc.write_text("Texte (Paul, 2019).\n", encoding="utf-8")
    assert cli(["check", str(doc)]) == status
    assert capsys.readouterr().err == f"biblio: {word}\n"
