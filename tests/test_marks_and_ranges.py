"""Entries flagged by a CV's marks, issues dated by a range of months, pages with two-letter prefixes."""

from __future__ import annotations

import pytest
from helpers import parse


@pytest.mark.parametrize("marks", ["*†", "†", "* ‡"])
def test_marks_flagging_an_entry_are_no_part_of_its_tail(marks: str) -> None:
    ref = parse(
        f"Moreau, C., Lind, B. and E. Varga. Chewing and speaking: Listener response to a perturbation of speech."
        f" Nordic Acoustics. 41(2). 101-109. 2012. {marks}"
    )
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Nordic Acoustics", "41", "2", "101-109")


def test_a_star_closing_an_italic_title_is_kept_as_italics() -> None:
    ref = parse("Moreau, C. (2012). *Chewing and Speaking*")
    assert ref.title == "Chewing and Speaking"


def test_a_titleless_entry_dated_by_a_range_of_months() -> None:
    ref = parse("Varga E. et al., Plant Cell Rep, 9(4): 211-19, Sept-Oct 1994")
    assert [a.family for a in ref.authors] == ["Varga"]
    assert (ref.container, ref.volume, ref.issue, ref.pages, ref.year) == ("Plant Cell Rep", "9", "4", "211-19", 1994)


def test_pages_with_a_two_letter_prefix_at_both_ends() -> None:
    ref = parse("Lind, B. Rest positions in speech. Journal of Phonetic Science 131(4), EL301-EL307. 2011.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (
        "Journal of Phonetic Science",
        "131",
        "4",
        "EL301-EL307",
    )
