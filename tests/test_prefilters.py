"""The cheap substring tests that guard the parser's costly patterns never skip a match.

The parser runs a pattern only when a word it needs is in the case-folded text (biblio_cli/references/fields.py
`may_hold`), an 'et al.' search only when the block ends like one (names.py `strip_et_al`), and
joins on whitespace with str.split (normalize.py `normalize_doi`). Each guard must give exactly
the answer of the pattern it stands in front of, including on accented and Turkish text.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from biblio_cli import names, references
from biblio_cli.references import chapters, fields, identifiers
from biblio_cli.sections import RawEntry

_PIECES = st.sampled_from(
    [
        *list("aeiklnrstdpmhx .,;:()[]-'"),
        "İ",
        "ı",
        "ſ",
        "\u212a",
        "é",
        "É",
        "Récupéré de",
        "RETRIEVED FROM",
        "Consulté le 3 mai",
        "disponıble sur",
        "[En ligne]",
        "Avaılable at",
        "accessed 2 May",
        "PMİD: 123",
        "PMCID:PMC99",
        "ıssn 1234-5678",
        "NIHMSID 12",
        "(éd.), ",
        "(ED), ",
        ", editors, ",
        "(Hrsg.): ",
        "(dıs.), ",
        "arXıv:1234.56789",
        "Smith, J., et al.",
        " & AL.",
        " et coll",
        " u. a.",
        "...",
        "…",
        "  ",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=12).map("".join)

_GUARDED = [
    (identifiers._RETRIEVAL, identifiers._RETRIEVAL_WORDS),
    (identifiers._INDEX_NUMBERS, identifiers._INDEX_WORDS),
    (chapters._EDITORS_BEFORE, chapters._EDITOR_WORDS),
    (identifiers._ARXIV, ("arxiv:",)),
    (identifiers._URL, ("http", "www.")),
    (identifiers._DOI_MARKER_WITHOUT_DOI, ("doi",)),
]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_a_pattern_that_matches_always_passes_its_guard(text: str) -> None:
    folded = fields.fold_case(text)
    for pattern, words in _GUARDED:
        if pattern.search(text):
            assert fields.may_hold(folded, *words), (pattern.pattern[:40], text)


def test_the_case_twins_are_every_non_ascii_character_ignorecase_matches_with_ascii() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    twins = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert twins == {chr(c) for c in fields._ASCII_CASE_TWINS}


def test_guards_still_let_the_identifiers_out_of_accented_entries() -> None:
    entry = "Durand, É. (2020). Étude. Récupéré de https://exemple.fr/étude PMİD: 31415926"
    ref = references.parse_entry(RawEntry(line=1, end_line=1, text=entry, original=entry), "r1")
    assert ref.url == "https://exemple.fr/étude"
    assert "Récupéré" not in ref.title and "PM" not in ref.title
    assert ref.title == "Étude"


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_strip_et_al_answers_as_the_pattern_does(block: str) -> None:
    expected = (names._ETAL.sub("", block), bool(names._ETAL.search(block)))
    assert names.strip_et_al(block) == expected


def test_str_split_and_re_agree_on_whitespace() -> None:
    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (char.split() == []) == bool(space.fullmatch(char)), hex(code)
