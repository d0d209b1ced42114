"""Publishers of books, reports and theses: imprints closing a title, in parentheses or after its places."""

import pytest
from helpers import parse


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("B. Tarn, Waves in Shallow Channels (Hallam & Sons 1987)", "Hallam & Sons"),
        ("C. Orme, Lattice Models of Magnetism, 2nd edn. (Kestrel, 2004).", "Kestrel"),
        ("D. Vale. Rivers of the North. (Leeds: Harbour Press, 2011).", "Harbour Press"),
    ],
)
def test_the_year_leaves_an_imprint_in_parentheses(text: str, publisher: str) -> None:
    # '(Wiley & Sons 1994)': the imprint's year is no part of the publisher's name
    assert parse(text).publisher == publisher


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        ("R. Fenn, Finite Group Actions, Kestrel, 1993.", "Finite Group Actions", "Kestrel"),
        (
            "P. Lod and Q. Marr, Field Methods: A Primer, Hallam-Brooke, 1979.",
            "Field Methods: A Primer",
            "Hallam-Brooke",
        ),
        ("DURAND, Anne, Les Jardins du Nord, Ombrelle, 2004", "Les Jardins du Nord", "Ombrelle"),
    ],
)
def test_a_name_set_off_by_commas_before_the_closing_year_is_the_publisher(
    text: str, title: str, publisher: str
) -> None:
    # year-last styles (IEEE, Chicago notes): 'Title, Publisher, Year.'
    ref = parse(text)
    assert (ref.title, ref.publisher) == (title, publisher)


@pytest.mark.parametrize(
    "text",
    [
        "P. Marsh, Studies in the Epic Tradition, Göttingen 1971.",  # a place runs into its year
        "T. Holm, Song and Memory: Essays, Leeds and York, 1988.",  # places, not a name
        "P. Marsh, Studies in the Epic Tradition, Paris, 1971.",  # a publishing city
    ],
)
def test_a_place_before_the_closing_year_is_no_publisher(text: str) -> None:
    assert parse(text).publisher == ""


def test_the_year_repeated_after_the_imprint_ends_it() -> None:
    # 'Rouse, H., 1946. Fluid Mechanics, Wiley, New York, 1946.': the year again after the places
    ref = parse("Hale, J., 1961. Open Channel Flow, Kestrel, New York, 1961.")
    assert (ref.title, ref.publisher) == ("Open Channel Flow", "Kestrel")


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Orr, T. Signal Theory. Kestrel Books, Boston MA, 1971.", "Kestrel Books"),  # a state code, no comma
        ("Ives, R. Survey Design. Hallam and Sons, Inc., Leeds, York, 2 edition, 1981.", "Hallam and Sons, Inc."),
        ("Pike, L. Parsers. Orme-Vale, Reading, MA, second edition, 1990.", "Orme-Vale"),
        ("Dunn, A. Logic. The Harbour Press, Bristol, Avon and Leeds, England, 1985.", "The Harbour Press"),
    ],
)
def test_places_and_editions_after_the_publisher_are_dropped(text: str, publisher: str) -> None:
    assert parse(text).publisher == publisher


def test_and_after_a_place_joins_a_name_not_two_places() -> None:
    ref = parse("Kell, N. (2012). Weather Ahead. New York City, NY, Simon and Schuster.")
    assert ref.publisher == "Simon and Schuster"


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        # APA: a translator before the imprint, a note after it
        ("Weil, S. (1990). Essais. (B. Roy, Trans.). Lyon, France : Ombre. (Original work published 1931).", "Ombre"),
        ("MARSH, Tom. [1790] 1962. Letters. Edited by A. Wood. Leeds:Harbour", "Harbour"),  # no space after the colon
        ("Hale, P. (2009). Rivers. Field Guides. Kansas City, MO, Kestrel.", "Kestrel"),  # place and state first
        ("NRA. 1994. Toxicity of lead in rats. National Research Agency TR94017. 92 p.", "National Research Agency"),
    ],
)
def test_notes_colons_places_and_report_numbers_around_the_publisher(text: str, publisher: str) -> None:
    assert parse(text).publisher == publisher


@pytest.mark.parametrize("text", ["Ross, K. Nets. Kestrel, NY, USA, 1999.", "Ross, K. Nets. Kestrel Books 3M, 1999."])
def test_a_name_before_its_state_code_stays_the_name(text: str) -> None:
    assert parse(text).publisher.startswith("Kestrel")
