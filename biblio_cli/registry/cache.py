"""A persistent SQLite cache of registry answers, safe for two biblio processes at once.

WAL mode lets one process write while others read; a busy timeout makes concurrent writers
wait instead of failing. Found records live ~30 days, "does not exist" ~1 day (a DOI may be
registered tomorrow); transient failures are never stored, so an outage is never remembered
as an answer.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

FOUND_TTL_S = 30 * 24 * 3600.0
NOT_FOUND_TTL_S = 24 * 3600.0
BUSY_TIMEOUT_MS = 10_000
CACHE_FILE = "registry.sqlite3"
SCHEMA_VERSION = 1

FOUND = "found"
NOT_FOUND = "not-found"

T = TypeVar("T")


def default_cache_dir() -> Path:
    """The user cache directory (XDG on Linux, ~/Library/Caches on macOS, LOCALAPPDATA on Windows).

    Written out rather than depending on platformdirs: three lines do not justify a dependency.
    """
    if env := os.environ.get("BIBLIO_CACHE_DIR"):
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "biblio" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "biblio"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "biblio"


@dataclass(frozen=True, slots=True)
class CacheEntry:
    status: str  # FOUND | NOT_FOUND
    payload: Any  # decoded JSON
    stored_at: float


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: Path
    size_bytes: int
    entries: int
    expired: int
    by_kind: tuple[tuple[str, str, int], ...]  # (kind, status, count)


#: Pause between attempts to set up a cache another process is creating.
SETUP_RETRY_S = 0.05
#: SQLite errors that mean "another process holds the lock", not "the file is damaged".
_BUSY = ("locked", "busy")


def _busy(exc: sqlite3.Error) -> bool:
    return any(word in str(exc).lower() for word in _BUSY)


class Cache:
    """Key -> (status, JSON payload) with expiry; keys are 'kind:value' ('doi:10.1000/x', 'ra:10.1000').

    The cache is a convenience, never a reason to fail: a file that is deleted, truncated or
    overwritten with garbage while biblio runs is rebuilt empty, and a cache that cannot be
    written at all is replaced by an in-memory one for the run. Each such event is recorded in
    `warnings` (the library never prints; the CLI shows them on stderr). Every write is one
    SQLite transaction, so an interrupted run (Ctrl-C, a kill) leaves the previous state intact.
    """

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory else default_cache_dir()
        self.path = self.directory / CACHE_FILE
        self.warnings: list[str] = []
        self.in_memory = False
        self._lock = threading.Lock()
        self._db = self._open()

    # -- opening, and surviving a damaged or vanished file -------------------------------------

    def _open(self) -> sqlite3.Connection:
        """A connection to the cache file, rebuilt if damaged; in memory if the file is unusable."""
        try:
            return self._connect_file()
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                return self._fallback(f"busy ({exc})")
            self._discard_files()
            try:
                db = self._connect_file()
            except (sqlite3.Error, OSError) as again:
                return self._fallback(str(again))
            self.warnings.append(f"registry cache {self.path} was unreadable ({exc}); rebuilt it empty")
            return db
        except OSError as exc:
            return self._fallback(str(exc))

    def _connect_file(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # Two processes opening a new cache at once can both try to switch it to WAL; SQLite
            # then answers "locked" at once, without waiting in the busy handler. Retry briefly.
            deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
            while True:
                try:
                    self._setup(db)
                    break
                except sqlite3.OperationalError as exc:
                    if not _busy(exc) or time.monotonic() > deadline:
                        raise
                    time.sleep(SETUP_RETRY_S)
            db.execute("SELECT COUNT(*) FROM entries WHERE rowid = 1").fetchone()  # damaged files fail here
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _setup(db: sqlite3.Connection) -> None:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        with db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries ("
                " key TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, payload TEXT NOT NULL,"
                " stored_at REAL NOT NULL, expires_at REAL NOT NULL, version INTEGER NOT NULL)"
            )

    def _fallback(self, reason: str) -> sqlite3.Connection:
        """An in-memory cache for this run, when the file cannot be used at all."""
        self.in_memory = True
        self.warnings.append(f"registry cache {self.path} cannot be used ({reason}); answers kept in memory this run")
        db = sqlite3.connect(":memory:", check_same_thread=False)
        self._setup(db)
        return db

    def _discard_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                (self.directory / (CACHE_FILE + suffix)).unlink(missing_ok=True)

    def _reopen(self, reason: str, discard: bool) -> None:
        """Replace the connection (caller holds the lock): after a deletion or damage found mid-run."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        if discard:
            self._discard_files()
        before = len(self.warnings)
        self._db = self._open()
        if len(self.warnings) == before:
            self.warnings.append(f"registry cache {self.path} {reason}; rebuilt it empty")

    def _run(self, operation: Callable[[sqlite3.Connection], T], default: T, what: str) -> T:
        """Run one database operation; damage or a vanished file is repaired, never raised."""
        with self._lock:
            for attempt in (1, 2):
                if not self.in_memory and not self.path.exists():
                    self._reopen("was deleted during the run", discard=False)
                try:
                    return operation(self._db)
                except sqlite3.DatabaseError as exc:
                    if _busy(exc):
                        self.warnings.append(f"registry cache busy; could not {what} ({exc})")
                        return default
                    if attempt == 2:
                        self.warnings.append(f"registry cache failed to {what} ({exc})")
                        return default
                    self._reopen(f"was damaged ({exc})", discard=True)
        return default

    def take_warnings(self) -> tuple[str, ...]:
        """Warnings recorded since the last call (each is reported once)."""
        with self._lock:
            taken = tuple(dict.fromkeys(self.warnings))
            self.warnings.clear()
        return taken

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, key: str, now: float | None = None) -> CacheEntry | None:
        """The live entry for `key`, or None (absent, expired, or from another schema version)."""
        return self.get_many([key], now).get(key)

    def get_many(self, keys: list[str], now: float | None = None) -> dict[str, CacheEntry]:
        """Live entries for many keys in one query per chunk (the warm path must be fast)."""
        now = time.time() if now is None else now
        found: dict[str, CacheEntry] = {}

        def read(chunk: list[str]) -> Callable[[sqlite3.Connection], list[tuple[str, str, str, float]]]:
            marks = ",".join("?" * len(chunk))
            query = (
                f"SELECT key, status, payload, stored_at FROM entries"
                f" WHERE key IN ({marks}) AND expires_at > ? AND version = ?"
            )
            return lambda db: db.execute(query, (*chunk, now, SCHEMA_VERSION)).fetchall()

        for start in range(0, len(keys), 500):
            none: list[tuple[str, str, str, float]] = []
            rows = self._run(read(keys[start : start + 500]), none, "read")
            for key, status, payload, stored_at in rows:
                try:
                    found[key] = CacheEntry(status, json.loads(payload), stored_at)
                except ValueError:
                    continue
        return found

    def put_many(self, items: list[tuple[str, str, Any]], now: float | None = None) -> None:
        """Store (key, status, payload) triples in one transaction; status decides the lifetime."""
        if not items:
            return
        now = time.time() if now is None else now
        rows = [
            (
                key,
                key.split(":", 1)[0],
                status,
                json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                now,
                now + (FOUND_TTL_S if status == FOUND else NOT_FOUND_TTL_S),
                SCHEMA_VERSION,
            )
            for key, status, payload in items
        ]

        def write(db: sqlite3.Connection) -> None:
            with db:  # one transaction: all rows or none, even on Ctrl-C
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

        self._run(write, None, "store answers")

    def put(self, key: str, status: str, payload: Any, now: float | None = None) -> None:
        self.put_many([(key, status, payload)], now)

    def info(self, now: float | None = None) -> CacheInfo:
        now = time.time() if now is None else now

        def read(db: sqlite3.Connection) -> tuple[int, int, list[tuple[str, str, int]]]:
            total, expired = db.execute(
                "SELECT COUNT(*), COALESCE(SUM(expires_at <= ?), 0) FROM entries", (now,)
            ).fetchone()
            kinds = db.execute(
                "SELECT kind, status, COUNT(*) FROM entries GROUP BY kind, status ORDER BY kind, status"
            ).fetchall()
            return int(total), int(expired), kinds

        empty: tuple[int, int, list[tuple[str, str, int]]] = (0, 0, [])
        total, expired, kinds = self._run(read, empty, "read")
        size = sum(p.stat().st_size for p in self.directory.glob(CACHE_FILE + "*") if p.is_file())
        return CacheInfo(self.path, size, total, expired, tuple((k, s, int(n)) for k, s, n in kinds))

    def clear(self, expired_only: bool = False, now: float | None = None) -> int:
        """Delete entries (all, or only expired ones) and return how many went."""
        now = time.time() if now is None else now

        def delete(db: sqlite3.Connection) -> int:
            with db:
                if expired_only:
                    cursor = db.execute("DELETE FROM entries WHERE expires_at <= ?", (now,))
                else:
                    cursor = db.execute("DELETE FROM entries")
            db.execute("VACUUM")
            return cursor.rowcount

        return self._run(delete, 0, "clear")
