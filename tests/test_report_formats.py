"""Machine outputs: SARIF 2.1.0 (validated against the official schema) and GitHub annotations.

Golden files in tests/data/golden/ are reviewed when they change; regenerate them with
BIBLIO_UPDATE_GOLDEN=1 pytest tests/test_report_formats.py and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from builders import make_docx, para, run
from click.testing import CliRunner

from biblio_cli.cli import main
from biblio_cli.model import Document, DocumentResult, Finding, Report, Severity
from biblio_cli.report import FORMATS, render
from biblio_cli.report.github import escape_data, escape_property, render_github
from biblio_cli.report.sarif import artifact_uri, render_sarif, report_to_sarif
from biblio_cli.rules import RULES

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden"
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)

PAPER = """# Introduction

Le numérique (Paul, 2018) change tout, selon Sen (1997).

# Références

Paul, M. (2019). *Le numérique*. Paris : PUF.
Plantard, P. (2015). *Anthropologie des usages du numérique*. Rennes : INEDUC.
"""


def _result(document: Document, *findings: Finding) -> DocumentResult:
    return DocumentResult(document, (), (), (), findings)


def sample_report() -> Report:
    """A report built by hand, so the golden files test the renderers and not the rules."""
    paper = Document("chapters/intro.md", tuple(PAPER.splitlines()), language="fr")
    thesis = Document(
        "thesis.docx",
        ("# Bibliographie", "", "Paul, M. (2019). Titre.", "", "# Notes", "", "[^1]: Voir à 100 % Paul, M. (2019)."),
        language="fr",
        locations=("paragraph 1", "", "paragraph 2", "", "", "", "footnote 1"),
    )
    stdin = Document("<stdin>", ("Texte (Paul, 2019) et (Sen, 1997).",))
    return Report(
        (
            _result(
                paper,
                Finding(
                    "year-mismatch",
                    Severity.ERROR,
                    3,
                    "Paul 2018: the list has Paul, M. (2019)",
                    "c1",
                    "r1",
                    "cite 2019?",
                ),
                Finding(
                    "missing-reference", Severity.ERROR, 3, "Sen 1997 is cited, but not in the reference list", "c2"
                ),
                Finding(
                    "uncited-reference",
                    Severity.WARNING,
                    8,
                    "Plantard, P. (2015) is listed but never cited",
                    None,
                    "r2",
                ),
            ),
            _result(
                thesis,
                Finding(
                    "duplicate-reference",
                    Severity.WARNING,
                    7,
                    "Paul, M. (2019) is listed twice: line 3, and in a note (100 % the same)",
                    None,
                    "r2",
                ),
                Finding("list-order", Severity.INFO, 3, "list not in alphabetical order", None, None, "order: Paul"),
            ),
            _result(stdin, Finding("no-reference-list", Severity.ERROR, 1, "2 citations but no reference section")),
            _result(Document("clean.md", ("Rien à signaler.",))),
        )
    )


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("BIBLIO_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed: review, then BIBLIO_UPDATE_GOLDEN=1"


def _stable_sarif(log: dict[str, Any]) -> str:
    """The SARIF log with what changes for other reasons (version, rule docs; tested below) replaced."""
    driver = log["runs"][0]["tool"]["driver"]
    driver["version"] = driver["semanticVersion"] = "<version>"
    driver["rules"] = "<the RULES catalogue: see test_sarif_rules_come_from_the_catalogue>"
    for result in log["runs"][0]["results"]:
        del result["ruleIndex"]  # moves when rules are added; checked against the catalogue below
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _validate(log: dict[str, Any]) -> None:
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


# SARIF ---------------------------------------------------------------------------------------


def test_sarif_golden() -> None:
    _golden("report.sarif", _stable_sarif(report_to_sarif(sample_report())))


def test_sarif_is_valid_against_the_official_schema() -> None:
    _validate(json.loads(render_sarif(sample_report())))
    _validate(json.loads(render_sarif(Report())))


def test_the_vendored_schema_is_the_official_one() -> None:
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    # a broken log is rejected, so the validation above means something
    assert list(VALIDATOR.iter_errors({"version": "2.1.0", "runs": [{"tool": {}, "results": [{"level": "fatal"}]}]}))


def test_sarif_rules_come_from_the_catalogue() -> None:
    log = report_to_sarif(sample_report())
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == [rule.id for rule in RULES]
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for descriptor, rule in zip(descriptors, RULES, strict=True):
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == (rule.documentation or rule.summary)
        assert descriptor["help"]["markdown"] == (rule.documentation or rule.summary)
        assert descriptor["defaultConfiguration"]["level"] == levels[rule.severity]
        assert descriptor["properties"]["code"] == rule.code
        assert descriptor["name"][0].isupper() and "-" not in descriptor["name"]
    for result in log["runs"][0]["results"]:
        assert descriptors[result["ruleIndex"]]["id"] == result["ruleId"]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        pytest.param("paper.md", "paper.md", id="relative"),
        pytest.param("./chapters/01 intro.md", "chapters/01%20intro.md", id="dot-slash-and-space"),
        pytest.param("thèse/chapitre#1.md", "th%C3%A8se/chapitre%231.md", id="non-ascii-and-hash"),
        pytest.param("chapters\\intro.md", "chapters/intro.md", id="windows-relative"),
        pytest.param("/home/me/paper.md", "file:///home/me/paper.md", id="posix-absolute"),
        pytest.param("C:\\Users\\me\\paper.md", "file:///C:/Users/me/paper.md", id="windows-absolute"),
        pytest.param("<stdin>", "%3Cstdin%3E", id="stdin"),
    ],
)
def test_sarif_artifact_uris(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri
    _validate(
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "artifacts": [{"location": {"uri": uri}}]}]}
    )


# GitHub --------------------------------------------------------------------------------------


def test_github_golden() -> None:
    _golden("report.github.txt", render_github(sample_report()))


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        pytest.param("plain", "plain", "plain", id="plain"),
        pytest.param("100%", "100%25", "100%25", id="percent"),
        pytest.param("a\nb", "a%0Ab", "a%0Ab", id="lf"),
        pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="crlf"),
        pytest.param("Paul, M.: 2019", "Paul, M.: 2019", "Paul%2C M.%3A 2019", id="comma-colon"),
        pytest.param("%0A", "%250A", "%250A", id="already-escaped-looking"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_annotation_lines_are_single_lines_with_safe_properties() -> None:
    lines = render_github(sample_report()).splitlines()
    assert len(lines) == 6
    for line in lines:
        command, _, rest = line[2:].partition(" ")
        assert command in ("error", "warning", "notice")
        properties, _, _message = rest.partition("::")
        for prop in properties.split(","):
            key, _, value = prop.partition("=")
            assert key in ("file", "line", "title") and ":" not in value


# CLI -----------------------------------------------------------------------------------------


def test_the_cli_offers_every_format() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    for name in FORMATS:
        assert name in result.output


@pytest.mark.parametrize("output_format", ["sarif", "github"])
def test_the_cli_renders_machine_formats_with_the_usual_exit_codes(tmp_path: Path, output_format: str) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(PAPER, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(paper), "--format", output_format])
    assert result.exit_code == 1, result.output  # year-mismatch and missing-reference are errors
    assert result.output == render(_check(paper), output_format)
    if output_format == "sarif":
        log = json.loads(result.output)
        _validate(log)
        assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"year-mismatch", "missing-reference"}
    else:
        assert f"::error file={paper},line=3,title=year-mismatch::" in result.output


def _check(path: Path) -> Report:
    from biblio_cli.pipeline import check

    return check([path])


def test_the_cli_writes_sarif_for_a_word_document_to_a_file(tmp_path: Path) -> None:
    docx = make_docx(
        tmp_path / "thesis.docx",
        para(run("Comme le montre Paul (2018), tout change."))
        + para(run("Bibliographie"), style="Titre1")
        + para(run("Paul, M. (2019). Le numérique. Paris : PUF.")),
    )
    out = tmp_path / "biblio.sarif"
    result = CliRunner().invoke(main, ["check", str(docx), "--format", "sarif", "-o", str(out)])
    assert result.exit_code == 1 and result.output == ""
    log = json.loads(out.read_text(encoding="utf-8"))
    _validate(log)
    [finding] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "year-mismatch"]
    assert finding["locations"][0]["message"]["text"] == "paragraph 1"


def test_the_cli_renders_stdin_in_sarif_and_github(tmp_path: Path) -> None:
    for output_format in ("sarif", "github"):
        result = CliRunner().invoke(main, ["check", "-", "--format", output_format], input="Texte (Paul, 2019).\n")
        assert result.exit_code == 1
        if output_format == "sarif":
            _validate(json.loads(result.output))
        else:
            assert result.output.startswith("::error title=no-reference-list::")


def test_an_unknown_format_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check", "paper.md", "--format", "xml"])
    assert result.exit_code == 2
    assert "xml" in result.output
