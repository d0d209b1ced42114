"""Size limits on what biblio reads, so a hostile or mistaken input fails fast with a clear error.

One knob, the input size limit (default 50 MB; `--max-size` on the command line, or the
`BIBLIO_MAX_SIZE` environment variable), sets them all:

* a document file or standard input may hold at most `max_size` bytes;
* no line of a document may be longer than `max_size // 50` characters (1,000,000 by default);
* a .docx/.odt package may inflate each XML part to at most 64 MiB and all parts together to
  128 MiB at the default limit, scaled in proportion when the limit is changed.

The limit is held in a context variable: `with input_limit(200_000_000): ...` raises it for
the code inside, and nowhere else.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

from biblio_cli.errors import InputError, UsageError

#: Default input size limit, in bytes.
DEFAULT_MAX_SIZE = 50_000_000
#: A line may be up to this fraction of the size limit (1,000,000 characters by default).
LINE_FRACTION = 50
#: Deepest XML element nesting accepted in a .docx/.odt part (real documents stay under 50).
MAX_XML_DEPTH = 256
#: How to raise the limit, appended to every size error.
HOW_TO_RAISE = "raise the limit with --max-size (e.g. --max-size 200MB) or BIBLIO_MAX_SIZE"

_CURRENT: ContextVar[int] = ContextVar("biblio_max_size", default=DEFAULT_MAX_SIZE)
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*$", re.IGNORECASE)
_UNITS = {"": 0, "k": 1, "m": 2, "g": 3, "t": 4}
#: Streams are read in chunks of this size.
_CHUNK_BYTES = 1024 * 1024


def parse_size(text: str) -> int:
    """'200MB' -> 200_000_000, '1.5GiB' -> 1610612736, '5000' -> 5000 (bytes). Raises UsageError."""
    m = _SIZE.match(text)
    if not m:
        raise UsageError(f"invalid size '{text}': write a number of bytes with an optional unit, e.g. 200MB or 1GiB")
    base = 1024 if m.group(3) else 1000
    size = int(float(m.group(1)) * base ** _UNITS[m.group(2).lower()])
    if size <= 0:
        raise UsageError(f"invalid size '{text}': it must be more than zero")
    return size


def format_size(size: int) -> str:
    """5_000 -> '5 kB', 50_000_000 -> '50 MB', 52_428_800 -> '52.4 MB'."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def max_size() -> int:
    """The input size limit in force, in bytes."""
    return _CURRENT.get()


def max_line_chars() -> int:
    """The longest document line accepted, in characters."""
    return max(1, max_size() // LINE_FRACTION)


def scaled(default_at_default_limit: int) -> int:
    """A limit that is `default_at_default_limit` at the default size limit, in proportion otherwise."""
    return max(1, default_at_default_limit * max_size() // DEFAULT_MAX_SIZE)


@contextmanager
def input_limit(size: int | None) -> Iterator[int]:
    """Set the input size limit (bytes) for the code inside the block; None keeps the current one."""
    if size is None:
        yield max_size()
        return
    token = _CURRENT.set(size)
    try:
        yield size
    finally:
        _CURRENT.reset(token)


def too_big(name: str, what: str) -> InputError:
    """The error for an input over a limit: what is too big, the limit, and how to raise it."""
    return InputError(f"{name}: {what} is over the {format_size(max_size())} input limit; {HOW_TO_RAISE}")


def check_file_size(path: Path) -> None:
    """InputError if the file at `path` is larger than the limit (checked before anything is read)."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports the real problem when it opens the file
    if size > max_size():
        raise too_big(str(path), f"the file ({format_size(size)})")


def read_limited(handle: BinaryIO, name: str) -> bytes:
    """All bytes of an open file or stream, refusing (InputError) more than the limit.

    A regular file's size is checked before it is read; a stream (a pipe, /dev/zero) is read
    in chunks and refused as soon as it passes the limit, so it costs no more memory than that.
    """
    limit = max_size()
    try:
        info = os.fstat(handle.fileno())
        regular = stat.S_ISREG(info.st_mode)
    except (OSError, ValueError, AttributeError):
        regular = False
    if regular:
        if info.st_size > limit:
            raise too_big(name, f"the file ({format_size(info.st_size)})")
        data = handle.read()
        if len(data) > limit:
            raise too_big(name, f"the file ({format_size(len(data))})")
        return data
    buffer = bytearray()
    while chunk := handle.read(_CHUNK_BYTES):
        buffer += chunk
        if len(buffer) > limit:
            raise too_big(name, "the input (more than that)")
    return bytes(buffer)


def check_lines(lines: Iterable[str], name: str) -> None:
    """InputError naming the first line longer than the line limit."""
    limit = max_line_chars()
    for number, line in enumerate(lines, 1):
        if len(line) > limit:
            raise InputError(
                f"{name}: line {number} has {len(line):,} characters, over the {limit:,}-character line limit "
                f"(1/{LINE_FRACTION} of the {format_size(max_size())} input limit); is it a text document? "
                f"If so, {HOW_TO_RAISE}"
            )
