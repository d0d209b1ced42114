"""Golden outputs for every format, entry type and locale, on hand-built cases and the two seeds."""

from __future__ import annotations

import pytest

from biblio_cli.export import export_references
from export.conftest import check_golden, load_source

SUFFIX = {"bibtex": "bib", "biblatex": "biblatex.bib", "csl-json": "csl.json", "ris": "ris"}


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_data_formats(source: str, fmt: str) -> None:
    loaded = load_source(source)
    result = export_references(loaded.references, fmt, language=loaded.language)
    check_golden(f"{source}.{SUFFIX[fmt]}", result.text)


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize(("style_format", "ext"), [("text", "txt"), ("markdown", "md"), ("html", "html")])
def test_apa(source: str, locale: str, style_format: str, ext: str) -> None:
    loaded = load_source(source)
    result = export_references(loaded.references, "apa", locale=locale, style_format=style_format)
    check_golden(f"{source}.apa-{locale}.{ext}", result.text)


def test_seed000_has_all_29_entries() -> None:
    loaded = load_source("seed000")
    bib = export_references(loaded.references, "bibtex").text
    assert bib.count("\n@") + bib.startswith("@") == 29
    assert "@incollection{paulAccompagnement2019," in bib
    assert "@phdthesis{plantardAnthropologieUsagesNumerique2014," in bib
    assert "@article{jaegerContoursIncertainsTravail2020," in bib


def test_unparsed_entry_is_exported_with_note_and_warned() -> None:
    loaded = load_source("cases")
    result = export_references(loaded.references, "bibtex")
    assert "note = {biblio: entry not fully parsed; source text: Quelque chose d'illisible" in result.text
    assert len(result.warnings) == 1 and "line 18" in result.warnings[0]
