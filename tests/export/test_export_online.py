"""`biblio export --online`: registry records fill and correct fields, conservatively, and every
change is reported on stderr. Against the fake registry on loopback, through CliRunner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from registry.conftest import FAST_HTTP
from registry.fake_registry import ENV_NAMES, SERVICES, FakeRegistry, running
from registry.scenario import populate

from biblio_cli.cli import main
from biblio_cli.registry.http import HttpSettings

DOCUMENT = """# Texte

Voir Paul (2019), Hargittai (2002), Costa (2019), Moreau (2020), Dupont (2015) et Rossi (2017).

## Références

Paul, M. (2019). LES USAGES DU NUMÉRIQUE EN FAMILLE. *Réseaux*. https://doi.org/10.1111/good.1
Hargittai, E. (2002). Second-level digital divide: Differences in people's online skills. *First Monday*, 7(4).
Costa, C. W. (2019). Potential for aquifer contamination in the recharge area. *Groundwater for Sustainable Development*, 3(8), 10-23. https://doi.org/10.1111/mismatch.1
Moreau, S. (2020). Un article corrigé sur les écrans. *Enfances*, 5(2), 33-50. https://doi.org/10.1111/corrected.1
Dupont, J. (2014). Données de terrain sur les tiers-lieux. Zenodo. https://doi.org/10.5281/zenodo.123
Rossi, A. (2017). Un articolo registrato da mEDRA. *Riv. di studi*, 12(2), 5-20. https://doi.org/10.1392/medra.1
"""


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeRegistry]:
    with running(populate(FakeRegistry())) as registry:
        for service, name in ENV_NAMES.items():
            monkeypatch.setenv(name, registry.urls[service])
        monkeypatch.setenv("BIBLIO_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setattr(HttpSettings, "from_env", classmethod(lambda cls, **overrides: FAST_HTTP))
        yield registry


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "paper.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def export(paper: Path, *args: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    result = CliRunner().invoke(main, ["export", str(paper), "--to", "csl-json", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    items = {item["author"][0]["family"]: item for item in json.loads(result.stdout)}
    return items, result.stderr.splitlines()


def test_registry_records_fill_and_correct_fields(fake: FakeRegistry, paper: Path) -> None:
    before = paper.read_bytes()
    items, stderr = export(paper, "--online")
    assert paper.read_bytes() == before
    changes = [line for line in stderr if not line.startswith("biblio: warning")]
    assert changes == [
        "r1 Paul 2019: volume '' -> '37' (Crossref)",
        "r1 Paul 2019: issue '' -> '3' (Crossref)",
        "r1 Paul 2019: pages '' -> '11-40' (Crossref)",
        "r1 Paul 2019: title 'LES USAGES DU NUMÉRIQUE EN FAMILLE' -> 'Les usages du numérique en famille' (Crossref)",
        "r2 Hargittai 2002: doi '' -> '10.1111/search.1' (Crossref)",
        "r4 Moreau 2020: volume '5' -> '4' (Crossref)",
        "r5 Dupont 2014: year '2014' -> '2015' (DataCite)",
    ]
    paul = items["Paul"]
    assert (paul["volume"], paul["issue"], paul["page"]) == ("37", "3", "11-40")
    assert paul["title"] == "Les usages du numérique en famille"
    assert paul["issued"]["date-parts"] == [[2019]]  # 2019 is the print year: accepted, kept
    assert items["Hargittai"]["DOI"] == "10.1111/search.1"
    assert items["Moreau"]["volume"] == "4"
    assert items["Dupont"]["issued"]["date-parts"] == [[2015]]
    # Costa's DOI points at a work with another title: nothing is copied from it.
    assert (items["Costa"]["volume"], items["Costa"]["issue"]) == ("3", "8")
    # Rossi's container is an abbreviation of the registered one: kept as written.
    assert items["Rossi"]["container-title"] == "Riv. di studi"


def test_without_online_nothing_changes_and_nothing_is_asked(fake: FakeRegistry, paper: Path) -> None:
    items, stderr = export(paper)
    assert fake.log == [] and stderr == []
    assert "volume" not in items["Paul"]


def test_offline_uses_the_cache_only(fake: FakeRegistry, paper: Path) -> None:
    online, _ = export(paper, "--online")
    sent = len(fake.log)
    offline, stderr = export(paper, "--offline")
    assert len(fake.log) == sent
    assert offline == online and any("volume '' -> '37'" in line for line in stderr)


def test_an_outage_leaves_entries_as_written(fake: FakeRegistry, paper: Path) -> None:
    plain, _ = export(paper)
    for service in SERVICES:
        fake.fail(service, "503", times=0)
    items, stderr = export(paper, "--online")
    assert items == plain
    assert stderr and all(line.startswith("biblio: warning: registry unavailable") for line in stderr)


def test_conflicting_options(fake: FakeRegistry, paper: Path) -> None:
    for args in (["--online", "--offline"], ["--refresh"]):
        result = CliRunner().invoke(main, ["export", str(paper), "--to", "bibtex", *args])
        assert result.exit_code != 0
    assert fake.log == []
