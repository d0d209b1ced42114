"""Where a title ends when it swallowed what follows it: a Vancouver journal with no stop before it, a place
followed by the closing year, an imprint in parentheses whose name has no publisher's word."""

import pytest
from helpers import parse


@pytest.mark.parametrize(
    ("text", "title", "container", "volume", "pages"),
    [
        (
            "Lee K, Park J. Slow turnover of membrane lipids in resting neurons J Neurochem 54: 101-112, 1990.",
            "Slow turnover of membrane lipids in resting neurons",
            "J Neurochem",
            "54",
            "101-112",
        ),
        (
            "Moreau P, Diaz R. Seasonal changes of soil nitrogen under maize Plant Soil (2004) 12:45-51.",
            "Seasonal changes of soil nitrogen under maize",
            "Plant Soil",
            "12",
            "45-51",
        ),
        (
            "Ito, T., Sato, K. Sparse coding of natural images with learned filters 2001 Vision Res 41 233--247",
            "Sparse coding of natural images with learned filters",
            "Vision Res",
            "41",
            "233-247",
        ),
    ],
)
def test_vancouver_journal_without_a_stop_or_semicolon(
    text: str, title: str, container: str, volume: str, pages: str
) -> None:
    ref = parse(text)
    assert (ref.title, ref.container, ref.volume, ref.pages) == (title, container, volume, pages)


def test_a_title_case_title_is_not_cut_before_its_capitalised_words() -> None:
    # no lowercase word in the title: where the journal starts cannot be told
    ref = parse("Kim J, Ode P. Growth of the Human Brain Cortex Neurology 12: 33-45, 1999.")
    assert ref.title.startswith("Growth of the Human Brain")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("P. Marsh, Studies in the Epic Tradition, Göttingen 1971.", "Studies in the Epic Tradition"),
        ("R. Lane, Themes of Early Lyric Poetry, Cambridge Mass. 1983a.", "Themes of Early Lyric Poetry"),
        ("T. Holm, Song and Memory: Essays, New York and London 1988.", "Song and Memory: Essays"),
    ],
)
def test_a_place_before_the_closing_year_ends_the_title(text: str, title: str) -> None:
    assert parse(text).title == title


@pytest.mark.parametrize(
    "text",
    [
        "P. Marsh, Studies in the Epic Tradition, Volume Two 1971.",  # a part of the work, no place
        "P. Marsh, Essays, Wiesbaden Lectures, 1971. Reprinted.",  # the year does not close the entry
    ],
)
def test_no_place_is_cut_without_the_closing_year(text: str) -> None:
    assert "," in parse(text).title


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        (
            "A. Berg and C. Lund, Quantum Optics of Atoms (Springer, Dordrecht, 2006).",
            "Quantum Optics of Atoms",
            "Springer",
        ),
        ("D. Roy, Molecular Spectra( Dover,Mineola,NY,1998).", "Molecular Spectra", "Dover"),
        (
            "S. Holt, Foundations of Plasma Physics (North-Holland, 1972).",
            "Foundations of Plasma Physics",
            "North-Holland",
        ),
    ],
)
def test_a_dated_imprint_in_parentheses_without_a_publisher_word(text: str, title: str, publisher: str) -> None:
    ref = parse(text)
    assert (ref.title, ref.publisher) == (title, publisher)


def test_an_undated_parenthesis_stays_in_the_title() -> None:
    assert parse("S. Holt, 1972, Foundations of Plasma Physics (North-Holland).").title == (
        "Foundations of Plasma Physics (North-Holland)"
    )


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        (
            "R. Dale, Parallel Program Design: A Primer, Addison-Wesley, Reading, MA, 1990.",
            "Parallel Program Design: A Primer",
            "Addison-Wesley",
        ),
        ("Martin Alain, Les villes et la table, Ellipses, Paris, 2005", "Les villes et la table", "Ellipses"),
        (
            "Anne Powell, Front Cover: Great posters of the age, Mitchell Beazley, 2001.",
            "Front Cover: Great posters of the age",
            "",
        ),
    ],
)
def test_a_publisher_without_a_publisher_word_after_the_title(text: str, title: str, publisher: str) -> None:
    ref = parse(text)
    assert ref.title == title
    if publisher:
        assert ref.publisher == publisher


def test_a_named_publisher_keeps_its_places() -> None:
    ref = parse("P. Dean, Attribute Grammars, Lecture Notes, Vol. 3, Springer-Verlag, New York, NY (1988).")
    assert ref.publisher == "Springer-Verlag"


def test_a_title_part_after_and_is_no_publisher() -> None:
    text = "D. Rowe, Memory in Song: The Psychology of Epic, Ballads, and Counting-Out Rhymes, New York 1995."
    assert parse(text).title == "Memory in Song: The Psychology of Epic, Ballads, and Counting-Out Rhymes"


def test_an_abbreviated_journal_after_the_titles_comma_gets_its_first_word_back() -> None:
    ref = parse("A. Moss, Scaling of Entropy at the Critical Point, Phys. Rev. Lett. 110 (2013) 020401, [1206.0123].")
    assert (ref.title, ref.container, ref.volume, ref.pages) == (
        "Scaling of Entropy at the Critical Point",
        "Phys. Rev. Lett",
        "110",
        "020401",
    )


def test_a_short_word_before_a_stop_without_numbers_stays_in_the_title() -> None:
    assert parse("A. Moss, 2001, Peace and War, Ideas. Ed. Smith.").title.startswith("Peace and War, Ideas")
