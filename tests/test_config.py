"""Config files: discovery, validation, precedence (CLI > file > environment > defaults), wiring."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from helpers import write

from biblio_cli.cli import main, run
from biblio_cli.commands import registry_cli
from biblio_cli.config import FileConfig, find_config, load_config, merge
from biblio_cli.errors import UsageError
from biblio_cli.model import Document, DocumentResult, Finding, Report, Severity
from biblio_cli.pipeline import check, check_text
from biblio_cli.report.json_report import report_to_dict
from biblio_cli.report.text import render_text

FAULTY = (
    "Text (Paul, 2018) and (Kellner & al., 2010).\n\n## References\n\n"
    "- Kellner, C., Massou, L., & Morelli, P. (2010). T. *Q*, 18, 89-112.\n"
    "- Paul, M. (2019). Accompagnement. Érès.\n"
)
APA_SOURCE = "Texte (Paul, s. d.).\n\n## Références\n\n- Paul, M. (s. d.). *Titre*. PUF.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project directory, made the current directory; no BIBLIO_* variables set."""
    for name in ("BIBLIO_MAILTO", "BIBLIO_CACHE_DIR", "BIBLIO_CROSSREF_URL", "BIBLIO_HAL_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def rules_found(result: Result) -> set[str]:
    assert result.exit_code in (0, 1), result.output
    return {f["rule"] for d in json.loads(result.output)["documents"] for f in d["findings"]}


def error_line(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run through `run` (as the console script does): exit 2 and one line on stderr."""
    assert run(list(args)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


# discovery ------------------------------------------------------------------------------------


def test_no_config_anywhere_gives_defaults(project: Path) -> None:
    assert load_config(project) == FileConfig()
    assert merge(FileConfig()).fail_on is Severity.ERROR


def test_biblio_toml_is_found_from_a_subdirectory(project: Path) -> None:
    write(project, 'ignore = ["et-al-usage"]\n', ".biblio.toml")
    sub = project / "a" / "b"
    sub.mkdir(parents=True)
    config = load_config(sub)
    assert config.ignore == ("et-al-usage",) and config.path == project / ".biblio.toml"
    assert config.root == project


def test_biblio_toml_wins_over_pyproject_in_the_same_directory(project: Path) -> None:
    write(project, '[tool.biblio]\nignore = ["list-order"]\n', "pyproject.toml")
    write(project, 'ignore = ["et-al-usage"]\n', ".biblio.toml")
    assert load_config(project).ignore == ("et-al-usage",)


def test_pyproject_without_tool_biblio_is_skipped(project: Path) -> None:
    write(project, 'ignore = ["et-al-usage"]\n', ".biblio.toml")
    sub = project / "pkg"
    sub.mkdir()
    write(sub, '[project]\nname = "x"\n[tool.ruff]\nline-length = 90\n', "pyproject.toml")
    assert find_config(sub) == project / ".biblio.toml"
    write(sub, '[tool.biblio]\nfail-on = "info"\n', "pyproject.toml")
    assert find_config(sub) == sub / "pyproject.toml"


def test_config_applies_to_check(project: Path) -> None:
    doc = str(write(project, FAULTY))
    assert rules_found(invoke("check", doc, "--format", "json")) == {"year-mismatch", "et-al-usage"}
    write(project, '[tool.biblio]\nignore = ["C105"]\n', "pyproject.toml")
    assert rules_found(invoke("check", doc, "--format", "json")) == {"year-mismatch"}


def test_explicit_config_and_no_config(project: Path) -> None:
    doc = str(write(project, FAULTY))
    write(project, 'select = ["et-al-usage"]\n', ".biblio.toml")
    write(project, 'select = ["year-mismatch"]\n', "other.toml")
    assert rules_found(invoke("check", doc, "--format", "json")) == {"et-al-usage"}
    assert rules_found(invoke("check", doc, "--format", "json", "--config", "other.toml")) == {"year-mismatch"}
    assert rules_found(invoke("check", doc, "--format", "json", "--no-config")) == {"year-mismatch", "et-al-usage"}


def test_explicit_pyproject_reads_its_tool_table(project: Path) -> None:
    (project / "conf").mkdir()
    write(project / "conf", '[tool.biblio]\nfail-on = "never"\n', "pyproject.toml")
    assert load_config(project, Path("conf/pyproject.toml")).fail_on == "never"


# precedence -----------------------------------------------------------------------------------


def test_cli_beats_file_beats_defaults(project: Path) -> None:
    doc = str(write(project, FAULTY))
    write(project, 'fail-on = "never"\nselect = ["et-al-usage"]\n', ".biblio.toml")
    assert invoke("check", doc).exit_code == 0  # warning only, and fail-on never
    assert invoke("check", doc, "--fail-on", "warning").exit_code == 1
    assert rules_found(invoke("check", doc, "--format", "json", "--select", "C102")) == {"year-mismatch"}


def test_a_cli_list_replaces_the_file_list(project: Path) -> None:
    doc = str(write(project, FAULTY))
    write(project, 'ignore = ["year-mismatch"]\n', ".biblio.toml")
    assert rules_found(invoke("check", doc, "--format", "json", "--ignore", "C105")) == {"year-mismatch"}


def test_merge_precedence_and_relative_cache_dir(project: Path) -> None:
    write(project, 'cache-dir = "cache"\nmailto = "file@example.org"\nlocale = "fr"\n', ".biblio.toml")
    config = load_config(project)
    assert config.cache_dir == project / "cache"
    settings = merge(config)
    assert (settings.cache_dir, settings.mailto, settings.locale) == (project / "cache", "file@example.org", "fr")
    cli = merge(config, cache_dir=Path("/elsewhere"), mailto="cli@example.org", locale="en", fail_on="never")
    assert (cli.cache_dir, cli.mailto, cli.locale, cli.fail_on) == (Path("/elsewhere"), "cli@example.org", "en", None)


def test_registry_values_reach_the_resolver_over_the_environment(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File values (and --cache-dir over them) are what the CLI hands the resolver factory."""
    seen: dict[str, Any] = {}

    def fake_make_resolver(offline: bool, refresh: bool, cache_dir: Path | None, **kwargs: Any) -> Any:
        seen.update(cache_dir=cache_dir, **kwargs)
        raise UsageError("stop here")

    monkeypatch.setattr(registry_cli, "make_resolver", fake_make_resolver)
    monkeypatch.setenv("BIBLIO_MAILTO", "env@example.org")
    write(
        project,
        'mailto = "file@example.org"\ncrossref-url = "http://127.0.0.1:9/"\ncache-dir = "c"\n',
        ".biblio.toml",
    )
    doc = str(write(project, FAULTY))
    assert run(["check", doc, "--offline"]) == 2
    assert seen == {
        "cache_dir": project / "c",
        "mailto": "file@example.org",
        "urls": {"crossref": "http://127.0.0.1:9"},
    }
    assert run(["check", doc, "--offline", "--cache-dir", "cli-cache"]) == 2
    assert seen["cache_dir"] == Path("cli-cache")


def test_make_resolver_applies_file_values_on_top_of_the_environment(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIBLIO_MAILTO", "env@example.org")
    monkeypatch.setenv("BIBLIO_HAL_URL", "http://127.0.0.1:8/")
    settings = merge(FileConfig(mailto="file@example.org", urls=(("crossref", "http://127.0.0.1:9"),)))
    with registry_cli.make_resolver(
        True, False, project / "cache", mailto=settings.mailto, urls=settings.url_map
    ) as resolver:
        assert resolver.settings.http.mailto == "file@example.org"
        assert resolver.settings.endpoints.crossref == "http://127.0.0.1:9"
        assert resolver.settings.endpoints.hal == "http://127.0.0.1:8"


def test_export_locale_comes_from_the_config(project: Path) -> None:
    source = str(write(project, APA_SOURCE))
    english = invoke("export", source, "--to", "apa", "--no-config")
    write(project, 'locale = "fr"\n', ".biblio.toml")
    french = invoke("export", source, "--to", "apa")
    assert english.exit_code == french.exit_code == 0
    assert "n.d." in english.output and "s. d." in french.output
    assert invoke("export", source, "--to", "apa", "--locale", "en").output == english.output


# validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "pyproject.toml",
            '[tool.biblio]\nselct = ["C"]\n',
            "pyproject.toml: unknown key 'selct' in [tool.biblio] (did you mean 'select'?)",
        ),
        (".biblio.toml", 'fail_on = "info"\n', ".biblio.toml: unknown key 'fail_on' (did you mean 'fail-on'?)"),
        (".biblio.toml", 'select = "C"\n', ".biblio.toml: 'select' must be a list of strings, got a string"),
        (".biblio.toml", 'ignore = ["nope"]\n', ".biblio.toml: 'ignore': unknown rule 'nope'"),
        (".biblio.toml", 'fail-on = "fatal"\n', "'fail-on' must be one of error, warning, info, never, got 'fatal'"),
        (".biblio.toml", "locale = 3\n", "'locale' must be a string, got an integer"),
        (".biblio.toml", 'locale = "de"\n', "'locale' must be one of en, fr, got 'de'"),
        (".biblio.toml", 'per-file-ignores = ["x"]\n', "'per-file-ignores' must be a table"),
        (".biblio.toml", '[per-file-ignores]\n"*.md" = ["nope"]\n', 'per-file-ignores."*.md"\': unknown rule'),
        (".biblio.toml", 'hal-url = "http://example.org"\n', ".biblio.toml: hal-url: 'http://example.org' must be"),
        (".biblio.toml", "select = [\n", ".biblio.toml: invalid TOML"),
    ],
)
def test_bad_config_is_one_line_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    write(project, text, name)
    doc = str(write(project, FAULTY))
    assert message in error_line(capsys, "check", doc)


