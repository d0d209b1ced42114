"""`biblio export` through click's CliRunner: every format on stdout, -o, bad input, warnings on stderr.

Success paths go through CliRunner on `biblio_cli.cli.main`. Library errors (BiblioError) are
turned into one line and exit 2 by `biblio_cli.cli.run`, the real entry point, so the error
cases call `run` (as tests/test_cli.py does) and read stderr with capsys.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from biblio_cli.cli import main, run
from biblio_cli.export import export_references
from biblio_cli.export.core import FORMATS, load_references

CLEAN = "Texte (Paul, 2019).\n\n## Références\n\n- Paul, M. (2019). Accompagnement. Érès.\n"
WITH_UNPARSED = CLEAN + "- Quelque chose d illisible sans auteur ni date\n"

#: Something each format always starts with (or contains) for the CLEAN document.
MARKERS = {
    "bibtex": "@book{paulAccompagnement2019,",
    "biblatex": "@book{paulAccompagnement2019,",
    "apa": "Paul, M. (2019).",
    "csl-json": '"id": "paulAccompagnement2019"',
    "ris": "TY  - BOOK",
}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, ["export", *args])


def write(tmp_path: Path, text: str, name: str = "doc.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markers_cover_every_format() -> None:
    assert set(MARKERS) == set(FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_writes_stdout(tmp_path: Path, fmt: str) -> None:
    source = write(tmp_path, CLEAN)
    result = invoke(str(source), "--to", fmt)
    assert result.exit_code == 0, result.output
    assert MARKERS[fmt] in result.stdout
    assert result.stderr == ""
    loaded = load_references(str(source))
    expected = export_references(loaded.references, fmt, language=loaded.language).text
    assert result.stdout == expected


def test_csl_json_stdout_is_json(tmp_path: Path) -> None:
    result = invoke(str(write(tmp_path, CLEAN)), "--to", "csl-json")
    assert json.loads(result.stdout)[0]["title"] == "Accompagnement"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--locale", "fr"], "Paul, M. (2019). Accompagnement. Érès."),
        (["--style-format", "markdown"], "*Accompagnement*"),
        (["--style-format", "html"], "<i>Accompagnement</i>"),
    ],
)
def test_apa_options(tmp_path: Path, options: list[str], expected: str) -> None:
    result = invoke(str(write(tmp_path, CLEAN)), "--to", "apa", *options)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_stdin_source() -> None:
    result = CliRunner().invoke(main, ["export", "-", "--to", "bibtex"], input=CLEAN)
    assert result.exit_code == 0, result.output
    assert MARKERS["bibtex"] in result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_equals_stdout(tmp_path: Path, fmt: str) -> None:
    source = write(tmp_path, CLEAN)
    out = tmp_path / "out" / "refs.txt"
    out.parent.mkdir()
    result = invoke(str(source), "--to", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == invoke(str(source), "--to", fmt).stdout
    assert sorted(p.name for p in out.parent.iterdir()) == ["refs.txt"], "temporary file left behind"


def test_output_replaces_existing_file(tmp_path: Path) -> None:
    source = write(tmp_path, CLEAN)
    out = write(tmp_path, "old content\n", "refs.bib")
    result = invoke(str(source), "--to", "bibtex", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(MARKERS["bibtex"])


def test_output_is_atomic_when_the_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write(tmp_path, CLEAN)
    out = write(tmp_path, "old content\n", "refs.bib")

    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    result = invoke(str(source), "--to", "bibtex", "-o", str(out))
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.md", "refs.bib"], "temporary file left behind"


def test_refuses_to_overwrite_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, CLEAN)
    assert run(["export", str(source), "--to", "bibtex", "-o", str(source)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert "refusing to overwrite an input document" in captured.err
    assert source.read_text(encoding="utf-8") == CLEAN


def test_refuses_to_overwrite_source_through_another_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path, CLEAN)
    monkeypatch.chdir(tmp_path)
    assert run(["export", str(source), "--to", "ris", "-o", "./doc.md"]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == CLEAN


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/missing.md", "--to", "bibtex"], "missing.md: no such file"),
        (["{tmp}", "--to", "bibtex"], "is a directory"),
        (["{tmp}/empty.md", "--to", "apa"], "the file is empty"),
        (["{tmp}/doc.md", "--to", "xml"], "'xml' is not one of"),
        (["{tmp}/doc.md", "--to", "apa", "--locale", "de"], "'de' is not one of"),
        (["{tmp}/doc.md"], "Missing option '--to'"),
        (["{tmp}/doc.md", "--to", "bibtex", "-o", "{tmp}/no/such/dir/out.bib"], "does not exist"),
    ],
)
def test_bad_input_exits_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    write(tmp_path, CLEAN)
    write(tmp_path, "", "empty.md")
    code = run(["export", *(a.format(tmp=tmp_path) for a in args)])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert captured.out == ""
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_library_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", str(tmp_path / "missing.md"), "--to", "bibtex"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("biblio: error: ") and err.count("\n") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_incomplete_entries_warn_on_stderr(tmp_path: Path, fmt: str) -> None:
    source = write(tmp_path, WITH_UNPARSED)
    result = invoke(str(source), "--to", fmt)
    assert result.exit_code == 0, result.output
    assert "biblio: warning: line 6: could not parse 'Quelque chose d illisible" in result.stderr
    assert "warning" not in result.stdout
    assert "Quelque chose d illisible" in result.stdout, "unparsed entry dropped"


def test_warnings_on_stderr_with_output_file(tmp_path: Path) -> None:
    source = write(tmp_path, WITH_UNPARSED)
    out = tmp_path / "refs.bib"
    result = invoke(str(source), "--to", "bibtex", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.count("biblio: warning:") == 1
    assert "note = {biblio: entry not fully parsed" in out.read_text(encoding="utf-8")


def test_title_less_journal_article_exports_without_warning(tmp_path: Path) -> None:
    # astronomy styles give no title: journal, volume and pages name the work, nothing is missing
    source = write(tmp_path, "Text (Lune, 2003).\n\n## References\n\nLune, A. 2003, ApJ, 592, 839\n")
    result = invoke(str(source), "--to", "bibtex")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert "journal = {ApJ}" in result.stdout and "not fully parsed" not in result.stdout
    apa = invoke(str(source), "--to", "apa")
    assert apa.stdout.strip() == "Lune, A. (2003). ApJ, 592, 839."
