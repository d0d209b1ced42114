"""Atomic, durable writes: a full disk or an interrupt mid-write leaves the previous file intact."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from biblio_cli import output
from biblio_cli.cli import run as cli
from biblio_cli.errors import Interrupted, OutputError, UsageError
from biblio_cli.output import write_atomic

DOC = "Le numérique (Paul, 2019).\n\n## Références\n\nPaul, M. (2019). *Le numérique*. Paris : PUF.\n"
OLD = "the previous report\n"


class _FailingHandle:
    """Wraps the temporary file: writes half of the data, then fails the way the test asks."""

    def __init__(self, handle: Any, error: BaseException) -> None:
        self.handle, self.error = handle, error

    def __enter__(self) -> _FailingHandle:
        return self

    def __exit__(self, *_: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise self.error

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def _fail_writes(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> _FailingHandle:
        return _FailingHandle(real(fd, *args, **kwargs), error)

    monkeypatch.setattr(output.os, "fdopen", fdopen)


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_the_file_and_its_directory_are_fsynced_before_and_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(output.os, "fsync", fsync)
    monkeypatch.setattr(output.os, "replace", replace)
    write_atomic(target, "new content\n")
    assert target.read_text(encoding="utf-8") == "new content\n"
    assert events == ["fsync-file", "rename", "fsync-dir"]


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), OSError(errno.EIO, os.strerror(errno.EIO))],
    ids=["disk-full", "io-error"],
)
def test_a_failed_write_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    target = tmp_path / "report.json"
    target.write_text(OLD, encoding="utf-8")
    _fail_writes(monkeypatch, error)
    with pytest.raises(OutputError, match=r"cannot write \(.+\); the old file is unchanged"):
        write_atomic(target, "x" * 100_000)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path) == []


def test_a_full_disk_found_at_fsync_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text(OLD, encoding="utf-8")

    def fsync(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "fsync", fsync)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "interrupt", [KeyboardInterrupt(), Interrupted(15)], ids=["sigint", "sigterm"]
)  # fmt: skip
def test_an_interrupt_mid_write_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interrupt: BaseException
) -> None:
    target = tmp_path / "report.json"
    target.write_text(OLD, encoding="utf-8")
    _fail_writes(monkeypatch, interrupt)
    with pytest.raises(type(interrupt)):
        write_atomic(target, "x" * 100_000)
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path) == []


def _check_o(tmp_path: Path) -> tuple[list[str], Path]:
    doc = tmp_path / "doc.md"
    doc.write_text(DOC, encoding="utf-8")
    return ["check", str(doc), "-o", str(tmp_path / "report.json"), "--fail-on", "never"], tmp_path / "report.json"


def _export_o(tmp_path: Path) -> tuple[list[str], Path]:
    doc = tmp_path / "doc.md"
    doc.write_text(DOC, encoding="utf-8")
    return ["export", str(doc), "--to", "bibtex", "-o", str(tmp_path / "refs.bib")], tmp_path / "refs.bib"


@pytest.mark.parametrize("command", [_check_o, _export_o], ids=["check-o", "export-o"])
def test_cli_on_a_full_disk_says_so_in_one_line_with_status_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: Callable[[Path], tuple[list[str], Path]],
) -> None:
    argv, target = command(tmp_path)
    target.write_text(OLD, encoding="utf-8")
    _fail_writes(monkeypatch, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert cli(argv) == 2
    err = capsys.readouterr().err
    assert err == f"biblio: error: {target}: cannot write (No space left on device); the old file is unchanged\n"
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("command", [_check_o, _export_o], ids=["check-o", "export-o"])
def test_cli_interrupted_mid_write_exits_130_and_keeps_the_previous_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: Callable[[Path], tuple[list[str], Path]],
) -> None:
    argv, target = command(tmp_path)
    target.write_text(OLD, encoding="utf-8")
    _fail_writes(monkeypatch, KeyboardInterrupt())
    assert cli(argv) == 130
    assert capsys.readouterr().err.strip() == "biblio: interrupted"
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path) == []


def test_a_replaced_file_keeps_its_mode_and_a_new_one_gets_the_umask_default(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text(OLD, encoding="utf-8")
    kept.chmod(0o640)
    write_atomic(kept, "new\n")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        write_atomic(fresh, "new\n")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's 0600
    finally:
        os.umask(umask)


def test_text_that_cannot_be_encoded_is_an_output_error_and_nothing_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(OutputError, match="cannot encode"):
        write_atomic(target, "lone \ud800 surrogate")
    assert target.read_text(encoding="utf-8") == OLD


def test_inputs_are_never_overwritten(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(DOC, encoding="utf-8")
    with pytest.raises(UsageError, match="refusing to overwrite an input document"):
        write_atomic(tmp_path / "." / "doc.md", "x", protected=[doc])
    assert doc.read_text(encoding="utf-8") == DOC
