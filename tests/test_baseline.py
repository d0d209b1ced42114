"""Baselines: written atomically, survive unrelated edits, count duplicates, fail cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import write

from biblio_cli.baseline import apply_baseline, parse_baseline, render_baseline
from biblio_cli.cli import main, run
from biblio_cli.errors import InputError
from biblio_cli.model import Report
from biblio_cli.pipeline import check_text

REFS = (
    "\n## References\n\n"
    "- Kellner, C., Massou, L., & Morelli, P. (2010). T. *Q*, 18, 89-112.\n"
    "- Paul, M. (2019). Accompagnement. Érès.\n"
)
FAULTY = "Text (Paul, 2018) and (Kellner & al., 2010).\n" + REFS


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def rules(result: Result) -> list[tuple[int, str]]:
    return [(f["line"], f["rule"]) for d in json.loads(result.output)["documents"] for f in d["findings"]]


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_write_then_check_reports_nothing_new(cwd: Path) -> None:
    doc = write(cwd, FAULTY, "paper.md")
    written = invoke("check", "paper.md", "--write-baseline", "baseline.json", "--format", "json")
    assert written.exit_code == 0, written.output  # everything written is accepted
    assert json.loads(written.output)["documents"][0]["baselined"] == 2
    data = json.loads((cwd / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["findings"]) == 2
    entry = next(e for e in data["findings"].values() if e["rule"] == "year-mismatch")
    assert entry == {
        "rule": "year-mismatch",
        "path": "paper.md",
        "label": "Paul 2018 | Paul, M. (2019)",
        "message": "cited as Paul 2018, listed as Paul, M. (2019) (line #)",
        "count": 1,
    }
    assert [p.name for p in cwd.iterdir() if p.name.startswith(".")] == []  # no temporary file left

    # unrelated edits: lines move, a new (correct) citation renumbers the others
    doc.write_text("Intro (Paul, 2019).\n\n" + FAULTY.replace("\n## References", "\nMore text.\n\n## References"))
    again = invoke("check", "paper.md", "--baseline", "baseline.json", "--format", "json")
    assert again.exit_code == 0 and rules(again) == []
    text = invoke("check", "paper.md", "--baseline", "baseline.json")
    assert text.output.rstrip().endswith("0 errors, 0 warnings, 0 info (2 baselined)")


def test_new_findings_are_reported(cwd: Path) -> None:
    doc = write(cwd, FAULTY, "paper.md")
    assert invoke("check", "paper.md", "--write-baseline", "b.json").exit_code == 0
    doc.write_text(FAULTY.replace("(Kellner & al., 2010)", "(Kellner & al., 2010) and (Paul, 2017)"))
    result = invoke("check", "paper.md", "--baseline", "b.json", "--format", "json")
    assert result.exit_code == 1
    [finding] = json.loads(result.output)["documents"][0]["findings"]
    assert finding["rule"] == "year-mismatch" and "Paul 2017" in finding["message"]


def test_duplicates_are_counted() -> None:
    one = check_text("A (Kellner & al., 2010).\n" + REFS, path="p.md")
    two = check_text("A (Kellner & al., 2010).\nB (Kellner & al., 2010).\n" + REFS, path="p.md")
    baseline = parse_baseline(render_baseline(Report((one,)), Path.cwd()), "b.json")
    [result] = apply_baseline(Report((two,)), baseline, Path.cwd()).documents
    assert [f.rule for f in result.findings] == ["et-al-usage"] and result.baselined == 2  # one et-al, uncited Paul


def test_the_path_is_part_of_the_fingerprint() -> None:
    first = check_text(FAULTY, path="a.md")
    baseline = parse_baseline(render_baseline(Report((first,)), Path.cwd()), "b.json")
    [same] = apply_baseline(Report((first,)), baseline, Path.cwd()).documents
    [other] = apply_baseline(Report((check_text(FAULTY, path="b.md"),)), baseline, Path.cwd()).documents
    assert (len(same.findings), len(other.findings)) == (0, 2)


def test_paths_are_relative_to_the_baseline_file(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (cwd / "docs").mkdir()
    write(cwd / "docs", FAULTY, "paper.md")
    assert invoke("check", "docs", "--write-baseline", "b.json").exit_code == 0
    monkeypatch.chdir(cwd / "docs")
    assert invoke("check", "paper.md", "--baseline", "../b.json").exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "b.json: no such baseline file"),
        ("{not json", "b.json: not a biblio baseline (invalid JSON"),
        ("[]", "b.json: not a biblio baseline (no 'findings' object)"),
        ('{"version": 2, "findings": {}}', "unsupported baseline version 2"),
        ('{"version": 1, "findings": {"x": {"count": "1"}}}', "entry 'x' has no positive 'count'"),
    ],
)
def test_missing_or_corrupt_baseline_is_one_line_exit_2(
    cwd: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    write(cwd, FAULTY, "paper.md")
    if content is not None:
        write(cwd, content, "b.json")
    assert run(["check", "paper.md", "--baseline", "b.json"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_bad_combinations(cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(cwd, FAULTY, "paper.md")
    assert run(["check", "paper.md", "--baseline", "a.json", "--write-baseline", "b.json"]) == 2
    assert run(["check", "paper.md", "--write-baseline", "paper.md"]) == 2
    assert "refusing to overwrite an input document" in capsys.readouterr().err
    assert run(["check", "paper.md", "--write-baseline", "r.txt", "-o", "r.txt"]) == 2
    assert (cwd / "paper.md").read_text(encoding="utf-8") == FAULTY


def test_parse_baseline_rejects_non_objects() -> None:
    with pytest.raises(InputError):
        parse_baseline('{"version": 1, "findings": {"x": 3}}', "b.json")