def test_a_missing_explicit_config_and_contradictory_options(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = str(write(project, FAULTY))
    assert "nope.toml: no such config file" in error_line(capsys, "check", doc, "--config", "nope.toml")
    write(project, "", ".biblio.toml")
    assert "contradict" in error_line(capsys, "check", doc, "--config", ".biblio.toml", "--no-config")
    write(project, "[project]\n", "pyproject.toml")
    assert "no [tool.biblio] table" in error_line(capsys, "check", doc, "--config", "pyproject.toml")


# per-file-ignores -----------------------------------------------------------------------------


def test_per_file_ignores_match_paths_relative_to_the_config_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "drafts" / "old").mkdir(parents=True)
    write(project / "drafts" / "old", FAULTY, "a.md")
    write(project, FAULTY, "b.md")
    write(project, FAULTY, "c.fr.md")
    write(project, '[per-file-ignores]\n"drafts/**" = ["C102"]\n"*.fr.md" = ["C"]\n', ".biblio.toml")
    monkeypatch.chdir(project / "drafts")  # paths given relative to another directory still match
    data = json.loads(invoke("check", "..", "--format", "json").output)
    found = {Path(d["path"]).name: {f["rule"] for f in d["findings"]} for d in data["documents"]}
    assert found == {"a.md": {"et-al-usage"}, "b.md": {"year-mismatch", "et-al-usage"}, "c.fr.md": set()}
    assert {Path(d["path"]).name: d["suppressed"] for d in data["documents"]} == {"a.md": 1, "b.md": 0, "c.fr.md": 2}


