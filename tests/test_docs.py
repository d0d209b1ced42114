"""Documentation that must agree with the code."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from biblio_cli.cli import main
from biblio_cli.rules import RULES
from biblio_cli.rules.docs import rules_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_rules_md_is_generated_from_the_catalogue() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_every_rule_is_documented_with_an_example() -> None:
    for rule in RULES:
        assert "Example" in rule.documentation, rule.id
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id) and re.fullmatch(r"[A-Z]\d{3}", rule.code)
    assert len({r.id for r in RULES}) == len({r.code for r in RULES}) == len(RULES)


def test_readme_commands_are_the_tested_ones() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"```sh\n(python3 -m venv .*pytest.*)\n```", readme)
    assert test_command is not None
    install_and_test = test_command.group(1)[test_command.group(1).index("pip install") :]
    assert install_and_test in ci
    assert "biblio check refs/" in readme


def test_changelog_has_an_unreleased_section() -> None:
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_json_schema_doc_names_every_field() -> None:
    doc = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    for field in ("version", "documents", "references", "citations", "findings", "summary", "suggestion", "locator"):
        assert f"`{field}`" in doc


def _readme_examples() -> list[tuple[str, str]]:
    """('biblio check ...', its output) for each "`biblio check X` prints:" block of the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"`(biblio check [^`]+)` prints:\s*\n\s*```text\n(.*?)```", readme, flags=re.DOTALL)


def test_the_readme_shows_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """README = truth: every output shown after "`biblio check X` prints:" is what biblio prints today."""
    examples = _readme_examples()
    assert len(examples) >= 3
    monkeypatch.chdir(ROOT)  # the README's paths are relative to the repository
    for command, shown in examples:
        result = CliRunner().invoke(main, [*shlex.split(command)[1:], "--no-config", "--color", "never"])
        assert result.output.rstrip() == shown.rstrip(), command
