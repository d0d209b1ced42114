"""The real consumers accept our output: `bibtex` with a standard style, `biber --validate-datamodel`.

Both tools may only complain about data the source really lacks (a reference with no date, an
issue number without a volume, an entry that could not be parsed): each warning is checked
against the exported entry, and any other warning or error fails. These run where the Debian packages texlive-binaries (bibtex, plain.bst) and biber are
installed, and are marked `tex`; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import bibtexparser
import pytest

from biblio_cli.export import export_references
from export.conftest import references

HAVE_BIBTEX = shutil.which("bibtex") is not None and shutil.which("kpsewhich") is not None
HAVE_BIBER = shutil.which("biber") is not None

pytestmark = pytest.mark.tex

AUX = "\\relax\n\\citation{*}\n\\bibstyle{%s}\n\\bibdata{refs}\n"

Gap = tuple[re.Pattern[str], Callable[[set[str], re.Match[str]], bool]]

#: Warnings that only report a gap in the data, with the check that the gap is real.
BIBTEX_DATA_GAPS: list[Gap] = [
    (re.compile(r"^Warning--empty (?P<field>\w+) in (?P<key>\S+)$"), lambda f, m: m["field"] not in f),
    (
        re.compile(r"^Warning--there's a number but no volume in (?P<key>\S+)$"),
        lambda f, m: "number" in f and "volume" not in f,
    ),
    (
        re.compile(r"^Warning--to sort, need author or key in (?P<key>\S+)$"),
        lambda f, m: not {"author", "editor"} & set(f),
    ),
]
BIBER_DATA_GAPS: list[Gap] = [
    (
        re.compile(r"Entry '(?P<key>[^']+)' .*one of 'date, year' must be defined"),
        lambda f, m: not {"date", "year"} & set(f),
    ),
    (
        re.compile(r"Entry '(?P<key>[^']+)' .*Missing mandatory field '(?P<field>\w+)'"),
        lambda f, m: m["field"] not in f,
    ),
]


def _unexplained(lines: list[str], bib: str, gaps: list[Gap]) -> list[str]:
    """The warnings that are not explained by a field really missing from the entry they name."""
    entries = {e.key: {k.lower() for k in e.fields_dict} for e in bibtexparser.parse_string(bib).entries}
    left = []
    for line in lines:
        for pattern, is_real_gap in gaps:
            m = pattern.search(line)
            if m and m["key"] in entries and is_real_gap(entries[m["key"]], m):
                break
        else:
            left.append(line)
    return left


def _plain_bst_present() -> bool:
    if not HAVE_BIBTEX:
        return False
    found = subprocess.run(["kpsewhich", "plain.bst"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


@pytest.mark.skipif(not _plain_bst_present(), reason="bibtex and plain.bst (texlive) not installed")
@pytest.mark.parametrize("style", ["plain", "alpha"])
def test_bibtex_reads_every_entry_without_warning(source: str, style: str, tmp_path: Path) -> None:
    refs = references(source)
    bib = export_references(refs, "bibtex").text
    (tmp_path / "refs.bib").write_text(bib, encoding="ascii")
    (tmp_path / "doc.aux").write_text(AUX % style, encoding="ascii")
    run = subprocess.run(["bibtex", "doc"], cwd=tmp_path, capture_output=True, text=True, check=False)
    log = (tmp_path / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, log
    # bibtex reports problems as "Warning--..." lines, syntax errors as "I was expecting ..." and more.
    assert "error message" not in log and "I was expecting" not in log, log
    warnings = [line for line in log.splitlines() if line.startswith("Warning--")]
    assert _unexplained(warnings, bib, BIBTEX_DATA_GAPS) == []
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8", errors="replace")
    assert len(re.findall(r"^\\bibitem", bbl, flags=re.MULTILINE)) == len(refs)


@pytest.mark.skipif(not HAVE_BIBER, reason="biber not installed")
def test_biber_validates_the_datamodel(source: str, tmp_path: Path) -> None:
    refs = references(source)
    text = export_references(refs, "biblatex").text
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    run = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "refs.bib"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    log = (tmp_path / "refs.bib.blg").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, log
    assert " ERROR - " not in log, log
    warnings = [line for line in log.splitlines() if " WARN - " in line]
    assert _unexplained(warnings, text, BIBER_DATA_GAPS) == []
    assert "Datamodel validation complete" in log
    out = (tmp_path / "refs_bibertool.bib").read_text(encoding="utf-8")
    assert out.count("\n@") + out.startswith("@") == len(refs)