def test_per_file_ignores_through_the_library(project: Path) -> None:
    doc = write(project, FAULTY, "paper.md")
    settings = merge(FileConfig(path=project / ".biblio.toml", per_file_ignores=(("paper.md", ("C105",)),)))
    [result] = check([doc], settings).documents
    assert [f.rule for f in result.findings] == ["year-mismatch"] and result.suppressed == 1


# colour and JSON location (check's output options) --------------------------------------------


def test_color_only_when_asked_or_on_a_terminal(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = str(write(project, FAULTY))
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" not in invoke("check", doc).output  # CliRunner is no terminal
    coloured = invoke("check", doc, "--color", "always").output
    assert "\x1b[1;31merror\x1b[0m" in coloured and "\x1b[33mwarning\x1b[0m" in coloured
    assert "\x1b[" not in invoke("check", doc, "--color", "never").output
    assert "\x1b[" not in invoke("check", doc, "--color", "always", "--format", "json").output


def test_auto_color_on_a_terminal_unless_no_color_or_output(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = str(write(project, FAULTY))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert run(["check", doc]) == 1
    assert "\x1b[1;31merror\x1b[0m" in capsys.readouterr().out
    out = project / "report.txt"
    assert run(["check", doc, "-o", str(out)]) == 1
    assert "\x1b[" not in out.read_text(encoding="utf-8")
    monkeypatch.setenv("NO_COLOR", "1")
    assert run(["check", doc]) == 1
    assert "\x1b[" not in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "")  # only a non-empty value counts
    assert run(["check", doc]) == 1
    assert "\x1b[" in capsys.readouterr().out


def test_render_text_color_parameter() -> None:
    report = Report((check_text(FAULTY),))
    plain, coloured = render_text(report), render_text(report, color=True)
    assert "\x1b[" not in plain and "\x1b[1;31merror\x1b[0m" in coloured
    assert coloured.replace("\x1b[1;31m", "").replace("\x1b[33m", "").replace("\x1b[0m", "") == plain


def test_json_findings_carry_the_source_location(project: Path) -> None:
    doc = Document("a.docx", ("x", "y"), locations=("paragraph 1", "footnote 3"))
    finding = Finding("missing-reference", Severity.ERROR, 2, "m")
    data = report_to_dict(Report((DocumentResult(doc, (), (), (), (finding,)),)))
    assert data["documents"][0]["findings"][0]["location"] == "footnote 3"
    text = json.loads(invoke("check", str(write(project, FAULTY)), "--format", "json").output)
    assert {f["location"] for f in text["documents"][0]["findings"]} == {None}


def test_json_schema_doc_names_the_new_fields() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "json-schema.md").read_text(encoding="utf-8")
    for field in ("location", "suppressed", "baselined"):
        assert f"`{field}`" in doc
