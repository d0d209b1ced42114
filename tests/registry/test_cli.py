"""`biblio check --online`, `biblio resolve` and `biblio cache` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from biblio_cli.cli import main
from biblio_cli.registry.http import HttpSettings
from registry.conftest import FAST_HTTP
from registry.fake_registry import FakeRegistry
from registry.scenario import DOCUMENT, populate


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "paper.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("BIBLIO_CACHE_DIR", str(directory))
    return directory


@pytest.fixture(autouse=True)
def _fast_http(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds production settings; shrink their timeouts and backoffs for tests."""
    monkeypatch.setattr(HttpSettings, "from_env", classmethod(lambda cls, **overrides: FAST_HTTP))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def rules_of(output: str) -> list[str]:
    return sorted(f["rule"] for d in json.loads(output)["documents"] for f in d["findings"])


def test_check_without_online_touches_nothing(fake: FakeRegistry, paper: Path, cache_dir: Path) -> None:
    populate(fake)
    _, output = run("check", str(paper), "--format", "json")
    assert fake.log == []
    assert not {"doi-not-found", "retracted"} & set(rules_of(output))
    assert not cache_dir.exists()


def test_check_online(fake: FakeRegistry, paper: Path, cache_dir: Path) -> None:
    populate(fake)
    code, output = run("check", str(paper), "--online", "--format", "json")
    assert code == 1
    rules = rules_of(output)
    for rule in ("doi-not-found", "metadata-mismatch", "missing-doi", "retracted", "corrected-work", "detail-mismatch"):
        assert rule in rules
    assert "registry-unavailable" not in rules
    sent = len(fake.log)
    assert rules_of(run("check", str(paper), "--offline", "--format", "json")[1]) == rules
    assert len(fake.log) == sent


def test_check_online_outage_keeps_local_findings(fake: FakeRegistry, paper: Path, cache_dir: Path) -> None:
    populate(fake)
    local = rules_of(run("check", str(paper), "--format", "json")[1])
    for service in ("crossref", "datacite", "doiorg", "hal"):
        fake.fail(service, "503", times=0)
    rules = rules_of(run("check", str(paper), "--online", "--format", "json")[1])
    assert [r for r in rules if r != "registry-unavailable"] == local
    assert rules.count("registry-unavailable") == 1


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--online", "--offline"], id="online-offline"),
        pytest.param(["--refresh"], id="refresh-without-online"),
    ],
)
def test_check_option_conflicts(paper: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, ["check", str(paper), *args])
    assert result.exit_code != 0


def test_plain_http_to_a_remote_host_is_refused(paper: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIBLIO_CROSSREF_URL", "http://api.crossref.org")
    result = CliRunner().invoke(main, ["check", str(paper), "--online"])
    assert "plain http is allowed only for loopback" in str(result.exception)


def test_resolve_dois_text(fake: FakeRegistry, cache_dir: Path) -> None:
    populate(fake)
    code, output = run("resolve", "10.1111/good.1", "doi:10.1111/RETRACTED.1")
    assert code == 1  # a retracted work
    assert "10.1111/good.1 found" in output
    assert "retracted: retraction 10.1111/retraction.2010" in output


def test_resolve_document_json_and_write_dois(fake: FakeRegistry, paper: Path, cache_dir: Path, tmp_path: Path) -> None:
    populate(fake)
    before = paper.read_text(encoding="utf-8")
    export = tmp_path / "dois.csv"
    code, output = run("resolve", str(paper), "--format", "json", "--write-dois", str(export))
    data = json.loads(output)
    by_source = {item["source"].rsplit(":", 1)[1]: item for item in data["items"]}
    assert by_source["10"]["status"] == "suggested" and by_source["10"]["doi"] == "10.1111/search.1"
    assert by_source["13"]["status"] == "not-found"
    assert code == 1
    assert "10.1111/search.1" in export.read_text(encoding="utf-8")
    assert paper.read_text(encoding="utf-8") == before  # never modifies the document


def test_resolve_rejects_nonsense(cache_dir: Path) -> None:
    result = CliRunner().invoke(main, ["resolve", "not-a-doi-or-file"])
    assert "neither a readable file nor a DOI" in str(result.exception)


def test_resolve_offline_unknown(fake: FakeRegistry, cache_dir: Path) -> None:
    code, output = run("resolve", "10.1111/good.1", "--offline")
    assert "uncached" in output and fake.log == []
    assert code == 0


def test_cache_info_and_clear(fake: FakeRegistry, tmp_path: Path) -> None:
    populate(fake)
    directory = tmp_path / "elsewhere"
    run("resolve", "10.1111/good.1", "--cache-dir", str(directory))
    code, output = run("cache", "info", "--cache-dir", str(directory))
    assert code == 0 and "entries: 1" in output and "doi found: 1" in output
    assert run("cache", "clear", "--cache-dir", str(directory))[1] == "removed 1 entry\n"
    assert "entries: 0" in run("cache", "info", "--cache-dir", str(directory))[1]


@pytest.mark.parametrize("suffix", [".bib", ".json"])
def test_write_dois_exports_references_with_the_dois_filled(
    fake: FakeRegistry, paper: Path, cache_dir: Path, tmp_path: Path, suffix: str
) -> None:
    populate(fake)
    before = paper.read_bytes()
    export = tmp_path / f"with-dois{suffix}"
    export.write_text("previous content\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", str(paper), "--write-dois", str(export)])
    assert result.exit_code == 1, result.output  # the document cites DOIs that do not exist
    assert paper.read_bytes() == before  # the user's document is never touched
    text = export.read_text(encoding="utf-8")
    if suffix == ".json":
        by_author = {item["author"][0]["family"]: item for item in json.loads(text)}
        assert by_author["Hargittai"]["DOI"] == "10.1111/search.1"  # found by a validated search
        assert by_author["Paul"]["DOI"] == "10.1111/good.1"  # listed DOIs kept
        assert by_author["Bernard"]["DOI"] == "10.1111/missing.404"  # nothing better found: as listed
        assert "DOI" not in by_author["Leroy"]  # two equally good candidates: no guess
    else:
        assert text.startswith("@")
        hargittai = text[text.index("Hargittai") :]
        assert "10.1111/search.1" in hargittai[: hargittai.index("\n}")]
    assert "r3 Hargittai 2002: doi '' -> '10.1111/search.1' (Crossref)" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(export.name) and p != export] == []


