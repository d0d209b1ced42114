"""Property-based tests: the parsers never crash and never hang on arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from biblio_cli import check_text
from biblio_cli.citations import find_citations
from biblio_cli.normalize import is_valid_doi, normalize_doi
from biblio_cli.references import parse_entry
from biblio_cli.sections import RawEntry

# Text biased towards the characters that drive the parsers.
_ALPHABET = st.sampled_from(
    [*list("abcXYZéÉ ,.;:&()[]*«»\"'-–0123456789\n"), "et al.", "(2019)", "Paul", " et ", "https://doi.org/10.1/x"]
)
TEXTISH = st.lists(_ALPHABET, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTISH)
def test_parse_entry_never_crashes(text: str) -> None:
    ref = parse_entry(RawEntry(1, 1, text, text), "r1")
    assert ref.text == text


@settings(max_examples=300, deadline=None)
@given(TEXTISH)
def test_find_citations_never_crashes(text: str) -> None:
    for citation in find_citations(enumerate(text.splitlines(), 1)):
        assert citation.authors and citation.line >= 1


@settings(max_examples=100, deadline=None)
@given(TEXTISH, TEXTISH)
def test_whole_pipeline_never_crashes(body: str, entries: str) -> None:
    check_text(f"{body}\n\n## References\n\n{entries}\n")


@given(st.from_regex(r"10\.[0-9]{4,9}/[A-Za-z0-9._;()/:-]{0,20}[A-Za-z0-9]", fullmatch=True))
def test_doi_normalisation_is_idempotent_and_prefix_blind(doi: str) -> None:
    once = normalize_doi(doi)
    assert normalize_doi(once) == once
    assert normalize_doi(f"https://doi.org/{doi}.") == normalize_doi(f"doi:{doi}") == once
    assert is_valid_doi(once)
