"""The cache survives deletion, truncation and garbage (rebuilt, with one warning), several
processes at once, and interrupted writes (Ctrl-C or a kill leaves it consistent)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from biblio_cli.cli import main
from biblio_cli.registry.cache import CACHE_FILE, FOUND, Cache
from biblio_cli.registry.http import HttpSettings
from biblio_cli.registry.resolve import Resolver, ResolveSettings
from registry.conftest import FAST_HTTP
from registry.fake_registry import FakeRegistry
from registry.scenario import DOCUMENT, LISTED_DOIS, populate

ROOT = Path(__file__).resolve().parents[2]


def fill(directory: Path, count: int = 300) -> None:
    with Cache(directory) as cache:
        cache.put_many([(f"doi:10.1/{n}", FOUND, {"n": n, "pad": "x" * 200}) for n in range(count)])
        cache._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def damage(directory: Path, how: str) -> None:
    path = directory / CACHE_FILE
    if how == "garbage":
        path.write_bytes(os.urandom(64 * 1024))
    elif how == "truncated":
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size // 3)
    elif how == "garbage-header":
        with path.open("r+b") as f:
            f.write(b"this is not sqlite at all")
    elif how == "empty":
        path.write_bytes(b"")


@pytest.mark.parametrize("how", ["garbage", "truncated", "garbage-header", "empty"])
def test_a_damaged_cache_is_rebuilt_with_a_warning(tmp_path: Path, how: str) -> None:
    fill(tmp_path)
    damage(tmp_path, how)
    with Cache(tmp_path) as cache:
        cache.get_many([f"doi:10.1/{n}" for n in range(300)])  # whatever survived, no exception
        cache.put("doi:10.1/new", FOUND, {"fresh": True})
        assert cache.get("doi:10.1/new") is not None
        warnings = cache.take_warnings()
        assert cache.take_warnings() == ()  # reported once
    if how != "empty":  # an empty file is simply a new database
        assert len(warnings) == 1 and "rebuilt it empty" in warnings[0], warnings
    with Cache(tmp_path) as again:
        assert again.get("doi:10.1/new") is not None and again.take_warnings() == ()
        assert again._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_cache_deleted_mid_run(tmp_path: Path) -> None:
    with Cache(tmp_path / "c") as cache:
        cache.put("doi:10.1/a", FOUND, {})
        shutil.rmtree(tmp_path / "c")  # `biblio cache clear` by hand, or a cleaner, mid-run
        cache.put("doi:10.1/b", FOUND, {})
        assert cache.get("doi:10.1/b") is not None
        assert [w for w in cache.take_warnings() if "deleted during the run" in w]
    with Cache(tmp_path / "c") as again:
        assert again.get("doi:10.1/b") is not None  # written to the new file, not to a ghost


def test_damage_found_mid_run(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        cache.put_many([(f"doi:10.1/{n}", FOUND, {"pad": "x" * 500}) for n in range(200)])
        cache._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        damage(tmp_path, "garbage")
        for suffix in ("-wal", "-shm"):
            (tmp_path / (CACHE_FILE + suffix)).unlink(missing_ok=True)
        cache.get_many([f"doi:10.1/{n}" for n in range(200)])  # never raises, whatever SQLite still has
        cache.put("doi:10.1/after", FOUND, {})
        assert cache.get("doi:10.1/after") is not None
    with Cache(tmp_path) as next_run:  # the next run finds the garbage and starts afresh
        assert "rebuilt it empty" in next_run.take_warnings()[0]
        next_run.put("doi:10.1/next", FOUND, {})
        assert next_run.get("doi:10.1/next") is not None


def test_an_unusable_cache_directory_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with Cache(blocker / "cache") as cache:
        cache.put("doi:10.1/a", FOUND, {})
        assert cache.get("doi:10.1/a") is not None and cache.in_memory
        assert "answers kept in memory this run" in cache.take_warnings()[0]


def test_resolver_survives_the_cache_vanishing_and_reports_it(fake: FakeRegistry, tmp_path: Path) -> None:
    populate(fake)
    settings = ResolveSettings(http=FAST_HTTP, cache_dir=tmp_path / "cache")
    deleted: list[bool] = []

    def vandal(_: int) -> None:
        if not deleted:
            deleted.append(True)
            shutil.rmtree(tmp_path / "cache")

    with Resolver(settings, progress=vandal) as resolver:
        lookups = resolver.resolve_dois(LISTED_DOIS)
        assert lookups["10.1111/good.1"].status == "found"
        from biblio_cli.readers.text import document_from_text
        from biblio_cli.reference_list import parse_references

        refs = parse_references(document_from_text(DOCUMENT, "paper.md"))[0]
        online = resolver.resolve_references(refs)
    assert any("deleted during the run" in w for w in online.warnings)
    with Cache(tmp_path / "cache") as cache:
        assert cache.get("doi:10.5281/zenodo.123") is not None  # stored after the deletion


def test_check_prints_one_warning_line_for_a_corrupt_cache(
    fake: FakeRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(HttpSettings, "from_env", classmethod(lambda cls, **overrides: FAST_HTTP))
    populate(fake)
    paper = tmp_path / "paper.md"
    paper.write_text(DOCUMENT, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    args = ["check", str(paper), "--online", "--format", "json", "--cache-dir", str(cache_dir)]
    healthy = CliRunner().invoke(main, args)
    assert healthy.stderr == ""
    damage(cache_dir, "garbage")
    (cache_dir / (CACHE_FILE + "-wal")).unlink(missing_ok=True)
    result = CliRunner().invoke(main, args)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("biblio: warning: registry cache") and "rebuilt" in lines[0]
    assert (
        json.loads(result.stdout)["documents"][0]["findings"] == json.loads(healthy.stdout)["documents"][0]["findings"]
    )
    info = CliRunner().invoke(main, ["cache", "info", "--cache-dir", str(cache_dir)])
    assert info.stderr == "" and "entries: 0" not in info.stdout


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}


WRITER = textwrap.dedent(
    """
    import sys, time
    from biblio_cli.registry.cache import Cache, FOUND
    directory, tag, batch, cap = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    # writes until `cap` entries or until interrupted; a safety stop ends a writer its test forgot (the tests
    # interrupt theirs within 20 s: an entry cap instead let a slow probe find the writer already done)
    stop = time.monotonic() + 60
    with Cache(directory) as cache:
        print("ready", flush=True)
        n = 0
        while n < cap and time.monotonic() < stop:
            cache.put_many([(f"doi:10.1/{tag}-{n + i}", FOUND, {"pad": "x" * 300}) for i in range(batch)])
            cache.get_many([f"doi:10.1/{tag}-{n // 2}"])
            n += batch
        assert not cache.take_warnings(), "a healthy shared cache needs no repair"
    """
)


def test_four_processes_read_and_write_at_once(tmp_path: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), tag, "10", "400"],
            env=_env(),
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for tag in "abcd"
    ]
    results = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], results
    with Cache(tmp_path) as cache:
        assert cache.info().entries == 1600
        assert cache._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_an_interrupted_writer_leaves_the_cache_consistent(tmp_path: Path, sig: signal.Signals) -> None:
    batch = 50
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path), "x", str(batch), "10000000"],
        env=_env(),
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # mid-run: some transactions committed, one probably in flight
        time.sleep(0.2)
        try:
            with closing(sqlite3.connect(tmp_path / CACHE_FILE, timeout=5)) as probe:
                if probe.execute("SELECT COUNT(*) FROM entries").fetchone()[0] >= 5 * batch:
                    break
        except sqlite3.OperationalError:
            continue
    assert proc.poll() is None, "the writer ended before it was interrupted"
    proc.send_signal(sig)
    proc.communicate(timeout=30)
    assert proc.returncode != 0
    db = sqlite3.connect(tmp_path / CACHE_FILE)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (count,) = db.execute("SELECT COUNT(*) FROM entries").fetchone()
    db.close()
    assert count > 0 and count % batch == 0  # whole transactions only
    with Cache(tmp_path) as cache:
        assert cache.take_warnings() == ()
        assert cache.info().entries == count


def test_an_error_mid_operation_repairs_and_retries(tmp_path: Path) -> None:
    """SQLite reporting damage during a query: the file is discarded, rebuilt, and the query retried."""
    with Cache(tmp_path) as cache:
        cache.put("doi:10.1/old", FOUND, {})
        calls: list[int] = []

        def flaky(db: sqlite3.Connection) -> int:
            calls.append(1)
            if len(calls) == 1:
                raise sqlite3.DatabaseError("database disk image is malformed")
            return int(db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])

        assert cache._run(flaky, -1, "read") == 0  # retried once, on the rebuilt (empty) cache
        assert len(calls) == 2
        assert "was damaged (database disk image is malformed); rebuilt it empty" in cache.take_warnings()[0]

        def busy(db: sqlite3.Connection) -> int:
            raise sqlite3.OperationalError("database is locked")

        assert cache._run(busy, -1, "read") == -1  # another process holds the lock: skip, never rebuild
        assert "busy" in cache.take_warnings()[0]
        cache.put("doi:10.1/new", FOUND, {})
        assert cache.get("doi:10.1/new") is not None
