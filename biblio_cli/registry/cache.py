"""A persistent SQLite cache of registry answers, safe for two biblio processes at once.

WAL mode lets one process write while others read; a busy timeout makes concurrent writers
wait instead of failing. Found records live ~30 days, "does not exist" ~1 day (a DOI may be
registered tomorrow); transient failures are never stored, so an outage is never remembered
as an answer.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOUND_TTL_S = 30 * 24 * 3600.0
NOT_FOUND_TTL_S = 24 * 3600.0
BUSY_TIMEOUT_MS = 10_000
CACHE_FILE = "registry.sqlite3"
SCHEMA_VERSION = 1

FOUND = "found"
NOT_FOUND = "not-found"


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


class Cache:
    """Key -> (status, JSON payload) with expiry; keys are 'kind:value' ('doi:10.1000/x', 'ra:10.1000')."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory else default_cache_dir()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / CACHE_FILE
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Two processes opening a new cache at once can both try to switch it to WAL; SQLite
        # then answers "locked" at once, without waiting in the busy handler. Retry briefly.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._setup()
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(SETUP_RETRY_S)

    def _setup(self) -> None:
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        with self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries ("
                " key TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, payload TEXT NOT NULL,"
                " stored_at REAL NOT NULL, expires_at REAL NOT NULL, version INTEGER NOT NULL)"
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, key: str, now: float | None = None) -> CacheEntry | None:
        """The live entry for `key`, or None (absent, expired, or from another schema version)."""
        now = time.time() if now is None else now
        with self._lock:
            row = self._db.execute(
                "SELECT status, payload, stored_at FROM entries WHERE key = ? AND expires_at > ? AND version = ?",
                (key, now, SCHEMA_VERSION),
            ).fetchone()
        if row is None:
            return None
        try:
            return CacheEntry(row[0], json.loads(row[1]), row[2])
        except ValueError:
            return None

    def get_many(self, keys: list[str], now: float | None = None) -> dict[str, CacheEntry]:
        """Live entries for many keys in one query per chunk (the warm path must be fast)."""
        now = time.time() if now is None else now
        found: dict[str, CacheEntry] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT key, status, payload, stored_at FROM entries"
                    f" WHERE key IN ({marks}) AND expires_at > ? AND version = ?",
                    (*chunk, now, SCHEMA_VERSION),
                ).fetchall()
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
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def put(self, key: str, status: str, payload: Any, now: float | None = None) -> None:
        self.put_many([(key, status, payload)], now)

    def info(self, now: float | None = None) -> CacheInfo:
        now = time.time() if now is None else now
        with self._lock:
            total, expired = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(expires_at <= ?), 0) FROM entries", (now,)
            ).fetchone()
            kinds = self._db.execute(
                "SELECT kind, status, COUNT(*) FROM entries GROUP BY kind, status ORDER BY kind, status"
            ).fetchall()
        size = sum(p.stat().st_size for p in self.directory.glob(CACHE_FILE + "*") if p.is_file())
        return CacheInfo(self.path, size, int(total), int(expired), tuple((k, s, int(n)) for k, s, n in kinds))

    def clear(self, expired_only: bool = False, now: float | None = None) -> int:
        """Delete entries (all, or only expired ones) and return how many went."""
        now = time.time() if now is None else now
        with self._lock, self._db:
            if expired_only:
                cursor = self._db.execute("DELETE FROM entries WHERE expires_at <= ?", (now,))
            else:
                cursor = self._db.execute("DELETE FROM entries")
        with self._lock:
            self._db.execute("VACUUM")
        return cursor.rowcount
