"""The SQLite cache: lifetimes, failures never stored, two processes at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from biblio_cli.registry.cache import FOUND, FOUND_TTL_S, NOT_FOUND, NOT_FOUND_TTL_S, Cache, default_cache_dir


def test_found_lives_a_month_not_found_a_day(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        cache.put("doi:10.1/a", FOUND, {"record": {"doi": "10.1/a"}}, now=0)
        cache.put("doi:10.1/b", NOT_FOUND, {}, now=0)
        assert cache.get("doi:10.1/a", now=NOT_FOUND_TTL_S + 1) is not None
        assert cache.get("doi:10.1/b", now=NOT_FOUND_TTL_S - 1) is not None
        assert cache.get("doi:10.1/b", now=NOT_FOUND_TTL_S + 1) is None
        assert cache.get("doi:10.1/a", now=FOUND_TTL_S + 1) is None


def test_get_many_info_and_clear(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        cache.put_many([(f"doi:10.1/{n}", FOUND, {"n": n}) for n in range(700)] + [("ra:10.1", NOT_FOUND, {})], now=0)
        assert len(cache.get_many([f"doi:10.1/{n}" for n in range(800)], now=1)) == 700
        info = cache.info(now=NOT_FOUND_TTL_S + 1)
        assert (info.entries, info.expired) == (701, 1)
        assert ("ra", NOT_FOUND, 1) in info.by_kind
        assert cache.clear(expired_only=True, now=NOT_FOUND_TTL_S + 1) == 1
        assert cache.clear() == 700
        assert cache.info().entries == 0


def test_wal_mode(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        assert cache._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_directory_follows_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BIBLIO_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert default_cache_dir() == tmp_path / "biblio"
    monkeypatch.setenv("BIBLIO_CACHE_DIR", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from biblio_cli.registry.cache import Cache, FOUND
        with Cache(sys.argv[1]) as cache:
            for n in range(200):
                cache.put(f"doi:10.1/{sys.argv[2]}-{n}", FOUND, {"n": n})
                cache.get(f"doi:10.1/{sys.argv[2]}-{n // 2}")
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), tag]) for tag in ("a", "b")]
    assert [p.wait(timeout=30) for p in procs] == [0, 0]
    with Cache(tmp_path) as cache:
        assert cache.info().entries == 400
