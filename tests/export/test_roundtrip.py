"""Round trips and determinism: BibTeX read back by bibtexparser, RIS and CSL-JSON through our readers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest

from biblio_cli.export import export_references
from biblio_cli.export.biblatex import biblatex_fields
from biblio_cli.export.bibtex import bibtex_fields
from biblio_cli.export.core import FORMATS, LOCALES, STYLE_FORMATS, load_text
from biblio_cli.export.fields import derive, incomplete
from biblio_cli.export.keys import assign_keys
from biblio_cli.model import Person, Reference
from export.cases import CASES
from export.conftest import DATA, references

ROOT = Path(__file__).resolve().parents[2]

FIELD_BUILDERS = {"bibtex": bibtex_fields, "biblatex": biblatex_fields}


@pytest.mark.parametrize("fmt", sorted(FIELD_BUILDERS))
def test_bibtexparser_reads_back_every_entry_and_field(source: str, fmt: str) -> None:
    refs = references(source)
    language = "fr" if source == "cases" else "und"
    text = export_references(refs, fmt, language=language).text
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    keys = assign_keys(refs)
    assert [e.key for e in library.entries] == keys
    for ref, key, entry in zip(refs, keys, library.entries, strict=True):
        entry_type, fields = FIELD_BUILDERS[fmt](ref, derive(ref, language))
        assert entry.key == key
        assert entry.entry_type == entry_type
        # RemoveEnclosingMiddleware (in the default parse stack) strips the outer braces only.
        assert [(f.key, f.value) for f in entry.fields] == fields, key


def test_bibtex_output_is_seven_bit(source: str) -> None:
    text = export_references(references(source), "bibtex").text
    assert text.isascii()


def test_bibtex_names_split_as_written(source: str) -> None:
    """bibtexparser's name splitter finds the same number of authors we wrote."""
    from bibtexparser.middlewares import SeparateCoAuthors

    refs = references(source)
    library = bibtexparser.parse_string(export_references(refs, "bibtex").text, append_middleware=[SeparateCoAuthors()])
    for ref, entry in zip(refs, library.entries, strict=True):
        if "author" in entry.fields_dict:
            authors = derive(ref).authors
            assert len(entry.fields_dict["author"].value) == len(authors), entry.key


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_input_twice_is_byte_identical(source: str, fmt: str) -> None:
    refs = references(source)
    first = export_references(refs, fmt, language="fr").text
    second = export_references(tuple(refs), fmt, language="fr").text
    assert first.encode("utf-8") == second.encode("utf-8")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("style_format", STYLE_FORMATS)
def test_apa_is_deterministic(source: str, locale: str, style_format: str) -> None:
    refs = references(source)
    runs = {export_references(refs, "apa", locale=locale, style_format=style_format).text for _ in range(3)}
    assert len(runs) == 1


@pytest.mark.parametrize("fmt", ["bibtex", "csl-json"])
def test_deterministic_across_processes(fmt: str) -> None:
    """Separate interpreters with different hash seeds print the same bytes (no set/dict-order leaks)."""
    outputs = set()
    for seed in ("0", "12345"):
        proc = subprocess.run(
            [sys.executable, "-m", "biblio_cli", "export", str(DATA / "seed000.md"), "--to", fmt],
            capture_output=True,
            check=True,
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        )
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def _twin(n: int, **changes: object) -> Reference:
    ref = Reference(
        f"t{n}",
        n,
        f"Martin, A. (2020). Le travail social numérique. Dunod. ({n})",
        authors=(Person("Martin", "A."),),
        year=2020,
        type="book",
        title="Le travail social numérique",
        publisher="Dunod",
    )
    return ref if not changes else Reference(**{**{f: getattr(ref, f) for f in ref.__dataclass_fields__}, **changes})  # type: ignore[arg-type]


def test_key_clashes_get_letter_suffixes() -> None:
    refs = [_twin(1), _twin(2), _twin(3)]
    assert assign_keys(refs) == [
        "martinTravailSocialNumerique2020",
        "martinTravailSocialNumerique2020a",
        "martinTravailSocialNumerique2020b",
    ]
    bib = export_references(refs, "bibtex").text
    parsed = [e.key for e in bibtexparser.parse_string(bib).entries]
    assert parsed == assign_keys(refs)
    assert len(set(parsed)) == 3


def test_suffixed_key_does_not_collide_with_a_natural_key() -> None:
    """A base key that already ends in 'a' must not be handed out twice."""
    refs = [_twin(1), _twin(2), _twin(3, title="Le travail social numérique"), _twin(4)]
    keys = assign_keys(refs)
    assert len(set(keys)) == len(keys)


def test_keys_are_stable_whatever_else_is_in_the_list() -> None:
    """A reference's key depends only on the references before it that share its base key."""
    alone = assign_keys([_twin(1)])
    with_others = assign_keys([CASES[0], _twin(1), CASES[1]])
    assert with_others[1] == alone[0]


def _summary(refs: tuple[Reference, ...]) -> list[tuple[str, list[tuple[str, str]], int | None]]:
    return [(r.title, [(p.family, p.given) for p in r.authors], r.year) for r in refs]


@pytest.mark.parametrize(("fmt", "kind"), [("ris", "ris"), ("csl-json", "csl-json")])
def test_reader_round_trip_keeps_titles_authors_years(source: str, fmt: str, kind: str) -> None:
    refs = references(source)
    first = export_references(refs, fmt).text
    loaded = load_text(first, kind, f"<{fmt}>")
    assert len(loaded.references) == len(refs)
    second = export_references(loaded.references, fmt).text
    again = load_text(second, kind, f"<{fmt}>")
    assert _summary(again.references) == _summary(loaded.references)
    for ref, back in zip(refs, loaded.references, strict=True):
        assert back.title == ref.title
        assert back.year == ref.year
        assert [(p.family, p.given) for p in back.authors] == [(p.family, p.given) for p in derive(ref).authors], (
            ref.title
        )


@pytest.mark.parametrize(("fmt", "kind"), [("ris", "ris"), ("csl-json", "csl-json")])
def test_reader_round_trip_is_a_fixed_point(source: str, fmt: str, kind: str) -> None:
    """Export, read, export again: the second export equals the first (entries that parsed)."""
    refs = tuple(r for r in references(source) if not incomplete(r))
    first = export_references(refs, fmt).text
    second = export_references(load_text(first, kind).references, fmt).text
    assert second == first


@pytest.mark.parametrize(("fmt", "kind"), [("bibtex", "bibtex"), ("ris", "ris"), ("csl-json", "csl-json")])
def test_undated_record_is_not_reported_as_unparsed(fmt: str, kind: str) -> None:
    """Regression: an n.d. entry read back from .bib/RIS/CSL-JSON got a 'not fully parsed' note and warning."""
    undated = tuple(r for r in CASES if r.year_label == "n.d.")
    assert undated
    loaded = load_text(export_references(undated, fmt).text, kind)
    again = export_references(loaded.references, fmt)
    assert again.warnings == ()
    assert "not fully parsed" not in again.text
    assert [r.year_label for r in loaded.references] == ["n.d."] * len(undated)
