"""Several files checked as one project: chapters sharing a reference list or a bibliography."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from helpers import DATA, write

from biblio_cli.cli import main
from biblio_cli.pipeline import check, check_document, check_text
from biblio_cli.readers.text import read_document
from biblio_cli.rules import select_rules

CHAPTERS = DATA / "thesis" / "chapters"
REFERENCES = CHAPTERS / "99-references.md"


def run_json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def findings(data: dict[str, Any]) -> dict[str, list[tuple[int, str]]]:
    return {Path(d["path"]).name: [(f["line"], f["rule"]) for f in d["findings"]] for d in data["documents"]}


def test_chapters_share_the_reference_file() -> None:
    data = run_json(str(CHAPTERS))
    assert findings(data) == {
        "01-intro.md": [],
        "02-method.md": [(5, "missing-reference"), (7, "year-mismatch")],
        "99-references.md": [(13, "uncited-reference")],  # Revil is cited in no chapter
    }
    method = data["documents"][1]
    year = next(f for f in method["findings"] if f["rule"] == "year-mismatch")
    assert year["message"].startswith("cited as Mazet & Sorin 2021, listed as Mazet, P. & Sorin, F. (2020)")
    assert year["suggestion"] == "Mazet & Sorin, 2020"
    # Citations link to the entries of the reference file; each entry is counted once.
    refs = {r["id"]: r for r in data["documents"][2]["references"]}
    linked = [c["reference"] for c in method["citations"]]
    assert refs[linked[0]]["authors"][0]["family"] == "Dubois"
    assert data["summary"]["references"] == 8 and data["summary"]["citations"] == 10


def test_the_same_files_named_one_by_one() -> None:
    names = [str(CHAPTERS / n) for n in ("01-intro.md", "02-method.md", "99-references.md")]
    assert findings(run_json(*names)) == findings(run_json(str(CHAPTERS)))


def test_a_chapter_alone_is_checked_as_before() -> None:
    alone = findings(run_json(str(CHAPTERS / "01-intro.md")))
    assert alone == {"01-intro.md": [(4, "no-reference-list")]}
    assert findings(run_json(str(REFERENCES))) == {"99-references.md": []}  # a bare list cites nothing


def test_single_documents_are_unchanged() -> None:
    rules = select_rules()
    for path in sorted((Path(__file__).parents[1] / "refs").glob("*.md")):
        [result] = check([path]).documents
        assert result == check_document(read_document(path), rules)


def test_self_contained_documents_do_not_share(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Text (Paul, 2019).\n\n## References\n\n- Paul, M. (2019). A. Érès.\n- Roe, A. (2001). B. Érès.\n",
        "a.md",
    )
    write(tmp_path, "Text (Roe, 2001).\n\n## References\n\n- Roe, A. (2001). B. Érès.\n", "b.md")
    assert findings(run_json(str(tmp_path))) == {"a.md": [(6, "uncited-reference")], "b.md": []}


def test_author_year_chapters_against_a_bib(tmp_path: Path) -> None:
    shutil.copy(DATA / "latex_thesis" / "thesis.bib", tmp_path / "thesis.bib")
    write(tmp_path, "Digital help is social work (Mazet & Sorin, 2020; Warin, 2017).\n", "ch1.md")
    write(tmp_path, "Counters are stages (Dubois, 2010).\n", "ch2.md")
    data = run_json(str(tmp_path / "ch1.md"), str(tmp_path / "ch2.md"), "--bibliography", str(tmp_path / "thesis.bib"))
    assert findings(data) == {
        "ch1.md": [(1, "year-mismatch")],
        "ch2.md": [],
        # braun2006, siblot2006, lipsky1980 and okbay2019 are cited in neither chapter
        "thesis.bib": [
            (25, "uncited-reference"),
            (36, "uncited-reference"),
            (43, "uncited-reference"),
            (50, "missing-field"),
            (50, "uncited-reference"),
        ],
    }


def test_latex_and_markdown_chapters_share_a_bib(tmp_path: Path) -> None:
    shutil.copy(DATA / "latex_thesis" / "thesis.bib", tmp_path / "refs.bib")
    write(tmp_path, "\\chapter{A}\nAs \\textcite{warin2016} shows.\n\\addbibresource{refs.bib}\n", "a.tex")
    write(tmp_path, "---\nbibliography: refs.bib\n---\nSee [@okbay2019] and (Lipsky, 1980).\n", "b.md")
    data = run_json(str(tmp_path / "a.tex"), str(tmp_path / "b.md"))
    uncited = [f for f in data["documents"][2]["findings"] if f["rule"] == "uncited-reference"]
    listed = {r["id"]: r["line"] for r in data["documents"][2]["references"]}
    # warin2016 and okbay2019 are cited, each in one file; the author-year mention in a keyed file is not read.
    assert sorted(f["line"] for f in uncited) == sorted(
        listed[k] for k in ("mazet2020", "dubois2010", "braun2006", "siblot2006", "lipsky1980")
    )


def test_check_text_is_one_document() -> None:
    result = check_text("Text (Paul, 2019).\n\n## References\n\n- Paul, M. (2019). A. Érès.\n")
    assert result.findings == () and result.reference_heading == "References"
