"""The cheap tests added for speed give exactly the answers of the patterns and code they stand in front of.

Each guard is checked against the original, unguarded form (written out here) on texts built from the pieces
that matter to it: whitespace of every kind, case twins, DOI labels, initials and particles.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from biblio_cli import names
from biblio_cli.model import Person
from biblio_cli.normalize import fold_typography, normalize_doi
from biblio_cli.references import fields, identifiers

_SPACES = [" ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2009", "\u3000", "\u2028"]


def test_only_printable_whitespace_is_space() -> None:
    """The premise of the `isprintable` guards: re's \\s matches no printable character but ' '."""
    space = re.compile(r"\s")
    printable_spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable() and space.match(c)]
    assert printable_spaces == [" "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_SPACES, "a", "é", ",", ";", "<", ">", "x y"]), max_size=10).map("".join))
def test_multispace_guard(text: str) -> None:
    """lift_identifiers skips `_MULTISPACE.sub` on a printable text without a double space."""
    if "  " not in text and text.isprintable():
        assert identifiers._MULTISPACE.sub(" ", text) == text


_LABEL_PIECES = st.sampled_from(
    [
        "doi",
        "DOI",
        "dOı",
        "DOİ",
        ":",
        " ",
        "  ",
        "\t",
        "https://",
        "http://",
        "HTTPS://",
        "dx.",
        "doi.org/",
        "DOI.ORG/",
        "x",
        "h",
        "d",
        ".",
        "/",
        "é",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_LABEL_PIECES, max_size=10).map("".join), st.integers(min_value=0, max_value=70))
def test_doi_label_lookahead(before: str, back: int) -> None:
    """The `(?=[hd])` lookahead that opens _DOI_LABEL_BEFORE finds the same label as the pattern without it."""
    pattern = identifiers._DOI_LABEL_BEFORE.pattern
    assert pattern.startswith("(?=[hd])")
    unguarded = re.compile(pattern.removeprefix("(?=[hd])"), re.IGNORECASE)
    text = before + "10.1234/abc"
    end = len(before)
    start = max(0, end - back)
    old = unguarded.search(text, start, end)
    new = identifiers._DOI_LABEL_BEFORE.search(text, start, end)
    assert (old and old.span()) == (new and new.span())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "é", "İ", "ı", "ſ", "\u212a", "ğ", "K", "i"]), max_size=8).map("".join))
def test_fold_case_twin_test(text: str) -> None:
    """fold_case's substring tests find a case twin exactly when the old character-class search did."""
    old = re.compile("[İıſ\u212a]").search(text)
    expected = (text.translate(fields._ASCII_CASE_TWINS) if old else text).lower()
    assert fields.fold_case(text) == expected


_FINAL_PIECES = st.sampled_from(["A", "é", "Ab", ".", " ", "-", "\n", ",", "1", "_", "Smith", "J."])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_FINAL_PIECES, max_size=10).map("".join))
def test_final_initial_reach(text: str) -> None:
    """_ends_on_initial, searching the last characters only, agrees with the search over the whole text."""
    assert names._ends_on_initial(text) == bool(names._FINAL_INITIAL.search(text))


def _person_unguarded(family: str, given: str = "") -> Person:
    """names._person as it was before its one-word fast path."""
    family = family.strip(" ,.;:*")
    given = given.strip(" ,;:*")
    words = family.split()
    lead = 0
    while len(words) - lead > 1 and words[lead] in names.PARTICLES and words[lead].islower():
        lead += 1
    particle_words, words = words[:lead], words[lead:]
    if len(words) == 1 and words[0].lower().startswith(("d'", "d’")) and words[0][0] == "d" and len(words[0]) > 3:
        particle_words.append(words[0][:2])
        words[0] = words[0][2:]
    return Person(family=" ".join(words), given=given, particle=" ".join(particle_words))


_NAME_PIECES = st.sampled_from(["d", "D", "'", "’", "de", "van", "Smith", "é", " ", ".", ",", "*", "İ", "x"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=8).map("".join), st.sampled_from(["", "J.", " K. ", "*L*"]))
def test_person_fast_path(family: str, given: str) -> None:
    assert names._person(family, given) == _person_unguarded(family, given)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(["Smith", "van", "de", "der", "la", " ", "  ", "Centre", "of", "X"]), max_size=8).map(
        "".join
    )
)
def test_group_like_word_count(token: str) -> None:
    """_is_group_like's early answer for one- and two-word tokens is the one the particle count gave."""
    if names._GROUP_HINTS.search(token) or "(" in token:
        return
    words = [w for w in token.split() if w not in names.PARTICLES]
    expected = len(words) > 3 if len(words) != 3 else any(w[:1].islower() for w in words)
    assert names._is_group_like.__wrapped__(token) == expected


def _normalize_doi_unguarded_tail(doi: str) -> str:
    """The end of normalize_doi as it was: whitespace joined, then brackets counted before the loop."""
    doi = "".join(doi.split())
    excess = {closing: doi.count(closing) - doi.count(opening) for closing, opening in (")(", "][", "}{")}
    end = len(doi)
    while end:
        last = doi[end - 1]
        if last in ".,;:'\"*>":
            end -= 1
        elif excess.get(last, 0) > 0:
            excess[last] -= 1
            end -= 1
        else:
            break
    return doi[:end].lower()


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["10.1234/", "ab", "(", ")", "[", "]", "{", "}", ".", ",", "*", ">", *_SPACES]), max_size=10
    ).map("".join)
)
def test_normalize_doi_lazy_brackets(doi: str) -> None:
    """normalize_doi skips the join on text without whitespace and counts brackets only when one ends the DOI."""
    if "\\" in doi or not doi.strip().startswith("10."):
        return  # the escapes and prefixes come between the two steps: left to tests/test_normalize*.py
    assert normalize_doi(doi) == _normalize_doi_unguarded_tail(fold_typography(doi.strip()))
