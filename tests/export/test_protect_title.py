"""protect_title: capitals after the first word are braced, so BibTeX styles that lowercase titles keep them."""

from __future__ import annotations

import pytest

from biblio_cli.export.bibtex import protect_title


@pytest.mark.parametrize(
    ("title", "encoded", "utf8"),
    [
        # sentence case: nothing to brace, specials and accents still encoded
        ("Étude & analyse des données", "{\\'E}tude \\& analyse des donn{\\'e}es", "Étude \\& analyse des données"),
        ("Single", "Single", "Single"),
        ("", "", ""),
        # a capital after the first word: that word alone is braced
        ("Climate in the Alps", "Climate in the {Alps}", "Climate in the {Alps}"),
        ("Les Écrins et le GR20", "Les {{\\'E}crins} et le {GR20}", "Les {Écrins} et le {GR20}"),
        ("two  spaces Here", "two  spaces {Here}", "two  spaces {Here}"),
    ],
)
def test_protect_title(title: str, encoded: str, utf8: str) -> None:
    assert protect_title(title) == encoded
    assert protect_title(title, encode=False) == utf8
