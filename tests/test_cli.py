"""The command line through click's CliRunner: formats, exit codes, selection, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import DATA, write

from biblio_cli.cli import main, run

CLEAN = "Text (Paul, 2019).\n\n## References\n\n- Paul, M. (2019). Accompagnement. Érès.\n"
FAULTY = "Text (Paul, 2018) and (Kellner & al., 2010).\n\n## References\n\n- Kellner, C., Massou, L., & Morelli, P. (2010). T. *Q*, 18, 89-112.\n- Paul, M. (2019). Accompagnement. Érès.\n"


def invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def test_clean_document_exits_0(tmp_path: Path) -> None:
    result = invoke("check", str(write(tmp_path, CLEAN)))
    assert result.exit_code == 0, result.output
    assert "no findings" in result.output
    assert result.output.strip().endswith("1 document, 1 citation, 1 reference: 0 errors, 0 warnings, 0 info")


def test_findings_exit_1_with_lines_and_fixes(tmp_path: Path) -> None:
    result = invoke("check", str(write(tmp_path, FAULTY)))
    assert result.exit_code == 1
    assert "year-mismatch" in result.output and "cited as Paul 2018, listed as Paul, M. (2019)" in result.output
    assert "→ Paul, 2019" in result.output
    assert "1 error, 1 warning, 0 info" in result.output


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("error", 1), ("warning", 1), ("info", 1), ("never", 0)],
)
def test_fail_on(tmp_path: Path, fail_on: str, code: int) -> None:
    assert invoke("check", str(write(tmp_path, FAULTY)), "--fail-on", fail_on).exit_code == code


def test_fail_on_error_ignores_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, FAULTY)
    assert invoke("check", str(path), "--ignore", "year-mismatch").exit_code == 0
    assert invoke("check", str(path), "--ignore", "year-mismatch", "--fail-on", "warning").exit_code == 1


def test_select_accepts_commas_and_codes(tmp_path: Path) -> None:
    result = invoke("check", str(write(tmp_path, FAULTY)), "--select", "C105,R2", "--format", "json")
    rules = {f["rule"] for f in json.loads(result.output)["documents"][0]["findings"]}
    assert rules == {"et-al-usage"}


def test_json_schema(tmp_path: Path) -> None:
    result = invoke("check", str(write(tmp_path, FAULTY)), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["version"] == 1
    [doc] = data["documents"]
    assert set(doc) >= {"path", "references", "citations", "findings"}
    ref = doc["references"][1]
    assert set(ref) >= {
        "id",
        "line",
        "text",
        "authors",
        "year",
        "title",
        "container",
        "volume",
        "issue",
        "pages",
        "publisher",
        "doi",
        "url",
        "type",
    }
    assert ref["authors"] == [{"family": "Paul", "given": "M.", "group": False}] and ref["year"] == "2019"
    cit = doc["citations"][0]
    assert set(cit) >= {"id", "line", "text", "authors", "year", "locator", "reference"}
    assert cit["authors"] == [{"family": "Paul"}] and cit["reference"] == ref["id"]
    finding = next(f for f in doc["findings"] if f["rule"] == "year-mismatch")
    assert finding == {
        "rule": "year-mismatch",
        "severity": "error",
        "line": 1,
        "message": "cited as Paul 2018, listed as Paul, M. (2019) (line 6)",
        "citation": cit["id"],
        "reference": ref["id"],
        "suggestion": "Paul, 2019",
        "location": None,
    }
    assert data["summary"] == {
        "documents": 1,
        "references": 2,
        "citations": 2,
        "findings": 2,
        "errors": 1,
        "warnings": 1,
        "info": 0,
    }


def test_json_output_is_deterministic(tmp_path: Path) -> None:
    path = str(write(tmp_path, FAULTY))
    assert invoke("check", path, "--format", "json").output == invoke("check", path, "--format", "json").output


def test_directory_and_several_files(tmp_path: Path) -> None:
    write(tmp_path, CLEAN, "a.md")
    write(tmp_path, FAULTY, "b.txt")
    write(tmp_path, "not a document", "c.png")
    data = json.loads(invoke("check", str(tmp_path), "--format", "json").output)
    assert [Path(d["path"]).name for d in data["documents"]] == ["a.md", "b.txt"]


def test_stdin(tmp_path: Path) -> None:
    result = invoke("check", "-", "--format", "json", stdin=FAULTY)
    assert json.loads(result.output)["documents"][0]["path"] == "<stdin>"


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old")
    result = invoke("check", str(write(tmp_path, FAULTY)), "--format", "json", "-o", str(out))
    assert result.output == ""
    assert json.loads(out.read_text())["version"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "{tmp}/missing.md"], "missing.md: no such file"),
        (["check", "{tmp}/empty.md"], "empty.md: the file is empty"),
        (["check", "{tmp}/binary.md"], "binary.md: looks like a binary file"),
        (["check", "{tmp}/sub"], "sub: directory holds no documents"),
        (["check", "{tmp}/doc.md", "--select", "nope"], "unknown rule 'nope'"),
        (["check", "{tmp}/doc.md", "-o", "{tmp}/doc.md"], "refusing to overwrite an input document"),
        (["check", "{tmp}/doc.md", "-o", "{tmp}/nodir/out.txt"], "does not exist"),
        (["rules", "nope"], "unknown rule 'nope'"),
    ],
)
def test_bad_input_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    write(tmp_path, "", "empty.md")
    write(tmp_path, CLEAN, "doc.md")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "sub").mkdir()
    code = run([a.format(tmp=tmp_path) for a in args])
    captured = capsys.readouterr()
    assert code == 2
    assert message in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert (tmp_path / "doc.md").read_text() == CLEAN


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check"]) == 2
    assert run(["check", "x.md", "--format", "xml"]) == 2
    assert run(["frobnicate"]) == 2


def test_help_has_examples() -> None:
    result = invoke("check", "--help")
    assert result.exit_code == 0 and "Examples:" in result.output and "Exit status" in result.output


def test_rules_command_lists_and_documents() -> None:
    listing = invoke("rules").output
    assert "C102" in listing and "year-mismatch" in listing
    doc = invoke("rules", "C102").output
    assert doc.startswith("## C102 `year-mismatch` (error)") and "Paul" in doc


def test_seed_excerpts_through_the_cli() -> None:
    result = invoke("check", str(DATA / "seed_cfp_excerpt.md"), "--format", "json")
    findings = json.loads(result.output)["documents"][0]["findings"]
    assert any(
        f["rule"] == "year-mismatch" and "Paul 2018" in f["message"] and f["suggestion"] == "Paul, 2019"
        for f in findings
    )


def test_write_failure_is_one_line_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.txt"
    out.write_text("old")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("biblio_cli.output.os.replace", disk_full)
    assert run(["check", str(write(tmp_path, CLEAN)), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot write (No space left on device)" in err and err.count("\n") == 1
    assert out.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["doc.md", "report.txt"]


@pytest.mark.parametrize(
    "command", [[], ["check"], ["export"], ["resolve"], ["rules"], ["cache"], ["cache", "info"], ["cache", "clear"]]
)
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "biblio " in result.output.split("Examples:", 1)[1]
