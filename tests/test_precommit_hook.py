"""The .pre-commit-hooks.yaml manifest: valid keys, file selection, and an entry that really runs."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from identify.identify import ALL_TAGS, tags_from_filename

from biblio_cli.cli import main
from biblio_cli.readers import KEYED_READERS, READERS, TEXT_SUFFIXES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
LATEX_PAPER = ROOT / "tests" / "data" / "latex_paper"
#: Keys pre-commit accepts in a hook manifest (pre-commit's clientlib MANIFEST_HOOK_DICT).
MANIFEST_KEYS = {
    "id", "name", "entry", "language", "alias", "files", "exclude", "types", "types_or", "exclude_types",
    "additional_dependencies", "args", "always_run", "fail_fast", "pass_filenames", "description",
    "language_version", "log_file", "require_serial", "stages", "verbose", "minimum_pre_commit_version",
}  # fmt: skip


def _hooks() -> dict[str, dict[str, Any]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in hooks}


def _selects(hook: dict[str, Any], filename: str) -> bool:
    """Whether pre-commit would pass `filename` to the hook (files regex, then types/types_or by identify)."""
    tags = tags_from_filename(filename) | {"file"}
    if "files" in hook and not re.search(hook["files"], filename):
        return False
    if not set(hook.get("types", ["file"])) <= tags:
        return False
    return not hook.get("types_or") or bool(set(hook["types_or"]) & tags)


def test_the_manifest_is_valid() -> None:
    hooks = _hooks()
    assert set(hooks) == {"biblio", "biblio-documents", "biblio-latex"}
    for hook in hooks.values():
        assert set(hook) <= MANIFEST_KEYS
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert set(hook.get("types", [])) | set(hook.get("types_or", [])) <= ALL_TAGS


def test_each_entry_is_an_installed_console_script_and_a_real_command(tmp_path: Path) -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    paper = tmp_path / "paper.md"
    paper.write_text(
        "Texte (Paul, 2019).\n\n# Références\n\nPaul, M. (2019). *Titre*. Paris : PUF.\n", encoding="utf-8"
    )
    for hook in _hooks().values():
        program, *arguments = shlex.split(hook["entry"])
        assert program in scripts and scripts[program] == "biblio_cli.cli:entry_point"
        if hook.get("pass_filenames", True):
            # pre-commit appends the staged file names to the entry (and any args)
            result = CliRunner().invoke(main, [*arguments, *hook.get("args", []), str(paper)])
            assert result.exit_code == 0, result.output
        else:  # the user's args name the project (the fixture has deliberate errors: exit 1)
            result = CliRunner().invoke(main, [*arguments, str(LATEX_PAPER / "paper.tex")])
            assert result.exit_code == 1 and "refs.bib" in result.output, result.output


@pytest.mark.parametrize(
    ("filename", "hook_id"),
    [
        pytest.param("paper.md", "biblio", id="markdown"),
        pytest.param("chapters/01-intro.markdown", "biblio", id="markdown-long"),
        pytest.param("notes.txt", "biblio", id="plain-text"),
        pytest.param("thesis.docx", "biblio-documents", id="docx"),
        pytest.param("article.odt", "biblio-documents", id="odt"),
        pytest.param("article.pdf", "biblio-documents", id="pdf"),
        pytest.param("saved/page.html", "biblio-documents", id="html"),
        pytest.param("thesis/main.tex", "biblio-latex", id="latex"),
        pytest.param("thesis/refs.bib", "biblio-latex", id="bib"),
        pytest.param("src/module.py", None, id="python-is-not-checked"),
        pytest.param("data.json", None, id="json-is-not-checked"),
        pytest.param("figure.png", None, id="image-is-not-checked"),
    ],
)
def test_hooks_select_the_documents_biblio_reads(filename: str, hook_id: str | None) -> None:
    chosen = [hid for hid, hook in _hooks().items() if _selects(hook, filename)]
    assert chosen == ([hook_id] if hook_id else [])


def test_every_reader_suffix_is_covered_by_a_hook() -> None:
    hooks = _hooks().values()
    for suffix in (*TEXT_SUFFIXES, *READERS, *KEYED_READERS, ".bib"):
        if suffix == ".text":
            continue  # identify does not tag ".text"; such files are still checked from the command line
        assert any(_selects(hook, f"doc{suffix}") for hook in hooks), suffix
