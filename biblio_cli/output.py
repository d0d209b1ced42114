"""Writing results to files: atomically, and never over a document being checked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from biblio_cli.errors import OutputError, UsageError


def write_atomic(path: str | Path, content: str, protected: Iterable[str | Path] = ()) -> None:
    """Write `content` to `path` via a temporary file and rename, so readers never see half a file.

    Refuses to write over any of the `protected` paths (the inputs of the run).
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
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({exc.strerror}); the old file is unchanged") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
