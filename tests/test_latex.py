"""LaTeX sources with a .bib: citation commands, comments, \\input, and the key rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import DATA, write

from biblio_cli.citekeys import latex_bibliographies, latex_citations, latex_includes
from biblio_cli.cli import main, run
from biblio_cli.pipeline import check, expand_inputs
from biblio_cli.readers.latex import document_from_latex, read_latex

PAPER = DATA / "latex_paper"
THESIS = DATA / "latex_thesis"


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.output)


def by_path(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(doc["path"]).name: doc for doc in data["documents"]}


def findings(doc: dict[str, Any]) -> list[tuple[int, str]]:
    return [(f["line"], f["rule"]) for f in doc["findings"]]


# Reading and citation syntax -----------------------------------------------------------------------


def test_comments_are_blanked_but_lines_and_directives_stay() -> None:
    doc = document_from_latex(
        "Text \\cite{a} % but not \\cite{b}\n"
        "100\\% sure \\cite{c}\n"
        "% biblio: ignore[missing-reference]\n"
        "\\begin{verbatim}\n\\cite{d}\n\\end{verbatim}\n"
        "\\verb|\\cite{e}| and \\cite{f}\n"
    )
    assert doc.lines[0] == "Text \\cite{a}"
    assert doc.lines[1] == "100\\% sure \\cite{c}"
    assert doc.lines[2] == "% biblio: ignore[missing-reference]"  # for the suppression comments
    assert len(doc.lines) == 7
    assert [(c.key, c.line) for c in latex_citations(doc)] == [("a", 1), ("c", 2), ("f", 7)]


def test_every_citation_command_form() -> None:
    doc = document_from_latex(
        "\\citep[see][p.~4]{smith2020, doe2019} and \\citet*{roe2018}\n"
        "\\parencite[12]{a} \\textcite{b} \\autocite{c} \\footcite{d}\n"
        "\\citeauthor{e} (\\citeyear{e}) \\Citet{f}\n"
        "\\nocite{*}\n"
        "\\cite{g,\n  h}\n"
        "\\parencites(all)[see][1]{i}[2]{j}\n"
        "\\newcommand{\\mycite}[1]{\\cite{#1}} \\citeindexfalse \\bibliographystyle{plain}\n"
    )
    cited = [(c.key, c.line, c.locator, c.narrative) for c in latex_citations(doc)]
    assert cited == [
        ("smith2020", 1, "p.~4", False),
        ("doe2019", 1, "p.~4", False),
        ("roe2018", 1, "", True),
        ("a", 2, "12", False),
        ("b", 2, "", True),
        ("c", 2, "", False),
        ("d", 2, "", False),
        ("e", 3, "", True),
        ("e", 3, "", False),
        ("f", 3, "", True),
        ("*", 4, "", False),
        ("g", 5, "", False),
        ("h", 6, "", False),  # the line of the key itself
        ("i", 7, "1", False),
        ("j", 7, "2", False),
    ]


def test_bibliography_commands_and_includes() -> None:
    doc = document_from_latex(
        "\\bibliography{refs, more.bib}\n"
        "\\addbibresource[location=local]{extra.bib}\n"
        "\\addbibresource[location=remote]{http://example.org/x.bib}\n"
        "% \\bibliography{commented}\n"
        "\\input{sections/method}\\include{ch1.tex}\\import{parts/}{annex}\n"
    )
    assert [(d.name, d.line) for d in latex_bibliographies(doc)] == [
        ("refs.bib", 1),
        ("more.bib", 1),
        ("extra.bib", 2),
    ]
    assert latex_includes(doc) == ["sections/method.tex", "ch1.tex", "parts/annex.tex"]


# The paper: paper.tex (+ sections/method.tex by \input) and refs.bib ----------------------------


def test_latex_paper_through_the_cli() -> None:
    code, data = run_json(str(PAPER / "paper.tex"))
    docs = by_path(data)
    assert list(docs) == ["paper.tex", "method.tex", "refs.bib"]  # \input'ed file joins; .bib last
    paper, method, bib = docs["paper.tex"], docs["method.tex"], docs["refs.bib"]
    keys = [c["key"] for c in paper["citations"]]
    assert "commented2020" not in keys and "hidden" not in keys and "verbatim2000" not in keys
    assert findings(paper) == [(22, "missing-reference")]
    missing = paper["findings"][0]
    assert missing["message"] == "cited key 'hargitai2002' is not in refs.bib"
    assert missing["suggestion"] == "did you mean hargittai2002?"
    assert findings(method) == []
    # braun2006 is cited only in the \input'ed section, so it is not uncited.
    assert findings(bib) == [
        (68, "missing-field"),
        (75, "uncited-reference"),
        (83, "duplicate-key"),
        (90, "invalid-doi"),
        (90, "uncited-reference"),
    ]
    assert code == 1
    dup = next(f for f in bib["findings"] if f["rule"] == "duplicate-key")
    assert dup["message"] == "key 'dubois2010' is already defined at line 11; this entry is ignored"
    assert next(f for f in bib["findings"] if f["rule"] == "missing-field")["message"] == (
        "@article{okbay2021} has no journal or journaltitle"
    )
    cited = {c["key"]: c["reference"] for c in paper["citations"]}
    assert cited["dubois2010"] == "dubois2010" and cited["hargitai2002"] is None
    assert {r["id"] for r in bib["references"]} >= {"lipsky1980", "pors2015"}


def test_findings_in_the_bib_point_at_the_bib_in_every_format() -> None:
    result = CliRunner().invoke(main, ["check", str(PAPER / "paper.tex"), "--format", "github"])
    assert f"file={PAPER.as_posix()}/refs.bib,line=83,title=duplicate-key" in result.output
    sarif = json.loads(CliRunner().invoke(main, ["check", str(PAPER / "paper.tex"), "--format", "sarif"]).output)
    where = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for r in sarif["runs"][0]["results"]
    }
    assert ("duplicate-key", (PAPER / "refs.bib").as_uri()) in where
    assert ("missing-reference", (PAPER / "paper.tex").as_uri()) in where


def test_a_missing_bibliography_file_is_a_finding(tmp_path: Path) -> None:
    write(tmp_path, "Text \\cite{a}.\n\\bibliography{refrences}\n", "paper.tex")
    code, data = run_json(str(tmp_path / "paper.tex"))
    [doc] = data["documents"]
    assert doc["findings"] == [
        {
            "rule": "bibliography-not-found",
            "severity": "error",
            "line": 2,
            "message": "\\bibliography{refrences}: refrences.bib not found",
            "citation": None,
            "reference": None,
            "suggestion": "correct the file name, or pass --bibliography FILE",
            "location": None,
        }
    ]
    assert code == 1


def test_chapters_share_the_bib_of_the_main_file() -> None:
    code, data = run_json(str(THESIS / "main.tex"))
    docs = by_path(data)
    assert list(docs) == ["main.tex", "ch1.tex", "ch2.tex", "thesis.bib"]
    assert all(not docs[name]["findings"] for name in ("main.tex", "ch1.tex", "ch2.tex"))
    assert findings(docs["thesis.bib"]) == [(50, "missing-field"), (50, "uncited-reference")]
    assert code == 0  # warnings only


def test_chapters_alone_need_a_bibliography(tmp_path: Path) -> None:
    chapters = [str(THESIS / "chapters" / name) for name in ("ch1.tex", "ch2.tex")]
    _, alone = run_json(*chapters)
    assert [findings(d) for d in alone["documents"]] == [[(2, "bibliography-not-found")]] * 2
    _, given = run_json(*chapters, "--bibliography", str(THESIS / "thesis.bib"))
    _, as_path = run_json(*chapters, str(THESIS / "thesis.bib"))
    for data in (given, as_path):
        docs = by_path(data)
        assert list(docs) == ["ch1.tex", "ch2.tex", "thesis.bib"]
        assert findings(docs["thesis.bib"]) == [(50, "missing-field"), (50, "uncited-reference")]


def test_a_directory_uses_bib_files_as_bibliographies_only(tmp_path: Path) -> None:
    shutil.copytree(THESIS, tmp_path / "thesis")
    inputs = expand_inputs([tmp_path / "thesis"])
    assert [p.name for p in inputs.documents] == ["ch1.tex", "ch2.tex", "main.tex"]
    assert [p.name for p in inputs.bibliographies] == ["thesis.bib"]
    report = check([tmp_path / "thesis"])
    assert [Path(d.document.path).name for d in report.documents] == ["ch1.tex", "ch2.tex", "main.tex", "thesis.bib"]
    assert [f.rule for d in report.documents for f in d.findings] == ["missing-field", "uncited-reference"]


def test_a_bib_alone_is_checked_without_uncited_findings(tmp_path: Path) -> None:
    bib = write(
        tmp_path,
        "@article{a, author={A, B}, title={T}, year=2020}\n@book{a, title={U}, publisher={P}, year=2021}\n",
        "refs.bib",
    )
    code, data = run_json(str(bib))
    [doc] = data["documents"]
    assert findings(doc) == [(1, "missing-field"), (2, "duplicate-key"), (2, "missing-field")]
    assert code == 1


def test_keys_defined_in_two_bibs_used_together(tmp_path: Path) -> None:
    write(tmp_path, "\\cite{a,b}\n\\bibliography{one,two}\n", "paper.tex")
    write(tmp_path, "@misc{a, title={First}}\n", "one.bib")
    write(tmp_path, "@misc{b, title={B}}\n\n@misc{a, title={Second}}\n", "two.bib")
    _, data = run_json(str(tmp_path / "paper.tex"))
    two = by_path(data)["two.bib"]
    assert [f["message"] for f in two["findings"]] == [
        f"key 'a' is already defined at {tmp_path / 'one.bib'}, line 1; this entry is ignored"
    ]


def test_nocite_star_cites_everything(tmp_path: Path) -> None:
    write(tmp_path, "\\nocite{*}\n\\bibliography{refs}\n", "paper.tex")
    write(tmp_path, "@misc{a, title={A}}\n@misc{b, title={B}}\n", "refs.bib")
    _, data = run_json(str(tmp_path / "paper.tex"))
    assert all(not doc["findings"] for doc in data["documents"])


def test_crossref_parents_fill_required_fields(tmp_path: Path) -> None:
    write(tmp_path, "\\cite{talk}\n\\bibliography{refs}\n", "paper.tex")
    write(
        tmp_path,
        "@inproceedings{talk, author={A, B}, title={Talk}, crossref={conf}}\n"
        "@proceedings{conf, title={Proceedings of Things}, year=2020}\n",
        "refs.bib",
    )
    _, data = run_json(str(tmp_path / "paper.tex"), "--ignore", "uncited-reference")
    assert [findings(d) for d in data["documents"]] == [[], []]


def test_suppression_comments_work_in_tex_and_bib(tmp_path: Path) -> None:
    write(tmp_path, "\\cite{nope} % biblio: ignore[missing-reference]\n\\bibliography{refs}\n", "paper.tex")
    write(tmp_path, "% biblio: ignore[uncited-reference]\n@misc{a, title={A}}\n", "refs.bib")
    _, data = run_json(str(tmp_path / "paper.tex"))
    assert [d["findings"] for d in data["documents"]] == [[], []]
    assert [d["suppressed"] for d in data["documents"]] == [1, 1]


@pytest.mark.parametrize("name", ["missing.tex", "empty.tex"])
def test_unreadable_tex_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    write(tmp_path, "", "empty.tex")
    assert run(["check", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"biblio: error: {tmp_path / name}: ") and err.count("\n") == 1


def test_read_latex_keeps_the_file_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "a % c\r\nb\r\n", "x.tex")
    assert read_latex(path).lines == ("a", "b")


def test_the_report_never_overwrites_a_bibliography(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(PAPER, tmp_path / "paper")
    bib = tmp_path / "paper" / "refs.bib"
    before = bib.read_text(encoding="utf-8")
    assert run(["check", str(tmp_path / "paper" / "paper.tex"), "-o", str(bib)]) == 2
    assert "refusing to overwrite an input document" in capsys.readouterr().err
    assert bib.read_text(encoding="utf-8") == before
