"""Writing results to files: atomically, durably, and never over a document being checked.

Every file biblio writes (`-o` reports, exports, `--write-dois`) goes through `write_atomic`:
the content goes to a temporary file in the target's directory, which is flushed and fsynced,
then renamed over the target, and the directory is fsynced so the rename itself survives a
crash. Until the rename, the previous file is untouched; a full disk, an I/O error, Ctrl-C or
SIGTERM at any point before it leaves the previous file as it was and removes the temporary.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from biblio_cli.errors import OutputError, UsageError


def write_atomic(path: str | Path, content: str, protected: Iterable[str | Path] = ()) -> None:
    """Write `content` (UTF-8, LF newlines) to `path` via a temporary file, fsync and rename.

    Refuses to write over any of the `protected` paths (the inputs of the run). Raises
    OutputError when the file cannot be written, the old file being left unchanged.
    A new file gets the usual permissions (0666 minus the umask); a replaced one keeps its own.
    """
    target = Path(path)
    for other in protected:
        if Path(other).exists() and target.exists() and target.resolve() == Path(other).resolve():
            raise UsageError(f"{target}: refusing to overwrite an input document")
    if target.is_dir():
        raise UsageError(f"{target}: is a directory, expected an output file")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(f"{target}: directory {directory} does not exist")
    try:
        data = content.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise OutputError(f"{target}: cannot encode character {exc.start} as UTF-8; nothing written") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc}); the old file is unchanged") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _set_mode(handle.fileno(), target)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc}); the old file is unchanged") from None
    except BaseException:  # Ctrl-C, SIGTERM: the previous file is intact; leave no temporary behind
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_directory(directory)


def _set_mode(fd: int, target: Path) -> None:
    """Give the temporary file the mode the target has, or a new file's default mode (mkstemp uses 0600)."""
    if not hasattr(os, "fchmod"):  # Windows
        return
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.fchmod(fd, mode)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX). Best effort: some file systems refuse fsync on a directory."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