def test_write_dois_is_atomic_and_never_over_the_document(
    fake: FakeRegistry, paper: Path, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    populate(fake)
    export = tmp_path / "out.bib"
    export.write_text("previous\n", encoding="utf-8")

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", full_disk)
        result = CliRunner().invoke(main, ["resolve", str(paper), "--write-dois", str(export)])
    assert "the old file is unchanged" in str(result.exception)
    assert export.read_text(encoding="utf-8") == "previous\n"  # the interrupted write left it intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "out.bib", "paper.md"]  # no temporary left
    before = paper.read_bytes()
    bib_paper = paper.with_suffix(".bib")
    bib_paper.write_bytes(before)
    result = CliRunner().invoke(main, ["resolve", str(bib_paper), "--write-dois", str(bib_paper)])
    assert "refusing to overwrite an input document" in str(result.exception)
    assert bib_paper.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--write-dois", "out.txt"], "use a .bib (BibTeX), .json (CSL-JSON) or .csv", id="suffix"),
        pytest.param(["--write-dois", "out.bib"], "give a document, not only DOIs", id="dois-only"),
    ],
)
def test_write_dois_usage_errors(fake: FakeRegistry, cache_dir: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["resolve", "10.1111/good.1", *args])
    assert result.exit_code != 0 and message in str(result.exception)
    assert fake.log == []


def test_resolve_says_did_you_mean_for_a_doi_registered_nowhere(
    fake: FakeRegistry, tmp_path: Path, cache_dir: Path
) -> None:
    from registry.fake_registry import crossref_item

    fake.add_work(
        crossref_item(
            "10.1111/tierslieux.2018", "Les tiers-lieux et la fabrique du commun", [("Girard", "Nadia")], 2018
        )
    )
    paper = tmp_path / "typo.md"
    paper.write_text(
        "# Texte\n\nVoir Girard (2018).\n\n## Références\n\n"
        "Girard, N. (2018). Les tiers-lieux et la fabrique du commun. https://doi.org/10.1111/tierslieux.2O18\n",
        encoding="utf-8",
    )
    code, output = run("resolve", str(paper))
    assert code == 1
    assert "10.1111/tierslieux.2o18 not-found" in output
    assert "! did you mean 10.1111/tierslieux.2018? (found by a search" in output


def test_resolve_reads_the_config_file(fake: FakeRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    populate(fake)
    project = tmp_path / "project"
    project.mkdir()
    (project / ".biblio.toml").write_text('cache-dir = "here-cache"\nmailto = "cfg@example.org"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.delenv("BIBLIO_CACHE_DIR", raising=False)
    code, output = run("resolve", "10.1111/good.1")
    assert code == 0 and "10.1111/good.1 found" in output
    assert (project / "here-cache" / "registry.sqlite3").exists()


def _biblio(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run as the console script does (errors become one line on stderr and exit 2)."""
    from biblio_cli.cli import run as run_cli

    code = run_cli(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_resolve_config_and_no_config(
    fake: FakeRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(fake)
    project = tmp_path / "project"
    project.mkdir()
    (project / ".biblio.toml").write_text('selct = ["C"]\n', encoding="utf-8")
    elsewhere = tmp_path / "other.toml"
    elsewhere.write_text('cache-dir = "named-cache"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.delenv("BIBLIO_CACHE_DIR", raising=False)
    code, output = _biblio(capsys, "resolve", "10.1111/good.1")
    assert code == 2 and "unknown key 'selct'" in output  # the nearest file is read, and checked
    code, output = _biblio(capsys, "resolve", "10.1111/good.1", "--config", str(elsewhere))
    assert code == 0 and (tmp_path / "named-cache" / "registry.sqlite3").exists()
    code, output = _biblio(capsys, "resolve", "10.1111/good.1", "--no-config", "--cache-dir", str(tmp_path / "c2"))
    assert code == 0 and "10.1111/good.1 found" in output
    code, output = _biblio(capsys, "resolve", "10.1111/good.1", "--config", str(elsewhere), "--no-config")
    assert code == 2 and "contradict" in output


def test_resolve_honours_max_size(paper: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _biblio(capsys, "resolve", str(paper), "--offline", "--max-size", "100B")
    assert code == 2 and "--max-size" in output and output.count("\n") == 1
