"""pandoc Markdown: [@key] citations, front matter, --bibliography with .bib, CSL-JSON and CSL-YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import DATA, write

from biblio_cli.citekeys import front_matter, pandoc_citations
from biblio_cli.cli import main, run
from biblio_cli.pipeline import check_text
from biblio_cli.readers.cslyaml import read_cslyaml
from biblio_cli.readers.text import document_from_text

PAPER = DATA / "pandoc_paper"

CSL_JSON = """[
  {"id": "smith2020", "type": "article-journal", "title": "Care",
   "author": [{"family": "Smith", "given": "Jo"}], "issued": {"date-parts": [[2020]]},
   "DOI": "10.1234/care.2020"},
  {"id": "doe2019", "type": "book", "title": "Work",
   "author": [{"family": "Doe", "given": "Al"}], "issued": {"date-parts": [[2019]]},
   "DOI": "doi.org/5555/bad"}
]
"""
BIB = "@article{smith2020,\n  author = {Smith, Jo},\n  title = {Care},\n  journal = {J},\n  year = {2020}\n}\n"


def run_json(*args: str, stdin: str | None = None) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"], input=stdin)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.output)


def cited(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, int, str, bool]]:
    doc = document_from_text(text)
    return [(c.key, c.line, c.locator, c.narrative) for c in pandoc_citations(doc, front_matter(doc), known)]


def test_bracketed_and_narrative_forms() -> None:
    text = (
        "A [@a; see @b, p. 4] and [-@c].\n"
        "@d says so, @d [p. 7] too; @unknown does not count.\n"
        "Mail me@example.org, follow @a on social media.\n"
        "[@{https://example.org/x?y}]\n"
    )
    assert cited(text, ("a", "d")) == [
        ("a", 1, "", False),
        ("b", 1, "p. 4", False),
        ("c", 1, "", False),
        ("d", 2, "", True),
        ("d", 2, "p. 7", True),
        ("a", 3, "", True),  # a defined key is a citation even in odd places; an address never is
        ("https://example.org/x?y", 4, "", False),
    ]


def test_code_comments_links_and_front_matter_are_not_citations() -> None:
    text = (
        "---\ntitle: x\nauthor: me@example.org\n---\n"
        "```python\n@dataclass  # [@a]\n```\n"
        "`[@b]` and <!-- [@c] --> and [@d](https://x) and [email me@x.org]\n"
        "~~~\n[@e]\n~~~\n"
        "Real [@f].\n"
    )
    assert cited(text, ("dataclass", "a")) == [("f", 12, "", False)]


def test_front_matter_bibliography_and_nocite() -> None:
    code, data = run_json(str(PAPER / "paper.md"))
    paper, bib = data["documents"]
    assert [Path(d["path"]).name for d in data["documents"]] == ["paper.md", "refs.yaml"]
    assert [(f["line"], f["rule"], f["message"], f["suggestion"]) for f in paper["findings"]] == [
        (27, "missing-reference", "cited key 'srnicek2071' is not in refs.yaml", "did you mean srnicek2017?")
    ]
    keys = [c["key"] for c in paper["citations"]]
    assert "notacitation" not in keys and "also_not" not in keys and "commented" not in keys and "bwriter" not in keys
    assert keys[0] == "huws2014" and paper["citations"][0]["line"] == 6  # from `nocite:` in the front matter
    # huws2014 is only nocite'd; schor2020 is never cited. Findings point at the YAML file's lines.
    assert [(f["line"], f["rule"]) for f in bib["findings"]] == [(76, "uncited-reference")]
    assert bib["references"][2]["id"] == "ticona2018" and bib["references"][2]["line"] == 22
    assert bib["references"][2]["year"] == "2018" and bib["references"][1]["year"] == "2017"
    assert code == 1


@pytest.mark.parametrize(("name", "text"), [("refs.json", CSL_JSON), ("refs.bib", BIB)])
def test_bibliography_option(tmp_path: Path, name: str, text: str) -> None:
    refs = write(tmp_path, text, name)
    paper = write(tmp_path, "As @smith2020 argues [@smith2021, p. 2].\n", "paper.md")
    code, data = run_json(str(paper), "--bibliography", str(refs))
    doc, bib = data["documents"]
    assert [(c["key"], c["reference"], c["narrative"]) for c in doc["citations"]] == [
        ("smith2020", "smith2020", True),
        ("smith2021", None, False),
    ]
    assert [f["suggestion"] for f in doc["findings"]] == ["did you mean smith2020?"]
    assert bib["path"] == str(refs)
    if name == "refs.json":
        assert [(f["line"], f["rule"]) for f in bib["findings"]] == [(5, "invalid-doi"), (5, "uncited-reference")]
    else:
        assert bib["findings"] == []
    assert code == 1


def test_several_bibliographies_in_front_matter(tmp_path: Path) -> None:
    write(tmp_path, CSL_JSON, "a.json")
    write(tmp_path, BIB.replace("smith2020", "roe2018"), "b.bib")
    write(tmp_path, "---\nbibliography:\n  - a.json\n  - b.bib\n  - gone.yaml\n---\n[@roe2018; @doe2019]\n", "p.md")
    _, data = run_json(str(tmp_path / "p.md"))
    doc = data["documents"][0]
    assert [(f["line"], f["rule"], f["message"]) for f in doc["findings"]] == [
        (5, "bibliography-not-found", "bibliography: gone.yaml: gone.yaml not found")
    ]
    assert [c["reference"] for c in doc["citations"]] == ["roe2018", "doe2019"]


def test_stdin_with_bibliography_reports_the_bibliography_too(tmp_path: Path) -> None:
    refs = write(tmp_path, CSL_JSON, "refs.json")
    _, data = run_json("-", "--bibliography", str(refs), stdin="See [@smith2020].\n")
    assert [d["path"] for d in data["documents"]] == ["<stdin>", str(refs)]
    assert [f["rule"] for f in data["documents"][1]["findings"]] == ["invalid-doi", "uncited-reference"]


def test_check_text_accepts_bibliographies(tmp_path: Path) -> None:
    refs = write(tmp_path, BIB, "refs.bib")
    result = check_text("Text [@smith2020] and [@nobody].\n", bibliographies=[refs])
    assert [(m.citation.key, m.status) for m in result.matches] == [("smith2020", "exact"), ("nobody", "missing-key")]


def test_markdown_without_keys_is_checked_as_before() -> None:
    text = "Text (Paul, 2019), mail paul@example.org.\n\n## References\n\n- Paul, M. (2019). Titre. Érès.\n"
    result = check_text(text)
    assert [c.authors for c in result.citations] == [("Paul",)] and result.findings == ()


def test_keyed_markdown_without_a_bibliography() -> None:
    result = check_text("One [@a] and two [@b].\n")
    assert [(f.rule, f.line, f.message) for f in result.findings] == [
        ("bibliography-not-found", 1, "2 keyed citations but no bibliography file")
    ]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("missing.bib", None, "missing.bib: no such file"),
        ("bad.json", "[{", "bad.json: not valid JSON"),
        ("bad.yaml", "references: [a: b: c", "bad.yaml: not valid YAML"),
        ("list.yaml", "title: x\n", "list.yaml: expected a CSL-YAML list"),
    ],
)
def test_unreadable_bibliography_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str | None, message: str
) -> None:
    if text is not None:
        write(tmp_path, text, name)
    paper = write(tmp_path, "[@a]\n", "paper.md")
    assert run(["check", str(paper), "--bibliography", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_csl_yaml_dates_and_plain_lists() -> None:
    refs, _ = read_cslyaml(
        "- id: a\n  issued: 2001-02-03\n- id: b\n  issued: [{year: 1999}]\n- id: c\n  issued: 2010\n"
    )
    assert [(r.id, r.year) for r in refs] == [("a", 2001), ("b", 1999), ("c", 2010)]
