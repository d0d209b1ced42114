"""Round trips: export records to BibTeX, CSL-JSON and RIS, read them back with biblio's own readers.

The records read back carry the same fields (authors, year, title, container, volume, issue,
pages, DOI, type) as the records exported, for any record built from realistic pieces.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biblio_cli.export.core import export_references, load_text
from biblio_cli.model import Person, Reference

FAST = settings(max_examples=80, deadline=timedelta(seconds=3), suppress_health_check=[HealthCheck.too_slow])

_FAMILY = st.sampled_from(["Paul", "Chêne", "Ducharme", "Saba Ayon", "Müller", "O'Neil", "Łukasiewicz", "Smith-Jones"])
_GIVEN = st.sampled_from(["M.", "M.-N.", "Anne", "Jean-Pierre", "É.", "A. B."])
_WORD = st.sampled_from(
    [
        "Le",
        "numérique",
        "travail",
        "social",
        "des",
        "familles",
        "Internet",
        "&",
        "l'usage",
        "1",
        "œuvres",
        "Über",
        "été",
    ]
)
_PHRASE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_NUMBER = st.integers(1, 999).map(str)


@st.composite
def references(draw: st.DrawFn) -> Reference:
    kind = draw(st.sampled_from(["article-journal", "book", "chapter", "report"]))
    authors = tuple(Person(draw(_FAMILY), draw(_GIVEN)) for _ in range(draw(st.integers(1, 3))))
    first = draw(st.integers(1, 400))
    pages = draw(st.sampled_from(["", f"{first}", f"{first}-{first + draw(st.integers(1, 50))}"]))
    doi = draw(st.one_of(st.just(""), st.from_regex(r"10\.[0-9]{4,6}/[a-z0-9.]{1,12}[a-z0-9]", fullmatch=True)))
    return Reference(
        id="r1",
        line=1,
        text="",
        authors=authors,
        year=draw(st.integers(1800, 2030)),
        title=draw(_PHRASE),
        container=draw(_PHRASE) if kind in ("article-journal", "chapter") else "",
        volume=draw(_NUMBER) if kind == "article-journal" else "",
        issue=draw(st.one_of(st.just(""), _NUMBER)) if kind == "article-journal" else "",
        pages=pages if kind in ("article-journal", "chapter") else "",
        publisher=draw(_PHRASE) if kind in ("book", "report") else "",
        doi=doi,
        type=kind,
    )


def _fields(ref: Reference) -> dict[str, object]:
    return {
        "authors": [(p.family, p.given) for p in ref.authors],
        "year": ref.year,
        "title": ref.title,
        "container": ref.container,
        "volume": ref.volume,
        "issue": ref.issue,
        "pages": ref.pages,
        "doi": ref.doi.lower(),
        "type": ref.type,
    }


@pytest.mark.parametrize(("fmt", "kind"), [("bibtex", "bibtex"), ("csl-json", "csl-json"), ("ris", "ris")])
@FAST
@given(refs=st.lists(references(), min_size=1, max_size=4))
def test_export_then_read_back_gives_the_same_records(fmt: str, kind: str, refs: list[Reference]) -> None:
    exported = export_references(refs, fmt).text
    loaded = load_text(exported, kind, f"<{fmt}>")
    assert [_fields(r) for r in loaded.references] == [_fields(r) for r in refs]


@pytest.mark.parametrize(("fmt", "kind"), [("bibtex", "bibtex"), ("csl-json", "csl-json"), ("ris", "ris")])
@FAST
@given(refs=st.lists(references(), min_size=1, max_size=4))
def test_a_second_round_trip_changes_nothing(fmt: str, kind: str, refs: list[Reference]) -> None:
    first = export_references(refs, fmt).text
    second = export_references(load_text(first, kind).references, fmt).text
    assert second == first
