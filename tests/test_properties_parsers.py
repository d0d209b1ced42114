"""Property-based tests of the text parsers: entries, citations, names, DOIs, years, sections.

Arbitrary text (biased towards the characters the parsers react to) never makes a parser
raise, never makes it hang (each example has a deadline), and what it returns keeps its
invariants. Examples are few enough that the file runs in seconds.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from biblio_cli.citations import find_citations
from biblio_cli.names import parse_authors
from biblio_cli.normalize import is_valid_doi, normalize_doi
from biblio_cli.references import parse_entry
from biblio_cli.sections import RawEntry, find_reference_section, split_entries

# Fragments that drive the parsers: names, initials, particles, years, labels, separators, DOIs.
_FRAGMENTS = st.sampled_from(
    [
        *list("abcXYZéÉœ ,.;:&()[]{}*«»\"'-–—/0123456789\n\t"),
        "Paul",
        "de ",
        "Le Chêne",
        "M.-N.",
        "J. ",
        "et al.",
        "& al.",
        " et ",
        " & ",
        " and ",
        "(2019)",
        "2019a",
        "(n.d.)",
        "(s. d.)",
        "sous presse",
        "p. 46",
        " : 46",
        "(dir.)",
        "(Eds.)",
        "https://doi.org/10.1234/x",
        "doi:10.5555/ABC",
        "## References",
        "# Bibliographie",
        "- ",
        "[^1]",
    ]
)
TEXT = st.lists(_FRAGMENTS, max_size=60).map("".join)
ANY_TEXT = st.text(max_size=200)
FAST = settings(max_examples=150, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(TEXT, ANY_TEXT))
def test_parse_entry_keeps_its_text_and_a_plausible_year(text: str) -> None:
    ref = parse_entry(RawEntry(3, 3, text, text), "r1")
    assert ref.text == text
    assert ref.line == 3
    assert ref.year is None or 1000 <= ref.year <= 2999
    if ref.year is not None:
        assert str(ref.year) in text
    for person in ref.authors:
        assert isinstance(person.family, str)


@FAST
@given(st.lists(st.one_of(TEXT, ANY_TEXT), max_size=6))
def test_find_citations_reports_lines_that_exist_and_years_that_are_written(lines: list[str]) -> None:
    numbered = list(enumerate(lines, 1))
    text_of = dict(numbered)
    for citation in find_citations(numbered):
        assert citation.line in text_of
        assert citation.authors
        if citation.year is not None:
            assert str(citation.year) in "".join(lines)


@FAST
@given(st.one_of(TEXT, ANY_TEXT))
def test_parse_authors_returns_people_and_problems(block: str) -> None:
    people, et_al, problems = parse_authors(block)
    assert isinstance(et_al, bool)
    assert all(isinstance(p, str) and p for p in problems)
    for person in people:
        assert person.family or person.given or person.is_group


_DOI = st.from_regex(r"10\.[0-9]{4,9}/[A-Za-z0-9._;()/:<>-]{0,30}[A-Za-z0-9]", fullmatch=True)
_DOI_DRESSING = st.sampled_from(["", "https://doi.org/", "http://dx.doi.org/", "doi:", "DOI: ", "doi.org/"])
_DOI_TAIL = st.sampled_from(["", ".", ",", ";", ")", "].", " "])


@settings(max_examples=200, deadline=timedelta(seconds=1))
@given(st.builds(lambda a, b, c: a + b + c, _DOI_DRESSING, _DOI, _DOI_TAIL))
def test_normalize_doi_is_idempotent(raw: str) -> None:
    once = normalize_doi(raw)
    assert normalize_doi(once) == once
    assert once == once.lower()
    assert once == once.strip()


@settings(max_examples=200, deadline=timedelta(seconds=1))
@given(_DOI_DRESSING, _DOI, _DOI_TAIL)
def test_a_dressed_doi_normalises_to_a_valid_doi_whatever_its_dressing(prefix: str, doi: str, tail: str) -> None:
    # "10.1/(0" + ")" reads as the balanced "10.1/(0)": a tail can only be told apart from a
    # DOI whose own brackets balance.
    assume(doi.count("(") == doi.count(")"))
    once = normalize_doi(prefix + doi + tail)
    assert is_valid_doi(once)
    assert once == normalize_doi(doi)


@settings(max_examples=200, deadline=timedelta(seconds=1))
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=40), TEXT, _DOI))
def test_is_valid_doi_agrees_with_its_definition(doi: str) -> None:
    registrant, slash, suffix = doi.partition("/")
    expected = (
        bool(slash)
        and registrant.startswith("10.")
        and registrant[3:].isascii()
        and registrant[3:].isdigit()
        and 4 <= len(registrant) - 3 <= 9
        and bool(suffix)
        and not any(c.isspace() for c in suffix)
    )
    assert is_valid_doi(doi) == expected


@FAST
@given(st.integers(1500, 2099), st.sampled_from(["", "a", "b", "c"]), TEXT)
def test_a_parenthesised_year_after_the_authors_is_read(year: int, suffix: str, title: str) -> None:
    text = f"Paul, M. ({year}{suffix}). {title.replace('(', ' ').replace(')', ' ')}"
    ref = parse_entry(RawEntry(1, 1, text, text), "r1")
    assert ref.year == year
    assert ref.year_suffix == suffix


@FAST
@given(st.integers(1500, 2099), st.sampled_from(["Paul", "Le Chêne", "Bouchard & Ducharme", "Paul et al."]))
def test_a_cited_year_is_found_with_its_author(year: int, who: str) -> None:
    line = f"Comme le montre ce travail ({who}, {year})."
    citations = find_citations([(1, line)])
    assert [c.year for c in citations] == [year]


@FAST
@given(st.lists(st.one_of(TEXT, ANY_TEXT), max_size=12))
def test_reference_sections_lie_inside_the_document_and_entries_inside_the_section(body: list[str]) -> None:
    lines = tuple(line for chunk in body for line in chunk.split("\n"))
    section = find_reference_section(lines)
    if section is None:
        return
    assert 1 <= section.heading.line < section.start <= section.end + 1
    assert section.end <= len(lines)
    for entry in split_entries(lines, section):
        assert section.start <= entry.line <= entry.end_line <= section.end


def test_a_registrant_with_non_ascii_digits_is_not_a_valid_doi() -> None:
    assert not is_valid_doi("10.000\u0660/0")  # ARABIC-INDIC DIGIT ZERO


@pytest.mark.parametrize("raw", ["*]", "x).", "10.1234/a(b)).", "10.1234/x]*]", ")))"])
def test_normalize_doi_is_idempotent_on_any_text(raw: str) -> None:
    once = normalize_doi(raw)
    assert normalize_doi(once) == once


@settings(max_examples=300, deadline=timedelta(seconds=1))
@given(st.text(alphabet=st.sampled_from(list("10./ab()[]{}*>.,;:'\"\\_ \u2013")), max_size=40))
def test_normalize_doi_is_idempotent_on_arbitrary_text(raw: str) -> None:
    once = normalize_doi(raw)
    assert normalize_doi(once) == once
