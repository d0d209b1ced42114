"""Inline suppressions: forms, targets, unused/unknown/malformed reports, output in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write

from biblio_cli.cli import main
from biblio_cli.config import Settings
from biblio_cli.model import Document
from biblio_cli.pipeline import check_text
from biblio_cli.suppress import glob_matches, split_suppressions

REFS = (
    "\n## References\n\n"
    "- Cardon, D. (2019). Culture numérique. Presses de Sciences Po.\n"
    "- Kellner, C., Massou, L., & Morelli, P. (2010). T. *Q*, 18, 89-112.\n"
    "- Paul, M. (2019). Accompagnement. Érès.\n"
)
BODY = "Text (Paul, 2018) and (Kellner & al., 2010).\n"


def findings(text: str, **settings: tuple[str, ...]) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in check_text(text, Settings(**settings)).findings]


def messages(text: str) -> list[str]:
    return [f.message for f in check_text(text).findings if f.rule == "unused-suppression"]


def test_without_suppressions() -> None:
    assert findings(BODY + REFS) == [(1, "year-mismatch"), (1, "et-al-usage"), (5, "uncited-reference")]


def test_end_of_line_by_id_and_code() -> None:
    text = "Text (Paul, 2018) and (Kellner & al., 2010). <!-- biblio: ignore[year-mismatch, C105] -->\n" + REFS
    assert findings(text) == [(5, "uncited-reference")]
    result = check_text(text)
    assert result.suppressed == 2


def test_only_the_named_rules_and_only_that_line() -> None:
    text = BODY.rstrip("\n") + " <!-- biblio: ignore[year-mismatch] -->\nAgain (Paul, 2018).\n" + REFS
    assert findings(text) == [(1, "et-al-usage"), (2, "year-mismatch"), (6, "uncited-reference")]


def test_alone_on_its_line_applies_to_the_next_non_blank_line() -> None:
    text = "<!-- biblio: ignore[et-al-usage] -->\n\n" + BODY + REFS
    assert findings(text) == [(3, "year-mismatch"), (7, "uncited-reference")]


def test_stacked_comments_all_apply_to_the_next_line() -> None:
    text = "<!-- biblio: ignore[et-al-usage] -->\n<!-- biblio: ignore[C102] -->\n" + BODY + REFS
    assert findings(text) == [(7, "uncited-reference")]


def test_a_comment_in_the_reference_list_is_not_an_entry() -> None:
    refs = REFS.replace("- Cardon", "<!-- biblio: ignore[uncited-reference] -->\n- Cardon")
    result = check_text(BODY + refs)
    assert [r.text.startswith("Cardon") for r in result.references] == [True, False, False]
    assert [(f.line, f.rule) for f in result.findings] == [(1, "year-mismatch"), (1, "et-al-usage")]
    assert result.document.lines[4] == "<!-- biblio: ignore[uncited-reference] -->"  # reported text is the original


def test_ignore_file_and_bare_ignore() -> None:
    assert findings(BODY + REFS + "\n<!-- biblio: ignore-file[R201,year-mismatch] -->\n") == [(1, "et-al-usage")]
    assert findings(BODY.rstrip("\n") + " <!-- biblio: ignore -->\n" + REFS) == [(5, "uncited-reference")]
    assert findings("<!-- biblio: ignore-file -->\n" + BODY + REFS) == []


def test_latex_comments() -> None:
    text = "Text (Paul, 2018) and (Kellner \\& al., 2010). % biblio: ignore[year-mismatch]\n" + REFS
    assert (1, "year-mismatch") not in findings(text)
    assert findings("% biblio: ignore-file[ALL]\n" + BODY + REFS) == []
    escaped = "Text (Paul, 2018), 100 \\% biblio: ignore[year-mismatch]\n" + REFS
    assert (1, "year-mismatch") in findings(escaped)  # \\% is a percent sign, not a comment


def test_split_keeps_columns_and_lines() -> None:
    document = Document("a.md", ("x <!-- biblio: ignore[C102] --> y", "<!-- biblio: ignore -->", "", "z"))
    clean, found = split_suppressions(document)
    assert clean.lines[0] == "x " + " " * len("<!-- biblio: ignore[C102] -->") + " y"
    assert clean.lines[1].strip() == "" and len(clean.lines) == 4
    assert [(s.line, s.names, s.target) for s in found] == [(1, ("C102",), 1), (2, (), 4)]


def test_unused_suppression_is_reported_with_its_line() -> None:
    text = "Text (Paul, 2019). <!-- biblio: ignore[year-mismatch] -->\n" + REFS
    result = check_text(text)
    [finding] = [f for f in result.findings if f.rule == "unused-suppression"]
    assert (finding.line, finding.severity.label) == (1, "warning")
    assert finding.message == "'year-mismatch' suppresses nothing on line 1"
    assert finding.suggestion == "remove the comment"


def test_partly_used_suppression_names_the_stale_rule() -> None:
    text = BODY.rstrip("\n") + " <!-- biblio: ignore[year-mismatch,R205] -->\n" + REFS
    assert messages(text) == ["'R205' suppresses nothing on line 1"]


def test_bare_ignore_that_suppresses_nothing_is_reported() -> None:
    assert messages("Fine (Paul, 2019). <!-- biblio: ignore -->\n" + REFS) == [
        "'<!-- biblio: ignore -->' suppresses nothing on line 1"
    ]
    assert messages(BODY + REFS + "<!-- biblio: ignore-file[list-order] -->\n") == [
        "'list-order' suppresses nothing in this document"
    ]


def test_unknown_and_malformed_suppressions_are_reported() -> None:
    assert messages(BODY.rstrip("\n") + " <!-- biblio: ignore[yaer-mismatch] -->\n" + REFS) == [
        "unknown rule 'yaer-mismatch' in '<!-- biblio: ignore[yaer-mismatch] -->' (did you mean 'year-mismatch'?)"
    ]
    assert messages(BODY.rstrip("\n") + " <!-- biblio: ignor[C102] -->\n" + REFS) == [
        "'<!-- biblio: ignor[C102] -->' is not a biblio suppression"
    ]
    assert messages("<!-- biblio: ignore[] -->\n" + BODY + REFS) == [
        "'<!-- biblio: ignore[] -->' is not a biblio suppression"
    ]


def test_rules_that_did_not_run_are_not_reported_as_unused() -> None:
    text = BODY.rstrip("\n") + " <!-- biblio: ignore[year-mismatch,missing-doi] -->\n" + REFS
    assert messages(text) == []  # missing-doi is an online rule; this run is offline
    stale = "Fine (Paul, 2019). <!-- biblio: ignore[year-mismatch] -->\n" + REFS
    assert "unused-suppression" in {r for _, r in findings(stale, select=("C", "D"))}
    assert findings(stale, select=("R", "D")) == [(5, "uncited-reference"), (6, "uncited-reference")]


def test_unused_suppression_can_be_ignored() -> None:
    stale = "Fine (Paul, 2019). <!-- biblio: ignore[year-mismatch] -->\n" + REFS
    assert "unused-suppression" in {r for _, r in findings(stale)}
    assert "unused-suppression" not in {r for _, r in findings(stale, ignore=("D302",))}
    assert "unused-suppression" not in {
        r for _, r in findings(stale + "<!-- biblio: ignore-file[unused-suppression] -->\n")
    }


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_suppressed_findings_disappear_from_every_format(tmp_path: Path, output_format: str) -> None:
    text = "Text (Paul, 2018) and (Kellner & al., 2010). <!-- biblio: ignore[year-mismatch] -->\n" + REFS
    result = CliRunner().invoke(main, ["check", str(write(tmp_path, text)), "--format", output_format])
    assert result.exit_code == 0, result.output  # the only error is suppressed
    output = result.output
    if output_format == "sarif":  # its catalogue and snippets name the rule: look at the results' rules
        output = " ".join(r["ruleId"] for r in json.loads(output)["runs"][0]["results"])
    assert "year-mismatch" not in output
    assert "et-al-usage" in output


def test_suppressed_count_in_json_and_text(tmp_path: Path) -> None:
    path = str(write(tmp_path, "<!-- biblio: ignore-file[C] -->\n" + BODY + REFS))
    data = json.loads(CliRunner().invoke(main, ["check", path, "--format", "json"]).output)
    assert data["documents"][0]["suppressed"] == 2 and data["documents"][0]["baselined"] == 0
    text = CliRunner().invoke(main, ["check", path]).output
    assert text.rstrip().endswith("0 errors, 1 warning, 0 info (2 suppressed)")


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.md", "a.md", True),
        ("*.md", "docs/a.md", True),  # no '/': the file name alone
        ("docs/*.md", "docs/a.md", True),
        ("docs/*.md", "docs/sub/a.md", False),
        ("docs/**/*.md", "docs/sub/deep/a.md", True),
        ("docs/**/*.md", "docs/a.md", True),
        ("docs/**", "docs/sub/a.md", True),
        ("docs/**", "other/docs/a.md", False),
        ("chap?.md", "chap1.md", True),
        ("chap[12].md", "chap3.md", False),
        ("chap[!12].md", "chap3.md", True),
        ("./a.md", "a.md", True),
    ],
)
def test_glob_matches(pattern: str, path: str, matches: bool) -> None:
    assert glob_matches(pattern, path) is matches


def test_export_does_not_read_a_suppression_comment_in_the_list_as_an_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "As Paul (2019) says.\n\n## References\n\n<!-- biblio: ignore[uncited-reference] -->\n"
        "Cardon, D. (2019). *Culture numérique*. Presses de Sciences Po.\n\n"
        "Paul, M. (2019). *Titre*. Seuil.\n",
        "paper.md",
    )
    result = CliRunner().invoke(main, ["export", str(path), "--to", "csl-json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [item["author"][0]["family"] for item in items] == ["Cardon", "Paul"]
    assert "biblio" not in result.stdout
