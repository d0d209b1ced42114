"""The GitHub Actions workflow shown in README.md is valid YAML and its `biblio check` step works."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from helpers import write

from biblio_cli.cli import main

ROOT = Path(__file__).resolve().parents[1]


def readme_workflow() -> dict[str, Any]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = readme[readme.index("## For CI") :]
    block = re.search(r"```yaml\n(.*?)```", ci, re.DOTALL)
    assert block is not None, "README's 'For CI' section has no yaml block"
    workflow = yaml.safe_load(block.group(1))
    assert isinstance(workflow, dict)
    return workflow


def run_commands(workflow: dict[str, Any]) -> list[list[str]]:
    """Every shell command of every `run:` step, split into words (`a && b` is two commands)."""
    commands = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            for line in str(step.get("run", "")).splitlines():
                commands += [shlex.split(part) for part in line.split("&&") if part.strip()]
    return commands


def test_the_workflow_is_a_workflow() -> None:
    workflow = readme_workflow()
    assert {"jobs", "name"} <= set(workflow) and (True in workflow or "on" in workflow)  # YAML 1.1 reads on: as True
    commands = run_commands(workflow)
    installs = [i for i, c in enumerate(commands) if c[:3] == ["pip", "install", "biblio-cli"]]
    checks = [i for i, c in enumerate(commands) if c[:2] == ["biblio", "check"]]
    assert installs and checks and installs[0] < checks[0]


def test_the_readme_check_step_annotates_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [command] = [c for c in run_commands(readme_workflow()) if c[:2] == ["biblio", "check"]]
    (tmp_path / "docs").mkdir()
    write(
        tmp_path / "docs",
        "Text (Paul, 2018).\n\n## References\n\n- Paul, M. (2019). Accompagnement. Érès.\n",
        "paper.md",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, command[1:])
    assert result.exit_code == 1  # a finding at --fail-on fails the step, so the job fails
    assert result.output.startswith("::error file=docs/paper.md,line=1,title=year-mismatch::cited as Paul 2018")
