"""Names that swallowed the rest of the entry: a role after them, a number glued to them, a given name first."""

from __future__ import annotations

import pytest
from helpers import parse

from biblio_cli.model import Reference


def families(ref: Reference) -> list[str]:
    return [a.family for a in ref.authors]


@pytest.mark.parametrize(
    ("text", "names", "title"),
    [
        # a given name and a middle initial open the name, not a Vancouver 'Family I'
        (
            "Maria K. Ostrander, Paulo T. Venn, and J. Hector Walde. Adaptive damping of coupled rotors. "
            "Journal of Rotor Studies, 7:12-30, 2008.",
            ["Ostrander", "Venn", "Walde"],
            "Adaptive damping of coupled rotors",
        ),
        (
            "Nadia R. Felsen. Quiet Harbors: Essays on Coastal Towns. Portland: Tidewater Press, 2011.",
            ["Felsen"],
            "Quiet Harbors: Essays on Coastal Towns",
        ),
        (
            "Colin B. Ardley and Tessa M. Quill. Sparse sensing of river beds. In Proceedings of the Water "
            "Workshop, pages 10-18, 2015.",
            ["Ardley", "Quill"],
            "Sparse sensing of river beds",
        ),
        (
            "Oren P. Lask, W. J. Mabry, and Ines H. Caro, Learning short codes for long texts, Proceedings of the "
            "Data Conference, March 1999, pp. 5-9.",
            ["Lask", "Mabry", "Caro"],
            "Learning short codes for long texts",
        ),
        # a role closes the names before the title (Chicago, IEEE, French styles)
        (
            "Hale, Martin R., and Ines Corva, eds. Rivers of Memory: New Essays. Boston: Lantern Books, 2004.",
            ["Hale", "Corva"],
            "Rivers of Memory: New Essays",
        ),
        (
            "Ada Morrow, Bram Castel, and Lena Voss (Editors). Notes on the Kestrel Language, version 2. "
            "ACM Letters, 14(2), 1993.",
            ["Morrow", "Castel", "Voss"],
            "Notes on the Kestrel Language, version 2",
        ),
        # a citation number glued to the first name by a hyphen
        (
            "14-Dorsey K, Amati L, Brun P. Outcomes of early splinting in wrist fractures. J Hand Surg. "
            "2010; 35(4): 44-9.",
            ["Dorsey", "Amati", "Brun"],
            "Outcomes of early splinting in wrist fractures",
        ),
    ],
)
def test_names_end_before_the_title(text: str, names: list[str], title: str) -> None:
    ref = parse(text)
    assert families(ref) == names
    assert ref.title == title


def test_role_after_the_names_makes_editors_of_a_book() -> None:
    ref = parse("Hale, Martin R., and Ines Corva, eds. Rivers of Memory. Boston: Lantern Books, 2004.")
    assert [a.family for a in ref.editors] == ["Hale", "Corva"]
    assert ref.publisher == "Lantern Books"
    assert ref.type == "book"
    # 'ed. by' after the title names the title's editor: the author stays alone
    assert families(parse("P. Q. Lomax, The Keeper of Tales, ed. by Ann Lomax, Leeds 1988.")) == ["Lomax"]


def test_vancouver_families_with_mojibake() -> None:
    ref = parse("StrÃ¶m K, HÃ¤ll PE, Berg-Ohlin T. Renal clearance of a tracer. Scand J Lab 1981; 41:20-6.")
    assert families(ref) == ["StrÃ¶m", "HÃ¤ll", "Berg-Ohlin"]
    assert ref.container == "Scand J Lab"


@pytest.mark.parametrize(
    ("text", "names", "container"),
    [
        ("Marlow and Tesch, Annals of Enzymes, 12(3), 101-110, 1994", ["Marlow", "Tesch"], "Annals of Enzymes"),
        ("Quade and Ferrant, Trends in Cell., 9, 40-44, 1988", ["Quade", "Ferrant"], "Trends in Cell"),
    ],
)
def test_families_joined_by_and_before_a_journal(text: str, names: list[str], container: str) -> None:
    ref = parse(text)
    assert families(ref) == names
    assert ref.container == container
    assert not ref.title
