"""Where the names end when the year closes the entry or is missing (numbered, Chicago, IEEE, French styles)."""

from __future__ import annotations

import pytest
from helpers import parse

from biblio_cli.model import Reference


def families(ref: Reference) -> list[str]:
    return [a.family for a in ref.authors]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # no year at all: the names are read from the whole entry, not from its first sentence
        (
            "D. M. Chiarulli, S. P. Levitan, R. G. Melhem, and C. Qiao. Locality based control algorithms for "
            "reconfigurable optical interconnection networks. Applied Optics.",
            ["Chiarulli", "Levitan", "Melhem", "Qiao"],
        ),
        ("Nickle, K.F., The Collection (London: SCM).", ["Nickle"]),
        (
            "Peter Turchin. War and Peace and War: The Life Cycles of Imperial Nations. (New York: Pi Press).",
            ["Turchin"],
        ),
        ('Brady, Rodney H. "Computers in Top-Level Decision Making." Harvard Business Review, XLV.', ["Brady"]),
    ],
)
def test_names_without_a_year(text: str, names: list[str]) -> None:
    assert families(parse(text)) == names


@pytest.mark.parametrize(
    ("text", "names", "title"),
    [
        # initials alone after names written given name first open the next name: its family follows them
        (
            "Trevor Hastie, Robert Tibshirani, and J. H. Friedman. The elements of statistical learning. "
            "Springer, 2009.",
            ["Hastie", "Tibshirani", "Friedman"],
            "The elements of statistical learning",
        ),
        # an inverted first name, then 'and' and a name with a middle initial
        (
            "Blish, James, and Norman L. Knight. A Torrent of Faces. Garden City, N.Y.: Doubleday, 1967.",
            ["Blish", "Knight"],
            "A Torrent of Faces",
        ),
        # the last name, after 'and', has no initial: no dangling 'and'
        (
            "F. Jahanian and Al Mok. Safety analysis of timing properties in real-time systems. "
            "IEEE Transactions on Software Engineering, 12(9), 1986.",
            ["Jahanian", "Mok"],
            "Safety analysis of timing properties in real-time systems",
        ),
        # one word in capitals: a collective or an organisation
        (
            "COLLECTIF. La bientraitance (dossier). L'Aide-soignante, octobre 2014, n°160. p. 9-21.",
            ["COLLECTIF"],
            "La bientraitance (dossier)",
        ),
        # family names with dotted initials after them, then a comma and the title
        (
            "ROSANVALLON P., La Démocratie inachevée. Histoire de la souveraineté du peuple en France, Paris, "
            "Gallimard, 2000",
            ["ROSANVALLON"],
            "La Démocratie inachevée",
        ),
        (
            "POUPEAU F.-M., SCHLOSSER F., La régulation de la filière bois énergie, Politiques et Sociétés, "
            "vol. 29, 2010.",
            ["POUPEAU", "SCHLOSSER"],
            "La régulation de la filière bois énergie",
        ),
    ],
)
def test_names_before_the_title(text: str, names: list[str], title: str) -> None:
    ref = parse(text)
    assert families(ref) == names
    assert ref.title.startswith(title)


@pytest.mark.parametrize("dash", ["______", "---", "—"])
def test_repeated_authors_dash_is_no_title(dash: str) -> None:
    ref = parse(f"{dash}. A Biblical Miscellany, trans. Trent Foley and Arthur G. Holder. Liverpool, 1999.")
    assert len(ref.authors) == 1
    assert "Biblical" not in ref.authors[0].family
    assert ref.title.startswith("A Biblical Miscellany")


def test_journal_after_names_joined_by_and_is_no_name() -> None:
    ref = parse("S. S. Gubser, I. R. Klebanov, and A. M. Polyakov, Phys. Lett. B, 428, 105-114 (1998).")
    assert families(ref) == ["Gubser", "Klebanov", "Polyakov"]


def test_decomposed_accents_are_read_as_letters() -> None:
    ref = parse("Ce\u0301line Durand and Jose\u0301 Marti\u0301nez. Les re\u0301seaux. Paris: Seuil, 2001.")
    assert families(ref) == ["Durand", "Martínez"]
    assert [a.given for a in ref.authors] == ["Céline", "José"]
