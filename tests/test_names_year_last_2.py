"""Where the names end when the year closes the entry or is missing (numbered, Chicago, IEEE, French styles)."""

from __future__ import annotations

import pytest

from biblio_cli.model import Reference
from biblio_cli.references import parse_entry
from biblio_cli.sections import RawEntry


def parse(text: str) -> Reference:
    return parse_entry(RawEntry(1, 1, text, text), "r1")


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
